-- Headless Neovim: open a file of a workspace, let gtmlint's language server check it, and write
-- the diagnostics Neovim received to $OUT as JSON. Run by nvim_test.sh.
local out = os.getenv('OUT')
require('gtmlint').setup({ cmd = { os.getenv('GTMLINT'), 'lsp' } })
vim.cmd('edit ' .. os.getenv('FILE'))
local buf = vim.api.nvim_get_current_buf()
local filetype = vim.bo[buf].filetype
local ok = vim.wait(10000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
-- Requests as Neovim's own client sends them: hover on the `routing` keyword (line 3) and
-- completion where a person is expected (`owner       = ` on line 5).
-- Asked again for a while if no server answers yet: on a loaded machine (the sanitizer build)
-- diagnostics can arrive before Neovim has recorded the server's capabilities for the buffer.
local function request(method, line, character)
  local params = { textDocument = vim.lsp.util.make_text_document_params(), position = { line = line, character = character } }
  for _ = 1, 50 do
    local ready = false
    for _, client in pairs(vim.lsp.buf_get_clients(buf)) do
      ready = ready or client.supports_method(method)
    end
    if ready then
      local replies = vim.lsp.buf_request_sync(buf, method, params, 5000) or {}
      for _, reply in pairs(replies) do if reply.result then return reply.result end end
    end
    vim.wait(100)
  end
  return vim.NIL
end
local hover = request('textDocument/hover', 2, 2)
local completion = request('textDocument/completion', 4, 16)
local departed = {}
for _, item in ipairs(completion ~= vim.NIL and completion.items or {}) do
  if item.tags and vim.tbl_contains(item.tags, 1) then table.insert(departed, item.label) end
end
local rows = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(rows, { lnum = d.lnum, col = d.col, severity = d.severity, code = d.code, message = d.message })
end
vim.fn.writefile({ vim.fn.json_encode({ filetype = filetype, diagnostics = rows,
  hover = hover ~= vim.NIL and hover.contents.value or '', departed = departed }) }, out)
for _, client in pairs(vim.lsp.get_active_clients()) do client.stop() end
vim.wait(2000, function() return #vim.lsp.get_active_clients() == 0 end, 20)
vim.cmd(ok and 'qall!' or 'cquit 1')
