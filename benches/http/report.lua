-- wrk's end-of-run hook for scripts/http_bench.sh: one machine-readable line after wrk's own
-- report, so the script reads figures instead of parsing wrk's rounded text ("1.23ms").
-- Only `done` is defined: a `request` or `response` function would run Lua on every
-- request and slow the load generator down, which is what we must not measure.
--
-- Latencies are in microseconds. `status` counts the responses wrk calls errors, those with
-- a status of 400 or more (the script checks a 200 before measuring, and neither server
-- redirects the path, so that is every non-2xx answer).
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "WRK_RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d status=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), latency.max,
    errors.status, errors.connect, errors.read, errors.write, errors.timeout))
end
