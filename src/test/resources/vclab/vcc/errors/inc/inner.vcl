sub from_inner {
	set req.http.x-inner = "1";
}
