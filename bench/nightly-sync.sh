#!/usr/bin/env bash
# Benchmark of the whole nightly job as an admin runs it: 'idsync sim serve' in its own process (so that the job's
# own memory is what is measured), then 'idsync run' against it twice (night 1 on an empty store, night 2 with night 1
# as its baseline), on H2 and on PostgreSQL, at several organisation sizes.
#
# Usage: bench/nightly-sync.sh [--stores "h2 postgresql"] [--label TEXT] [PEOPLE ...]   (default: 10000 100000)
#   JAR=path/to/idsync.jar   the jar to measure (default target/idsync.jar, built when missing): e.g. an older build
#   POSTGRES=jdbc:postgresql://127.0.0.1:5432/test?user=postgres   the PostgreSQL server (a fresh schema per run)
#   JOB_HEAP=512m            the job's -Xmx (default 512m up to 100,000 people, 1g above)
#   SIM_HEAP=8g              the simulator's -Xmx
#   SIM_OPTS="..."           more options for 'sim serve', e.g. --okta-rate-limit 6000 to look past Okta's pacing of
#                            /api/v1/users (600 requests of 200 users a minute by default: 7 minutes at a million people)
#   JOB_OPTS="..."           more options for the job's JVM, e.g. a flight recording (-XX:StartFlightRecording=…)
#   KEEP=1                   keep the working folder (stores, logs, reports) under /tmp instead of removing it
#   RUN_TIMEOUT=SECONDS      stop a night that takes longer, and record it as stopped (default: none)
# A night stopped by RUN_TIMEOUT is recorded as stopped, with the steps it completed.
# Records, for each size, store and night: wall, CPU seconds, peak RSS, peak heap after a collection, the store's size
# on disk, whether the report equals the planted truth, and each step's time with its peak heap after a collection.
# Appends to bench/results/nightly-sync-<date>.md. Needs /usr/bin/time, jq, and psql for PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
stores="h2 postgresql"
label=""
sizes=()
while [ $# -gt 0 ]; do
	case "$1" in
		--stores) stores="$2"; shift 2 ;;
		--label) label="$2"; shift 2 ;;
		*) sizes+=("$1"); shift ;;
	esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
jar="${JAR:-target/idsync.jar}"
[ -f "$jar" ] || mvn -q -B -DskipTests package
jar="$(readlink -f "$jar")"
postgres="${POSTGRES:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}"
for tool in /usr/bin/time jq; do
	command -v "$tool" >/dev/null || { echo "bench: $tool is needed (apt-get install time jq)" >&2; exit 1; }
done

# psql's arguments from the JDBC URL jdbc:postgresql://HOST:PORT/DB?user=USER
pg_host="$(sed -E 's#^jdbc:postgresql://([^:/]+).*#\1#' <<<"$postgres")"
pg_port="$(sed -E 's#^jdbc:postgresql://[^:/]+:?([0-9]*)/.*#\1#' <<<"$postgres")"
pg_db="$(sed -E 's#^jdbc:postgresql://[^/]+/([^?]+).*#\1#' <<<"$postgres")"
pg_user="$(sed -nE 's#.*[?&]user=([^&]+).*#\1#p' <<<"$postgres")"
psql_() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -t -A -h "$pg_host" -p "${pg_port:-5432}" -U "${pg_user:-postgres}" -d "$pg_db" "$@"; }

mkdir -p bench/results
out="bench/results/nightly-sync-$(date -u +%Y-%m-%d).md"
work="$(mktemp -d /tmp/idsync-bench.XXXXXX)"
sim=""
cleanup() {
	if [ -n "$sim" ]; then kill "$sim" 2>/dev/null || true; wait "$sim" 2>/dev/null || true; fi
	if [ -n "${KEEP:-}" ]; then echo "bench: kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

[ -s "$out" ] || printf '# The nightly job against the simulator in its own process, nights 1 and 2, H2 and PostgreSQL\n\nMade by bench/nightly-sync.sh.\n' >"$out"
commit="$(unzip -p "$jar" BOOT-INF/classes/git.properties 2>/dev/null | sed -nE 's/^git.commit.id.abbrev=//p')"
{
	echo
	echo "## $(date -u +%Y-%m-%dT%H:%MZ)${label:+: $label}"
	echo
	echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(free -g | awk '/Mem:/ {print $2}') GiB;"
	echo "$(java -version 2>&1 | head -1); idsync ${commit:-of an unknown commit} ($(basename "$jar")); PostgreSQL $(psql_ -c 'SHOW server_version' 2>/dev/null || echo 'unreachable')."
	echo "The simulator (\`idsync sim serve --seed 7${SIM_OPTS:+ $SIM_OPTS}\`) runs in its own JVM on the same two cores; the job is \`idsync run\` in report mode,"
	echo "nothing else running. Heap: the most a garbage collection left (the live set), from the job's GC log."
	echo
	echo "| people | store | night | wall s | CPU s | peak RSS MiB | peak heap MiB | reading s | the rest s | store MiB | report = planted truth |"
	echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
} >>"$out"

steps="$work/steps.tsv"   # size store night step seconds heapMiB
: >"$steps"

# Seconds of the day from HH:MM:SS.mmm
secs() { awk -F'[:.]' '{ print $1 * 3600 + $2 * 60 + $3 + $4 / 1000 }' <<<"$1"; }

for n in "${sizes[@]}"; do
	heap="${JOB_HEAP:-$([ "$n" -le 100000 ] && echo 512m || echo 1g)}"
	rm -rf "$work/sim" && mkdir -p "$work/sim"
	java -Xmx"${SIM_HEAP:-8g}" -jar "$jar" sim serve --people "$n" --seed 7 ${SIM_OPTS:-} --config-out "$work/sim/idsync.yml" \
		--truth-out "$work/sim/truth.json" >"$work/sim/sim.log" 2>&1 &
	sim=$!
	for _ in $(seq 1800); do
		grep -q "^Serving until interrupted" "$work/sim/sim.log" && break
		kill -0 "$sim" 2>/dev/null || { echo "bench: sim serve ended: $(tail -n 20 "$work/sim/sim.log")" >&2; exit 1; }
		sleep 1
	done
	jq -r '.findings[] | .category + " " + (if .username then "@" + .username else .identity end)' \
		"$work/sim/truth.json" | sort >"$work/sim/truth.keys"
	for store in $stores; do
		run="$work/run-$store" && rm -rf "$run" && mkdir -p "$run"
		cp "$work/sim/idsync.yml" "$run/idsync.yml"
		schema="idsync_bench_$n"
		if [ "$store" = h2 ]; then
			url="jdbc:h2:file:$run/var/idsync"
		else
			psql_ -c "DROP SCHEMA IF EXISTS $schema CASCADE" -c "CREATE SCHEMA $schema"
			url="$postgres$([[ "$postgres" == *\?* ]] && echo '&' || echo '?')currentSchema=$schema"
		fi
		printf '  store:\n    url: "%s"\n  report:\n    dir: %s\n' "$url" "$run/reports" >>"$run/idsync.yml"
		for night in 1 2; do
			log="$run/night$night.log"
			set +e
			(cd "$run" && /usr/bin/time -v ${RUN_TIMEOUT:+timeout "$RUN_TIMEOUT"} java -Xmx"$heap" ${JOB_OPTS:-} \
				-Xlog:gc:file="$run/gc$night.log":time -jar "$jar" run --config "$run/idsync.yml") >"$log" 2>&1
			code=$?
			set -e
			# G1's "Pause ... 387M->269M(512M)": the heap after each collection
			gcs="$run/gc$night.tsv"
			awk 'match($0, /T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]\.[0-9]+/) {
					split(substr($0, RSTART + 1, RLENGTH - 1), t, /[:.]/)
					if (match($0, /[0-9]+M->[0-9]+M\(/)) {
						after = substr($0, RSTART, RLENGTH); sub(/.*->/, "", after); sub(/M\(/, "", after)
						print t[1] * 3600 + t[2] * 60 + t[3] + t[4] / 1000, after
					}
				}' "$run/gc$night.log" >"$gcs"
			peak=$(awk 'BEGIN {m = 0} $2 > m {m = $2} END {print m}' "$gcs")
			# reading: the time of readSourcesStep, which runs the reads of the different systems at once; an older
			# job that read one source after the other has no such step: the sum of its read steps
			reading=0; rest=0; together=""
			while read -r at step ms; do
				end=$(secs "$at")
				stepheap=$(awk -v from="$(awk -v e="$end" -v d="$ms" 'BEGIN {print e - d / 1000}')" -v to="$end" \
					'BEGIN {m = 0} $1 >= from && $1 <= to && $2 > m {m = $2} END {print m}' "$gcs")
				printf '%s\t%s\t%s\t%s\t%.1f\t%s\n' "$n" "$store" "$night" "$step" "$(awk -v ms="$ms" 'BEGIN {print ms / 1000}')" "$stepheap" >>"$steps"
				case "$step" in readSourcesStep) together=$ms ;; read*) reading=$((reading + ms)) ;; esac
			done < <(sed -nE 's/^([0-9:.]+) INFO  dev\.idsync\.job - ([A-Za-z]+Step) +[A-Z]+ +read.* in +([0-9]+) ms.*/\1 \2 \3/p' "$log")
			[ -z "$together" ] || reading=$together
			if [ "$code" = 124 ]; then
				step="$(sed -nE 's/.* - ([A-Za-z]+Step) +COMPLETED.*/\1/p' "$log" | tail -1)"
				printf '| %s | %s | %s | > %s (stopped after %s) | | | | | | | |\n' "$n" "$store" "$night" "$RUN_TIMEOUT" \
					"${step:-startup}" | tee -a "$out"
				# PostgreSQL goes on with the statement of a client that is gone: end it before the schema is dropped
				[ "$store" = h2 ] || psql_ -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = 'PostgreSQL JDBC Driver'" >/dev/null
				break
			fi
			[ "$code" -le 3 ] || { echo "bench: idsync run exited $code: $(tail -n 30 "$log")" >&2; exit 1; }
			wall=$(grep "Elapsed (wall clock)" "$log" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
			cpu=$(awk '/User time \(seconds\)|System time \(seconds\)/ {s += $NF} END {printf "%.0f", s}' "$log")
			rss=$(grep "Maximum resident" "$log" | awk '{print int($NF/1024)}')
			rest=$(awk -v w="$wall" -v r="$reading" 'BEGIN {printf "%.1f", w - r / 1000}')
			if [ "$store" = h2 ]; then
				size=$(du -sm "$run/var" | cut -f1)
			else
				size=$(psql_ -c "SELECT (COALESCE(SUM(pg_total_relation_size(c.oid)), 0) / 1048576)::bigint FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = '$schema' AND c.relkind IN ('r', 'm')")
			fi
			report="$(ls -d "$run"/reports/*/report.json 2>/dev/null | sort | tail -1)"
			jq -r '.findings[] | .category + " " + (if .username != null then "@" + .username else .identity end)' \
				"$report" | sort >"$run/report.keys"
			if cmp -s "$work/sim/truth.keys" "$run/report.keys"; then
				truth="yes ($(wc -l <"$run/report.keys") findings)"
			else
				truth="NO: $(comm -23 "$work/sim/truth.keys" "$run/report.keys" | wc -l) missing, $(comm -13 "$work/sim/truth.keys" "$run/report.keys" | wc -l) unexpected"
			fi
			printf '| %s | %s | %s | %s | %s | %s | %s | %.1f | %s | %s | %s |\n' "$n" "$store" "$night" "$wall" "$cpu" \
				"$rss" "$peak" "$(awk -v r="$reading" 'BEGIN {print r / 1000}')" "$rest" "$size" "$truth" | tee -a "$out"
			[ -n "${KEEP:-}" ] || rm -rf "$run/reports"
			[ -z "${KEEP:-}" ] || mv "$run/reports" "$run/reports-night$night"
		done
		[ "$store" = h2 ] || psql_ -c "DROP SCHEMA IF EXISTS $schema CASCADE"
	done
	kill "$sim" && wait "$sim" 2>/dev/null || true
	sim=""
done

# Each step's seconds and its peak heap after a collection (MiB), one column per size, store and night
{
	echo
	echo "Each step: seconds · peak heap after a collection during it, MiB (0: no collection during the step)."
	echo
	awk -F'\t' '
		{ run = $1 " " $2 " n" $3; if (!(run in seen)) { seen[run] = 1; runs[++r] = run }
		  if (!($4 in known)) { known[$4] = 1; order[++s] = $4 }
		  cell[$4, run] = $5 " · " $6 }
		END {
			printf "| step |"; for (i = 1; i <= r; i++) printf " %s |", runs[i]; print ""
			printf "|---|"; for (i = 1; i <= r; i++) printf "---:|"; print ""
			for (j = 1; j <= s; j++) { printf "| %s |", order[j]; for (i = 1; i <= r; i++) printf " %s |", cell[order[j], runs[i]]; print "" }
		}' "$steps"
} >>"$out"
echo "bench: results appended to $out"
