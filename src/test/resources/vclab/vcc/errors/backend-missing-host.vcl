vcl 4.1;
backend b1 {
	.port = "80";
}
