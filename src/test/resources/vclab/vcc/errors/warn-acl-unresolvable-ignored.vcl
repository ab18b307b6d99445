vcl 4.1;

backend b1 {
	.host = "127.0.0.1";
	.port = "8080";
}

acl a {
	("no.such.host.invalid");
	"10.0.0.0"/8;
}
sub vcl_recv {
	if (client.ip ~ a) {
		return (pass);
	}
}
