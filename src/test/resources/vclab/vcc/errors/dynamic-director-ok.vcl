# vclab-settings: vclab-only
vcl 4.1;
import dynamic;
backend b1 {
	.host = "127.0.0.1";
	.port = "8080";
}
probe p { .url = "/"; }
acl wl { "127.0.0.1"; }
sub vcl_init {
	new d = dynamic.director(port = "8080", probe = p, whitelist = wl, ttl = 5m);
}
sub vcl_recv {
	set req.backend_hint = d.backend("example.com");
}
