vcl 4.1;
backend vcl_b {
	.host = "127.0.0.1";
}
