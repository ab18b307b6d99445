vcl 4.1;
probe p {
	.expected_response = 42;
}
backend b1 {
	.host = "127.0.0.1";
	.probe = p;
}
