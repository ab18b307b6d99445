sub vcl_recv {
	set req.http.glob-b = "1";
}
