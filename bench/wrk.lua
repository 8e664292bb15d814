-- wrk's figures as one line of JSON for bench/load.py, from wrk's own latency
-- histogram (what --latency prints). Given a file of form bodies, it posts
-- each body once instead: args are the file, the thread count, the Cookie
-- and Referer headers.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  accepted, ids = 0, {}
  if args[1] == nil then
    return
  end
  local thread_count = tonumber(args[2])
  bodies, sent = {}, 0
  local line_number = 0
  for line in io.lines(args[1]) do
    if line_number % thread_count == id - 1 then
      table.insert(bodies, line)
    end
    line_number = line_number + 1
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Cookie"] = args[3]
  wrk.headers["Referer"] = args[4]
end

function request()
  if bodies == nil then
    return wrk.format()
  end
  -- More bodies than a run can post are prepared; wrapping round would only
  -- replay used forms, which the site refuses.
  sent = sent + 1
  return wrk.format(nil, nil, nil, bodies[(sent - 1) % #bodies + 1])
end

function response(status, headers, body)
  if status == 302 then
    accepted = accepted + 1
    local location = headers["Location"] or headers["location"] or ""
    table.insert(ids, location:match("#comment%-(%d+)"))
  end
end

function done(summary, latency, requests)
  local accepted_total, id_lists = 0, {}
  for _, thread in ipairs(threads) do
    accepted_total = accepted_total + thread:get("accepted")
    local thread_ids = thread:get("ids")
    if #thread_ids > 0 then
      table.insert(id_lists, table.concat(thread_ids, ","))
    end
  end
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %.6f, "p50_ms": %.3f, "p99_ms": %.3f, '
      .. '"socket_errors": %d, "bad_status": %d, "accepted": %d, '
      .. '"accepted_ids": [%s]}\n',
    summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    errors.connect + errors.read + errors.write + errors.timeout,
    errors.status, accepted_total, table.concat(id_lists, ",")
  ))
end
