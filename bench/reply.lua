-- wrk script: each request posts a new reply as one of the signed-in demo
-- members, to one of many threads, with a unique body and a fresh
-- idempotency key (so no request is a duplicate of another).
-- Environment: BENCH_COOKIES (comma-separated "name=value" session cookies),
-- BENCH_THREADS (comma-separated thread ids), BENCH_RUN (unique per run).

local function split(s)
  local out = {}
  for v in string.gmatch(s or "", "[^,]+") do out[#out + 1] = v end
  return out
end

local cookies = split(os.getenv("BENCH_COOKIES"))
local threads = split(os.getenv("BENCH_THREADS"))
local run = os.getenv("BENCH_RUN") or "0"

local openers = {
  "Thank you for sharing this.", "I hear you.", "This really resonates with me.",
  "Sending you a lot of warmth.", "You're not alone in this.", "That sounds really hard.",
}
local middles = {
  "Opening the curtains first thing is my one rule, and some days it is all I manage.",
  "A short walk doesn't fix anything, but it changes the colour of the day a little.",
  "I keep a note on my phone of times I got through it, and I read it when it starts.",
  "My sister sits with me sometimes without needing me to talk, and it helps more than I can say.",
}
local closers = { "Be gentle with yourself tonight.", "Thinking of you.", "One step at a time." }

local counter = 0
local id = 0

function setup(thread)
  thread:set("tid", id)
  id = id + 1
end

local function urlencode(s)
  return (string.gsub(s, "[^%w%-_%.~ ]", function(c) return string.format("%%%02X", string.byte(c)) end):gsub(" ", "+"))
end

function request()
  counter = counter + 1
  local n = counter + (tid or 0) * 1000003
  local key = string.format("bench-%s-%d-%d", run, tid or 0, counter)
  local text = string.format("%s %s\n\nReply %d of this run. %s",
    openers[n % #openers + 1], middles[n % #middles + 1], n, closers[n % #closers + 1])
  local body = "idem=" .. key .. "&body=" .. urlencode(text)
  local thread = threads[n % #threads + 1]
  local cookie = cookies[n % #cookies + 1]
  return wrk.format("POST", "/t/" .. thread .. "/replies",
    { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie }, body)
end
