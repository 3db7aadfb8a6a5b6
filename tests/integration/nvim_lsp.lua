-- Headless Neovim: open a file of a workspace, let gtmlint's language server check it, and write
-- the diagnostics Neovim received to $OUT as JSON. Run by nvim_test.sh.
local out = os.getenv('OUT')
require('gtmlint').setup({ cmd = { os.getenv('GTMLINT'), 'lsp' } })
vim.cmd('edit ' .. os.getenv('FILE'))
local buf = vim.api.nvim_get_current_buf()
local filetype = vim.bo[buf].filetype
local ok = vim.wait(10000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
local rows = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(rows, { lnum = d.lnum, col = d.col, severity = d.severity, code = d.code, message = d.message })
end
vim.fn.writefile({ vim.fn.json_encode({ filetype = filetype, diagnostics = rows }) }, out)
for _, client in pairs(vim.lsp.get_active_clients()) do client.stop() end
vim.wait(2000, function() return #vim.lsp.get_active_clients() == 0 end, 20)
vim.cmd(ok and 'qall!' or 'cquit 1')
