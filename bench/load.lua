-- wrk script for bench/load.py: cycles through the request paths in a file (one a line) and,
-- when done, prints one JSON line with the counts and the latency percentiles wrk keeps.
-- Usage: wrk -s bench/load.lua http://127.0.0.1:PORT -- PATHS_FILE [COOKIE]
-- With COOKIE (a logged-in member's session cookie) every request is that member's.

local paths = {}
local position = 0
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("offset", counter)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then
      table.insert(paths, line)
    end
  end
  if args[2] then
    wrk.headers["Cookie"] = args[2]
  end
  -- Each thread starts at its own place in the cycle, so the mix is spread across threads.
  position = ((offset or 1) * 7) % #paths
end

function request()
  position = position % #paths + 1
  return wrk.format("GET", paths[position])
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "bytes": %d, "p50_us": %d, "p95_us": %d, ' ..
    '"p99_us": %d, "max_us": %d, "connect": %d, "read": %d, "write": %d, "status": %d, ' ..
    '"timeout": %d}\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50),
    latency:percentile(95), latency:percentile(99), latency.max, errors.connect, errors.read,
    errors.write, errors.status, errors.timeout))
end
