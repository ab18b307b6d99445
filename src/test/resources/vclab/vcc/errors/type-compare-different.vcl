vcl 4.1;

backend b1 {
	.host = "127.0.0.1";
	.port = "8080";
}

sub vcl_recv {
	if (req.restarts == "0") {
		return (pass);
	}
}
