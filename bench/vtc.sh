#!/bin/sh
# Wall time and peak memory of `bin/vclab test` as whole processes, JVM start included:
#   - the eight upstream scripts (../shared/upstream-vtc, or $VCLAB_SHARED/upstream-vtc);
#   - all of vtc-cases/;
#   - for comparison, Debian's varnishtest on the same upstream scripts (when installed; two of
#     them are newer than 7.1.1 and fail there, so every run uses -k).
# Each measurement runs N times (default 5) and prints the best and the median wall time, and
# the largest peak resident set (GNU time's "Maximum resident set size").
# Usage: bench/vtc.sh [N]. Results also go to bench/results/.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
shared=${VCLAB_SHARED:-$here/../shared}
upstream=$(ls "$shared"/upstream-vtc/*.vtc)
mkdir -p "$here/bench/results"
out="$here/bench/results/vtc-$(date +%Y%m%dT%H%M%S).txt"
tmp=$(mktemp -d /tmp/vclab-bench.XXXXXX)
trap 'rm -rf "$tmp"' EXIT INT TERM

# Build the jar (and the class-data archive) once, outside the measurements.
"$here/bin/vclab" test $upstream >/dev/null 2>&1 || true

# measure NAME COMMAND...: runs COMMAND $runs times; prints best, median, peak memory.
measure() {
    name=$1
    shift
    : > "$tmp/times"
    peak=0
    i=0
    while [ "$i" -lt "$runs" ]; do
        /usr/bin/time -f '%e %M' -o "$tmp/one" "$@" >/dev/null 2>&1 || true
        tail -n 1 "$tmp/one" > "$tmp/last"
        read -r wall kib < "$tmp/last"
        echo "$wall" >> "$tmp/times"
        [ "$kib" -gt "$peak" ] && peak=$kib
        i=$((i + 1))
    done
    sort -n "$tmp/times" > "$tmp/sorted"
    best=$(head -n 1 "$tmp/sorted")
    median=$(sed -n "$(( (runs + 1) / 2 ))p" "$tmp/sorted")
    printf '%-44s best %6.2f s  median %6.2f s  peak %4d MiB\n' "$name" "$best" "$median" \
        $((peak / 1024))
}

{
    echo "# bench/vtc.sh $runs on $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores," \
        "load $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "# $(VCLAB_SHOW_JAVA=1 "$here/bin/vclab" --version 2>&1 | head -n 1)"
    cd "$here"
    measure "vclab test: 8 upstream scripts" bin/vclab test $upstream
    measure "vclab test -j2: 8 upstream scripts" bin/vclab test -j2 $upstream
    measure "vclab test: vtc-cases/ ($(find vtc-cases -name '*.vtc' | wc -l) scripts)" \
        bin/vclab test -k vtc-cases/
    if command -v varnishtest >/dev/null 2>&1; then
        measure "varnishtest 7.1.1 -k: 8 upstream scripts" varnishtest -k $upstream
        measure "varnishtest 7.1.1 -k -j2: 8 upstream scripts" varnishtest -k -j2 $upstream
    fi
} | tee "$out"
