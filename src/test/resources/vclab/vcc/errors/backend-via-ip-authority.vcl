vcl 4.1;
backend b1 {
	.host = "127.0.0.1";
	.port = "8080";
}
backend b2 {
	.host = "127.0.0.2";
	.via = b1;
}
sub vcl_recv {
	set req.backend_hint = b2;
}
