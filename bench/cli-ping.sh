#!/bin/sh
# CLI ping round trips per second over one authenticated connection, measured by one Java
# client (vclab.cli.bench.CliPingBench) against, side by side:
#   - a real varnishd (when installed), started here on loopback;
#   - bin/vclab serve, the simulated varnishd with its whole command dispatcher;
#   - vclab's CliServer with the ping-only benchmark service, in a JVM of its own, once with
#     bin/vclab's JVM flags and once with the JVM's defaults.
# Peak memory is the server process's VmHWM (peak resident set) from /proc.
# Usage: bench/cli-ping.sh [seconds]   (default 10). Results also go to bench/results/.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-10}
jar="$here/target/vclab.jar"

# The launcher builds the jar when needed and names the JDK it picks.
java_home=$(VCLAB_SHOW_JAVA=1 "$here/bin/vclab" --version 2>&1 >/dev/null \
    | sed -n 's/.*vclab: using \(.*\) (Java [0-9]*)$/\1/p')
java="${java_home:+$java_home/bin/}java"
launcher_flags="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto"

tmp=$(mktemp -d /tmp/vclab-bench.XXXXXX)
chmod 755 "$tmp"
head -c 32 /dev/urandom | base64 > "$tmp/secret"
mkdir -p "$here/bench/results"
out="$here/bench/results/cli-ping-$(date +%Y%m%dT%H%M%S).txt"
varnishd_pid=""
server_pid=""

cleanup() {
    [ -n "$varnishd_pid" ] && kill "$varnishd_pid" 2>/dev/null || true
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

peak_kib() {
    sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB$/\1/p' "/proc/$1/status"
}

client() {
    "$java" -cp "$jar" vclab.cli.bench.CliPingBench ping "$@" -d "$seconds" -w 2
}

measure_vclab() {
    label=$1
    shift
    rm -f "$tmp/hold" "$tmp/address"
    mkfifo "$tmp/hold"
    # The fifo keeps the server's stdin open; closing fd 3 stops the server.
    "$java" "$@" -cp "$jar" vclab.cli.bench.CliPingBench serve-ping -T 127.0.0.1:0 \
        -S "$tmp/secret" < "$tmp/hold" > "$tmp/address" 2>/dev/null &
    server_pid=$!
    exec 3>"$tmp/hold"
    while [ ! -s "$tmp/address" ]; do sleep 0.1; done
    address=$(head -n 1 "$tmp/address" | tr ' ' ':')
    result=$(client -T "$address" -S "$tmp/secret")
    echo "vclab CliServer, PingOnlyService, $label: $result peak_rss=$(peak_kib "$server_pid")KiB"
    exec 3>&-
    wait "$server_pid" || true
    server_pid=""
}

# measure_serve: the full model behind `bin/vclab serve`, found through its working directory
# as varnishadm -n finds a varnishd.
measure_serve() {
    rm -rf "$tmp/vwd"
    "$here/bin/vclab" serve -n "$tmp/vwd" -T 127.0.0.1:0 -S "$tmp/secret" -b none \
        >/dev/null 2>&1 &
    server_pid=$!
    while [ ! -s "$tmp/vwd/_.vsm_mgt/_.index" ]; do sleep 0.1; done
    sleep 0.5
    result=$(client -n "$tmp/vwd")
    echo "bin/vclab serve (the model): $result" \
        "peak_rss=$(peak_kib "$server_pid")KiB"
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
}

{
    echo "# bench/cli-ping.sh $seconds s, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(uname -srm)," \
        "$(nproc) CPUs"
    echo "# client and vclab JVM: $("$java" -version 2>&1 | head -n 1)"
    if command -v varnishd >/dev/null 2>&1; then
        varnishd -n "$tmp/wd" -a 127.0.0.1:0 -T 127.0.0.1:0 -S "$tmp/secret" -b none \
            -P "$tmp/varnishd.pid" >/dev/null 2>&1
        varnishd_pid=$(cat "$tmp/varnishd.pid")
        result=$(client -n "$tmp/wd")
        version=$(varnishd -V 2>&1 | head -n 1)
        echo "$version manager: $result peak_rss=$(peak_kib "$varnishd_pid")KiB"
        kill "$varnishd_pid"
        varnishd_pid=""
    else
        echo "varnishd: not installed, skipped"
    fi
    measure_serve
    # shellcheck disable=SC2086
    measure_vclab "bin/vclab flags ($launcher_flags)" $launcher_flags
    measure_vclab "JVM default flags"
} | tee "$out"
