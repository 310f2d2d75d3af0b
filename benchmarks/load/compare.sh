#!/usr/bin/env bash
# HTTP load comparison in one JVM: the starter's /jsonrpc, the same starter handler served in
# front of the DispatcherServlet (/jsonrpc-direct, jsonrpc.http.bypass-dispatcher-servlet), a
# bare Spring MVC floor (/floor)
# and a jsonrpc4j 1.7 servlet (/jsonrpc4j), all serving the same CalculatorService
# (io.github.jsonrpc.benchmarks.http.HttpLoadApplication). For every workload the three
# endpoints are warmed up, then measured under the same wrk load in ROUNDS rounds, the
# order rotating each round; prints each endpoint's median requests/s and the median of
# its per-round ratio to the floor (and of the starter to jsonrpc4j), and the CPU time of
# the whole server process per request (all threads, user and kernel, from /proc).
#
#   benchmarks/load/compare.sh [ROUNDS] [DURATION]        defaults: 3 rounds of 5s
#
# Environment: WORKLOADS (default "positional named batch10 notification echo4k"),
# ENDPOINTS (default "jsonrpc jsonrpc-direct floor jsonrpc4j"; add jsonrpc4j-servlet for jsonrpc4j in a
# servlet of its own, without the DispatcherServlet in front; noop and noop-servlet for
# the transport alone, a fixed reply behind the DispatcherServlet and without it),
# CONNECTIONS (16), THREADS (2), WARMUP (5s per endpoint and workload), PORT (18080),
# SERVER_OPTS (JVM options of the server, e.g. a JFR recording), START_SECONDS (180: how
# long a server may take to answer), SKIP_BUILD=1 to reuse
# the last build, LOAD_CLASSPATH to run a saved build (its full class path). Needs wrk (Debian: apt-get install -y wrk) and curl. The server runs on
# 127.0.0.1 next to wrk: on a small machine both compete for the same cores, which is
# why only ratios from the same run mean anything.
#
# The two sample applications instead, Servlet (Tomcat) against WebFlux (Reactor Netty),
# each in its own JVM (SERVER_OPTS, default -Xms512m -Xmx512m) on PORT, PORT+1, ...:
#
#   SAMPLES="sample-app sample-webflux-app" benchmarks/load/compare.sh [ROUNDS] [DURATION]
#
# the same HTTP workloads at their /jsonrpc, ratios to the first sample, then the WebSocket
# load (WebSocketLoadRunner: round trips on one connection, sequential and WS_WINDOW in
# flight, and fan-out of chat to WS_SUBSCRIBERS connections) in the same rotation. Builds
# the samples' jars unless SKIP_BUILD=1; WS_CALLS (20000), WS_WINDOW (256),
# WS_SUBSCRIBERS (200), WS_MESSAGES (100); WEBSOCKET=0 skips the WebSocket part.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
. "$here/lib.sh"
rounds="${1:-3}"
duration="${2:-5s}"
workloads="${WORKLOADS:-positional named batch10 notification echo4k}"
connections="${CONNECTIONS:-16}"
threads="${THREADS:-2}"
warmup="${WARMUP:-5s}"
port="${PORT:-18080}"
endpoints="${ENDPOINTS:-jsonrpc jsonrpc-direct floor jsonrpc4j}"
samples="${SAMPLES:-}"

command -v wrk >/dev/null 2>&1 || { echo "wrk is not installed (Debian: apt-get install -y wrk)" >&2; exit 1; }

if [ -n "$samples" ]; then
	# one JVM per sample, from its Boot jar; the load bodies and the WebSocket runner come
	# from the benchmarks module's classes
	endpoints="$samples"
	if [ "${SKIP_BUILD:-0}" != 1 ]; then
		(cd "$root" && ./mvnw -B -ntp -q -pl "benchmarks,$(echo "$samples" | tr ' ' ',')" -am package -DskipTests)
	fi
	java -cp "$target/classes" io.github.jsonrpc.benchmarks.http.LoadBodies "$target/load-bodies"
	index=0
	for sample in $samples; do
		jar="$(sample_jar "$sample")"
		[ -n "$jar" ] || { echo "No jar for $sample; build it first" >&2; exit 1; }
		# shellcheck disable=SC2086
		start_server "$target/load-$((port + index))-server.log" java ${SERVER_OPTS:--Xms512m -Xmx512m} -jar "$jar" \
			--server.address=127.0.0.1 --server.port="$((port + index))" --spring.main.banner-mode=off \
			--jsonrpc.logging.enabled=false
		index=$((index + 1))
	done
else
	load_classpath
	java -cp "$classpath" io.github.jsonrpc.benchmarks.http.LoadBodies "$target/load-bodies"
	# shellcheck disable=SC2086
	start_server "$target/load-$port-server.log" java -Xms512m -Xmx512m ${SERVER_OPTS:-} -cp "$classpath" \
		io.github.jsonrpc.benchmarks.http.HttpLoadApplication \
		--server.address=127.0.0.1 --server.port="$port" --spring.main.banner-mode=off
fi

body() { echo "$target/load-bodies/$1.json"; }
# the URL of an endpoint: a path of the one application, or a sample's /jsonrpc
url() {
	if [ -z "$samples" ]; then echo "http://127.0.0.1:$port/$1"; return; fi
	local index=0 sample
	for sample in $samples; do
		[ "$sample" = "$1" ] && { echo "http://127.0.0.1:$((port + index))/jsonrpc"; return; }
		index=$((index + 1))
	done
}
post() { curl -sS --max-time 5 -o "$target/load-$port-reply.txt" -w '%{http_code}' \
	-H 'Content-Type: application/json' -H 'Accept: application/json' --data-binary "@$(body "$2")" \
	"$(url "$1")"; }
# bytes allocated and CPU time per request on the request thread (RequestCostFilter of
# the benchmark application; the samples have none)
cost() {
	if [ -n "$samples" ]; then echo "0 0"; return; fi
	curl -sS --max-time 5 "http://127.0.0.1:$port/cost" | awk -v path="/$1" '$1 == path { print $3, $4 }'
}

# CPU time of the whole server process (every thread: Tomcat's poller and acceptor, GC,
# JIT, the request threads, user and kernel), in clock ticks, from /proc (Linux); 0 where
# there is none. Divided by the requests of a run, it is what a request costs the server,
# including what happens outside the filter chain (reading and parsing the request,
# writing the response, the socket calls)
ticks="$(getconf CLK_TCK 2>/dev/null || echo 100)"
process_cpu() {
	local pid="$server"
	[ -z "$samples" ] || pid="$(server_of "$endpoint_name")"
	if [ -r "/proc/$pid/stat" ]; then
		sed 's/.*) //' "/proc/$pid/stat" | awk '{ print $12 + $13 }'
	else
		echo 0
	fi
}
# the server process of a sample (with SAMPLES, each sample runs in its own)
server_of() {
	local sample
	set -- $servers
	for sample in $samples; do
		[ "$sample" = "$endpoint_name" ] && { echo "$1"; return; }
		shift
	done
	echo 0
}

for endpoint in $endpoints; do
	wait_until "${START_SECONDS:-180}" "$target/load-*-server.log" post "$endpoint" positional
done

results="$target/load-$port-results.txt"
: >"$results"
echo "wrk: $threads threads, $connections connections; $rounds rounds of $duration; warm-up $warmup"
for workload in $workloads; do
	# one real call per endpoint first: never measure errors
	for endpoint in $endpoints; do
		status="$(post "$endpoint" "$workload")"
		case "$workload:$status" in
			notification:20[04]) ;;
			notification:*|*:204) echo "$endpoint $workload: HTTP $status" >&2; exit 2 ;;
			*:200) grep -q '"result"' "$target/load-$port-reply.txt" \
				|| { echo "$endpoint $workload: $(head -c 300 "$target/load-$port-reply.txt")" >&2; exit 2; } ;;
			*) echo "$endpoint $workload: HTTP $status" >&2; exit 2 ;;
		esac
	done
	for endpoint in $endpoints; do
		BODY_FILE="$(body "$workload")" wrk -t"$threads" -c"$connections" -d"$warmup" -s "$here/rpc.lua" \
			"$(url "$endpoint")" >/dev/null
	done
	cost jsonrpc >/dev/null
	for round in $(seq 1 "$rounds"); do
		# rotate the order so that no endpoint always runs first (or last)
		set -- $endpoints
		shift=$(((round - 1) % $#))
		order="${*:shift+1} ${*:1:shift}"
		for endpoint in $order; do
			endpoint_name="$endpoint"
			cpu_before="$(process_cpu)"
			out="$(BODY_FILE="$(body "$workload")" wrk -t"$threads" -c"$connections" -d"$duration" \
				-s "$here/rpc.lua" "$(url "$endpoint")")"
			cpu_after="$(process_cpu)"
			if echo "$out" | grep -q -E 'Non-2xx|Socket errors'; then
				echo "$endpoint $workload: errors during the run" >&2
				echo "$out" >&2
				exit 2
			fi
			rps="$(echo "$out" | awk '/Requests\/sec/ { print $2 }')"
			requests="$(echo "$out" | awk '/requests in/ { print $1 }')"
			# whole-process CPU nanoseconds per request
			process="$(awk -v d="$((cpu_after - cpu_before))" -v t="$ticks" -v n="$requests" \
				'BEGIN { printf "%.0f", (n > 0) ? d * 1e9 / t / n : 0 }')"
			cost="$(cost "$endpoint")"
			echo "$workload $endpoint $round $rps $cost $process" >>"$results"
			printf '  %-12s round %d  %-17s %8.0f req/s %8d B/req %7.1f us CPU/req %7.1f us process CPU/req\n' \
				"$workload" "$round" "$endpoint" "$rps" ${cost% *} "$(echo "${cost#* }" | awk '{ print $1 / 1000 }')" \
				"$(awk -v p="$process" 'BEGIN { print p / 1000 }')"
		done
	done
done

echo
# ratios to the floor, or with SAMPLES to the first sample
base="floor"
[ -z "$samples" ] || base="${samples%% *}"
awk -v endpoints="$endpoints" -v base="$base" '
function median(list,    n, values, i, j, t) {
	n = split(list, values, " ")
	for (i = 2; i <= n; i++) for (j = i; j > 1 && values[j - 1] + 0 > values[j] + 0; j--) {
		t = values[j]; values[j] = values[j - 1]; values[j - 1] = t
	}
	return (n % 2) ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
}
{ rps[$1 " " $2 " " $3] = $4; bytes[$1 " " $2 " " $3] = $5; cpu[$1 " " $2 " " $3] = $6; proc[$1 " " $2 " " $3] = $7; if (!($1 in seen)) { seen[$1] = 1; names[++count] = $1 }
  if ($3 > rounds) rounds = $3 }
END {
	n = split(endpoints, eps, " ")
	printf "%-13s", "workload"
	for (e = 1; e <= n; e++) printf " %18s", eps[e] " req/s"
	for (e = 1; e <= n; e++) if (eps[e] != base) printf " %18s", eps[e] "/" base
	# the starter endpoints against jsonrpc4j, when it runs
	pairs = 0
	if (index(" " endpoints " ", " jsonrpc4j ") > 0) for (e = 1; e <= n; e++) if (eps[e] == "jsonrpc" || eps[e] == "jsonrpc-direct") pair[++pairs] = eps[e]
	for (p = 1; p <= pairs; p++) printf " %18s", pair[p] "/4j"
	printf "\n"
	for (k = 1; k <= count; k++) {
		w = names[k]
		printf "%-13s", w
		for (e = 1; e <= n; e++) {
			list = ""
			for (r = 1; r <= rounds; r++) list = list " " rps[w " " eps[e] " " r]
			printf " %18.0f", median(list)
		}
		for (e = 1; e <= n; e++) if (eps[e] != base) {
			list = ""
			for (r = 1; r <= rounds; r++) list = list " " rps[w " " eps[e] " " r] / rps[w " " base " " r]
			printf " %18.2f", median(list)
		}
		for (p = 1; p <= pairs; p++) {
			list = ""
			for (r = 1; r <= rounds; r++) list = list " " rps[w " " pair[p] " " r] / rps[w " jsonrpc4j " r]
			printf " %18.2f", median(list)
		}
		printf "\n"
	}
	printf "\nwhole server process, CPU microseconds per request (all threads, user + kernel, from /proc)\n%-13s", "workload"
	for (e = 1; e <= n; e++) printf " %18s", eps[e] " us"
	for (e = 1; e <= n; e++) if (eps[e] != base) printf " %18s", eps[e] "/" base
	for (p = 1; p <= pairs; p++) printf " %18s", pair[p] "/4j"
	printf "\n"
	for (k = 1; k <= count; k++) {
		w = names[k]
		printf "%-13s", w
		for (e = 1; e <= n; e++) {
			list = ""
			for (r = 1; r <= rounds; r++) list = list " " proc[w " " eps[e] " " r] / 1000
			printf " %18.1f", median(list)
		}
		for (e = 1; e <= n; e++) if (eps[e] != base) {
			list = ""
			for (r = 1; r <= rounds; r++) list = list " " ((proc[w " " base " " r] > 0) ? proc[w " " eps[e] " " r] / proc[w " " base " " r] : 0)
			printf " %18.2f", median(list)
		}
		for (p = 1; p <= pairs; p++) {
			list = ""
			for (r = 1; r <= rounds; r++) list = list " " ((proc[w " jsonrpc4j " r] > 0) ? proc[w " " pair[p] " " r] / proc[w " jsonrpc4j " r] : 0)
			printf " %18.2f", median(list)
		}
		printf "\n"
	}
	if (base != "floor") exit
	printf "\nper request on the request thread (RequestCostFilter): bytes allocated, CPU microseconds\n%-13s", "workload"
	for (e = 1; e <= n; e++) printf " %22s", eps[e] " B/us"
	for (e = 1; e <= n; e++) if (eps[e] != "floor") printf " %24s", eps[e] "/floor B/CPU"
	printf "\n"
	for (k = 1; k <= count; k++) {
		w = names[k]
		printf "%-13s", w
		for (e = 1; e <= n; e++) {
			lb = lc = ""
			for (r = 1; r <= rounds; r++) { lb = lb " " bytes[w " " eps[e] " " r]; lc = lc " " cpu[w " " eps[e] " " r] / 1000 }
			printf " %14.0f %7.1f", median(lb), median(lc)
		}
		for (e = 1; e <= n; e++) if (eps[e] != "floor") {
			lb = lc = ""
			for (r = 1; r <= rounds; r++) {
				lb = lb " " bytes[w " " eps[e] " " r] / bytes[w " floor " r]
				lc = lc " " cpu[w " " eps[e] " " r] / cpu[w " floor " r]
			}
			printf " %16.2f %7.2f", median(lb), median(lc)
		}
		printf "\n"
	}
}' "$results"
echo "(ratios: median over the rounds of the ratio within each round; raw figures in $results)"

if [ -n "$samples" ] && [ "${WEBSOCKET:-1}" = 1 ]; then
	# WebSocket: the same rotation, one WebSocketLoadRunner run per sample and round
	ws_results="$target/load-$port-websocket.txt"
	: >"$ws_results"
	echo
	echo "WebSocket: ${WS_CALLS:-20000} calls, ${WS_WINDOW:-256} in flight, fan-out to ${WS_SUBSCRIBERS:-200} subscribers"
	for round in $(seq 1 "$rounds"); do
		set -- $endpoints
		shift=$(((round - 1) % $#))
		order="${*:shift+1} ${*:1:shift}"
		for endpoint in $order; do
			out="$(java -cp "$target/classes" io.github.jsonrpc.benchmarks.websocket.WebSocketLoadRunner \
				"$(url "$endpoint" | sed 's|^http://|ws://|')" "${WS_CALLS:-20000}" "${WS_WINDOW:-256}" \
				"${WS_SUBSCRIBERS:-200}" "${WS_MESSAGES:-100}")" || { echo "$endpoint: WebSocket run failed" >&2; exit 2; }
			sequential="$(echo "$out" | awk '/sequential/ { gsub(",", "", $(NF - 1)); print $(NF - 1) }')"
			pipelined="$(echo "$out" | awk '/in flight/ { gsub(",", "", $(NF - 1)); print $(NF - 1) }')"
			fanout="$(echo "$out" | awk '/fan-out/ { for (i = 1; i <= NF; i++) if ($i == "notifications/s") { v = $(i - 1); gsub(",", "", v); print v } }')"
			echo "$endpoint $round $sequential $pipelined $fanout" >>"$ws_results"
			printf '  round %d  %-20s %8.0f calls/s sequential %8.0f calls/s pipelined %10.0f notifications/s\n' \
				"$round" "$endpoint" "$sequential" "$pipelined" "$fanout"
		done
	done
	awk -v endpoints="$endpoints" '
	function median(list,    n, values, i, j, t) {
		n = split(list, values, " ")
		for (i = 2; i <= n; i++) for (j = i; j > 1 && values[j - 1] + 0 > values[j] + 0; j--) {
			t = values[j]; values[j] = values[j - 1]; values[j - 1] = t
		}
		return (n % 2) ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
	}
	{ seq[$1] = seq[$1] " " $3; pipe[$1] = pipe[$1] " " $4; fan[$1] = fan[$1] " " $5 }
	END {
		printf "%-20s %16s %16s %18s\n", "sample", "sequential/s", "pipelined/s", "notifications/s"
		n = split(endpoints, eps, " ")
		for (e = 1; e <= n; e++) printf "%-20s %16.0f %16.0f %18.0f\n", eps[e], median(seq[eps[e]]), median(pipe[eps[e]]), median(fan[eps[e]])
	}' "$ws_results"
	echo "(medians over the rounds; raw figures in $ws_results)"
fi
