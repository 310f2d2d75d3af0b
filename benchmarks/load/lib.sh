# shellcheck shell=bash
# What the load scripts share; sourced, never run, after they set "here" (their own
# directory):
#
#   here="$(cd "$(dirname "$0")" && pwd)"
#   . "$here/lib.sh"
#
# Sets root (the project) and target (benchmarks/target), and defines load_classpath,
# sample_jar, start_server and wait_until. Servers started with start_server are stopped
# when the script exits.

root="$(cd "$here/../.." && pwd)"
target="$root/benchmarks/target"
servers=""
mkdir -p "$target"

# Set classpath to the load application's (io.github.jsonrpc.benchmarks.http.HttpLoadApplication):
# LOAD_CLASSPATH (a saved build), else the last build with SKIP_BUILD=1, else build it.
load_classpath() {
	if [ -n "${LOAD_CLASSPATH:-}" ]; then
		classpath="$LOAD_CLASSPATH"
		return
	fi
	if [ "${SKIP_BUILD:-0}" != 1 ]; then
		(cd "$root" && ./mvnw -B -ntp -q -pl benchmarks -am package -DskipTests \
			dependency:build-classpath -Dmdep.outputFile=target/load-classpath.txt -Dmdep.includeScope=runtime)
	fi
	[ -f "$target/load-classpath.txt" ] || { echo "No build in $target; run without SKIP_BUILD=1" >&2; exit 1; }
	classpath="$target/classes:$(cat "$target/load-classpath.txt")"
}

# Print the Boot jar of a sample module (sample-app, sample-webflux-app); nothing when it
# is not built.
sample_jar() {
	ls "$root/$1"/target/"$1"-*.jar 2>/dev/null | grep -v -e '-tests.jar' -e '-sources.jar' | head -n 1 || true
}

# Start a server in the background, its output to LOG; set server to its pid. Every
# server started so is stopped when the script exits: the first call installs an EXIT
# trap that stops them, then runs the EXIT trap the caller had set before (a caller that
# sets its own EXIT trap after start_server replaces that one and must call stop_servers
# from its own).
#   start_server LOG COMMAND [ARGUMENT...]
start_server() {
	local log="$1"
	shift
	if [ -z "${caller_exit_trap+set}" ]; then
		caller_exit_trap="$(trap -p EXIT)"
		trap on_exit EXIT
	fi
	"$@" >"$log" 2>&1 &
	server=$!
	servers="$servers $server"
}

# Stop the servers started with start_server; a server already gone is no failure (the
# scripts run with set -e, which would otherwise end this early and lose the exit status).
stop_servers() {
	local pid
	for pid in $servers; do
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	servers=""
}

on_exit() {
	stop_servers
	if [ -n "${caller_exit_trap:-}" ]; then
		# trap -p prints: trap -- 'COMMAND' EXIT
		eval "set -- $caller_exit_trap"
		eval "$3"
	fi
}

# Run COMMAND once a second until it succeeds, at most SECONDS times; exit with 2 when a
# server stopped or never answered (see LOG).
#   wait_until SECONDS LOG COMMAND [ARGUMENT...]
wait_until() {
	local seconds="$1" log="$2" pid
	shift 2
	for _ in $(seq 1 "$seconds"); do
		if "$@" >/dev/null 2>&1; then
			return 0
		fi
		for pid in $servers; do
			kill -0 "$pid" 2>/dev/null || { echo "server failed, see $log" >&2; exit 2; }
		done
		sleep 1
	done
	echo "no answer after ${seconds}s, see $log" >&2
	exit 2
}
