package wpimport

import (
	"encoding/json"
	"fmt"
	"html"
	"regexp"
	"strings"
)

// blockComment matches a Gutenberg block delimiter: <!-- wp:name {attrs} -->,
// <!-- /wp:name -->, or a self-closing <!-- wp:name {attrs} /-->.
var blockComment = regexp.MustCompile(`<!--\s+(/?)wp:([a-z][a-z0-9-]*/)?([a-z][a-z0-9-]*)(\s+(\{.*?\}))?\s+(/?)-->`)

// convertedBlocks are the core blocks whose HTML converts to Markdown or
// is kept as HTML that shows the same thing.
var convertedBlocks = map[string]bool{
	"paragraph": true, "heading": true, "image": true, "gallery": true, "embed": true, "table": true,
	"buttons": true, "button": true, "columns": true, "column": true, "quote": true, "pullquote": true,
	"code": true, "preformatted": true, "separator": true, "list": true, "list-item": true,
	"group": true, "spacer": true, "html": true, "shortcode": true, "more": true, "video": true,
	"audio": true, "freeform": true, "verse": true, "media-text": true, "cover": true, "file": true,
}

// expandBlocks rewrites what Gutenberg's block comments carry beyond
// their HTML: embeds (only a URL in the HTML) and the more tag; a
// dynamic block (no HTML, rendered by PHP) becomes a visible note. Every
// block is counted in rep. The comments themselves are left for the
// HTML converter, which drops them.
func (c *converter) expandBlocks(content string) string {
	if !strings.Contains(content, "<!-- wp:") {
		return content
	}
	out := &splicer{content: content}
	locs := blockComment.FindAllStringSubmatchIndex(content, -1)
	for i := 0; i < len(locs); i++ {
		if d := delimAt(content, locs[i]); !d.closing {
			c.expandBlock(out, d)
		}
		// Skip the delimiters inside a block that was replaced whole.
		for i+1 < len(locs) && locs[i+1][0] < out.last {
			i++
		}
	}
	return out.String()
}

// expandBlock counts the block that d opens and rewrites it in out
// when its comment carries more than its HTML.
func (c *converter) expandBlock(out *splicer, d blockDelim) {
	full := d.full()
	switch {
	case full == "more":
		out.replace(d.start, d.end, c.raw("<!--more-->", true))
		c.rep.block(full, "converted")
	case full == "embed" || d.ns == "core-embed/":
		c.expandEmbed(out, d, full)
	case d.selfClosing && !convertedBlocks[full]:
		out.replace(d.start, d.end, c.raw(fmt.Sprintf(`<p class="wp-import-unconverted">[WordPress block %s not imported: %s]</p>`,
			html.EscapeString(full), html.EscapeString(d.attrs)), true))
		c.rep.block(full, "not converted (dynamic block, left as a visible note)")
		c.note("block %s is rendered by WordPress itself; a note stands in its place", full)
	case convertedBlocks[full]:
		c.rep.block(full, "converted")
	default:
		c.rep.block(full, "kept (its HTML converted as it is)")
		c.note("block %s is not a core block; its HTML was converted as it is", full)
	}
}

// expandEmbed replaces an embed block, delimiters and HTML, with the
// embed of its URL. Without a URL or a closing delimiter the block is
// kept as it is.
func (c *converter) expandEmbed(out *splicer, d blockDelim, full string) {
	var a struct {
		URL string `json:"url"`
	}
	_ = json.Unmarshal([]byte(d.attrs), &a)
	closer := d.closer()
	end := strings.Index(out.content[d.end:], closer)
	if a.URL == "" || end < 0 {
		c.rep.block(full, "kept")
		return
	}
	out.replace(d.start, d.end+end+len(closer), c.embed(a.URL))
	c.rep.block("embed", "converted")
}

// blockDelim is one Gutenberg block delimiter in a post's content.
type blockDelim struct {
	start, end  int    // the comment's byte offsets
	closing     bool   // <!-- /wp:name -->
	selfClosing bool   // <!-- wp:name {attrs} /-->
	ns          string // the namespace with its slash ("core-embed/"), or ""
	name        string
	attrs       string // the JSON attributes, or ""
}

// delimAt reads the delimiter that blockComment matched at m.
func delimAt(content string, m []int) blockDelim {
	d := blockDelim{start: m[0], end: m[1], closing: m[3] > m[2], selfClosing: m[13] > m[12], name: content[m[6]:m[7]]}
	if m[4] >= 0 {
		d.ns = content[m[4]:m[5]]
	}
	if m[10] >= 0 {
		d.attrs = content[m[10]:m[11]]
	}
	return d
}

// full is the block's name as reported: "embed" for a core block,
// "acme/slider" for another namespace's.
func (d blockDelim) full() string {
	ns := strings.TrimSuffix(d.ns, "/")
	if ns == "core" || ns == "" {
		return d.name
	}
	return ns + "/" + d.name
}

// closer is the comment that closes the block d opens.
func (d blockDelim) closer() string {
	return "<!-- /wp:" + strings.TrimPrefix(d.ns+d.name, "core/") + " -->"
}

// splicer copies content with some of its ranges replaced, in order.
type splicer struct {
	content string
	sb      strings.Builder
	last    int // the end of the last replaced range
}

// replace writes what precedes start, then text in place of content[start:end].
func (s *splicer) replace(start, end int, text string) {
	s.sb.WriteString(s.content[s.last:start])
	s.sb.WriteString(text)
	s.last = end
}

// String returns the content with its replacements.
func (s *splicer) String() string {
	s.sb.WriteString(s.content[s.last:])
	return s.sb.String()
}

// embed returns the HTML of an embedded URL: a privacy-friendly player
// for YouTube and Vimeo, a quoted link for X/Twitter (no script), a link
// for anything else. It is kept as raw HTML.
func (c *converter) embed(raw string) string {
	u := strings.TrimSpace(html.UnescapeString(raw))
	esc := html.EscapeString(u)
	if id := youtubeID(u); id != "" {
		return c.raw(`<div class="embed embed-youtube"><iframe src="https://www.youtube-nocookie.com/embed/`+html.EscapeString(id)+
			`" title="YouTube video" loading="lazy" allowfullscreen></iframe></div>`, true)
	}
	if m := vimeoRe.FindStringSubmatch(u); m != nil {
		return c.raw(`<div class="embed embed-vimeo"><iframe src="https://player.vimeo.com/video/`+m[1]+
			`" title="Vimeo video" loading="lazy" allowfullscreen></iframe></div>`, true)
	}
	if tweetRe.MatchString(u) {
		return c.raw(`<blockquote class="embed embed-x"><p><a href="`+esc+`">`+esc+`</a></p></blockquote>`, true)
	}
	c.note("embed of %s kept as a link", u)
	return c.raw(`<p class="embed"><a href="`+esc+`">`+esc+`</a></p>`, true)
}

var (
	youtubeRe = regexp.MustCompile(`^https?://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?(?:.*&)?v=|embed/|shorts/)|youtu\.be/)([A-Za-z0-9_-]{6,})`)
	vimeoRe   = regexp.MustCompile(`^https?://(?:www\.|player\.)?vimeo\.com/(?:video/)?([0-9]+)`)
	tweetRe   = regexp.MustCompile(`^https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/[^/]+/status/[0-9]+`)
)

func youtubeID(u string) string {
	if m := youtubeRe.FindStringSubmatch(u); m != nil {
		return m[1]
	}
	return ""
}
