-- wrk script for serve_load.sh: each request takes the next path of serve_load.queries, and
-- the end reports every answer that was not 2xx/3xx and every socket error.
local paths = {}
local here = debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./"
for line in io.lines(here .. "serve_load.queries") do
  if line ~= "" then paths[#paths + 1] = line end
end
local i = 0

request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

done = function(summary)
  io.write(string.format("failed answers (not 2xx/3xx): %d of %d; socket errors: connect %d, read %d, write %d, timeout %d\n",
    summary.errors.status, summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout))
end
