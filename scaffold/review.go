package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/template"
	"time"

	"github.com/affsite/affsite/internal/slugs"
	"github.com/affsite/affsite/programs"
)

// ReviewOptions says how NewReview writes a review.
type ReviewOptions struct {
	// Title is the review's title; default "<Name> affiliate program
	// review". The file name is made of it.
	Title string
	// Now is the review's date; default time.Now().
	Now time.Time
}

// ReviewData is what a review archetype sees.
type ReviewData struct {
	Program *programs.Program
	Title   string
	Date    string // RFC 3339, as Hugo's archetypes have it
	Slug    string // the file name without ".md"
}

// ArchetypeFile is where a site overrides the review archetype.
const ArchetypeFile = "archetypes/review.md"

// programExts are the formats a program file may have, in the order
// programs.Load prefers them.
var programExts = [...]string{".yaml", ".yml", ".toml", ".json"}

// NewReview writes site/content/posts/<slug>.md, a review of the program
// whose data file is site/data/programs/<program>.*, from the site's
// archetypes/review.md or else the built-in archetype. An unknown program
// is an error that lists the known ones; an existing file is never
// replaced. It returns the path written.
//
// An archetype is a text/template executed with a [ReviewData]. Shortcode
// tags ("{{<", "{{%") are not actions and pass through as they are, so
// they can be written plainly, with actions inside their arguments:
//
//	{{< commission-table program="{{ .Program.ID }}" >}}
func NewReview(site, program string, opts ReviewOptions) (string, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	file := findProgramFile(site, program)
	if file == "" {
		known := knownPrograms(site)
		if len(known) == 0 {
			return "", fmt.Errorf("no program %q: %s holds no program files; create one with \"affsite new program %s --name … --url …\"", program, filepath.Join(site, "data", "programs"), program)
		}
		return "", fmt.Errorf("no program %q in %s; known programs: %s", program, filepath.Join(site, "data", "programs"), strings.Join(known, ", "))
	}
	src, err := os.ReadFile(file)
	if err != nil {
		return "", err
	}
	arch := defaultArchetype()
	archFile := filepath.Join(site, filepath.FromSlash(ArchetypeFile))
	if b, err := os.ReadFile(archFile); err == nil {
		arch = archetype{name: archFile, text: string(b)}
	} else if !errors.Is(err, os.ErrNotExist) {
		return "", err
	}
	out, slug, err := renderReview(src, file, opts.Title, arch, opts.Now)
	if err != nil {
		return "", err
	}
	name := filepath.Join(site, "content", "posts", slug+".md")
	return name, writeNew(name, out)
}

// archetype is a review template and the file it came from.
type archetype struct{ name, text string }

func defaultArchetype() archetype {
	return archetype{name: "review.md (built-in)", text: readTemplate("review.md")}
}

// Stand-ins for the opening delimiters of shortcodes while an archetype
// is a template. NUL cannot appear in a valid archetype's text.
const (
	angleOpen   = "\x00sc<\x00"
	percentOpen = "\x00sc%\x00"
)

// renderReview parses the program file src and executes arch with it.
func renderReview(src []byte, file, title string, arch archetype, now time.Time) (out []byte, slug string, err error) {
	p, err := programs.Parse(filepath.ToSlash(file), src)
	if err != nil {
		return nil, "", err
	}
	if strings.TrimSpace(title) == "" {
		title = p.Name + " affiliate program review"
	}
	slug = slugs.Words(title)
	if slug == "" {
		return nil, "", fmt.Errorf("title %q makes an empty file name; use letters or digits", title)
	}
	text := strings.NewReplacer("{{<", angleOpen, "{{%", percentOpen).Replace(arch.text)
	t, err := template.New(arch.name).Funcs(template.FuncMap{"quote": quote}).Parse(text)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %v", arch.name, err)
	}
	var b bytes.Buffer
	d := ReviewData{Program: p, Title: title, Date: now.Format(time.RFC3339), Slug: slug}
	if err := t.Execute(&b, d); err != nil {
		return nil, "", err
	}
	res := strings.NewReplacer(angleOpen, "{{<", percentOpen, "{{%").Replace(b.String())
	return []byte(res), slug, nil
}

// findProgramFile returns the data file of program id in site, or "".
func findProgramFile(site, id string) string {
	if id == "" || strings.ContainsAny(id, `/\`) {
		return ""
	}
	for _, ext := range programExts {
		f := filepath.Join(site, "data", "programs", id+ext)
		if st, err := os.Stat(f); err == nil && st.Mode().IsRegular() {
			return f
		}
	}
	return ""
}

// knownPrograms returns the ids of site's program files, sorted.
func knownPrograms(site string) []string {
	entries, _ := os.ReadDir(filepath.Join(site, "data", "programs"))
	seen := map[string]bool{}
	var ids []string
	for _, e := range entries {
		ext := filepath.Ext(e.Name())
		for _, want := range programExts {
			id := strings.TrimSuffix(e.Name(), ext)
			if ext == want && !seen[id] && !e.IsDir() {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	sort.Strings(ids)
	return ids
}
