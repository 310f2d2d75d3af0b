-- wrk script of compare.sh: POST the JSON-RPC message in the file named by BODY_FILE on
-- every request. compare.sh checks one reply per endpoint before the run; wrk reports
-- non-2xx answers and socket errors, which compare.sh refuses to count as throughput.
local file = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
