# vclab's stand-in for the builtin VCL of Varnish 8.0, used when no varnishd
# of that release is installed. Varnish compiles it after every VCL: each
# method below runs after the VCL's own code for that method, unless that
# code returned. The behaviour is Varnish 8.0's; the text is vclab's.

vcl 4.0;

# Client requests ----------------------------------------------------------

sub vcl_recv {
	call vcl_builtin_recv;
	return (hash);
}

sub vcl_builtin_recv {
	call vcl_req_host;
	call vcl_req_method;
	call vcl_req_authorization;
	call vcl_req_cookie;
}

# Normalise the Host header; HTTP/1.1 requests must carry one.
sub vcl_req_host {
	if (req.http.host ~ "[[:upper:]]") {
		set req.http.host = req.http.host.lower();
	}
	if (!req.http.host && req.esi_level == 0 && req.proto == "HTTP/1.1") {
		return (synth(400));
	}
}

# Unknown methods are refused and the connection closed; only GET and
# HEAD are looked up in the cache.
sub vcl_req_method {
	if (req.method != "GET" && req.method != "HEAD" &&
	    req.method != "PUT" && req.method != "POST" &&
	    req.method != "TRACE" && req.method != "OPTIONS" &&
	    req.method != "DELETE" && req.method != "PATCH") {
		set req.http.Connection = "close";
		return (synth(501));
	}
	if (req.method != "GET" && req.method != "HEAD") {
		return (pass);
	}
}

# Responses to authorized requests are private.
sub vcl_req_authorization {
	if (req.http.Authorization) {
		return (pass);
	}
}

# Requests with cookies may get personal responses.
sub vcl_req_cookie {
	if (req.http.Cookie) {
		return (pass);
	}
}

sub vcl_pipe {
	call vcl_builtin_pipe;
	# Varnish itself adds "Connection: close" to piped requests.
	return (pipe);
}

sub vcl_builtin_pipe {
}

sub vcl_pass {
	call vcl_builtin_pass;
	return (fetch);
}

sub vcl_builtin_pass {
}

sub vcl_hash {
	call vcl_builtin_hash;
	return (lookup);
}

# The cache key: the URL, and the Host header or else the server address.
sub vcl_builtin_hash {
	hash_data(req.url);
	if (req.http.host) {
		hash_data(req.http.host);
	} else {
		hash_data(server.ip);
	}
}

sub vcl_purge {
	call vcl_builtin_purge;
	return (synth(200, "Purged"));
}

sub vcl_builtin_purge {
}

sub vcl_hit {
	call vcl_builtin_hit;
	return (deliver);
}

sub vcl_builtin_hit {
}

sub vcl_miss {
	call vcl_builtin_miss;
	return (fetch);
}

sub vcl_builtin_miss {
}

sub vcl_deliver {
	call vcl_builtin_deliver;
	return (deliver);
}

sub vcl_builtin_deliver {
}

# Also reached without a return (synth()) when an internal 500 or 503
# is delivered to the client.
sub vcl_synth {
	call vcl_builtin_synth;
	return (deliver);
}

sub vcl_builtin_synth {
	set resp.http.Content-Type = "text/html; charset=utf-8";
	set resp.http.Retry-After = "5";
	set resp.body = {"<!DOCTYPE html>
<html>
  <head>
    <title>"} + resp.status + " " + resp.reason + {"</title>
  </head>
  <body>
    <h1>Error "} + resp.status + " " + resp.reason + {"</h1>
    <p>"} + resp.reason + {"</p>
    <h3>Guru Meditation:</h3>
    <p>XID: "} + req.xid + {"</p>
    <hr>
    <p>Varnish cache server</p>
  </body>
</html>
"};
}

# Backend fetches ----------------------------------------------------------

sub vcl_backend_fetch {
	call vcl_builtin_backend_fetch;
	return (fetch);
}

# A GET carries no body to the backend.
sub vcl_builtin_backend_fetch {
	if (bereq.method == "GET") {
		unset bereq.body;
	}
}

sub vcl_backend_refresh {
	call vcl_builtin_backend_refresh;
	return (merge);
}

# A 304 answer revalidates the stale object only if the object is still
# valid, the request was conditional and the object was a 200.
sub vcl_builtin_backend_refresh {
	call vcl_refresh_valid;
	call vcl_refresh_conditions;
	call vcl_refresh_status;
}

sub vcl_refresh_valid {
	if (!obj_stale.is_valid) {
		return (error(503, "Invalid object for refresh"));
	}
}

sub vcl_refresh_conditions {
	if (!bereq.http.if-modified-since && !bereq.http.if-none-match) {
		return (error(503, "Unexpected 304"));
	}
}

sub vcl_refresh_status {
	if (obj_stale.status != 200) {
		return (error(503, "Invalid object for refresh"));
	}
}

sub vcl_backend_response {
	call vcl_builtin_backend_response;
	return (deliver);
}

sub vcl_builtin_backend_response {
	call vcl_beresp_range;
	if (bereq.uncacheable) {
		return (deliver);
	}
	call vcl_beresp_stale;
	call vcl_beresp_cookie;
	call vcl_beresp_control;
	call vcl_beresp_vary;
}

sub vcl_beresp_stale {
	if (beresp.ttl <= 0s) {
		call vcl_beresp_hitmiss;
	}
}

sub vcl_beresp_cookie {
	if (beresp.http.Set-Cookie) {
		call vcl_beresp_hitmiss;
	}
}

sub vcl_beresp_control {
	if (beresp.http.Surrogate-control ~ "(?i)no-store" ||
	    (!beresp.http.Surrogate-Control &&
	      beresp.http.Cache-Control ~ "(?i:no-cache|no-store|private)")) {
		call vcl_beresp_hitmiss;
	}
}

sub vcl_beresp_vary {
	if (beresp.http.Vary == "*") {
		call vcl_beresp_hitmiss;
	}
}

# Content-Range belongs to 206 and 416 responses only.
sub vcl_beresp_range {
	if (beresp.status != 206 && beresp.status != 416) {
		unset beresp.http.Content-Range;
	}
}

# Remember for uncacheable_ttl that this object is not to be cached.
sub vcl_beresp_hitmiss {
	set beresp.ttl = param.uncacheable_ttl;
	set beresp.uncacheable = true;
	return (deliver);
}

sub vcl_backend_error {
	call vcl_builtin_backend_error;
	return (deliver);
}

sub vcl_builtin_backend_error {
	set beresp.http.Content-Type = "text/html; charset=utf-8";
	set beresp.http.Retry-After = "5";
	set beresp.body = {"<!DOCTYPE html>
<html>
  <head>
    <title>"} + beresp.status + " " + beresp.reason + {"</title>
  </head>
  <body>
    <h1>Error "} + beresp.status + " " + beresp.reason + {"</h1>
    <p>"} + beresp.reason + {"</p>
    <h3>Guru Meditation:</h3>
    <p>XID: "} + bereq.xid + {"</p>
    <hr>
    <p>Varnish cache server</p>
  </body>
</html>
"};
}

# Loading and discarding ---------------------------------------------------

sub vcl_init {
	return (ok);
}

sub vcl_fini {
	return (ok);
}
