-- wrk script: each request searches as a visitor, the query rotating
-- through BENCH_QUERIES (comma-separated; words that are common, middling
-- and rare in the bench data set, single and paired).

local queries = {}
for v in string.gmatch(os.getenv("BENCH_QUERIES") or "walk", "[^,]+") do queries[#queries + 1] = v end
local counter = 0

local function urlencode(s)
  return (string.gsub(s, "[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
  counter = counter + 1
  return wrk.format("GET", "/search?q=" .. urlencode(queries[counter % #queries + 1]))
end
