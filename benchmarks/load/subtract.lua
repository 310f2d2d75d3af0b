-- wrk script: POST one JSON-RPC 2.0 call of "subtract" by position on every request.
-- http-load.sh checks one reply before the run; during the run wrk counts non-2xx
-- answers and socket errors, which done() prints so they are not mistaken for throughput.
wrk.method = "POST"
wrk.body = '{"jsonrpc":"2.0","method":"subtract","params":[42,23],"id":1}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"

function done(summary, latency, requests)
	local errors = summary.errors
	io.write(string.format("errors: %d non-2xx, %d connect, %d read, %d write, %d timeout\n",
		errors.status, errors.connect, errors.read, errors.write, errors.timeout))
	io.write(string.format("latency p50 %.2f ms, p99 %.2f ms\n",
		latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
