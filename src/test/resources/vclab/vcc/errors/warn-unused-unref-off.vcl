# vclab-settings: vcc_err_unref=off
vcl 4.1;
backend b1 {
	.host = "127.0.0.1";
	.port = "8080";
}
backend b2 { .host = "127.0.0.2"; }
acl a { "1.2.3.4"; }
sub foo { }
probe p { .url = "/"; }
