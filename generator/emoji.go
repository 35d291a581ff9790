package generator

import (
	"bytes"

	"github.com/affsite/affsite/shortcodes"
	emoji "github.com/kyokomi/emoji/v2"
)

// emojifyBody turns the :name: emoji codes of a page body into their
// emoji, as Hugo 0.111 does with enableEmoji: in the text and the inner
// content of shortcodes, not in their tags, and before the Markdown is
// read, so code, link addresses and heading ids get them too. Lines
// stay where they were. It returns body and doc themselves when there is
// no code to replace; the new body is parsed with opts, as doc was.
func emojifyBody(body []byte, doc *shortcodes.Document, opts shortcodes.ParseOptions) ([]byte, *shortcodes.Document) {
	if bytes.IndexByte(body, ':') < 0 {
		return body, doc
	}
	out := make([]byte, 0, len(body))
	last := emojifyNodes(&out, body, doc.Nodes, 0)
	out = append(out, body[last:]...)
	if bytes.Equal(out, body) {
		return body, doc
	}
	// Only text changed, into emoji, which hold no "{{": the tags parse
	// as before, so the error cannot happen.
	nd, err := shortcodes.ParseWith(out, opts)
	if err != nil {
		return body, doc
	}
	return out, nd
}

// emojifyNodes appends src from last up to the end of nodes to out, the
// text of nodes (shortcodes' inner text too) emojified, and returns
// where it stopped.
func emojifyNodes(out *[]byte, src []byte, nodes []shortcodes.Node, last int) int {
	for _, n := range nodes {
		switch n := n.(type) {
		case *shortcodes.Text:
			if n.Value != "" || n.Start < last {
				continue // an escaped shortcode stays as written
			}
			*out = append(*out, src[last:n.Start]...)
			*out = emojify(*out, src[n.Start:n.End])
			last = n.End
		case *shortcodes.Shortcode:
			last = emojifyNodes(out, src, n.Inner, last)
		}
	}
	return last
}

// emojify appends text to out with its emoji codes replaced, scanning
// as Hugo 0.111's page lexer does: a code is a colon, then letters,
// digits, "_", "-" or "+", then a colon; one the table does not know is
// kept, and the scan goes on after its closing colon (":x:smile:" keeps
// "smile:"). The table is the one Hugo 0.111 used (kyokomi/emoji).
func emojify(out, text []byte) []byte {
	codes := emoji.CodeMap()
	for {
		i := bytes.IndexByte(text, ':')
		if i < 0 {
			return append(out, text...)
		}
		out = append(out, text[:i]...)
		text = text[i:]
		end := emojiCodeEnd(text)
		if end < 0 {
			out = append(out, ':')
			text = text[1:]
			continue
		}
		if e, ok := codes[string(text[:end])]; ok {
			out = append(out, e...)
		} else {
			out = append(out, text[:end]...)
		}
		text = text[end:]
	}
}

// emojiCodeEnd is the length of the emoji code that text starts with,
// its closing colon included, or -1 when text does not start with one.
func emojiCodeEnd(text []byte) int {
	for i := 1; i < len(text); i++ {
		c := text[i]
		switch {
		case c == ':' && i > 1:
			return i + 1
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '_', c == '-', c == '+':
		default:
			return -1
		}
	}
	return -1
}
