sub vcl_recv {
	set req.url = req.nosuch;
}
