-- wrk script: POSTs the JSON document in $BENCH_BODY to $BENCH_PATH. With BENCH_UNIQUE=1 every
-- request gets its own terminal and batch number, so a settlement is never a duplicate (QD);
-- BENCH_ROUND (1-8) keeps the terminals of successive runs against one server apart.
local body = io.open(os.getenv("BENCH_BODY")):read("a")
local path = os.getenv("BENCH_PATH")
local unique = os.getenv("BENCH_UNIQUE") == "1"
local round = tonumber(os.getenv("BENCH_ROUND") or "1")
local headers = { ["Content-Type"] = "application/json" }
local counter = 0
local lanes = 0
lane = 1  -- set per thread by setup(); a global so thread:set reaches it

function setup(thread)
  lanes = lanes + 1
  thread:set("lane", lanes)
end

local fixed = nil
function request()
  if not unique then
    -- The same request every time: formatted once, so wrk spends its CPU on sending.
    fixed = fixed or wrk.format("POST", path, headers, body)
    return fixed
  end
  counter = counter + 1
  -- Terminals 1000-9999: 1,000 per round, 500 per thread; batch numbers 1-999 within each.
  local terminal = 1000 * round + (lane - 1) * 500 + math.floor(counter / 999)
  local batch = counter % 999 + 1
  local document = body:gsub('"terminalNumber": *"%d+"', '"terminalNumber":"' .. terminal .. '"', 1)
                       :gsub('"batchNumber": *%d+', '"batchNumber":' .. batch, 1)
  return wrk.format("POST", path, headers, document)
end

local statuses = {}
function response(status)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests/s=%.0f p50_ms=%.3f p99_ms=%.3f requests=%d errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
