vcl 4.1;
import std;
import directors;

probe p_health {
	.url = "/health";
	.interval = 1s;
	.timeout = 500ms;
	.window = 3;
	.threshold = 2;
	.initial = 2;
}

backend b1 {
	.host = "127.0.0.1";
	.port = "8080";
	.probe = p_health;
	.connect_timeout = 2s;
}

backend b2 {
	.host = "127.0.0.1";
	.port = "8081";
	.probe = {
		.request = "GET / HTTP/1.1" "Host: x";
	}
}

acl purgers {
	"127.0.0.1";
	"10.0.0.0"/8;
	! "10.1.0.0"/16;
}

sub vcl_init {
	new rr = directors.round_robin();
	rr.add_backend(b1);
	rr.add_backend(b2);
}

sub vcl_recv {
	if (req.method == "PURGE" && client.ip ~ purgers) {
		return (purge);
	} elsif (req.url ~ "^/static/") {
		set req.backend_hint = b2;
	} else {
		set req.backend_hint = rr.backend();
	}
	set req.http.X-Len = std.integer(req.http.content-length, 0) + 1;
	std.log("recv " + req.url);
	call normalize;
}

sub normalize {
	set req.url = regsub(req.url, "\?.*$", "");
	unset req.http.Cookie;
}

sub vcl_backend_response {
	set beresp.ttl = 1h;
	set beresp.grace += 10s;
	if (beresp.status >= 500) {
		return (retry);
	}
}

sub vcl_synth {
	set resp.body = "synth " + resp.status;
	return (deliver);
}
