#!/bin/sh
# Explorer speed on the R1 race script, vtc-cases/explore/r1-double-warm.vtc, and on the
# Java-level R1 scenario (src/test/java/vclab/explore/RaceR1.java). Prints each figure after
# the exact command that produced it, with the machine's load:
#   - the time from the start of the search to the first failing schedule under v7.6;
#   - schedules and runs per second of the complete bounded search under v8.0, with the
#     peak resident set of the JVM (from /usr/bin/time);
#   - the peak resident set of random walks of 20,000 and 200,000 schedules (flat memory).
# First through bin/vclab explore (a fresh JVM, so the JIT is cold), then in one JVM on the
# test class path (vclab.explore.VtcExploreBenchmark and ExploreBenchmark), where all but
# the first search run warm.
# Usage: bench/explore.sh [bound] [workers]   (default 2 and 2). Results also go to
# bench/results/.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
bound=${1:-2}
workers=${2:-2}
script="$here/vtc-cases/explore/r1-double-warm.vtc"

# The launcher builds the jar when needed and names the JDK it picks.
java_home=$(VCLAB_SHOW_JAVA=1 "$here/bin/vclab" --version 2>&1 >/dev/null \
    | sed -n 's/.*vclab: using \(.*\) (Java .*/\1/p')
java="${java_home:+$java_home/bin/}java"

tmp=$(mktemp -d /tmp/vclab-bench.XXXXXX)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$here/bench/results"
out="$here/bench/results/explore-$(date +%Y%m%dT%H%M%S).txt"

# Prints the command, then runs it.
run() {
    echo "\$ $*"
    "$@"
}

# Prints fields of an explore --json report.
fields() {
    python3 -c 'import json, sys
r = json.load(open(sys.argv[1]))
s = r["seconds"]
print("  schedules %d, runs %d searching and %d minimising, pruned %d, complete %s,"
      " %.2f s: %.0f runs/s; first failure at %.3f s" % (r["schedules"], r["searchRuns"],
      r["minimizeRuns"], r["pruned"], r["complete"], s, r["searchRuns"] / s if s else 0,
      r["firstFailureSeconds"]))' "$1"
}

{
    echo "# bench/explore.sh bound $bound, $workers workers, $(date -u +%Y-%m-%dT%H:%M:%SZ)," \
        "$(uname -srm), $(nproc) CPUs, load average $(cut -d ' ' -f 1-3 /proc/loadavg)"
    echo "# JVM: $("$java" -version 2>&1 | head -n 1)"

    cd "$tmp"
    echo "\$ $here/bin/vclab explore --quiet --model v7.6 --workers $workers" \
        "--json $tmp/first.json $script"
    "$here/bin/vclab" explore --quiet --model v7.6 --workers "$workers" \
        --json "$tmp/first.json" "$script" | tail -n 2 | head -n 1 || true
    fields "$tmp/first.json"
    run /usr/bin/time -f "  peak RSS %M KiB, %e s wall" "$here/bin/vclab" explore --quiet \
        --model v8.0 --bound "$bound" --workers "$workers" --json "$tmp/full.json" "$script" \
        2>&1
    fields "$tmp/full.json"

    # Flat memory: random walks of 10 times as many schedules must peak at about the same
    # resident set, because a run's state is dropped when the run ends.
    for n in 20000 200000; do
        run /usr/bin/time -f "  peak RSS %M KiB, %e s wall" "$here/bin/vclab" explore --quiet \
            --model v8.0 --strategy random --max-schedules "$n" --workers "$workers" \
            --json "$tmp/walk.json" "$script" 2>&1
        fields "$tmp/walk.json"
    done

    (cd "$here" && mvn -q -o test-compile dependency:build-classpath \
        -Dmdep.outputFile="$tmp/cp.txt" >/dev/null 2>&1)
    cp="$here/target/classes:$here/target/test-classes:$(cat "$tmp/cp.txt")"
    echo "# load average $(cut -d ' ' -f 1-3 /proc/loadavg)"
    run "$java" -XX:+UseSerialGC -cp "$cp" vclab.explore.VtcExploreBenchmark "$script" v7.6 \
        v8.0 "$bound" "$workers"
    echo "# load average $(cut -d ' ' -f 1-3 /proc/loadavg)"
    run "$java" -XX:+UseSerialGC -cp "$cp" vclab.explore.ExploreBenchmark "$workers"
} 2>&1 | tee "$out"
