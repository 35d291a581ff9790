package scaffold

import (
	"bytes"
	"cmp"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"text/template"
	"time"

	"github.com/affsite/affsite/internal/slugs"
	"github.com/affsite/affsite/programs"
)

// ProgramData is what templates/program.yaml sees.
type ProgramData struct {
	ID, Name, URL string
	Host          string // the URL's host name, for domains
	Today         string // YYYY-MM-DD, for prices_checked
}

// CheckID returns an error unless id can name a program: lower-case
// letters, digits and single hyphens between them ("kartra", "my-app-2").
func CheckID(id string) error {
	if !idRE.MatchString(id) {
		return fmt.Errorf("program id %q: use lower-case letters, digits and hyphens, such as %q", id, suggestID(id))
	}
	return nil
}

// suggestID makes an id of s for an error message.
func suggestID(s string) string { return cmp.Or(slugs.ASCIIWords(s), "my-program") }

// NewProgram writes site/data/programs/ID.yaml: every key of a program
// file, commented, with placeholder values that validate. It refuses an
// invalid id, a rawURL that is not an absolute http(s) URL, and an id
// that has a data file already (in any format). It returns the path
// written.
func NewProgram(site, id, name, rawURL string) (string, error) {
	if err := CheckID(id); err != nil {
		return "", err
	}
	if strings.TrimSpace(name) == "" {
		return "", fmt.Errorf("program %s: the name is empty; give it with --name \"Name\"", id)
	}
	if existing := findProgramFile(site, id); existing != "" {
		return "", fmt.Errorf("%s: %w; edit it, or choose another id", existing, ErrExists)
	}
	data, err := renderProgram(id, name, rawURL, time.Now())
	if err != nil {
		return "", err
	}
	out := filepath.Join(site, "data", "programs", id+".yaml")
	return out, writeNew(out, data)
}

// renderProgram fills in templates/program.yaml and checks the result
// with programs.Parse, so that a new file always builds.
func renderProgram(id, name, rawURL string, now time.Time) ([]byte, error) {
	u, err := url.Parse(rawURL)
	if err != nil || !programs.IsHTTPURL(rawURL) {
		return nil, fmt.Errorf("program %s: URL %q is not an absolute http(s) URL, such as https://example.com/", id, rawURL)
	}
	t, err := template.New("program.yaml").Funcs(template.FuncMap{"quote": quote}).Parse(readTemplate("program.yaml"))
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	d := ProgramData{ID: id, Name: strings.TrimSpace(name), URL: rawURL, Host: u.Hostname(), Today: now.Format(time.DateOnly)}
	if err := t.Execute(&b, d); err != nil {
		return nil, err
	}
	if _, err := programs.Parse(id+".yaml", b.Bytes()); err != nil {
		return nil, fmt.Errorf("the new program file does not validate (a bug in affsite's template): %v", err)
	}
	return b.Bytes(), nil
}
