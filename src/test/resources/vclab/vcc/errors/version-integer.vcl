vcl 4;
backend b1 {
	.host = "127.0.0.1";
	.port = "8080";
}
