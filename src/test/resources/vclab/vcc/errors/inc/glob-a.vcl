sub vcl_recv {
	set req.http.glob-a = "1";
}
