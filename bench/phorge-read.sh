#!/usr/bin/env bash
# Benchmark of reading Phorge: the whole nightly job against the simulator with about 100,000 Phorge accounts,
# through Conduit alone and with Phorge's database. Accounts read per second, step times, Conduit calls per 1,000
# accounts.
# Usage: bench/phorge-read.sh [PEOPLE [SEED]]   (default 121000 20261129: about 100,000 accounts)
# Appends the result to bench/results/phorge-read-<date>.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
mkdir -p bench/results
out="bench/results/phorge-read-$(date -u +%Y-%m-%d).md"
[ -f "$out" ] || printf '# Reading Phorge: Conduit alone vs. with its database\n\nMachine: %s cores; %s.\n\n' "$(nproc)" "$(java -version 2>&1 | head -1)" >"$out"
{
	echo "## $(date -u +%H:%MZ): ${1:-121000} people"
	echo '```'
	java -Xmx4g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" dev.idsync.bench.PhorgeReadBenchmark "$@" 2>/dev/null
	echo '```'
	echo
} | tee -a "$out"
