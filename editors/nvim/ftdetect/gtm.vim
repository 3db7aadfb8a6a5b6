" .gtm files are go-to-market configuration for gtmlint.
autocmd BufRead,BufNewFile *.gtm setfiletype gtm
