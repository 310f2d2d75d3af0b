#!/usr/bin/env bash
# Bounded HTTP load against a running JSON-RPC endpoint: 2 threads, 32 connections.
#
#   Start the sample app first, in another terminal (it must expose a JSON-RPC method
#   subtract(minuend, subtrahend)):
#     ./mvnw -q -pl sample-app -am package -DskipTests
#     java -jar sample-app/target/sample-app-0.1.0.jar --jsonrpc.logging.enabled=false
#   then:
#     benchmarks/load/http-load.sh [URL] [DURATION]
#
#   URL       default http://127.0.0.1:8080/jsonrpc
#   DURATION  wrk duration, default 15s
#
# Or let the script start a sample itself (and stop it at the end), on 127.0.0.1:PORT:
#     APP=sample-webflux-app benchmarks/load/http-load.sh            # the WebFlux sample
#     APP=sample-app WEBSOCKET=1 benchmarks/load/http-load.sh "" 10s # the Servlet sample, HTTP then WebSocket
#
#   APP        a sample module (sample-app, sample-webflux-app) or the path of a Boot jar;
#              built first when its jar is missing (SKIP_BUILD=1 never builds)
#   PORT       its port, default 18080; SERVER_OPTS its JVM options (default -Xmx512m);
#              START_SECONDS how long it may take to answer, default 120
#   WEBSOCKET  1 to run the WebSocket load after the HTTP one (WebSocketLoadRunner:
#              round trips on one connection, then fan-out of chat to WS_SUBSCRIBERS
#              connections; WS_CALLS, WS_WINDOW, WS_SUBSCRIBERS, WS_MESSAGES)
#
# Needs wrk (Debian: apt-get install -y wrk). Exits 2 without load when nothing answers
# at URL, so it never measures connection errors.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
. "$here/lib.sh"
port="${PORT:-18080}"
app="${APP:-}"
if [ -n "$app" ]; then
	default_url="http://127.0.0.1:$port/jsonrpc"
else
	default_url="http://127.0.0.1:8080/jsonrpc"
fi
url="${1:-$default_url}"
duration="${2:-15s}"
threads="${THREADS:-2}"
connections="${CONNECTIONS:-32}"
body='{"jsonrpc":"2.0","method":"subtract","params":[42,23],"id":1}'

if ! command -v wrk >/dev/null 2>&1; then
	echo "wrk is not installed (Debian: apt-get install -y wrk)" >&2
	exit 1
fi

call() { curl -sS --max-time 5 -H 'Content-Type: application/json' -d "$body" "$url"; }

if [ -n "$app" ]; then
	case "$app" in
		*.jar) jar="$app" ;;
		*) jar="$(sample_jar "$app")" ;;
	esac
	if [ -z "$jar" ] || [ ! -f "$jar" ]; then
		[ "${SKIP_BUILD:-0}" != 1 ] || { echo "No jar for $app; build it first" >&2; exit 1; }
		(cd "$root" && ./mvnw -B -ntp -q -pl "$app" -am package -DskipTests)
		jar="$(sample_jar "$app")"
	fi
	log="${TMPDIR:-/tmp}/http-load-$port-server.log"
	# shellcheck disable=SC2086
	start_server "$log" java ${SERVER_OPTS:--Xmx512m} -jar "$jar" --server.address=127.0.0.1 --server.port="$port" \
		--jsonrpc.logging.enabled=false --spring.main.banner-mode=off
	wait_until "${START_SECONDS:-120}" "$log" call
	echo "$app: $jar on 127.0.0.1:$port (log: $log)"
fi

# one real call first: the endpoint must be up and answer the call correctly
if ! reply="$(call)"; then
	echo "No JSON-RPC server at $url; start the sample app (see the README)" >&2
	exit 2
fi
case "$reply" in
	*'"result":19'*) ;;
	*) echo "Unexpected reply from $url: $reply" >&2; exit 2 ;;
esac

echo "wrk: $threads threads, $connections connections, $duration against $url"
wrk --threads "$threads" --connections "$connections" --duration "$duration" --latency \
	--script "$here/subtract.lua" "$url"

if [ "${WEBSOCKET:-0}" = 1 ]; then
	classes="$root/benchmarks/target/classes"
	if [ ! -f "$classes/io/github/jsonrpc/benchmarks/websocket/WebSocketLoadRunner.class" ]; then
		(cd "$root" && ./mvnw -B -ntp -q -pl benchmarks -am compile)
	fi
	ws_url="$(echo "$url" | sed -e 's|^http://|ws://|' -e 's|^https://|wss://|')"
	echo "WebSocket: $ws_url"
	# the runner uses only the JDK (java.net.http): no class path beyond its own classes
	java -cp "$classes" io.github.jsonrpc.benchmarks.websocket.WebSocketLoadRunner "$ws_url" \
		"${WS_CALLS:-50000}" "${WS_WINDOW:-256}" "${WS_SUBSCRIBERS:-1000}" "${WS_MESSAGES:-200}"
fi
