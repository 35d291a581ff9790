// Package shortcodes parses Hugo-style shortcodes in Markdown and expands them through templates and built-in Go functions.
//
// Parsing is two stages: a state-function lexer (lex.go) cuts the source into
// items holding byte offsets, and a parser (parse.go) pairs opening and
// closing tags into a tree of Text and Shortcode nodes. Expansion (expand.go)
// replaces every top-level shortcode by a placeholder token made of letters
// and digits only, so the Markdown renderer passes it through untouched, and
// Result.Replace later swaps each token for the shortcode's HTML.
package shortcodes
