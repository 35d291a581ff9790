package wpimport

import (
	"html"
	"io"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
)

// media copies the upload files posts use into static/, at the path
// they had (static/wp-content/uploads/2024/05/x.jpg), so that old image
// URLs keep answering too.
type media struct {
	uploads string // copy of wp-content/uploads, or ""
	dir     string
	ix      *index
	rep     *Report
	copied  map[string]string // uploads-relative path → site URL
	cur     *converter
}

// mediaURL is the converter's view of media.url.
func (c *converter) mediaURL(raw string) string {
	if c.media == nil {
		return raw
	}
	return c.media.url(raw)
}

var resized = regexp.MustCompile(`-[0-9]+x[0-9]+(\.[A-Za-z0-9]+)$`)

// url returns the URL a post should use for raw: with --uploads, a site
// path to the copied file (a resized variant -300x200 that is missing
// falls back to the original); without, raw as it is, listed.
func (m *media) url(raw string) string {
	rel, ok := m.uploadPath(raw)
	if !ok {
		return raw
	}
	if m.uploads == "" {
		m.rep.External[raw] = true
		return raw
	}
	if site, ok := m.copied[rel]; ok {
		return site
	}
	site, ok := m.copyUpload(rel)
	if !ok {
		return raw
	}
	m.copied[rel] = site
	m.rep.MediaCopied++
	return site
}

// uploadPath is raw's path inside wp-content/uploads, unescaped and
// cleaned; ok is false for a URL elsewhere or one that climbs out.
func (m *media) uploadPath(raw string) (string, bool) {
	u, ok := m.ix.sitePath(raw)
	if !ok {
		return "", false
	}
	_, rel, found := strings.Cut(u.Path, "/wp-content/uploads/")
	if !found || rel == "" {
		return "", false
	}
	if s, err := url.PathUnescape(rel); err == nil {
		rel = s
	}
	rel = path.Clean(rel)
	if strings.HasPrefix(rel, "..") || strings.Contains(rel, "/../") {
		return "", false
	}
	return rel, true
}

// copyUpload copies the upload at rel, or the original of a resized
// variant that is missing, into static/ and returns its site URL. A
// file that is missing or fails to copy is reported, and ok is false.
func (m *media) copyUpload(rel string) (string, bool) {
	src, ok := m.existing(rel)
	if !ok {
		m.rep.MissingMedia[rel] = true
		return "", false
	}
	if err := copyFile(m.upload(src), m.dir, "static/wp-content/uploads/"+src); err != nil {
		m.rep.MissingMedia[rel+" ("+err.Error()+")"] = true
		return "", false
	}
	return "/wp-content/uploads/" + src, true
}

// existing is rel when --uploads holds it, else the original of a
// resized variant (x-300x200.jpg → x.jpg) when it holds that.
func (m *media) existing(rel string) (string, bool) {
	if exists(m.upload(rel)) {
		return rel, true
	}
	orig := resized.ReplaceAllString(rel, "$1")
	if orig == rel || !exists(m.upload(orig)) {
		return "", false
	}
	return orig, true
}

// upload is the file of uploads-relative path rel in --uploads.
func (m *media) upload(rel string) string {
	return filepath.Join(m.uploads, filepath.FromSlash(rel))
}

// srcset rewrites the candidates of a srcset to the copied files; one
// whose file --uploads lacks is left out (a fallback to the original
// would claim a width it does not have). "" when none is left, or
// without --uploads.
func (c *converter) srcset(val string) string {
	if c.media == nil || c.media.uploads == "" {
		return ""
	}
	var out []string
	for _, cand := range strings.Split(val, ",") {
		f := strings.Fields(cand)
		if len(f) == 0 {
			continue
		}
		u, ok := c.media.local(f[0])
		if !ok {
			continue
		}
		out = append(out, strings.Join(append([]string{u}, f[1:]...), " "))
	}
	return strings.Join(out, ", ")
}

// local returns the site URL of raw's file when --uploads holds that
// very file, copying it; no fallback to the original.
func (m *media) local(raw string) (string, bool) {
	rel, ok := m.uploadPath(raw)
	if !ok || !exists(m.upload(rel)) {
		return "", false
	}
	site := m.url(raw)
	return site, site != raw
}

func exists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

func copyFile(src, dir, rel string) error {
	full, err := within(dir, rel)
	if err != nil {
		return err
	}
	if exists(full) {
		return nil
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	out, err := os.Create(full)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

var tagRe = regexp.MustCompile(`<[^>]*>`)

func htmlUnescape(s string) string { return html.UnescapeString(s) }
