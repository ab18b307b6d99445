# included by include-nested-ok.vcl
include "./inner.vcl";
sub vcl_recv {
	call from_inner;
}
