vcl 4.1;
backend b.x {
	.host = "127.0.0.1";
}
