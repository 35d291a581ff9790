package shortcodes

// Document is a parsed Markdown body: text and shortcodes in source order.
type Document struct {
	Nodes []Node
}

// Node is a Text or a *Shortcode. The interface is sealed: only this
// package's types implement it.
type Node interface {
	node()
}

// Text is a run of source text. Value is set only for an escaped shortcode
// ({{</* x */>}} reads "{{< x >}}"); otherwise the text is src[Start:End].
type Text struct {
	Start, End int
	Value      string
}

func (*Text) node() {}

// Literal returns the text as it should be printed: Value for an escaped
// shortcode, else src[Start:End].
func (t *Text) Literal(src []byte) string {
	if t.Value != "" {
		return t.Value
	}
	return string(src[t.Start:t.End])
}

// bytes is Literal as bytes, a view of src but for an escaped
// shortcode: the text between a page's shortcodes is most of the page,
// and Expand writes it to a buffer, so copying it into a string first
// would be a copy of the page.
func (t *Text) bytes(src []byte) []byte {
	if t.Value != "" {
		return []byte(t.Value)
	}
	return src[t.Start:t.End]
}

// Shortcode is one use of a shortcode, standalone or paired with its
// closing tag.
type Shortcode struct {
	Name string
	// Start is the offset of the opening "{{"; End is just after the closing
	// tag's ">}}" when Paired, else just after the opening tag.
	Start, End int
	// Params are the parameters in source order; Named tells whether they
	// are name=value pairs (true) or positional (false).
	Params []Param
	// Duplicates are named parameters given again: as in Hugo, the later
	// value replaced the earlier one in Params.
	Duplicates []Param
	// Inner holds the nodes between the tags when Paired, and
	// src[InnerStart:InnerEnd] is the raw inner text (empty for a
	// self-closing tag).
	Inner                []Node
	InnerStart, InnerEnd int
	// Line and Col (1-based, Col in runes) locate Start in the parsed source.
	Line, Col int
	// Markdown is true for {{% %}} delimiters, false for {{< >}}.
	Markdown bool
	Named    bool
	// Paired is true when a closing tag matched, or the tag is self-closing.
	Paired bool
	// SelfClosing is true for {{< name />}}: paired, with empty inner content.
	SelfClosing bool
	// (The booleans come last, together: a deeply nested page holds one
	// Shortcode a level, and padding after each would be a fifth of it.)
}

func (*Shortcode) node() {}

// Param is one shortcode parameter. Name is empty for a positional
// parameter; Value is unquoted and unescaped. Offset is where the parameter
// starts in the source.
type Param struct {
	Name, Value string
	Offset      int
}
