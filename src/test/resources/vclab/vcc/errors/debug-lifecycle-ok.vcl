vcl 4.1;
import debug;
backend b1 {
	.host = "127.0.0.1";
	.port = "8080";
}
sub vcl_init {
	debug.vcl_discard_delay(3s);
	new d1 = debug.dyn("127.0.0.1", "8080");
	new o = debug.obj();
}
sub vcl_recv {
	debug.vcl_prevent_cold();
	set req.backend_hint = d1.backend();
}
