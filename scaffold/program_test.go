package scaffold

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/affsite/affsite/internal/sitetest"
	"github.com/affsite/affsite/programs"
)

func TestNewProgram(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, id, progName, url string
		err                     string
	}{
		{name: "plain", id: "acme", progName: "Acme", url: "https://acme.example/"},
		{name: "hyphens and digits", id: "my-app-2", progName: `My "App" #2: the: sequel`, url: "http://app.example/path?x=1"},
		{name: "upper case id", id: "Acme", progName: "Acme", url: "https://acme.example/", err: `program id "Acme": use lower-case letters, digits and hyphens, such as "acme"`},
		{name: "space in id", id: "my app", progName: "x", url: "https://x.example/", err: `such as "my-app"`},
		{name: "double hyphen", id: "a--b", progName: "x", url: "https://x.example/", err: "program id"},
		{name: "trailing hyphen", id: "a-", progName: "x", url: "https://x.example/", err: "program id"},
		{name: "path", id: "../x", progName: "x", url: "https://x.example/", err: "program id"},
		{name: "empty name", id: "acme", progName: " ", url: "https://acme.example/", err: "the name is empty"},
		{name: "ftp url", id: "acme", progName: "Acme", url: "ftp://acme.example/", err: "not an absolute http(s) URL"},
		{name: "relative url", id: "acme", progName: "Acme", url: "acme.example", err: "not an absolute http(s) URL"},
		{name: "javascript url", id: "acme", progName: "Acme", url: "javascript:alert(1)", err: "not an absolute http(s) URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			site := t.TempDir()
			file, err := NewProgram(site, tt.id, tt.progName, tt.url)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error = %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if want := filepath.Join(site, "data", "programs", tt.id+".yaml"); file != want {
				t.Errorf("wrote %s, want %s", file, want)
			}
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			p, err := programs.Parse("data/programs/"+tt.id+".yaml", src)
			if err != nil {
				t.Fatalf("the new file does not validate: %v\n%s", err, src)
			}
			if p.ID != tt.id || p.Name != strings.TrimSpace(tt.progName) || p.URL != tt.url {
				t.Errorf("parsed id %q name %q url %q", p.ID, p.Name, p.URL)
			}
			if len(p.Plans) == 0 || len(p.Scenarios) == 0 || p.Payout == nil || p.Trial == nil || p.PricesChecked.IsZero() || len(p.Pros) == 0 {
				t.Errorf("the placeholders leave fields empty: %+v", p)
			}
			// Every top-level key is present and commented.
			for _, key := range []string{"name", "url", "signup_url", "description", "commission", "tier2", "recurring", "cookie_days", "trial", "payout", "ref_param", "ref_id", "currency", "domains", "prices_checked", "source", "promo_materials", "pros", "cons", "features", "plans", "scenarios"} {
				i := strings.Index(string(src), "\n"+key+":")
				if i < 0 {
					t.Errorf("no key %s", key)
					continue
				}
				if prev := string(src[:i]); !strings.HasPrefix(prev[strings.LastIndex(prev, "\n")+1:], "#") {
					t.Errorf("key %s has no comment above it", key)
				}
			}
			// The id is taken now, in any format.
			if _, err := NewProgram(site, tt.id, tt.progName, tt.url); !errors.Is(err, ErrExists) {
				t.Errorf("second NewProgram: error = %v, want ErrExists", err)
			}
		})
	}
}

func TestNewProgramExistingTOML(t *testing.T) {
	t.Parallel()
	site := sitetest.WriteFiles(t, map[string]string{"data/programs/funnelforge.toml": funnelTOML})
	_, err := NewProgram(site, "funnelforge", "FunnelForge", "https://funnelforge.example/")
	if !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), "funnelforge.toml") {
		t.Fatalf("error = %v, want ErrExists naming funnelforge.toml", err)
	}
}
