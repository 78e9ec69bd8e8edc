-- Print wrk's latency distribution as one JSON line (microseconds), so that
-- bench/run.py reads p50/p95/p99 exactly instead of scraping wrk's text.
done = function(summary, latency, requests)
  local non2xx = summary.errors.status
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format(
    'WRKJSON {"requests": %d, "duration_us": %d, "p50": %d, "p90": %d, "p95": %d, '
      .. '"p99": %d, "max": %d, "mean": %.1f, "non2xx": %d, "errors": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(95), latency:percentile(99), latency.max, latency.mean,
    non2xx, errors))
end
