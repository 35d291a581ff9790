package htmlesc

import (
	"html/template"
	"strings"
	"testing"
)

// contexts is a template with a string in each place the escapers
// stand for: element text, a <title>, a quoted attribute, a plain
// attribute html/template treats as unsafe (rel) and a URL attribute.
var contexts = template.Must(template.New("").Parse(
	`<p>{{.}}</p>|<title>{{.}}</title>|<a title="{{.}}">|<a rel="{{.}}">|<a data-label="{{.}} x">|<a href="{{.}}">`))

// escaped is what the escapers write in the places contexts has.
func escaped(s string) string {
	var b strings.Builder
	for _, w := range []struct{ before, after string }{
		{"<p>", "</p>|"}, {"<title>", "</title>|"}, {`<a title="`, `">|`}, {`<a rel="`, `">|`}, {`<a data-label="`, ` x">|`},
	} {
		b.WriteString(w.before)
		Write(&b, s)
		b.WriteString(w.after)
	}
	WriteURLAttr(&b, `<a href="`, s, `">`)
	return b.String()
}

// seeds holds every byte html/template treats specially in text,
// attributes and URLs, invalid UTF-8, and runes it leaves alone.
var seeds = []string{
	"", "plain", "a<b>&amp;\"q\" 'x' +1 \x00 \xff\xfe é – \u2028 \ufdd0 %zz %2F % #f?a=b&c=[d] `",
	"javascript:alert(1)", "JavaScript:x", "mailto:a@example.org", "HTTPS://example.org/a b?c=<d>", "ftp://x",
	"/rel/path:with/colon", "a/b:c", "%", "%4", "%4g", "%41", "data:text/html,<b>", "\x7f\x80 tab\there",
}

// TestEscapersMatchTemplate: the escapers write each seed as
// html/template does.
func TestEscapersMatchTemplate(t *testing.T) {
	for _, s := range seeds {
		checkEscapers(t, s)
	}
}

// FuzzEscapers holds the escapers to html/template on any text.
func FuzzEscapers(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(checkEscapers)
}

func checkEscapers(t *testing.T, s string) {
	var want strings.Builder
	if err := contexts.Execute(&want, s); err != nil {
		t.Fatal(err)
	}
	if got := escaped(s); got != want.String() {
		t.Errorf("%q:\n got %s\nwant %s", s, got, want.String())
	}
}
