" Syntax highlighting for go-to-market configuration (.gtm) files.
if exists('b:current_syntax')
  finish
endif

syntax match gtmComment "#.*$" contains=@Spell
syntax region gtmString start=/"/ skip=/\\"/ end=/"\|$/ contains=gtmEscape
syntax region gtmText start=/"""/ end=/"""/
syntax match gtmEscape /\\\(["\\nt]\|u{\x\{1,6}}\)/ contained
syntax match gtmDate /\<\d\{4}-\d\{2}-\d\{2}\>/
syntax match gtmDuration /\<\d\+[mhdw]\>/
syntax match gtmNumber /-\?\<\d\+\(\.\d\+\)\?\>/
syntax keyword gtmConstant true false none
syntax keyword gtmOperator and or not in
syntax match gtmOperator /==\|!=\|<=\|>=\|<\|>\|->/
syntax match gtmAttribute /\<[A-Za-z_][A-Za-z0-9_-]*\ze\s*=[^=]/
syntax match gtmKind /^\s*\zs[A-Za-z_][A-Za-z0-9_-]*\ze\s\+\([A-Za-z_"][^{]*\)\?{/
syntax match gtmFunction /\<[A-Za-z_][A-Za-z0-9_-]*\ze(/

highlight default link gtmComment Comment
highlight default link gtmString String
highlight default link gtmText String
highlight default link gtmEscape SpecialChar
highlight default link gtmDate Number
highlight default link gtmDuration Number
highlight default link gtmNumber Number
highlight default link gtmConstant Constant
highlight default link gtmOperator Operator
highlight default link gtmAttribute Identifier
highlight default link gtmKind Type
highlight default link gtmFunction Function

let b:current_syntax = 'gtm'
