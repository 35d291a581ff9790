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
		cache   bool              // keeps the build cache between runs
	}{
		{"repository", repo, "go run ./cmd/affsite build --minify", map[string]string{"go-version-file": "go.mod"}, false},
		{"new site", siteTemplate(t, "dot_github/workflows/deploy.yml"), "go run github.com/affsite/affsite/cmd/affsite@" + version.Tag + " build --minify", map[string]string{"go-version": GoVersion, "cache": "false"}, true},
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
				case "actions/cache@v4":
					// A key of its own each run, since an entry is never
					// overwritten; restored from the newest one of this
					// affsite version, as a cache of another is ignored.
					// The output folder goes in the same entry, one
					// archive, so that its files stay hard links to the
					// cache's objects: the next build keeps them.
					prefix := "affsite-" + version.Tag + "-"
					want := map[string]string{"path": ".affsite/cache\npublic\n", "key": prefix + "${{ github.run_id }}", "restore-keys": prefix}
					if !reflect.DeepEqual(s.With, want) {
						t.Errorf("actions/cache with = %v, want %v", s.With, want)
					}
				case "actions/upload-pages-artifact@v3":
					if s.With["path"] != "public" {
						t.Errorf("upload-pages-artifact path = %q, want public", s.With["path"])
					}
				}
			}
			order := []string{"actions/checkout@v4", "actions/setup-go@v5", "(build)", "actions/upload-pages-artifact@v3"}
			if tt.cache {
				order = []string{"actions/checkout@v4", "actions/setup-go@v5", "actions/cache@v4", "(build)", "actions/upload-pages-artifact@v3"}
			} else if uses["actions/cache@v4"] != 0 {
				t.Error("an actions/cache step the test does not expect")
			}
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
		plugins       []string // the packages of [[plugins]]
	}{
		{"repository", "go run ./cmd/affsite build --minify", repo, nil},
		{"new site", "go run github.com/affsite/affsite/cmd/affsite@" + version.Tag + " build --minify", siteTemplate(t, "netlify.toml"), []string{"./" + netlifyCachePlugin}},
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
				Plugins []struct {
					Package string `toml:"package"`
				} `toml:"plugins"`
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
			var plugins []string
			for _, p := range cfg.Plugins {
				plugins = append(plugins, p.Package)
			}
			if !reflect.DeepEqual(plugins, tt.plugins) {
				t.Errorf("plugins = %q, want %q", plugins, tt.plugins)
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

// netlifyCachePlugin is the folder, in a new site, of the local Netlify
// build plugin that keeps the build cache between deploys.
const netlifyCachePlugin = "netlify/plugins/affsite-cache"

// The cache plugin is a local one, so Netlify runs it without an npm
// install: a manifest with its name, and CommonJS (no package.json says
// "type": "module") that restores the cache before the build and saves
// it after, through Netlify's utils.cache.
func TestNetlifyCachePlugin(t *testing.T) {
	t.Parallel()
	var manifest map[string]any
	if err := yaml.Unmarshal(siteTemplate(t, netlifyCachePlugin+"/manifest.yml"), &manifest); err != nil {
		t.Fatal(err)
	}
	if want := map[string]any{"name": "affsite-cache"}; !reflect.DeepEqual(manifest, want) {
		t.Errorf("manifest.yml = %v, want %v", manifest, want)
	}
	js := string(siteTemplate(t, netlifyCachePlugin+"/index.js"))
	for _, want := range []string{
		`const dir = ".affsite/cache";`,
		"module.exports = {",
		"async onPreBuild({ utils }) {\n    await utils.cache.restore(dir);",
		"async onPostBuild({ utils }) {\n    await utils.cache.save(dir);",
	} {
		if !strings.Contains(js, want) {
			t.Errorf("index.js lacks %q:\n%s", want, js)
		}
	}
	if strings.Contains(js, "require(") || strings.Contains(js, "import ") {
		t.Errorf("index.js loads a module, which would need an npm install:\n%s", js)
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
		if js := siteTemplate(t, netlifyCachePlugin+"/index.js"); !strings.Contains(string(b), "```js\n"+string(js)+"```") {
			t.Errorf("%s does not show %s/index.js as new sites get it:\n%s", name, netlifyCachePlugin, js)
		}
	}
	// docs/deploy.md shows the GitHub Pages workflow new sites get.
	b, err := os.ReadFile("../docs/deploy.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```yaml\n(name: Deploy to GitHub Pages\n.*?)```").FindSubmatch(b)
	if m == nil {
		t.Fatal("docs/deploy.md: no deploy.yml block")
	}
	var got, wantWF map[string]any
	if err := yaml.Unmarshal(m[1], &got); err != nil {
		t.Fatalf("docs/deploy.md: deploy.yml block: %v", err)
	}
	if err := yaml.Unmarshal(siteTemplate(t, "dot_github/workflows/deploy.yml"), &wantWF); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, wantWF) {
		t.Errorf("docs/deploy.md shows deploy.yml as\n%v\nbut new sites get\n%v", got, wantWF)
	}
}
