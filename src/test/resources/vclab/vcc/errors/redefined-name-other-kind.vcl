vcl 4.1;

backend b1 {
	.host = "127.0.0.1";
	.port = "8080";
}

acl b1 { "1.2.3.4"; }
