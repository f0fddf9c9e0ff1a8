#!/usr/bin/env bash
# Benchmark of reconciliation at scale: a million persons (1.3 million Okta and Google records) against about a million
# Phorge accounts, staged and reconciled as the nightly job does, within -Xmx1g, on two consecutive nights.
# Usage: bench/reconcile.sh [PERSONS] [--postgres JDBC_URL] [--h2-settings ";CACHE_SIZE=131072"] [--nights N] [--seed SEED]
#        (default 1000000 persons, two nights, a fresh H2 file under target/bench-reconcile with the job's default settings)
# Appends the result to bench/results/reconcile-<date>.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
mkdir -p bench/results
# the H2 store takes tens of gigabytes at a million persons: kept only when asked (KEEP_STORE=1), e.g. to EXPLAIN
trap '[ -n "${KEEP_STORE:-}" ] || rm -rf target/bench-reconcile' EXIT
out="bench/results/reconcile-$(date -u +%Y-%m-%d).md"
[ -f "$out" ] || printf '# Reconciliation at a million identities, -Xmx1g\n\nMachine: %s cores, %s GiB; %s.\n\n' "$(nproc)" \
	"$(free -g | awk '/Mem:/ {print $2}')" "$(java -version 2>&1 | head -1)" >"$out"
java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" dev.idsync.bench.ReconcileBenchmark "$@" \
	2>target/bench-reconcile.log | tee -a "$out"
