package affiliate

import (
	"bytes"
	"testing"
)

// clickTestData names each anchor's program and href, so a test sees
// which anchor got which data.
func clickTestData(program, href string) ClickData {
	return ClickData{Program: program, Placement: "p", SubID: href}
}

// clickDocs are documents whose anchors are hard to find: a tag's case,
// entities in an href, quotes holding ">", raw text and comments that
// hold no links, two hrefs on one tag, an unfinished tag at the end.
var clickDocs = []string{
	`<p>A <a href="/go/k/" rel="sponsored">link</a>, <a href="/other/">other</a>.</p>`,
	`<A HREF="/go/k/" title="a > b">K</A><area href=/go/x/ /><a href='x.aff/?a=1&amp;b=2'>x</a>`,
	`<script>"<a href=/go/k/>"</script><!-- <a href=/go/k/> --><textarea><a href=/go/k/></textarea><a href=/go/y/>y</a>`,
	`<a href="/other/" href="/go/k/">first href counts</a><a data-aff-program="old" href="/go/z/">z</a>`,
	`<title><a href=/go/k/></title><style>a{}</style><a href="/go/&#107;/">entity</a><a href="/go/k/"`,
	`<p>No links.</p>`,
	``,
}

// TestAddClickDataAt: rewriting only the tags Scan found gives what
// reading the whole document again gives.
func TestAddClickDataAt(t *testing.T) {
	t.Parallel()
	for _, doc := range clickDocs {
		checkClickDataAt(t, doc)
	}
}

func checkClickDataAt(t *testing.T, doc string) {
	t.Helper()
	want := string(AddClickData([]byte(doc), testClassify, clickTestData))
	found := Scan([]byte(doc), testClassify, Phrases{})
	if got := string(AddClickDataAt([]byte(doc), found, clickTestData)); got != want {
		t.Errorf("%q:\ngot  %s\nwant %s", doc, got, want)
	}
	// WriteClickDataAt gives the same in a buffer used before.
	w := bytes.NewBufferString("a page before")
	w.Reset()
	if got := string(WriteClickDataAt(w, []byte(doc), found, clickTestData)); got != want {
		t.Errorf("%q: WriteClickDataAt:\ngot  %s\nwant %s", doc, got, want)
	}
}

// FuzzAddClickDataAt: on any document, AddClickDataAt with Scan's
// anchors equals AddClickData.
func FuzzAddClickDataAt(f *testing.F) {
	for _, doc := range clickDocs {
		f.Add(doc)
	}
	f.Fuzz(func(t *testing.T, doc string) { checkClickDataAt(t, doc) })
}
