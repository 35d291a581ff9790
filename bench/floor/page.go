package main

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"

	"github.com/affsite/affsite/internal/frontmatter"
	"github.com/yuin/goldmark"
)

// shortcodeStub replaces every shortcode tag, opening or closing.
const shortcodeStub = "[shortcode]"

// renderer renders pages for one worker, reusing its buffers.
type renderer struct {
	md   goldmark.Markdown
	out  string
	body bytes.Buffer
	html bytes.Buffer
}

// newRenderer returns a worker's renderer writing under out.
func newRenderer(md goldmark.Markdown, out string) *renderer {
	return &renderer{md: md, out: out}
}

// page renders the Markdown file at path to out/posts/<slug>/index.html.
func (r *renderer) page(path string) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	fm, err := frontmatter.Parse(path, src)
	if err != nil {
		return err
	}
	meta, rest := fm.Keys, fm.Body
	slug, _ := meta["slug"].(string)
	if slug == "" {
		slug = strings.TrimSuffix(filepath.Base(path), ".md")
	}
	title, _ := meta["title"].(string)

	r.body.Reset()
	stubShortcodes(&r.body, rest)
	r.html.Reset()
	fmt.Fprintf(&r.html, "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>%s</title></head>\n<body><main>\n", html.EscapeString(title))
	if err := r.md.Convert(r.body.Bytes(), &r.html); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	r.html.WriteString("</main></body></html>\n")

	dir := filepath.Join(r.out, "posts", slug)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "index.html"), r.html.Bytes(), 0o644)
}

// stubShortcodes copies src to dst with each "{{< … >}}" replaced by
// shortcodeStub. An unclosed "{{<" is copied as text.
func stubShortcodes(dst *bytes.Buffer, src []byte) {
	for {
		i := bytes.Index(src, []byte("{{<"))
		if i < 0 {
			break
		}
		j := bytes.Index(src[i:], []byte(">}}"))
		if j < 0 {
			break
		}
		dst.Write(src[:i])
		dst.WriteString(shortcodeStub)
		src = src[i+j+3:]
	}
	dst.Write(src)
}
