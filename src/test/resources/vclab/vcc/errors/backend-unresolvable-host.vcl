vcl 4.1;
backend b1 {
	.host = "no.such.host.invalid";
}
