vcl 4.1;
backend b1 {
	.path = "relative.sock";
}
