#!/usr/bin/env bash
# Runs third-party JavaScript JSON-RPC clients against the sample app:
# jayson (HTTP and TCP) and rpc-websockets (WebSocket pub/sub dialect).
# Needs Node.js 18+ with npm, and the sample app jar:
#   ./mvnw -q -pl sample-app -am package -DskipTests
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=../sample-server.sh
. "$root/interop/sample-server.sh"

cd "$here"
npm ci --no-audit --no-fund --loglevel=error
node interop.mjs "$port" "$tcp_port"
