vcl 4.1;

backend b1 {
	.host = "127.0.0.1";
	.port = "8080";
}

acl a {
	"10.0.0.0"/8;
	"10.1.2.0"/24;
}
sub vcl_recv {
	if (client.ip ~ a) {
		return (pass);
	}
}
