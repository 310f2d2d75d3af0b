#!/usr/bin/env bash
# HTTP load comparison in one JVM: the starter's /jsonrpc, a bare Spring MVC floor (/floor)
# and a jsonrpc4j 1.7 servlet (/jsonrpc4j), all serving the same CalculatorService
# (io.github.jsonrpc.benchmarks.http.HttpLoadApplication). For every workload the three
# endpoints are warmed up, then measured under the same wrk load in ROUNDS rounds, the
# order rotating each round; prints each endpoint's median requests/s and the median of
# its per-round ratio to the floor (and of the starter to jsonrpc4j).
#
#   benchmarks/load/compare.sh [ROUNDS] [DURATION]        defaults: 3 rounds of 5s
#
# Environment: WORKLOADS (default "positional named batch10 notification echo4k"),
# ENDPOINTS (default "jsonrpc floor jsonrpc4j"; add jsonrpc4j-servlet for jsonrpc4j in a
# servlet of its own, without the DispatcherServlet in front),
# CONNECTIONS (16), THREADS (2), WARMUP (5s per endpoint and workload), PORT (18080),
# SERVER_OPTS (JVM options of the server, e.g. a JFR recording), SKIP_BUILD=1 to reuse
# the last build, LOAD_CLASSPATH to run a saved build (its full class path). Needs wrk (Debian: apt-get install -y wrk) and curl. The server runs on
# 127.0.0.1 next to wrk: on a small machine both compete for the same cores, which is
# why only ratios from the same run mean anything.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rounds="${1:-3}"
duration="${2:-5s}"
workloads="${WORKLOADS:-positional named batch10 notification echo4k}"
connections="${CONNECTIONS:-16}"
threads="${THREADS:-2}"
warmup="${WARMUP:-5s}"
port="${PORT:-18080}"
endpoints="${ENDPOINTS:-jsonrpc floor jsonrpc4j}"
target="$root/benchmarks/target"

command -v wrk >/dev/null 2>&1 || { echo "wrk is not installed (Debian: apt-get install -y wrk)" >&2; exit 1; }

if [ -n "${LOAD_CLASSPATH:-}" ]; then
	# a saved build, e.g. to compare before and after a change
	classpath="$LOAD_CLASSPATH"
elif [ "${SKIP_BUILD:-0}" != 1 ]; then
	(cd "$root" && ./mvnw -B -ntp -q -pl benchmarks -am package -DskipTests \
		dependency:build-classpath -Dmdep.outputFile=target/load-classpath.txt -Dmdep.includeScope=runtime)
fi
classpath="${classpath:-$target/classes:$(cat "$target/load-classpath.txt")}"
java -cp "$classpath" io.github.jsonrpc.benchmarks.http.LoadBodies "$target/load-bodies"

# shellcheck disable=SC2086
java -Xms512m -Xmx512m ${SERVER_OPTS:-} -cp "$classpath" io.github.jsonrpc.benchmarks.http.HttpLoadApplication \
	--server.address=127.0.0.1 --server.port="$port" --spring.main.banner-mode=off \
	>"$target/load-$port-server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT

body() { echo "$target/load-bodies/$1.json"; }
post() { curl -sS --max-time 5 -o "$target/load-$port-reply.txt" -w '%{http_code}' \
	-H 'Content-Type: application/json' -H 'Accept: application/json' --data-binary "@$(body "$2")" \
	"http://127.0.0.1:$port/$1"; }

for _ in $(seq 1 120); do
	if post jsonrpc positional >/dev/null 2>&1; then break; fi
	kill -0 "$server" 2>/dev/null || { echo "server failed, see $target/load-$port-server.log" >&2; exit 2; }
	sleep 1
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
			"http://127.0.0.1:$port/$endpoint" >/dev/null
	done
	curl -sS --max-time 5 "http://127.0.0.1:$port/cost" >/dev/null
	for round in $(seq 1 "$rounds"); do
		# rotate the order so that no endpoint always runs first (or last)
		set -- $endpoints
		shift=$(((round - 1) % $#))
		order="${*:shift+1} ${*:1:shift}"
		for endpoint in $order; do
			out="$(BODY_FILE="$(body "$workload")" wrk -t"$threads" -c"$connections" -d"$duration" \
				-s "$here/rpc.lua" "http://127.0.0.1:$port/$endpoint")"
			if echo "$out" | grep -q -E 'Non-2xx|Socket errors'; then
				echo "$endpoint $workload: errors during the run" >&2
				echo "$out" >&2
				exit 2
			fi
			rps="$(echo "$out" | awk '/Requests\/sec/ { print $2 }')"
			# bytes allocated and CPU time per request on the request thread (RequestCostFilter)
			cost="$(curl -sS --max-time 5 "http://127.0.0.1:$port/cost" | awk -v path="/$endpoint" '$1 == path { print $3, $4 }')"
			echo "$workload $endpoint $round $rps $cost" >>"$results"
			printf '  %-12s round %d  %-17s %8.0f req/s %8d B/req %7.1f us CPU/req\n' "$workload" "$round" "$endpoint" \
				"$rps" ${cost% *} "$(echo "${cost#* }" | awk '{ print $1 / 1000 }')"
		done
	done
done

echo
awk -v endpoints="$endpoints" '
function median(list,    n, values, i, j, t) {
	n = split(list, values, " ")
	for (i = 2; i <= n; i++) for (j = i; j > 1 && values[j - 1] + 0 > values[j] + 0; j--) {
		t = values[j]; values[j] = values[j - 1]; values[j - 1] = t
	}
	return (n % 2) ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
}
{ rps[$1 " " $2 " " $3] = $4; bytes[$1 " " $2 " " $3] = $5; cpu[$1 " " $2 " " $3] = $6; if (!($1 in seen)) { seen[$1] = 1; names[++count] = $1 }
  if ($3 > rounds) rounds = $3 }
END {
	n = split(endpoints, eps, " ")
	printf "%-13s", "workload"
	for (e = 1; e <= n; e++) printf " %18s", eps[e] " req/s"
	for (e = 1; e <= n; e++) if (eps[e] != "floor") printf " %18s", eps[e] "/floor"
	printf " %14s\n", "jsonrpc/4j"
	for (k = 1; k <= count; k++) {
		w = names[k]
		printf "%-13s", w
		for (e = 1; e <= n; e++) {
			list = ""
			for (r = 1; r <= rounds; r++) list = list " " rps[w " " eps[e] " " r]
			printf " %18.0f", median(list)
		}
		for (e = 1; e <= n; e++) if (eps[e] != "floor") {
			list = ""
			for (r = 1; r <= rounds; r++) list = list " " rps[w " " eps[e] " " r] / rps[w " floor " r]
			printf " %18.2f", median(list)
		}
		list = ""
		for (r = 1; r <= rounds; r++) list = list " " rps[w " jsonrpc " r] / rps[w " jsonrpc4j " r]
		printf " %14.2f\n", median(list)
	}
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
