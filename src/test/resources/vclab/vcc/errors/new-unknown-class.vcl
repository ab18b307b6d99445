vcl 4.1;
import directors;
backend b1 {
	.host = "127.0.0.1";
	.port = "8080";
}
sub vcl_init {
	new d = directors.nosuch();
}
