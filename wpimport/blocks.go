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
	var sb strings.Builder
	last := 0
	locs := blockComment.FindAllStringSubmatchIndex(content, -1)
	for i := 0; i < len(locs); i++ {
		m := locs[i]
		closing := m[3] > m[2]
		ns := ""
		if m[4] >= 0 {
			ns = content[m[4]:m[5]]
		}
		name := content[m[6]:m[7]]
		attrs := ""
		if m[10] >= 0 {
			attrs = content[m[10]:m[11]]
		}
		selfClosing := m[13] > m[12]
		full := strings.TrimSuffix(ns, "/")
		if full == "core" || full == "" {
			full = name
		} else {
			full += "/" + name
		}
		if closing {
			continue
		}
		legacyEmbed := ns == "core-embed/"
		switch {
		case full == "more":
			sb.WriteString(content[last:m[0]])
			sb.WriteString(c.raw("<!--more-->", true))
			last = m[1]
			c.rep.block(full, "converted")
		case full == "embed" || legacyEmbed:
			var a struct {
				URL string `json:"url"`
			}
			_ = json.Unmarshal([]byte(attrs), &a)
			end := strings.Index(content[m[1]:], "<!-- /wp:"+strings.TrimPrefix(ns+name, "core/")+" -->")
			if a.URL == "" || end < 0 {
				c.rep.block(full, "kept")
				continue
			}
			sb.WriteString(content[last:m[0]])
			sb.WriteString(c.embed(a.URL))
			last = m[1] + end + len("<!-- /wp:"+strings.TrimPrefix(ns+name, "core/")+" -->")
			// Skip the delimiters inside the embed.
			for i+1 < len(locs) && locs[i+1][0] < last {
				i++
			}
			c.rep.block("embed", "converted")
		case selfClosing && !convertedBlocks[full]:
			sb.WriteString(content[last:m[0]])
			sb.WriteString(c.raw(fmt.Sprintf(`<p class="wp-import-unconverted">[WordPress block %s not imported: %s]</p>`,
				html.EscapeString(full), html.EscapeString(attrs)), true))
			last = m[1]
			c.rep.block(full, "not converted (dynamic block, left as a visible note)")
			c.note("block %s is rendered by WordPress itself; a note stands in its place", full)
		case convertedBlocks[full]:
			c.rep.block(full, "converted")
		default:
			c.rep.block(full, "kept (its HTML converted as it is)")
			c.note("block %s is not a core block; its HTML was converted as it is", full)
		}
	}
	sb.WriteString(content[last:])
	return sb.String()
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
