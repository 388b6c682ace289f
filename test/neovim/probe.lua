-- Runs after init.lua has opened the plan: waits for diagnostics, asks for completion and hover at
-- the positions in IPT_PROBE (JSON), writes what arrived to IPT_PROBE_OUT (JSON), and quits.
local probe = vim.fn.json_decode(vim.env.IPT_PROBE)
local bufnr = vim.api.nvim_get_current_buf()
local result = { version = vim.version(), filetype = vim.bo[bufnr].filetype }

local function attached()
  return next(vim.lsp.buf_get_clients(bufnr)) ~= nil
end
result.attached = vim.wait(15000, attached, 50)

result.gotDiagnostics = vim.wait(15000, function()
  return #vim.diagnostic.get(bufnr) > 0
end, 50)
result.diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  table.insert(result.diagnostics, { line = d.lnum, col = d.col, message = d.message, code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) })
end

local function request(method, position)
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = position }
  local responses = vim.lsp.buf_request_sync(bufnr, method, params, 10000) or {}
  for _, response in pairs(responses) do
    if response.result then return response.result end
    if response.err then return { error = response.err } end
  end
  return vim.NIL
end

result.completion = request('textDocument/completion', probe.completion)
result.hover = request('textDocument/hover', probe.hover)

local file = assert(io.open(vim.env.IPT_PROBE_OUT, 'w'))
file:write(vim.fn.json_encode(result))
file:close()
vim.cmd('qa!')
