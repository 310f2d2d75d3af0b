#!/usr/bin/env bash
# WebSocket calls on one connection with a window of calls in flight: starts the load
# application (io.github.jsonrpc.benchmarks.http.HttpLoadApplication, the starter with
# its defaults, WebSocket at /jsonrpc) and runs
# io.github.jsonrpc.benchmarks.websocket.WebSocketPipelineLoad against it: a warm-up run,
# then the measured run, each at most CALLS calls and SECONDS seconds. Prints calls/s,
# p50 and p99 of each run, and the server process's CPU time per call in the measured
# run (which compares builds on a busy machine); exits with 2 if a reply was missing or
# wrong.
#
#   benchmarks/load/ws-load.sh [CALLS] [WINDOW] [SECONDS]     defaults: 300000 256 20
#
# Environment: PORT (18080), SERVER_OPTS (JVM options of the server, e.g. a JFR
# recording), SKIP_BUILD=1 to reuse the last build, LOAD_CLASSPATH to run a saved build,
# START_SECONDS (120) to wait for the server on a busy machine.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
. "$here/lib.sh"
calls="${1:-300000}"
window="${2:-256}"
seconds="${3:-20}"
port="${PORT:-18080}"
log="$target/ws-load-$port-server.log"

load_classpath
# shellcheck disable=SC2086
start_server "$log" java -Xms512m -Xmx512m ${SERVER_OPTS:-} -cp "$classpath" \
	io.github.jsonrpc.benchmarks.http.HttpLoadApplication \
	--server.address=127.0.0.1 --server.port="$port" --spring.main.banner-mode=off
probe() {
	curl -sS --max-time 5 -o /dev/null -H 'Content-Type: application/json' \
		--data '{"jsonrpc":"2.0","method":"subtract","params":[2,1],"id":1}' "http://127.0.0.1:$port/jsonrpc"
}
wait_until "${START_SECONDS:-120}" "$log" probe

echo "one connection, $window calls in flight, at most $calls calls or ${seconds}s per run"
java -Xmx256m -cp "$classpath" io.github.jsonrpc.benchmarks.websocket.WebSocketPipelineLoad \
	"ws://127.0.0.1:$port/jsonrpc" "$calls" "$window" "$seconds" "$server"
