package scaffold

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/affsite/affsite/internal/version"
	"gopkg.in/yaml.v3"
)

// workflow is the part of a GitHub Actions workflow the tests check.
type workflow struct {
	On          map[string]any    `yaml:"on"`
	Permissions map[string]string `yaml:"permissions"`
	Concurrency struct {
		Group string `yaml:"group"`
	} `yaml:"concurrency"`
	Jobs map[string]struct {
		Needs       any `yaml:"needs"`
		Environment struct {
			Name string `yaml:"name"`
			URL  string `yaml:"url"`
		} `yaml:"environment"`
		Steps []struct {
			ID   string            `yaml:"id"`
			Uses string            `yaml:"uses"`
			Run  string            `yaml:"run"`
			With map[string]string `yaml:"with"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

// siteTemplate returns a file of templates/site as NewSite writes it.
func siteTemplate(t *testing.T, name string) []byte {
	t.Helper()
	b, err := templates.ReadFile("templates/site/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return expand(b)
}

func TestDeployWorkflows(t *testing.T) {
	t.Parallel()
	repo, err := os.ReadFile("../.github/workflows/deploy.yml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		src     []byte
		build   string            // the build step's command starts with this
		setupGo map[string]string // setup-go's with
	}{
		{"repository", repo, "go run ./cmd/affsite build --minify", map[string]string{"go-version-file": "go.mod"}},
		{"new site", siteTemplate(t, "dot_github/workflows/deploy.yml"), "go run github.com/affsite/affsite/cmd/affsite@" + version.Tag + " build --minify", map[string]string{"go-version": GoVersion, "cache": "false"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var w workflow
			if err := yaml.Unmarshal(tt.src, &w); err != nil {
				t.Fatal(err)
			}
			if push, ok := w.On["push"].(map[string]any); !ok || len(push["branches"].([]any)) != 1 || push["branches"].([]any)[0] != "main" {
				t.Errorf("on.push = %v, want branches [main]", w.On["push"])
			}
			if _, ok := w.On["workflow_dispatch"]; !ok {
				t.Error("no workflow_dispatch trigger")
			}
			wantPerm := map[string]string{"contents": "read", "pages": "write", "id-token": "write"}
			if len(w.Permissions) != len(wantPerm) {
				t.Errorf("permissions = %v, want %v", w.Permissions, wantPerm)
			}
			for k, v := range wantPerm {
				if w.Permissions[k] != v {
					t.Errorf("permissions.%s = %q, want %q", k, w.Permissions[k], v)
				}
			}
			if w.Concurrency.Group != "pages" {
				t.Errorf("concurrency.group = %q", w.Concurrency.Group)
			}

			build := w.Jobs["build"]
			uses := map[string]int{}
			var buildCmd string
			for i, s := range build.Steps {
				if s.Uses != "" {
					uses[s.Uses] = i + 1
				}
				if strings.Contains(s.Run, "affsite") {
					buildCmd = s.Run
					uses["(build)"] = i + 1
				}
				switch s.Uses {
				case "actions/setup-go@v5":
					for k, v := range tt.setupGo {
						if s.With[k] != v {
							t.Errorf("setup-go with.%s = %q, want %q", k, s.With[k], v)
						}
					}
				case "actions/upload-pages-artifact@v3":
					if s.With["path"] != "public" {
						t.Errorf("upload-pages-artifact path = %q, want public", s.With["path"])
					}
				}
			}
			order := []string{"actions/checkout@v4", "actions/setup-go@v5", "(build)", "actions/upload-pages-artifact@v3"}
			for i, u := range order {
				if uses[u] == 0 {
					t.Errorf("build job has no %s step", u)
				} else if i > 0 && uses[u] < uses[order[i-1]] {
					t.Errorf("build job runs %s before %s", u, order[i-1])
				}
			}
			if !strings.HasPrefix(buildCmd, tt.build) {
				t.Errorf("build command = %q, want it to start with %q", buildCmd, tt.build)
			}
			// The base URL comes from configure-pages, whose id is pages.
			if strings.Contains(buildCmd, "steps.pages.outputs.base_url") {
				found := false
				for _, s := range build.Steps {
					found = found || (s.ID == "pages" && s.Uses == "actions/configure-pages@v5")
				}
				if !found {
					t.Error("the build uses steps.pages but no configure-pages step has id pages")
				}
			}

			deploy := w.Jobs["deploy"]
			if deploy.Needs != "build" {
				t.Errorf("deploy.needs = %v, want build", deploy.Needs)
			}
			if deploy.Environment.Name != "github-pages" || deploy.Environment.URL != "${{ steps.deployment.outputs.page_url }}" {
				t.Errorf("deploy.environment = %+v", deploy.Environment)
			}
			if len(deploy.Steps) != 1 || deploy.Steps[0].ID != "deployment" || deploy.Steps[0].Uses != "actions/deploy-pages@v4" {
				t.Errorf("deploy steps = %+v, want one actions/deploy-pages@v4 with id deployment", deploy.Steps)
			}
		})
	}
}

func TestNetlifyTOML(t *testing.T) {
	t.Parallel()
	repo, err := os.ReadFile("../netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile("../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	goDirective := regexp.MustCompile(`(?m)^go (\S+)$`).FindSubmatch(gomod)
	tests := []struct {
		name, command string
		src           []byte
	}{
		{"repository", "go run ./cmd/affsite build --minify", repo},
		{"new site", "go run github.com/affsite/affsite/cmd/affsite@" + version.Tag + " build --minify", siteTemplate(t, "netlify.toml")},
	}
	// The base URL is Netlify's: the site's main address in production,
	// the deploy's own address in previews and branch deploys.
	const production, preview = ` --baseURL "$URL/"`, ` --baseURL "$DEPLOY_PRIME_URL/"`
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var cfg struct {
				Build struct {
					Command     string            `toml:"command"`
					Publish     string            `toml:"publish"`
					Environment map[string]string `toml:"environment"`
				} `toml:"build"`
				Context map[string]struct {
					Command string `toml:"command"`
				} `toml:"context"`
			}
			md, err := toml.Decode(string(tt.src), &cfg)
			if err != nil {
				t.Fatal(err)
			}
			if un := md.Undecoded(); len(un) > 0 {
				t.Errorf("keys the test does not know: %v", un)
			}
			if cfg.Build.Command != tt.command+production {
				t.Errorf("command = %q, want %q", cfg.Build.Command, tt.command+production)
			}
			if len(cfg.Context) != 2 {
				t.Errorf("contexts = %v, want deploy-preview and branch-deploy", cfg.Context)
			}
			for _, ctx := range []string{"deploy-preview", "branch-deploy"} {
				if got := cfg.Context[ctx].Command; got != tt.command+preview {
					t.Errorf("context.%s.command = %q, want %q", ctx, got, tt.command+preview)
				}
			}
			if cfg.Build.Publish != "public" {
				t.Errorf("publish = %q, want public", cfg.Build.Publish)
			}
			if v := cfg.Build.Environment["GO_VERSION"]; goDirective == nil || v != string(goDirective[1]) {
				t.Errorf("GO_VERSION = %q, want go.mod's %q", v, goDirective)
			}
		})
	}
	if goDirective != nil && string(goDirective[1]) != GoVersion {
		t.Errorf("GoVersion = %q, but go.mod says go %s", GoVersion, goDirective[1])
	}
}

// The README and docs/deploy.md show the Netlify recipe new sites get,
// and a Cloudflare build command that takes the base URL from the host.
func TestDocsShowTheRecipes(t *testing.T) {
	t.Parallel()
	var want map[string]any
	if _, err := toml.Decode(string(siteTemplate(t, "netlify.toml")), &want); err != nil {
		t.Fatal(err)
	}
	tomlBlock := regexp.MustCompile("(?s)Netlify \\(recommended\\).*?```toml\n(.*?)```")
	cloudflare := "`go run github.com/affsite/affsite/cmd/affsite@" + version.Tag + ` build --minify --baseURL "${SITE_URL:-$CF_PAGES_URL}/"` + "`"
	for _, name := range []string{"../README.md", "../docs/deploy.md"} {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		m := tomlBlock.FindSubmatch(b)
		if m == nil {
			t.Errorf("%s: no netlify.toml block under Netlify (recommended)", name)
			continue
		}
		var got map[string]any
		if _, err := toml.Decode(string(m[1]), &got); err != nil {
			t.Errorf("%s: netlify.toml block: %v", name, err)
		} else if !reflect.DeepEqual(got, want) {
			t.Errorf("%s shows netlify.toml as\n%v\nbut new sites get\n%v", name, got, want)
		}
		if !strings.Contains(string(b), cloudflare) {
			t.Errorf("%s lacks the Cloudflare build command %s", name, cloudflare)
		}
	}
}
