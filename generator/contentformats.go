package generator

import (
	"bytes"
	"io"
	"os"
	"path"
	"strings"
	"unicode"

	"github.com/affsite/affsite/shortcodes"
	"github.com/affsite/affsite/tplfuncs"
)

// This file is the one home of Hugo's content formats as affsite reads
// them: which files below content/ are pages, in what format, and which
// formats affsite does not render (an error naming the format, never a
// file silently left out).

// Content formats a content file can have.
const (
	formatMarkdown = "markdown"
	formatHTML     = "html"
)

// contentFormats are Hugo's content file extensions (Hugo's
// files.contentFileExtensions) and the format of each. Those whose
// format is neither Markdown nor HTML need an external program in Hugo
// (asciidoctor, rst2html, pandoc) or its Org-mode renderer; affsite has
// none of them.
var contentFormats = map[string]string{
	".md": formatMarkdown, ".markdown": formatMarkdown, ".mdown": formatMarkdown,
	".html": formatHTML, ".htm": formatHTML,
	".asciidoc": "AsciiDoc", ".adoc": "AsciiDoc", ".ad": "AsciiDoc",
	".rst": "reStructuredText", ".rest": "reStructuredText",
	".org": "Org", ".pandoc": "Pandoc", ".pdc": "Pandoc", ".mmark": "Mmark",
}

// contentFormat is the format of a content file by its name ("" for a
// file that is no page: a picture, a PDF).
func contentFormat(name string) string {
	return contentFormats[strings.ToLower(path.Ext(name))]
}

// markupFormat is the format front matter markup names, as Hugo reads
// it ("md", "goldmark", "html", "asciidocext", "org"…), "" for one Hugo
// does not know.
func markupFormat(markup string) string {
	switch m := strings.ToLower(strings.TrimSpace(markup)); m {
	case "goldmark":
		return formatMarkdown
	case "asciidocext":
		return contentFormats[".adoc"]
	default:
		return contentFormats["."+m]
	}
}

// hugoConfigured tells whether the site's configuration is Hugo's
// (hugo.*, config.*, config/), where affsite reads what Hugo reads as
// Hugo does, rather than site.toml (or none).
func (b *builder) hugoConfigured() bool { return b.cfg.HugoConfigured() }

// ignoredContentName tells whether a file or folder below content/ is
// left out, as Hugo leaves it out: a name that starts with "." or "#"
// or ends with "~" (editors' and the system's files).
func ignoredContentName(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") || strings.HasSuffix(name, "~")
}

// skipContentDir tells whether the folder full (named name) below
// content/ is left out: an ignored name, another language's content
// folder, and on a site.toml site a name that starts with "_" (affsite's
// place for notes and drafts beside the content). With a Hugo
// configuration such a folder is content, as in Hugo.
func (b *builder) skipContentDir(full, name string) bool {
	return ignoredContentName(name) || strings.HasPrefix(name, "_") && !b.hugoConfigured() || b.otherLanguageDir(full)
}

// isHTMLContent tells whether a content file is an HTML page (.html or
// .htm with front matter or text first), whose body is used as is.
func isHTMLContent(file string) bool { return contentFormat(file) == formatHTML }

// markdownKey is a content file's path with the extension of its format
// replaced by .md ("content/about.html" is "content/about.md"), so that
// every rule about _index.md, index.md and file names holds for each
// format, and pages that differ only by format are one page, as in Hugo.
func markdownKey(file string) string {
	ext := path.Ext(file)
	if ext == ".md" || contentFormats[strings.ToLower(ext)] == "" {
		return file
	}
	return strings.TrimSuffix(file, ext) + ".md"
}

// htmlDocumentPrefix is how much of an .html file isHTMLDocument reads.
const htmlDocumentPrefix = 512

// isHTMLDocumentFile tells whether the .html or .htm file full is a plain
// HTML document rather than a page (see isHTMLDocument); a file that
// cannot be read is a page, so that reading it reports the error.
func isHTMLDocumentFile(full string) bool {
	f, err := os.Open(full)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, htmlDocumentPrefix)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return false
	}
	return isHTMLDocument(head[:n])
}

// isHTMLDocument tells whether an .html file's first bytes are those of a
// plain HTML document, which Hugo 0.111 publishes as a file at its own
// path rather than as a page (its files.isHTMLContent): the file is only
// white space, or the first character that is not is "<" and does not
// open an HTML comment with something after it (a comment may hide
// front matter).
func isHTMLDocument(head []byte) bool {
	rest := bytes.TrimLeftFunc(head, unicode.IsSpace)
	if len(rest) == 0 {
		return true
	}
	if rest[0] != '<' {
		return false
	}
	return !(bytes.HasPrefix(rest, []byte("<!--")) && len(rest) > len("<!--"))
}

// htmlProse is an HTML page's body as the prose that summaries and word
// counts read (proseLines): its text without tags, one line a run of
// text, the shortcodes kept as they are.
func htmlProse(body []byte) []byte {
	doc, err := shortcodes.Parse(body)
	if err != nil {
		return []byte(tplfuncs.Plainify(string(body)))
	}
	var out bytes.Buffer
	for _, n := range doc.Nodes {
		switch n := n.(type) {
		case *shortcodes.Text:
			if n.Value != "" {
				out.Write(body[n.Start:n.End]) // an escaped shortcode
				continue
			}
			for _, line := range strings.Split(tplfuncs.Plainify(string(body[n.Start:n.End])), "\n") {
				out.WriteString(strings.TrimSpace(line))
				out.WriteByte('\n')
			}
		case *shortcodes.Shortcode:
			out.Write(body[n.Start:n.End])
		}
	}
	return out.Bytes()
}
