vcl 4.1;
backend b1 {
	set host = "127.0.0.1";
}
