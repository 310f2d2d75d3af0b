#!/usr/bin/env bash
# Bounded HTTP load against a running JSON-RPC endpoint: 2 threads, 32 connections.
#
#   Start the sample app first, in another terminal (it must expose a JSON-RPC method
#   subtract(minuend, subtrahend)):
#     ./mvnw -B -pl sample-app -am install -DskipTests
#     ./mvnw -pl sample-app spring-boot:run
#   then:
#     benchmarks/load/http-load.sh [URL] [DURATION]
#
#   URL       default http://127.0.0.1:8080/jsonrpc
#   DURATION  wrk duration, default 15s
#
# Needs wrk (Debian: apt-get install -y wrk). Exits 2 without load when nothing answers
# at URL, so it never measures connection errors.
set -euo pipefail

url="${1:-http://127.0.0.1:8080/jsonrpc}"
duration="${2:-15s}"
threads="${THREADS:-2}"
connections="${CONNECTIONS:-32}"
here="$(cd "$(dirname "$0")" && pwd)"
body='{"jsonrpc":"2.0","method":"subtract","params":[42,23],"id":1}'

if ! command -v wrk >/dev/null 2>&1; then
	echo "wrk is not installed (Debian: apt-get install -y wrk)" >&2
	exit 1
fi

# one real call first: the endpoint must be up and answer the call correctly
if ! reply="$(curl -sS --max-time 5 -H 'Content-Type: application/json' -d "$body" "$url")"; then
	echo "No JSON-RPC server at $url; start one with: ./mvnw -pl sample-app spring-boot:run" >&2
	exit 2
fi
case "$reply" in
	*'"result":19'*) ;;
	*) echo "Unexpected reply from $url: $reply" >&2; exit 2 ;;
esac

echo "wrk: $threads threads, $connections connections, $duration against $url"
exec wrk --threads "$threads" --connections "$connections" --duration "$duration" --latency \
	--script "$here/subtract.lua" "$url"
