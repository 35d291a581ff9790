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
		name := s[loc[2]:loc[3]]
		if loc[0] > 0 && s[loc[0]-1] == '[' { // [[escaped]]
			sb.WriteString(s[:loc[1]])
			s = s[loc[1]:]
			continue
		}
		attrs := parseAttrs(s[loc[4]:loc[5]])
		selfClosed := loc[7] > loc[6]
		inner, end := "", loc[1]
		if enclosing[name] && !selfClosed {
			if i := strings.Index(s[loc[1]:], "[/"+name+"]"); i >= 0 {
				inner = s[loc[1] : loc[1]+i]
				end = loc[1] + i + len("[/"+name+"]")
			}
		}
		out, ok := c.shortcode(name, attrs, inner)
		sb.WriteString(s[:loc[0]])
		if ok {
			sb.WriteString(out)
			c.rep.shortcode(name, "converted")
			s = s[end:]
			continue
		}
		// Not ours: keep its text where it was.
		sb.WriteString(s[loc[0]:loc[1]])
		c.rep.shortcode(name, "kept as text")
		c.note("shortcode [%s] kept as text", name)
		s = s[loc[1]:]
	}
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
		// [caption]<a><img></a> Caption text[/caption]: the image markup,
		// then the caption.
		img, text := splitCaption(inner)
		if text == "" {
			text = attrs["caption"]
		}
		return "<figure>" + img + "<figcaption>" + strings.TrimSpace(text) + "</figcaption></figure>", true
	case "gallery":
		var sb strings.Builder
		sb.WriteString(`<div class="gallery">`)
		for _, id := range strings.Split(attrs["ids"], ",") {
			n, err := strconv.Atoi(strings.TrimSpace(id))
			if err != nil {
				continue
			}
			if u, ok := c.idx.attachments[n]; ok {
				sb.WriteString(`<img src="` + html.EscapeString(u) + `" alt="">`)
			} else {
				c.note("[gallery] names attachment %d, which the export does not hold", n)
			}
		}
		if attrs["ids"] == "" {
			c.note("[gallery] without ids= (the post's attached images) left empty")
		}
		sb.WriteString(`</div>`)
		return sb.String(), true
	case "embed":
		u := strings.TrimSpace(inner)
		if u == "" {
			u = attrs["src"]
		}
		return c.embed(u), true
	case "video", "audio":
		src := attrs["src"]
		for _, k := range []string{"mp4", "webm", "ogv", "m4v", "mp3", "m4a", "ogg", "wav"} {
			if src == "" {
				src = attrs[k]
			}
		}
		if src == "" {
			return "", false
		}
		return c.raw("<"+name+` controls preload="metadata" src="`+html.EscapeString(c.mediaURL(src))+`"></`+name+">", true), true
	case "playlist":
		var sb strings.Builder
		kind := "audio"
		if attrs["type"] == "video" {
			kind = "video"
		}
		for _, id := range strings.Split(attrs["ids"], ",") {
			n, err := strconv.Atoi(strings.TrimSpace(id))
			if err != nil {
				continue
			}
			if u, ok := c.idx.attachments[n]; ok {
				sb.WriteString("<" + kind + ` controls preload="metadata" src="` + html.EscapeString(c.mediaURL(u)) + `"></` + kind + ">")
			}
		}
		return c.raw(`<div class="playlist">`+sb.String()+`</div>`, true), true
	}
	return "", false
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
