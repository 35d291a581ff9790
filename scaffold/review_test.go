package scaffold

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/affsite/affsite/internal/sitetest"
)

const funnelTOML = `name = "Funnel \"Forge\""
url = "https://funnelforge.example/"
commission = "30%"
[[plans]]
name = "Launch"
monthly = 29.00
`

func TestNewReview(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	prog, err := renderProgram("kartra", "Kartra", "https://kartra.com/", now)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		files    map[string]string
		program  string
		title    string
		wantFile string
		want     []string // substrings of the review
		absent   []string
		err      string
	}{
		{
			name:     "default archetype",
			files:    map[string]string{"data/programs/kartra.yaml": string(prog)},
			program:  "kartra",
			wantFile: "content/posts/kartra-affiliate-program-review.md",
			want: []string{
				"title: \"Kartra affiliate program review\"\n", "date: 2026-03-04T05:06:07Z\n", "program: \"kartra\"\n",
				"tags: [\"Kartra\", \"affiliate programs\"]", "categories: [\"Reviews\"]", "description: \"What Kartra's",
				"{{< disclosure >}}", `{{< commission-table program="kartra" >}}`, `{{< plans program="kartra" >}}`,
				`{{< earnings program="kartra" scenario="five-referrals" >}}`, `{{< program-facts program="kartra" >}}`,
				`{{< pros-cons program="kartra" >}}`, `{{< verdict program="kartra" rating="4" >}}`, "{{< /verdict >}}",
				`{{< cta program="kartra" >}}`,
			},
		},
		{
			name:     "title, TOML program, no scenarios, quotes",
			files:    map[string]string{"data/programs/funnelforge.toml": funnelTOML},
			program:  "funnelforge",
			title:    "Is FunnelForge worth it? (2026)",
			wantFile: "content/posts/is-funnelforge-worth-it-2026.md",
			want:     []string{`title: "Is FunnelForge worth it? (2026)"`, `tags: ["Funnel \"Forge\"", "affiliate programs"]`, `{{< plans program="funnelforge" >}}`},
			absent:   []string{"earnings"},
		},
		{
			name: "site archetype",
			files: map[string]string{
				"data/programs/funnelforge.toml": funnelTOML,
				"archetypes/review.md":           "---\ntitle: {{ quote .Title }}\nslug: {{ .Slug }}\n---\n{{% disclosure %}}I earn from {{ .Program.Name }}.{{% /disclosure %}}\n{{< afflink program=\"{{ .Program.ID }}\" />}}\n",
			},
			program:  "funnelforge",
			wantFile: "content/posts/funnel-forge-affiliate-program-review.md",
			want:     []string{"slug: funnel-forge-affiliate-program-review\n", "{{% disclosure %}}I earn from Funnel \"Forge\".{{% /disclosure %}}", `{{< afflink program="funnelforge" />}}`},
			absent:   []string{"commission-table"},
		},
		{
			name:    "unknown program",
			files:   map[string]string{"data/programs/kartra.yaml": string(prog), "data/programs/funnelforge.toml": funnelTOML, "data/programs/notes.txt": "x"},
			program: "kartr",
			err:     "programs; known programs: funnelforge, kartra",
		},
		{
			name:    "no programs",
			program: "kartra",
			err:     "holds no program files",
		},
		{
			name:    "invalid program file",
			files:   map[string]string{"data/programs/bad.yaml": "name: Bad\n"},
			program: "bad",
			err:     "missing required key",
		},
		{
			name:    "broken archetype",
			files:   map[string]string{"data/programs/funnelforge.toml": funnelTOML, "archetypes/review.md": "{{ .Nope"},
			program: "funnelforge",
			err:     filepath.Join("archetypes", "review.md"),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			site := sitetest.WriteFiles(t, tt.files)
			got, err := NewReview(site, tt.program, ReviewOptions{Title: tt.title, Now: now})
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error = %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if want := filepath.Join(site, filepath.FromSlash(tt.wantFile)); got != want {
				t.Errorf("wrote %s, want %s", got, want)
			}
			b, err := os.ReadFile(got)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(b), w) {
					t.Errorf("review lacks %q:\n%s", w, b)
				}
			}
			for _, a := range tt.absent {
				if strings.Contains(string(b), a) {
					t.Errorf("review has %q:\n%s", a, b)
				}
			}
			// A second review of the same title replaces nothing.
			_, err = NewReview(site, tt.program, ReviewOptions{Title: tt.title, Now: now})
			if !errors.Is(err, ErrExists) {
				t.Errorf("second NewReview: error = %v, want ErrExists", err)
			}
		})
	}
}
