vcl 4.1;
import std;
backend b1 {
	.host = "127.0.0.1";
	.port = "8080";
}
sub vcl_recv {
	if (std.strstr(req.url)) {
		return (pass);
	}
}
