# Sourced by the interop scripts: starts the sample app jar on a random loopback port,
# stops it on exit, and sets $port (HTTP/WebSocket) and $tcp_port (JSON-RPC over TCP, NDJSON). Needs $root (the repository root).
jar="$root/sample-app/target/sample-app-0.1.0.jar"
[ -f "$jar" ] || { echo "Build the sample app first: $jar is missing" >&2; exit 1; }

log="$(mktemp)"
java -Xmx512m -jar "$jar" --server.address=127.0.0.1 --server.port=0 --jsonrpc.tcp.port=0 --jsonrpc.logging.enabled=false >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$log"' EXIT

port=""
tcp_port=""
# both ports: the TCP server starts (and logs) after Tomcat
for _ in $(seq 1 120); do
	port="$(grep -oE 'Tomcat started on port [0-9]+' "$log" | grep -oE '[0-9]+$' || true)"
	tcp_port="$(grep -oE 'JSON-RPC TCP server listening on [0-9.]+:[0-9]+' "$log" | grep -oE '[0-9]+$' || true)"
	[ -n "$port" ] && [ -n "$tcp_port" ] && break
	kill -0 $pid 2>/dev/null || { cat "$log" >&2; exit 1; }
	sleep 0.5
done
[ -n "$port" ] && [ -n "$tcp_port" ] || { echo "Sample app did not start" >&2; cat "$log" >&2; exit 1; }
