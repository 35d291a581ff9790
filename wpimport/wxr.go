package wpimport

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Channel is what a WXR file says about the site.
type Channel struct {
	Title, Link, Description, Language string
	BaseSiteURL, BaseBlogURL           string
	Version                            string            // wp:wxr_version, "1.2"
	Authors                            map[string]string // login → display name
	// Terms are the categories and tags the channel declares, by term id.
	Terms map[int]Term
}

// Term is a category or tag the channel declares.
type Term struct {
	Taxonomy string // "category" or "post_tag"
	Slug     string // nicename
	Parent   string // the parent's slug, for a category
	Name     string
}

// Item is one <item> of the export: a post, page, attachment, menu item…
type Item struct {
	Title    string   `xml:"title"`
	Link     string   `xml:"link"`
	PubDate  string   `xml:"pubDate"`
	Creator  string   `xml:"creator"`
	GUID     string   `xml:"guid"`
	Encoded  []nsText `xml:"encoded"`
	ID       int      `xml:"post_id"`
	Date     string   `xml:"post_date"`
	DateGMT  string   `xml:"post_date_gmt"`
	Modified string   `xml:"post_modified"`
	Name     string   `xml:"post_name"`
	Status   string   `xml:"status"`
	Parent   int      `xml:"post_parent"`
	Order    int      `xml:"menu_order"`
	Type     string   `xml:"post_type"`
	Password string   `xml:"post_password"`
	AttURL   string   `xml:"attachment_url"`
	Terms    []struct {
		Domain   string `xml:"domain,attr"`
		Nicename string `xml:"nicename,attr"`
		Name     string `xml:",chardata"`
	} `xml:"category"`
	Meta []struct {
		Key   string `xml:"meta_key"`
		Value string `xml:"meta_value"`
	} `xml:"postmeta"`
	Comments []struct {
		ID int `xml:"comment_id"`
	} `xml:"comment"`

	line int // of <item>
}

// nsText is an element's text with its name: content:encoded and
// excerpt:encoded share the local name "encoded".
type nsText struct {
	XMLName xml.Name
	Text    string `xml:",chardata"`
}

// Content is the post's HTML (content:encoded).
func (it *Item) Content() string { return it.encoded("content") }

// Excerpt is the post's hand-written excerpt (excerpt:encoded).
func (it *Item) Excerpt() string { return it.encoded("excerpt") }

func (it *Item) encoded(kind string) string {
	for _, e := range it.Encoded {
		if strings.Contains(e.XMLName.Space, "/"+kind) || strings.Contains(e.XMLName.Space, kind+"/") {
			return e.Text
		}
	}
	return ""
}

// MetaValue returns the value of the post meta key, "" when absent.
func (it *Item) MetaValue(key string) string {
	for _, m := range it.Meta {
		if m.Key == key {
			return m.Value
		}
	}
	return ""
}

// knownVersions are the WXR versions WordPress has written.
var knownVersions = map[string]bool{"1.0": true, "1.1": true, "1.2": true}

// Error is a problem in the export at an XML line.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// maxItemBytes is the most one item (or any one token or channel field)
// may take of the export, so that memory stays bounded whatever the
// file holds: a post with inline base64 images is a few MiB.
const maxItemBytes = 64 << 20

// byteSize writes n in MiB, or KiB below one MiB.
func byteSize(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d KiB", n>>10)
}

// errTooLarge is countingReader's error past its limit.
var errTooLarge = errors.New("too large")

// scan reads a WXR document token by token and calls fn for each item,
// decoded on its own: only one item is in memory at a time, and none
// may take more than maxItem bytes of the file. It returns the channel's
// fields (authors included) once the document ends. Errors name file
// and the XML line.
func scan(file string, r io.Reader, maxItem int64, fn func(*Channel, *Item) error) (*Channel, error) {
	cr := &countingReader{r: bufio.NewReaderSize(r, 64<<10)}
	s := &wxrScanner{file: file, cr: cr, dec: xml.NewDecoder(cr), maxItem: maxItem, fn: fn,
		ch: &Channel{Authors: map[string]string{}, Terms: map[int]Term{}}}
	s.dec.Strict = true
	for {
		line, _ := s.dec.InputPos()
		cr.limit = cr.n + maxItem
		tok, err := s.dec.Token()
		if err == io.EOF {
			break
		}
		if errors.Is(err, errTooLarge) {
			return nil, s.tooLarge("the text or element here", line)
		}
		if err != nil {
			return nil, xmlError(file, err, s.errAt)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			err = s.start(t, line)
		case xml.EndElement:
			if len(s.stack) > 0 {
				s.stack = s.stack[:len(s.stack)-1]
			}
		}
		if err != nil {
			return nil, err
		}
	}
	return s.end()
}

// wxrScanner is the state of scan: where it is in the document, and the
// channel's fields so far.
type wxrScanner struct {
	file               string
	cr                 *countingReader
	dec                *xml.Decoder
	maxItem            int64
	fn                 func(*Channel, *Item) error
	ch                 *Channel
	stack              []string // the open elements, but items and channel fields
	sawRSS, sawChannel bool
}

// errAt is an error at the decoder's line.
func (s *wxrScanner) errAt(msg string) error {
	line, _ := s.dec.InputPos()
	return &Error{File: s.file, Line: line, Msg: msg}
}

// tooLarge is the error for what at line, past the most read at once.
func (s *wxrScanner) tooLarge(what string, line int) error {
	return &Error{File: s.file, Line: line, Msg: fmt.Sprintf("%s is larger than %s, the most this importer reads at once", what, byteSize(s.maxItem))}
}

// start handles an element's start tag at line: the document's <rss>,
// its <channel>, an item (decoded whole and handed to fn) or a field of
// the channel (decoded whole).
func (s *wxrScanner) start(t xml.StartElement, line int) error {
	name := t.Name.Local
	if len(s.stack) == 0 {
		if name != "rss" {
			return s.errAt(fmt.Sprintf("not a WordPress export: the document is <%s>, not <rss>", name))
		}
		s.sawRSS = true
	}
	if name == "channel" && len(s.stack) == 1 {
		s.sawChannel = true
	}
	switch {
	case name == "item" && len(s.stack) == 2:
		return s.item(t)
	case len(s.stack) == 2 && s.stack[1] == "channel":
		return s.channelField(t, line)
	}
	s.stack = append(s.stack, name)
	return nil
}

// item decodes one <item> and hands it to fn.
func (s *wxrScanner) item(t xml.StartElement) error {
	if s.ch.Version == "" {
		return s.errAt("not a WordPress export: no <wp:wxr_version> before the first item (export from Tools → Export)")
	}
	line, _ := s.dec.InputPos()
	s.cr.limit = s.cr.n + s.maxItem
	var it Item
	if err := s.dec.DecodeElement(&it, &t); errors.Is(err, errTooLarge) {
		return s.tooLarge("the <item> here", line)
	} else if err != nil {
		return xmlError(s.file, err, s.errAt)
	}
	it.line = line
	return s.fn(s.ch, &it)
}

// channelField decodes a child of <channel> other than an item, at line.
func (s *wxrScanner) channelField(t xml.StartElement, line int) error {
	if err := channelField(s.dec, t, s.ch); errors.Is(err, errTooLarge) {
		return s.tooLarge("<"+t.Name.Local+">", line)
	} else if err != nil {
		return s.errAt(err.Error())
	}
	if s.ch.Version != "" && !knownVersions[s.ch.Version] {
		return s.errAt(fmt.Sprintf("unknown WXR version %q (this importer reads 1.0, 1.1 and 1.2)", s.ch.Version))
	}
	return nil
}

// end checks, once the document ends, that it was an export.
func (s *wxrScanner) end() (*Channel, error) {
	if !s.sawRSS {
		return nil, &Error{File: s.file, Line: 1, Msg: "not a WordPress export: the file holds no XML element (not XML?)"}
	}
	if !s.sawChannel || s.ch.Version == "" {
		return nil, &Error{File: s.file, Line: 1, Msg: "not a WordPress export: no <channel> with a <wp:wxr_version>"}
	}
	return s.ch, nil
}

// xmlError words a decoding error, at the line the decoder gives.
func xmlError(file string, err error, errAt func(string) error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		msg := se.Msg
		if strings.Contains(msg, "unexpected EOF") {
			msg = "the file ends in the middle of the XML (a truncated export?): " + msg
		}
		return &Error{File: file, Line: se.Line, Msg: "not valid XML: " + msg}
	}
	return errAt("not valid XML: " + err.Error())
}

// channelField reads one child of <channel> other than an item.
func channelField(dec *xml.Decoder, t xml.StartElement, ch *Channel) error {
	switch t.Name.Local {
	case "author":
		return decodeAuthor(dec, t, ch)
	case "category", "tag":
		return decodeTerm(dec, t, ch)
	}
	if field, ok := channelText(ch)[t.Name.Local]; ok {
		var s string
		if err := dec.DecodeElement(&s, &t); err != nil {
			return err
		}
		*field = strings.TrimSpace(s)
		return nil
	}
	return dec.Skip() // other terms (nav_menu…): items name their own
}

// decodeAuthor reads a <wp:author> into ch.Authors: login → display name.
func decodeAuthor(dec *xml.Decoder, t xml.StartElement, ch *Channel) error {
	var a struct {
		Login   string `xml:"author_login"`
		Display string `xml:"author_display_name"`
	}
	if err := dec.DecodeElement(&a, &t); err != nil {
		return err
	}
	ch.Authors[a.Login] = a.Display
	return nil
}

// decodeTerm reads a <wp:category> or <wp:tag> into ch.Terms by its id.
func decodeTerm(dec *xml.Decoder, t xml.StartElement, ch *Channel) error {
	var c struct {
		ID      int    `xml:"term_id"`
		CatSlug string `xml:"category_nicename"`
		Parent  string `xml:"category_parent"`
		CatName string `xml:"cat_name"`
		TagSlug string `xml:"tag_slug"`
		TagName string `xml:"tag_name"`
	}
	if err := dec.DecodeElement(&c, &t); err != nil {
		return err
	}
	if t.Name.Local == "category" {
		ch.Terms[c.ID] = Term{Taxonomy: "category", Slug: c.CatSlug, Parent: c.Parent, Name: strings.TrimSpace(c.CatName)}
	} else {
		ch.Terms[c.ID] = Term{Taxonomy: "post_tag", Slug: c.TagSlug, Name: strings.TrimSpace(c.TagName)}
	}
	return nil
}

// channelText are the text fields of ch, by the name of their element.
func channelText(ch *Channel) map[string]*string {
	return map[string]*string{
		"title": &ch.Title, "link": &ch.Link, "description": &ch.Description, "language": &ch.Language,
		"base_site_url": &ch.BaseSiteURL, "base_blog_url": &ch.BaseBlogURL, "wxr_version": &ch.Version,
	}
}

// countingReader counts what it reads and fails with errTooLarge once
// the count reaches limit (when limit > 0). The decoder reads ahead by a
// buffer's worth, so the limit is approximate by a few KiB.
type countingReader struct {
	r     io.Reader
	n     int64
	limit int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	if c.limit > 0 && c.n >= c.limit {
		return 0, errTooLarge
	}
	if c.limit > 0 && int64(len(p)) > c.limit-c.n {
		p = p[:c.limit-c.n]
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
