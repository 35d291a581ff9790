package wpimport

import (
	"html"
	"regexp"
	"strconv"
	"strings"
)

// wpShortcode matches an opening WordPress shortcode, [name attrs] or
// [name attrs /]; "[[name]]" (WordPress's escape) is left alone.
var wpShortcode = regexp.MustCompile(`\[([a-z][a-z0-9_-]*)((?:\s+[^\]]*?)?)\s*(/?)\]`)

var attrRe = regexp.MustCompile(`([a-zA-Z_][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))`)

// enclosing are the shortcodes converted here that wrap content.
var enclosing = map[string]bool{"caption": true, "wp_caption": true, "embed": true, "video": true, "audio": true}

// expandShortcodes converts the WordPress shortcodes [caption],
// [gallery], [embed], [video], [audio] and [playlist] into HTML (raw
// where Markdown cannot say it); any other shortcode stays as its text,
// visible in the post, and is reported.
func (c *converter) expandShortcodes(s string) string {
	if !strings.Contains(s, "[") {
		return s
	}
	var sb strings.Builder
	for {
		loc := wpShortcode.FindStringSubmatchIndex(s)
		if loc == nil {
			sb.WriteString(s)
			return sb.String()
		}
		if loc[0] > 0 && s[loc[0]-1] == '[' { // [[escaped]]
			sb.WriteString(s[:loc[1]])
			s = s[loc[1]:]
			continue
		}
		sb.WriteString(s[:loc[0]])
		text, end := c.expandShortcode(s, loc)
		sb.WriteString(text)
		s = s[end:]
	}
}

// expandShortcode returns what stands in place of the shortcode that
// wpShortcode matched at loc in s, and where the text after it starts.
// A shortcode that is not ours keeps its text where it was.
func (c *converter) expandShortcode(s string, loc []int) (string, int) {
	name := s[loc[2]:loc[3]]
	inner, end := enclosed(s, name, loc[1], loc[7] > loc[6])
	if out, ok := c.shortcode(name, parseAttrs(s[loc[4]:loc[5]]), inner); ok {
		c.rep.shortcode(name, "converted")
		return out, end
	}
	c.rep.shortcode(name, "kept as text")
	c.note("shortcode [%s] kept as text", name)
	return s[loc[0]:loc[1]], loc[1]
}

// enclosed returns the content of an enclosing shortcode whose opening
// tag ends at open in s, and where its closing tag ends. A self-closed
// or unclosed one, or one that never encloses, has no content.
func enclosed(s, name string, open int, selfClosed bool) (string, int) {
	if !enclosing[name] || selfClosed {
		return "", open
	}
	closer := "[/" + name + "]"
	i := strings.Index(s[open:], closer)
	if i < 0 {
		return "", open
	}
	return s[open : open+i], open + i + len(closer)
}

func parseAttrs(s string) map[string]string {
	m := map[string]string{}
	for _, a := range attrRe.FindAllStringSubmatch(s, -1) {
		v := a[2] + a[3] + a[4]
		m[strings.ToLower(a[1])] = html.UnescapeString(v)
	}
	// A bare first word ([embed] has none; [audio mp3=…]) needs nothing more.
	return m
}

// shortcode converts one shortcode; ok is false for one this importer
// does not know.
func (c *converter) shortcode(name string, attrs map[string]string, inner string) (string, bool) {
	switch name {
	case "caption", "wp_caption":
		return caption(attrs, inner), true
	case "gallery":
		return c.gallery(attrs["ids"]), true
	case "embed":
		u := strings.TrimSpace(inner)
		if u == "" {
			u = attrs["src"]
		}
		return c.embed(u), true
	case "video", "audio":
		return c.mediaPlayer(name, attrs)
	case "playlist":
		return c.playlist(attrs), true
	}
	return "", false
}

// caption converts [caption]<a><img></a> Caption text[/caption]: the
// image markup, then the caption.
func caption(attrs map[string]string, inner string) string {
	img, text := splitCaption(inner)
	if text == "" {
		text = attrs["caption"]
	}
	return "<figure>" + img + "<figcaption>" + strings.TrimSpace(text) + "</figcaption></figure>"
}

// gallery converts [gallery ids="…"] into the images of the attachments
// it names.
func (c *converter) gallery(ids string) string {
	var sb strings.Builder
	sb.WriteString(`<div class="gallery">`)
	for _, n := range attachmentIDs(ids) {
		if u, ok := c.idx.attachments[n]; ok {
			sb.WriteString(`<img src="` + html.EscapeString(u) + `" alt="">`)
		} else {
			c.note("[gallery] names attachment %d, which the export does not hold", n)
		}
	}
	if ids == "" {
		c.note("[gallery] without ids= (the post's attached images) left empty")
	}
	sb.WriteString(`</div>`)
	return sb.String()
}

// mediaPlayer converts [video] or [audio] (the tag is name) into a
// player of its source: src=, or the first of its per-format
// attributes. Without a source ok is false.
func (c *converter) mediaPlayer(name string, attrs map[string]string) (string, bool) {
	src := attrs["src"]
	for _, k := range []string{"mp4", "webm", "ogv", "m4v", "mp3", "m4a", "ogg", "wav"} {
		if src == "" {
			src = attrs[k]
		}
	}
	if src == "" {
		return "", false
	}
	return c.raw(player(name, c.mediaURL(src)), true), true
}

// playlist converts [playlist ids="…" type="video"] into a player per
// attachment it names (audio unless type is video).
func (c *converter) playlist(attrs map[string]string) string {
	kind := "audio"
	if attrs["type"] == "video" {
		kind = "video"
	}
	var sb strings.Builder
	for _, n := range attachmentIDs(attrs["ids"]) {
		if u, ok := c.idx.attachments[n]; ok {
			sb.WriteString(player(kind, c.mediaURL(u)))
		}
	}
	return c.raw(`<div class="playlist">`+sb.String()+`</div>`, true)
}

// player is the HTML of an audio or video (the tag) player of src.
func player(tag, src string) string {
	return "<" + tag + ` controls preload="metadata" src="` + html.EscapeString(src) + `"></` + tag + ">"
}

// attachmentIDs are the numbers in an ids="1, 2" list; an entry that is
// not a number is skipped.
func attachmentIDs(list string) []int {
	var ids []int
	for _, id := range strings.Split(list, ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(id)); err == nil {
			ids = append(ids, n)
		}
	}
	return ids
}

// splitCaption splits a [caption]'s content into its image markup (an
// <img>, maybe inside an <a>) and the caption text after it.
func splitCaption(inner string) (img, text string) {
	inner = strings.TrimSpace(inner)
	end := -1
	if strings.HasPrefix(inner, "<a") {
		if i := strings.Index(inner, "</a>"); i >= 0 {
			end = i + len("</a>")
		}
	} else if strings.HasPrefix(inner, "<img") {
		if i := strings.Index(inner, ">"); i >= 0 {
			end = i + 1
		}
	}
	if end < 0 {
		return "", inner
	}
	return inner[:end], inner[end:]
}
