-- The IPT Plan language server in Neovim: the setups of docs/neovim.md, one per Neovim version,
-- picked by what this Neovim has. test/neovim/run.mjs starts `nvim --headless -u` this file.
-- IPT_LSP_CMD (a JSON list) overrides the command, so the test can point at the built dist/server.js.
local cmd = { 'ipt-language-server', '--stdio' }
if vim.env.IPT_LSP_CMD then
  cmd = vim.fn.json_decode(vim.env.IPT_LSP_CMD)
end

if vim.lsp.config and vim.lsp.enable then
  -- Neovim 0.11 and later.
  vim.filetype.add({ extension = { ipt = 'ipt' } })
  vim.lsp.config('ipt', {
    cmd = cmd,
    filetypes = { 'ipt' },
    root_markers = { '.iptrc.json', '.git' },
  })
  vim.lsp.enable('ipt')
elseif vim.lsp.start then
  -- Neovim 0.8 to 0.10.
  vim.filetype.add({ extension = { ipt = 'ipt' } })
  vim.api.nvim_create_autocmd('FileType', {
    pattern = 'ipt',
    callback = function(args)
      local marker = vim.fs.find({ '.iptrc.json', '.git' }, { upward = true, path = vim.fs.dirname(args.file) })[1]
      vim.lsp.start({
        name = 'ipt',
        cmd = cmd,
        root_dir = marker and vim.fs.dirname(marker) or vim.fs.dirname(args.file),
      })
    end,
  })
else
  -- Neovim 0.7: one client, attached to every .ipt buffer.
  vim.cmd('autocmd BufRead,BufNewFile *.ipt setfiletype ipt')
  local client_id
  vim.api.nvim_create_autocmd('FileType', {
    pattern = 'ipt',
    callback = function(args)
      client_id = client_id or vim.lsp.start_client({
        name = 'ipt',
        cmd = cmd,
        root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ':p:h'),
      })
      vim.lsp.buf_attach_client(args.buf, client_id)
    end,
  })
end
