#!/usr/bin/env bash
# Benchmark of the whole nightly job against the built-in simulator (same JVM, loopback), at several sizes.
# Usage: bench/nightly-sync.sh [PEOPLE ...]   (default: 2000 20000 50000)
# Writes bench/results/nightly-sync-<date>.md with wall time, peak RSS and each step's time.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-2000 20000 50000}")
[ $# -eq 0 ] && sizes=(2000 20000 50000)
[ -f target/idsync.jar ] || mvn -q -B -DskipTests package
mkdir -p bench/results
out="bench/results/nightly-sync-$(date -u +%Y-%m-%d).md"
work="$(mktemp -d)"
{
	echo "# nightlySyncJob against the simulator, $(date -u +%Y-%m-%dT%H:%MZ)"
	echo
	echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1)."
	echo "Simulator and job share one JVM (java -jar target/idsync.jar demo); H2 file store in a fresh directory."
	echo
	echo "| people | accounts | wall s | peak RSS MiB | read okta ms | read google ms | read phorge ms | correlate email ms | classify ms | findings match truth |"
	echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
} >"$out"
for n in "${sizes[@]}"; do
	rm -rf "$work/run" && mkdir -p "$work/run"
	log="$work/run.log"
	( cd "$work/run" && /usr/bin/time -v java -jar "$OLDPWD/target/idsync.jar" demo --people "$n" --report-dir reports ) >"$log" 2>&1
	step() { grep -E " $1 " "$log" | sed -E 's/.* in +([0-9]+) ms.*/\1/'; }
	wall=$(grep "Elapsed (wall clock)" "$log" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
	rss=$(grep "Maximum resident" "$log" | awk '{print int($NF/1024)}')
	accounts=$(grep -E "^Simulator:" "$log" | sed -E 's/.* ([0-9]+) Phorge accounts.*/\1/')
	match=$(grep -q "match the simulator's planted truth exactly" "$log" && echo yes || echo NO)
	echo "| $n | $accounts | $wall | $rss | $(step readOktaStep) | $(step readGoogleStep) | $(step readAccountsStep) | $(step correlateByEmailStep) | $(( $(step classifyAccountsStep) + $(step classifyPersonsStep) )) | $match |" >>"$out"
done
rm -rf "$work"
cat "$out"
