package siteconfig

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/internal/frontmatter"
	"github.com/affsite/affsite/internal/sitefile"
	"github.com/affsite/affsite/internal/values"
	"gopkg.in/yaml.v3"
)

// configExts are the formats a configuration file may have, in the order
// Hugo looks for them.
var configExts = [...]string{".toml", ".yaml", ".yml", ".json"}

// rootConfigFiles are the configuration files that may sit at a site's
// root, in the order they are looked for: affsite's own, then Hugo's
// (hugo.* before config.*, as Hugo does). The first one found is read.
func rootConfigFiles() []string {
	out := []string{"site.toml"}
	for _, base := range [...]string{"hugo", "config"} {
		for _, ext := range configExts {
			out = append(out, base+ext)
		}
	}
	return out
}

// configTree is a site's configuration as read from its files and
// merged, before it is decoded: the values, and where each key was set.
type configTree struct {
	values map[string]any
	// origins maps a key path in lower case ("params.author.name") to
	// where its value was last set.
	origins map[string]Origin
	// files lists the files read, in the order they were merged.
	files []string
}

// Origin is where a configuration key was set.
type Origin struct {
	File string
	Line int
	Col  int    // the key's column; 0 when not known
	Name string // the key path as written ("params.mainSections")
}

// String gives the origin as "file:line:col", or "file:line" when the
// column is not known.
func (o Origin) String() string {
	if o.Col == 0 {
		return fmt.Sprintf("%s:%d", o.File, o.Line)
	}
	return fmt.Sprintf("%s:%d:%d", o.File, o.Line, o.Col)
}

// Errorf is a configuration error at the key: its file, line and column.
func (o Origin) Errorf(format string, args ...any) *diag.Diagnostic {
	return diag.Errorf(o.File, o.Line, o.Col, diag.Config, format, args...)
}

// Warningf is a configuration warning at the key: its file, line and
// column.
func (o Origin) Warningf(format string, args ...any) diag.Diagnostic {
	return diag.Warningf(o.File, o.Line, o.Col, diag.Config, format, args...)
}

// Origin is where the key path (dotted, any case) was set: the key
// itself, else the nearest enclosing key, else the first file's line 1;
// the configuration's file when it was not read from files.
func (c *Config) Origin(key string) Origin {
	if c.tree == nil {
		return Origin{File: c.File, Name: key}
	}
	return c.tree.origin(key)
}

// Values are the configuration's merged values as read from its files,
// before decoding, keys as written; nil for a site without a
// configuration file. Callers must not change them.
func (c *Config) Values() map[string]any {
	if c.tree == nil {
		return nil
	}
	return c.tree.values
}

// origin is where the key path (dotted, any case) was set: the key
// itself, else the nearest enclosing key, else the first file's line 1.
func (t *configTree) origin(key string) Origin {
	k := strings.ToLower(key)
	for {
		if o, ok := t.origins[k]; ok {
			return o
		}
		i := strings.LastIndexByte(k, '.')
		if i < 0 {
			break
		}
		k = k[:i]
	}
	file := "site.toml"
	if len(t.files) > 0 {
		file = t.files[0]
	}
	return Origin{File: file, Line: 1, Name: key}
}

// readConfigTree reads and merges a site's configuration as Hugo does:
// the first root file found (see rootConfigFiles), then every file of
// config/_default/ and then of config/<environment>/, in name order, a
// later file's values replacing an earlier one's key by key, tables
// merged and lists replaced. In the config folder a file named after a
// key (params.toml, menus.yaml) holds that key's value; hugo.* and
// config.* hold top-level keys; menus.<lang>.* and params.<lang>.* are
// a language's.
func readConfigTree(dir, env string) (*configTree, error) {
	t := &configTree{values: map[string]any{}, origins: map[string]Origin{}}
	for _, name := range rootConfigFiles() {
		err := t.mergeFile(dir, name, nil)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		break
	}
	dirs := []string{"config/_default"}
	if env != "" && env != "_default" {
		dirs = append(dirs, "config/"+env)
	}
	for _, d := range dirs {
		names, err := configDirFiles(dir, d)
		if err != nil {
			return nil, err
		}
		for _, name := range names {
			if err := t.mergeFile(dir, name, configFileKey(name)); err != nil {
				return nil, err
			}
		}
	}
	return t, nil
}

// configDirFiles lists the configuration files below the folder d of
// the site, sorted; none when d does not exist.
func configDirFiles(dir, d string) ([]string, error) {
	var out []string
	root := filepath.Join(dir, filepath.FromSlash(d))
	err := sitefile.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") || !values.ContainsFold(configExts[:], path.Ext(e.Name())) {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	sort.Strings(out)
	return out, err
}

// configFileKey is the key path under which a file of the config folder
// is merged: none for hugo.* and config.*, ["params"] for params.toml,
// ["languages", "fr", "menus"] for menus.fr.toml.
func configFileKey(name string) []string {
	base := path.Base(name)
	base = strings.TrimSuffix(base, path.Ext(base))
	if base == "hugo" || base == "config" {
		return nil
	}
	key, lang, ok := strings.Cut(base, ".")
	if !ok {
		return []string{key}
	}
	switch key {
	case "menu", "menus":
		return []string{"languages", lang, "menus"}
	case "params":
		return []string{"languages", lang, "params"}
	}
	return []string{"languages", lang}
}

// mergeFile reads one configuration file and merges it into t, under the
// key path prefix. A missing file is an fs.ErrNotExist error.
func (t *configTree) mergeFile(dir, name string, prefix []string) error {
	vals, lines, err := readConfigFile(dir, name)
	if err != nil {
		return err
	}
	if len(prefix) > 0 {
		if vals, lines, err = underPrefix(name, prefix, vals, lines); err != nil {
			return err
		}
	}
	t.files = append(t.files, name)
	mergeValues(t.values, vals)
	for k, v := range lines {
		t.origins[k] = Origin{File: name, Line: v.line, Col: v.col, Name: v.name}
	}
	return nil
}

// readConfigFile reads and decodes the file name of dir: its values and
// where each key is.
func readConfigFile(dir, name string) (map[string]any, map[string]keyPos, error) {
	full := filepath.Join(dir, filepath.FromSlash(name))
	if _, err := os.Lstat(full); err != nil {
		return nil, nil, err
	}
	src, err := sitefile.Read(full, name)
	if err != nil {
		return nil, nil, err
	}
	return decodeConfigFile(name, src)
}

// underPrefix places the values and key positions of file name under
// the keys prefix (menus.toml's under menus). A file may wrap its value
// in its own key (menus.toml holding [[menus.main]]), as Hugo allows.
func underPrefix(name string, prefix []string, vals map[string]any, lines map[string]keyPos) (map[string]any, map[string]keyPos, error) {
	last := prefix[len(prefix)-1]
	if len(vals) == 1 {
		for k, v := range vals {
			if strings.EqualFold(k, last) {
				vals, _ = v.(map[string]any)
				lines = trimLinePrefix(lines, strings.ToLower(k))
			}
		}
	}
	if vals == nil {
		return nil, nil, diag.Errorf(name, 1, 0, diag.Config, "%s must be a table of settings", strings.Join(prefix, "."))
	}
	return nestUnder(prefix, vals), prefixLines(prefix, lines), nil
}

// nestUnder returns vals as the value of the keys prefix, nested.
func nestUnder(prefix []string, vals map[string]any) map[string]any {
	for i := len(prefix) - 1; i >= 0; i-- {
		vals = map[string]any{prefix[i]: vals}
	}
	return vals
}

// prefixLines puts prefix before each key of lines, and gives the keys
// of prefix themselves line 1.
func prefixLines(prefix []string, lines map[string]keyPos) map[string]keyPos {
	withPrefix := map[string]keyPos{}
	p := strings.ToLower(strings.Join(prefix, "."))
	for k, v := range lines {
		withPrefix[p+"."+k] = keyPos{line: v.line, col: v.col, name: strings.Join(prefix, ".") + "." + v.name}
	}
	for i := range prefix {
		withPrefix[strings.ToLower(strings.Join(prefix[:i+1], "."))] = keyPos{line: 1, name: strings.Join(prefix[:i+1], ".")}
	}
	return withPrefix
}

// trimLinePrefix drops the first part ("menus.") of every key of lines.
func trimLinePrefix(lines map[string]keyPos, first string) map[string]keyPos {
	out := map[string]keyPos{}
	for k, v := range lines {
		if rest, ok := strings.CutPrefix(k, first+"."); ok {
			_, name, _ := strings.Cut(v.name, ".")
			out[rest] = keyPos{line: v.line, col: v.col, name: name}
		}
	}
	return out
}

// mergeValues sets every key of src in dst, as Hugo merges configuration
// files: keys match without regard to case, tables merge key by key,
// anything else (lists included) replaces the earlier value. A key keeps
// the spelling it was first given.
func mergeValues(dst, src map[string]any) {
	for k, v := range src {
		if v == nil {
			continue // YAML's null, or an empty value: not set
		}
		dk := k
		for existing := range dst {
			if strings.EqualFold(existing, k) {
				dk = existing
				break
			}
		}
		if sm, ok := v.(map[string]any); ok {
			if dm, ok := dst[dk].(map[string]any); ok {
				mergeValues(dm, sm)
				continue
			}
			cp := map[string]any{}
			mergeValues(cp, sm)
			v = cp
		}
		dst[dk] = v
	}
}

// keyPos is the line and column of a key in one file (column 0: not
// known), and its path as written.
type keyPos struct {
	line, col int
	name      string
}

// decodeConfigFile decodes a configuration file by its extension into
// its values and the line of each key path (in lower case).
func decodeConfigFile(name string, src []byte) (map[string]any, map[string]keyPos, error) {
	src = values.TrimBOM(src)
	switch strings.ToLower(path.Ext(name)) {
	case ".toml":
		vals := map[string]any{}
		if _, err := toml.Decode(string(src), &vals); err != nil {
			return nil, nil, TOMLError(name, src, err)
		}
		lines, add := keyLines()
		frontmatter.TOMLPlaces(src, add)
		return vals, lines, nil
	case ".json":
		if line, col, msg := values.JSONProblem(src); msg != "" {
			return nil, nil, diag.Errorf(name, line, col, diag.Config, "%s", msg)
		}
	}
	// YAML, and JSON (which YAML reads, with each key's line).
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, nil, frontmatter.YAMLError(name, diag.Config, err)
	}
	if len(doc.Content) == 0 {
		return map[string]any{}, map[string]keyPos{}, nil // an empty file
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, nil, diag.Errorf(name, root.Line, 0, diag.Config, "a configuration file must hold a table of settings")
	}
	vals := map[string]any{}
	if err := root.Decode(&vals); err != nil {
		return nil, nil, frontmatter.YAMLError(name, diag.Config, err)
	}
	lines, add := keyLines()
	frontmatter.NodePlaces(root, add)
	return values.NormalizeMap(vals), lines, nil
}

// keyLines records, with add, the line and column of every key of a
// file (frontmatter's walks, NodePlaces and TOMLPlaces, which find the
// places of front matter's items) by its path in lower case.
func keyLines() (map[string]keyPos, func(path []string, key, value frontmatter.Pos)) {
	lines := map[string]keyPos{}
	return lines, func(path []string, key, _ frontmatter.Pos) {
		name := strings.Join(path, ".")
		lines[strings.ToLower(name)] = keyPos{line: key.Line, col: key.Col, name: name}
	}
}

// sortOrigins orders origins by file, in the order the files were
// merged, then by line.
func (t *configTree) sortOrigins(os []Origin) {
	rank := map[string]int{}
	for i, f := range t.files {
		rank[f] = i
	}
	sort.Slice(os, func(i, j int) bool {
		if os[i].File != os[j].File {
			return rank[os[i].File] < rank[os[j].File]
		}
		if os[i].Line != os[j].Line {
			return os[i].Line < os[j].Line
		}
		return os[i].Name < os[j].Name
	})
}
