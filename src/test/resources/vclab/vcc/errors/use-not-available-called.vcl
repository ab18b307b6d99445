vcl 4.1;

backend b1 {
	.host = "127.0.0.1";
	.port = "8080";
}

sub helper {
	set req.http.x = beresp.reason;
}
sub vcl_recv {
	call helper;
}
