-- Starts `gtmlint lsp` for .gtm buffers: require('gtmlint').setup({ cmd = { 'gtmlint', 'lsp' } }).
-- Works with Neovim 0.7 (vim.lsp.start_client) and later (vim.lsp.start).
local M = {}

-- The workspace root: the nearest folder with gtmlint.gtm, else the git top level, else the
-- file's folder (the same rule as the command line).
local function root_of(path)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  local marker = vim.fn.findfile('gtmlint.gtm', dir .. ';')
  if marker ~= '' then return vim.fn.fnamemodify(marker, ':p:h') end
  local git = vim.fn.finddir('.git', dir .. ';')
  if git ~= '' then return vim.fn.fnamemodify(git, ':p:h:h') end
  return dir
end

local clients = {}  -- root -> client id

function M.setup(opts)
  opts = opts or {}
  local cmd = opts.cmd or { 'gtmlint', 'lsp' }
  vim.api.nvim_create_autocmd('FileType', {
    pattern = 'gtm',
    callback = function(args)
      local root = root_of(vim.api.nvim_buf_get_name(args.buf))
      if vim.lsp.start then
        vim.lsp.start({ name = 'gtmlint', cmd = cmd, root_dir = root }, { bufnr = args.buf })
        return
      end
      local id = clients[root]
      if not id or not vim.lsp.get_client_by_id(id) then
        id = vim.lsp.start_client({ name = 'gtmlint', cmd = cmd, root_dir = root })
        clients[root] = id
      end
      if id then vim.lsp.buf_attach_client(args.buf, id) end
    end,
  })
end

return M
