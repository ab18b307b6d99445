vcl 4.1;

backend b1 {
	.host = "127.0.0.1";
	.port = "8080";
}

sub vcl_backend_response {
	if (beresp.http.x && beresp.ttl == 1s && 1.5) {
		return (deliver);
	}
}
