#!/usr/bin/env bash
# Soak test of the sample app: starts it at -Xmx256m on a random loopback port, runs the
# Soak.java client mix (HTTP calls and batches, WebSocket subscribers, slow readers,
# publishers of 256 KB chat messages, abrupt disconnects mid-stream) for a bounded time,
# and prints live heap after GC, open sessions, threads and errors at start and end.
#
#   benchmarks/soak/soak.sh                       # 3 minutes
#   benchmarks/soak/soak.sh --duration 10m --heap 256m
#
# Needs a JDK 17+ (jcmd, single-file java launcher), curl, and the sample app jar:
#   ./mvnw -B -ntp -pl sample-app -am package -DskipTests
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
duration=3m
heap=256m
while [ $# -gt 0 ]; do
	case "$1" in
		--duration) duration="$2"; shift 2 ;;
		--heap) heap="$2"; shift 2 ;;
		*) echo "usage: $0 [--duration 3m] [--heap 256m]" >&2; exit 2 ;;
	esac
done
case "$duration" in
	*h) seconds=$(( ${duration%h} * 3600 )) ;;
	*m) seconds=$(( ${duration%m} * 60 )) ;;
	*s) seconds=${duration%s} ;;
	*) seconds=$duration ;;
esac
if [ "$seconds" -gt 3600 ]; then
	echo "duration is capped at 1h" >&2
	exit 2
fi

jar="$root/sample-app/target/sample-app-0.1.0.jar"
[ -f "$jar" ] || { echo "Build the sample app first: ./mvnw -B -ntp -pl sample-app -am package -DskipTests" >&2; exit 1; }

log="$(mktemp)"
java "-Xmx$heap" -jar "$jar" --server.address=127.0.0.1 --server.port=0 --jsonrpc.logging.enabled=false \
	>"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$log"' EXIT
port=""
for _ in $(seq 1 240); do
	port="$(grep -oE 'Tomcat started on port [0-9]+' "$log" | grep -oE '[0-9]+$' || true)"
	[ -n "$port" ] && break
	kill -0 $pid 2>/dev/null || { cat "$log" >&2; exit 1; }
	sleep 0.5
done
[ -n "$port" ] || { echo "Sample app did not start" >&2; cat "$log" >&2; exit 1; }

sessions() {
	curl -s -u admin:admin-secret "http://127.0.0.1:$port/actuator/jsonrpc" | grep -oE '"sessions":\{[^}]*\}' || echo '"sessions":?'
}

measure() {
	# the class histogram runs a full GC first: its total is the live heap
	local live threads
	live=$(jcmd $pid GC.class_histogram | awk '/^Total/ { printf "%.1f MB", $3 / 1048576 }')
	threads=$(jcmd $pid Thread.print | grep -c '^"')
	echo "SOAK $1: live heap after GC $live, $(sessions), threads $threads"
}

echo "SOAK sample app pid $pid on port $port, -Xmx$heap, duration ${seconds}s"
# warm up: one call of each kind, so that the start figures include loaded classes
curl -s -H 'Content-Type: application/json' -d '{"jsonrpc":"2.0","method":"subtract","params":[42,23],"id":1}' \
	"http://127.0.0.1:$port/jsonrpc" >/dev/null
measure start
java "$root/benchmarks/soak/Soak.java" "$port" "$seconds"
# every client has left: the server must close what it still holds
for _ in $(seq 1 60); do
	sessions | grep -qE '"sessions":\{\}' && break
	sleep 1
done
measure end
ooms=$(grep -c 'OutOfMemoryError' "$log" || true)
echo "SOAK server log: $ooms OutOfMemoryError, $(grep -c ' ERROR ' "$log" || true) ERROR lines, $(grep -c 'slow consumer' "$log" || true) slow-consumer and $(grep -c 'memory budget spent' "$log" || true) budget closes"
kill -0 $pid 2>/dev/null || { echo "SOAK the server died" >&2; exit 1; }
