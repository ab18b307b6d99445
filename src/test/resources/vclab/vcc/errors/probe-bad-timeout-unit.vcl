vcl 4.1;
probe p {
	.timeout = 2 seconds;
}
backend b1 {
	.host = "127.0.0.1";
	.probe = p;
}
