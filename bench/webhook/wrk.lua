-- wrk script of the webhook benchmark: thread t of T sends the pre-signed requests of
-- requests.lua numbered t, t+T, t+2T, ... and starts again from its first once through (from then
-- on every request is a replay of one already sent).
local requests = dofile(os.getenv("REQUESTS"))
local threads = 0

function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

function init(args)
  step = tonumber(os.getenv("THREADS"))
  next_index = id + 1
end

function request()
  if next_index > #requests then
    next_index = id + 1
  end
  local r = requests[next_index]
  next_index = next_index + step
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["X-Twilio-Signature"] = r[2],
  }, r[1])
end

function response(status, headers, body)
  if status ~= 200 then
    io.stderr:write("status " .. status .. "\n")
  end
end
