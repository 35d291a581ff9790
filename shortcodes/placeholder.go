package shortcodes

import (
	"bytes"
	"strconv"
)

// Placeholders are letters and digits only: PREFIX + decimal index + "Z",
// e.g. "AFFSC0Z". Goldmark (typographer, linkify, tables included) leaves
// such a word alone in every position. PREFIX is "AFFSC", extended with "Q"s
// until it does not occur in the source, so a token never collides with the
// author's text and the choice is deterministic. The "Z" ends the digits,
// so "AFFSC1Z" is not a prefix of "AFFSC12Z".
const (
	placeholderBase = "AFFSC"
	placeholderEnd  = 'Z'
)

func choosePrefix(src []byte) string {
	p := placeholderBase
	for bytes.Contains(src, []byte(p)) {
		p += "Q"
	}
	return p
}

// Result is the outcome of Expand: Markdown holding one placeholder per
// shortcode, and what each placeholder stands for.
type Result struct {
	// Markdown is the source with every top-level shortcode replaced by a
	// placeholder token, ready for the Markdown renderer.
	Markdown []byte

	prefix string
	html   []string      // by placeholder index
	invs   []*Invocation // by placeholder index
	top    []*Invocation
}

// add records a shortcode's HTML and returns its placeholder.
func (r *Result) add(inv *Invocation, html string) string {
	r.html = append(r.html, html)
	r.invs = append(r.invs, inv)
	return r.token(len(r.html) - 1)
}

func (r *Result) count() int { return len(r.html) }

// release drops the HTML of the shortcodes recorded from index first on,
// and their Inner, once an enclosing {{% %}} has copied it into its own
// Inner: they are its descendants, and their placeholders cannot occur
// in the page's Markdown.
func (r *Result) release(first int) {
	for i := first; i < len(r.html); i++ {
		r.html[i] = ""
		r.invs[i].Inner = ""
	}
}

func (r *Result) token(i int) string {
	return r.prefix + strconv.Itoa(i) + string(rune(placeholderEnd))
}

// index returns the placeholder index of token, or -1.
func (r *Result) index(token []byte) int {
	if len(token) < len(r.prefix)+2 || !bytes.HasPrefix(token, []byte(r.prefix)) || token[len(token)-1] != placeholderEnd {
		return -1
	}
	digits := token[len(r.prefix) : len(token)-1]
	if len(digits) > 1 && digits[0] == '0' {
		return -1
	}
	i, err := strconv.Atoi(string(digits))
	if err != nil || i < 0 || i >= len(r.html) {
		return -1
	}
	return i
}

// FindPlaceholders returns the [start, end) byte ranges of this Result's
// placeholders in b, in order.
func (r *Result) FindPlaceholders(b []byte) [][2]int {
	var locs [][2]int
	for off := 0; ; {
		i := bytes.Index(b[off:], []byte(r.prefix))
		if i < 0 {
			return locs
		}
		start := off + i
		end := start + len(r.prefix)
		for end < len(b) && b[end] >= '0' && b[end] <= '9' {
			end++
		}
		if end < len(b) && b[end] == placeholderEnd && r.index(b[start:end+1]) >= 0 {
			locs = append(locs, [2]int{start, end + 1})
			off = end + 1
			continue
		}
		off = start + 1
	}
}

// Replace returns html with each placeholder replaced by the HTML of its
// shortcode. A placeholder that makes up a whole paragraph, "<p>TOKEN</p>",
// is replaced whole, so block output is not wrapped in <p>. It returns
// html itself when there is no placeholder.
func (r *Result) Replace(html []byte) []byte {
	locs := r.FindPlaceholders(html)
	if len(locs) == 0 {
		return html
	}
	out := bytes.NewBuffer(make([]byte, 0, len(html)+256*len(locs)))
	r.replaceAt(out, html, locs)
	return out.Bytes()
}

// WriteReplaced writes html with its placeholders replaced, as Replace
// returns it, to w (a build's pooled buffer): always a copy, never html
// itself.
func (r *Result) WriteReplaced(w *bytes.Buffer, html []byte) {
	r.replaceAt(w, html, r.FindPlaceholders(html))
}

// replaceAt writes html to out with the placeholders at locs replaced.
func (r *Result) replaceAt(out *bytes.Buffer, html []byte, locs [][2]int) {
	out.Grow(len(html) + 256*len(locs))
	last := 0
	for _, loc := range locs {
		start, end := loc[0], loc[1]
		i := r.index(html[start:end])
		if start-3 >= last && bytes.HasSuffix(html[:start], []byte("<p>")) && bytes.HasPrefix(html[end:], []byte("</p>")) {
			start, end = start-3, end+4
		}
		out.Write(html[last:start])
		out.WriteString(r.html[i])
		last = end
	}
	out.Write(html[last:])
}

// Shortcodes returns the top-level invocations in source order.
func (r *Result) Shortcodes() []*Invocation { return r.top }

// Lookup returns the invocation a placeholder token stands for.
func (r *Result) Lookup(token string) (*Invocation, bool) {
	i := r.index([]byte(token))
	if i < 0 {
		return nil, false
	}
	return r.invs[i], true
}

// HTML returns the HTML a placeholder token of the page's Markdown stands
// for. A nested shortcode's token is not found: its HTML is part of its
// parent's.
func (r *Result) HTML(token string) (string, bool) {
	i := r.index([]byte(token))
	if i < 0 || r.invs[i].Parent != nil {
		return "", false
	}
	return r.html[i], true
}
