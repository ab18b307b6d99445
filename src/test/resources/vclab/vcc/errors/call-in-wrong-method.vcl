vcl 4.1;

backend b1 {
	.host = "127.0.0.1";
	.port = "8080";
}

sub uses_req {
	set req.http.x = "1";
}
sub vcl_backend_fetch {
	call uses_req;
}
