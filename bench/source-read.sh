#!/usr/bin/env bash
# Benchmark of the identity-source reads against the simulator, Okta's rate limit enforced.
# Usage: bench/source-read.sh [OKTA_USERS GOOGLE_USERS OKTA_REQUESTS_PER_MINUTE]   (default 100000 50000 600)
# Appends the result to bench/results/source-read-<date>.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
mkdir -p bench/results
out="bench/results/source-read-$(date -u +%Y-%m-%d).md"
[ -f "$out" ] || printf '# Identity-source reads against the simulator\n\nMachine: %s cores; %s.\n\n' "$(nproc)" "$(java -version 2>&1 | head -1)" >"$out"
{
	echo "## $(date -u +%H:%MZ): ${1:-100000} Okta users, ${2:-50000} Google users, Okta limit ${3:-600}/min"
	echo '```'
	java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" dev.idsync.bench.SourceReadBenchmark "$@" 2>/dev/null
	echo '```'
	echo
} | tee -a "$out"
