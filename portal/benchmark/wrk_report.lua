-- Prints one JSON line with what the benchmark reports; latencies in microseconds, answers counted by status class.
-- With a file argument (`wrk ... URL -- paths.txt`) the requests go to the paths listed in it, one a line, in turn.
local paths, next_path = {}, 0
s2, s3, s4, s5 = 0, 0, 0, 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  if args[1] then
    for line in io.lines(args[1]) do paths[#paths + 1] = line end
    request = function()
      next_path = next_path % #paths + 1
      return wrk.format("GET", paths[next_path])
    end
  end
end

function response(status, headers, body)
  local class = math.floor(status / 100)
  if class == 2 then s2 = s2 + 1 elseif class == 3 then s3 = s3 + 1 elseif class == 4 then s4 = s4 + 1
  elseif class == 5 then s5 = s5 + 1 end
end

done = function(summary, latency, requests)
  local e = summary.errors
  local counts = {0, 0, 0, 0}
  for _, thread in ipairs(threads) do
    for class = 2, 5 do counts[class - 1] = counts[class - 1] + (thread:get("s" .. class) or 0) end
  end
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "socket_errors": %d, "non_2xx": %d, "p50": %d, "p95": %d, "p99": %d, ' ..
    '"2xx": %d, "3xx": %d, "4xx": %d, "5xx": %d}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    counts[1], counts[2], counts[3], counts[4]))
end
