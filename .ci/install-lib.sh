# shellcheck shell=bash
# Shared by the install checks (.ci/check-archive, .ci/check-deb, .ci/check-image); sourced, not run.
# Each check prints one line per step, says plainly when and why it skips (exit 0), and fails (exit 1) only for
# what idsync's own files got wrong. Long outputs go to files under the check's temporary folder, shown on failure.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
check="$(basename "$0")"
started=$SECONDS

say() { echo "$check: $*"; }
skip() {
	say "SKIPPED: $*"
	exit 0
}
fail() {
	say "FAILED: $*" >&2
	exit 1
}
done_in() { say "OK in $((SECONDS - started)) s"; }

# Runs "$@" with its output in the file $1.log (under $work); on failure shows the output's end and fails.
logged() {
	local name=$1
	shift
	if ! "$@" >"$work/$name.log" 2>&1; then
		tail -n 40 "$work/$name.log" >&2
		fail "$name: '$*' exited non-zero (whole output: $work/$name.log)"
	fi
}

# Installs Debian packages that a check needs when they are missing; false (with the reason) when that fails.
need_packages() {
	local missing=()
	for package in "$@"; do
		dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	command -v apt-get >/dev/null 2>&1 || return 1
	say "installing ${missing[*]}"
	{ apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"; } \
		>/tmp/idsync-ci-apt.log 2>&1 || {
		say "could not install ${missing[*]} (see /tmp/idsync-ci-apt.log)"
		return 1
	}
}

# The packaged file matching target/$1, built by 'mvn package' (tests skipped) when missing or older than the sources.
packaged() {
	local file
	file="$(ls -t "$root"/target/$1 2>/dev/null | head -n 1)"
	if [ -z "$file" ] || [ -n "$(find "$root/pom.xml" "$root/src/main" "$root/src/dist" "$root/src/deb" "$root/sql" \
		"$root/cron" "$root/jobs" -newer "$file" -print -quit 2>/dev/null)" ]; then
		command -v mvn >/dev/null 2>&1 || fail "target/$1 is missing or stale, and there is no Maven to build it"
		say "building target/$1 (mvn package, tests skipped)" >&2
		(cd "$root" && mvn -B -q -Dmaven.test.skip=true package) >&2 || fail "mvn package failed"
		file="$(ls -t "$root"/target/$1 2>/dev/null | head -n 1)"
		[ -n "$file" ] || fail "mvn package made no target/$1"
	fi
	echo "$file"
}
