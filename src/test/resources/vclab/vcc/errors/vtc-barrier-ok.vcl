vcl 4.1;
import vtc;
backend b1 {
	.host = "127.0.0.1";
	.port = "8080";
}
sub vcl_recv {
	vtc.barrier_sync("127.0.0.1:1234", 1s);
	vtc.sleep(10ms);
}
