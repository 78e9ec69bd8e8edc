-- wrk script for bench/load.py: cycle over a mix of pages (one per request, in
-- turn, per connection) and print the totals as one JSON line at the end.
-- The paths come from the environment: LOAD_PATHS="/a|/b|/c".
local paths = {}
for p in string.gmatch(os.getenv("LOAD_PATHS") or "/", "[^|]+") do
  paths[#paths + 1] = p
end
local counter = 0

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

done = function(summary, latency, requests)
  io.write(string.format(
    'LOADJSON {"requests": %d, "duration_us": %d, "bytes": %d, "p50": %d, "p90": %d, '
      .. '"p99": %d, "max": %d, "non2xx": %d, "connect": %d, "read": %d, "write": %d, '
      .. '"timeout": %d}\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50),
    latency:percentile(90), latency:percentile(99), latency.max, summary.errors.status,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
