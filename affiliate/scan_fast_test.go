package affiliate

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// builtPage is markup as a build writes it: goldmark's paragraphs,
// lists, tables and headings, the typographer's references, a comment,
// the disclosure box and affiliate links of every kind.
const builtPage = `<p>Intro &ldquo;quoted&rdquo; &amp; more&hellip; text.</p>
<!--more-->
<div class="aff-disclosure" role="note"><p>This page contains affiliate links: we may earn a commission.</p></div>
<h2 id="plans">Plans <em>and</em> prices</h2>
<p>Try <a href="/go/k/" rel="sponsored nofollow">Kit&rsquo;s plan</a> or <a href="https://x.aff/?a=1&amp;b=2" rel="sponsored">this</a>.<br>
<img src="/i.png" alt="A &quot;pic&quot;"/></p>
<ul>
<li>one <code>&lt;a href=&quot;/go/k/&quot;&gt;</code></li>
<li><input checked="" disabled="" type="checkbox"> two</li>
</ul>
<table>
<thead><tr><th style="text-align:center">A</th></tr></thead>
<tbody><tr><td><a href=/go/u/ class=cta>unquoted</a></td></tr></tbody>
</table>
<details><summary>More</summary><p>Hidden words: contains affiliate links</p></details>
<footer><a href="/go/f/">footer</a></footer>
`

// fastCases are markup scanFast reads as the tokenizer does, or refuses.
var fastCases = []string{
	builtPage,
	`<a href="/go/k/">k</a>`, `<div class="aff-disclosure"></div><area href=/go/x/>`, `<a href='x.aff/'`, `<!--<a href=/go/k/>-->`,
	`<p><em>This post contains affiliate links.</em></p><a href="/go/k/">k</a>`, `<p>We <a href="/go/k/">earn</a> from qualifying purchases<div hidden>`,
	`<!--> <a href="/go/a/"> <!---> <!-- a -- b --!> <a href=/go/b/> <!-- x --!y --> <a href="/go/c/">`,
	`<A HREF="/go/k/" REL=Sponsored Class="AFF-DISCLOSURE">x</A> <a href="/go/1/" href="/go/2/">`,
	`<a =x href = "/go/k/" / rel= 'sponsored' data-x=y/>t</a> <a href="/go/&lt;x&gt;/" rel="&quot;sponsored&quot;">`,
	`< a href="/go/k/"> a <3 b </> c </ x> <?php echo ?> </p foo="bar"> <a href="/go/z/">z</a>`,
	`<a rel="sponsored"href="/go/k/">`, `<a class='x'href='/go/k/'rel=sponsored>`, `<a href=/go/k/ =class="aff-disclosure">`,
	`<a href="/go/&ampx/">`, `<a href="/go/&amp=/">`, `<a href="/go/&copy;/">`, `text &ampx &#39; &notit; <a href=/go/k/>`,
	`<script><a href="/go/k/"></script>`, `<title><a href="/go/k/"></title>`, "<a href=\"/go/k/\">\r\n</a>", "<a href=\"/go/k/\">\x00</a>",
	`<!DOCTYPE html><a href="/go/k/">`, `<![CDATA[x]]><a href="/go/k/">`, `<a href="/go/k/">x</a><`, `<a href="/go/k/">x</a></`,
	`<div style="display: none"><p>contains affiliate links</p></div><a href="/go/k/">`, `<a href="/go/k/"><a href="/go/l/">nested</a>`,
	// After a box that comes first only links' attributes are read:
	// references elsewhere, and a second box, change nothing.
	`<div class="aff-disclosure"></div><td style="a&copy;b" class="x">t</td><a href="/go/&amp;k/" rel=sponsored>`,
	`<p class="aff-disclosure">x</p><p title="&notit;" class="aff-disclosure">y<A HREF="/go/&copy;/">z</A><area href="/go/a/" rel="&lt;">`,
}

// scanners are the phrase settings both paths are compared under.
func scanPhrases(t testing.TB) []Phrases {
	defaults, err := NewPhrases(DefaultDisclosurePhrases())
	if err != nil {
		t.Fatal(err)
	}
	return []Phrases{{}, defaults}
}

// sameAsTokens fails t when scanFast reads s otherwise than scanTokens,
// and tells whether it read it.
func sameAsTokens(t *testing.T, s string, phrases []Phrases) bool {
	read := false
	for _, p := range phrases {
		for _, untilLink := range []bool{true, false} {
			fast, ok := scanFast([]byte(s), testClassify, p, untilLink)
			if !ok {
				continue
			}
			read = true
			if want := scanTokens([]byte(s), testClassify, p, untilLink); !reflect.DeepEqual(fast, want) {
				t.Fatalf("%q (untilLink %v):\nfast   %+v\ntokens %+v", s, untilLink, fast, want)
			}
		}
	}
	return read
}

// TestScanFast: scanFast finds what the tokenizer finds, and reads the
// markup a build writes (refusing only what it says it refuses).
func TestScanFast(t *testing.T) {
	t.Parallel()
	phrases := scanPhrases(t)
	for _, s := range fastCases {
		sameAsTokens(t, s, phrases)
	}
	if !sameAsTokens(t, builtPage, phrases) {
		t.Error("scanFast refused the built page")
	}
	if f := Scan([]byte(builtPage), testClassify, phrases[1]); len(f.Anchors) != 4 || f.Disclosure < 0 {
		t.Errorf("built page: %d anchors, disclosure at %d", len(f.Anchors), f.Disclosure)
	}
	for _, refused := range []string{"<a href=/go/k/>\r\n", "<script>x</script><a href=/go/k/>", "<!DOCTYPE html><a href=/go/k/>",
		`<a href="/go/&copy;/">`, `<a href="/go/k/"`, `<!-- open <a href=/go/k/>`} {
		if _, ok := scanFast([]byte(refused), testClassify, phrases[1], true); ok {
			t.Errorf("scanFast read %q", refused)
		}
	}
}

// FuzzScanFast: wherever scanFast reads markup, it finds what the
// tokenizer finds.
func FuzzScanFast(f *testing.F) {
	for _, s := range fastCases {
		f.Add(s)
	}
	phrases := scanPhrases(f)
	f.Fuzz(func(t *testing.T, s string) {
		sameAsTokens(t, s, phrases)
		if strings.Contains(s, "<") {
			sameAsTokens(t, strings.ToUpper(s), phrases)
		}
	})
}

// tagCases are start tags whose token is hard to get right: self-closing
// or not, quotes, references, names in upper case.
var tagCases = []string{
	`<a href="/go/k/"/>`, `<a href=/go/k/>`, `<a href=/go/k/ />`, `<br/>`, `<input disabled/>`, `<input disabled />`,
	`<A HREF="/go/&amp;k/" Rel='sponsored' data-x='a"b' title=a&amp;b>`, `<a href="/go/&copy;/">`, `<a =x/ y= z/>`,
	`<a href="/go/k/"`, `<a href="x">rest</a>`, `<area href=/go/x/ alt="a &lt;b&gt;"/>`,
}

// tokenAt is the start tag at byte 0 of b as the tokenizer reads it.
func tokenAt(b []byte) (html.Token, int, bool) {
	z := html.NewTokenizer(bytes.NewReader(b))
	tt := z.Next()
	if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
		return html.Token{}, 0, false
	}
	tok := z.Token()
	tok.DataAtom = 0
	return tok, len(z.Raw()), true
}

// sameToken fails t when fastToken reads the start of s otherwise than
// the tokenizer.
func sameToken(t *testing.T, s string) {
	fast, end, ok := fastToken([]byte(s), 0)
	if !ok {
		return
	}
	want, wantEnd, wantOK := tokenAt([]byte(s))
	if !wantOK || end != wantEnd || !reflect.DeepEqual(fast, want) {
		t.Fatalf("%q: fast %+v (end %d), tokenizer %+v (end %d, %v)", s, fast, end, want, wantEnd, wantOK)
	}
}

// TestFastToken: fastToken gives the tokenizer's token.
func TestFastToken(t *testing.T) {
	t.Parallel()
	for _, s := range tagCases {
		sameToken(t, s)
	}
	if _, _, ok := fastToken([]byte(tagCases[0]), 0); !ok {
		t.Errorf("fastToken refused %q", tagCases[0])
	}
}

// FuzzFastToken: wherever fastToken reads a start tag, it is the
// tokenizer's.
func FuzzFastToken(f *testing.F) {
	for _, s := range tagCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { sameToken(t, s) })
}

// decodeAttrCases are attribute values with each markup reference, at
// either end, doubled, nested ("&amp;lt;"), and with references the
// fast reader leaves to the tokenizer.
var decodeAttrCases = []struct {
	val  string
	want string // "" with ok false
	ok   bool
}{
	{"", "", true},
	{"plain /go/k/", "plain /go/k/", true},
	{"?a=1&amp;subid=x", "?a=1&subid=x", true},
	{"&quot;q&quot; &#39;s&#39; &#34;d&#34; &lt;b&gt;", `"q" 's' "d" <b>`, true},
	{"&amp;lt;&amp;amp;", "&lt;&amp;", true},
	{"&amp;", "&", true},
	{"x&gt;", "x>", true},
	{"&copy;", "", false},
	{"a&b", "", false},
	{"&amp", "", false},
	{"&amp;&", "", false},
	{"&#x27;", "", false},
}

// TestDecodeAttr: decodeAttr decodes the markup references as the
// tokenizer does, and refuses any other "&".
func TestDecodeAttr(t *testing.T) {
	t.Parallel()
	for _, c := range decodeAttrCases {
		got, ok := decodeAttr([]byte(c.val))
		if ok != c.ok || ok && got != c.want {
			t.Errorf("decodeAttr(%q) = %q, %v; want %q, %v", c.val, got, ok, c.want, c.ok)
		}
		if ok && got != html.UnescapeString(c.val) {
			t.Errorf("decodeAttr(%q) = %q, the tokenizer's unescaping %q", c.val, got, html.UnescapeString(c.val))
		}
	}
}

// FuzzDecodeAttr: what decodeAttr decodes is what the tokenizer's
// unescaping makes of it.
func FuzzDecodeAttr(f *testing.F) {
	for _, c := range decodeAttrCases {
		f.Add(c.val)
	}
	f.Fuzz(func(t *testing.T, val string) {
		if got, ok := decodeAttr([]byte(val)); ok && got != html.UnescapeString(val) {
			t.Errorf("decodeAttr(%q) = %q, the tokenizer's unescaping %q", val, got, html.UnescapeString(val))
		}
	})
}
