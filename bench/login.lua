-- wrk script: each request logs one of the demo members in with the right
-- password (a full argon2id verification and a new session row).
-- Environment: BENCH_USERS (comma-separated pseudonyms), BENCH_PASSWORD.

local users = {}
for v in string.gmatch(os.getenv("BENCH_USERS") or "", "[^,]+") do users[#users + 1] = v end
local password = os.getenv("BENCH_PASSWORD") or ""
local counter = 0

local function urlencode(s)
  return (string.gsub(s, "[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
  counter = counter + 1
  local body = "username=" .. urlencode(users[counter % #users + 1]) .. "&password=" .. urlencode(password)
  return wrk.format("POST", "/login", { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end
