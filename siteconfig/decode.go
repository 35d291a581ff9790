package siteconfig

import (
	"bytes"
	"errors"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/internal/frontmatter"
	"github.com/affsite/affsite/internal/values"
)

// decode fills the configuration from its merged tree. The tree is
// written out as TOML and decoded by the TOML decoder, so that one set
// of struct tags and Unmarshalers serves every format Hugo reads; the
// decoder's errors then name a key, which the tree places in its file.
func (c *Config) decode() error {
	t := c.tree
	vals := t.values
	t.renameMenu(vals, "")
	t.renameLanguageMenus(vals)
	authorName(vals)
	var buf bytes.Buffer
	if err := toml.NewEncoder(&buf).Encode(vals); err != nil {
		return diag.Errorf(t.origin("").File, 1, 0, diag.Config, "%v", err)
	}
	md, err := toml.Decode(buf.String(), c)
	if err != nil {
		return c.decodeError(err)
	}
	if err := c.checkPagerSizes(md); err != nil {
		return err
	}
	return c.unknownKeys(md.Undecoded())
}

// renameLanguageMenus renames the menus of each language's settings.
func (t *configTree) renameLanguageMenus(vals map[string]any) {
	langs, _ := values.LookupKey(vals, "languages")
	m, _ := langs.(map[string]any)
	for lang, l := range m {
		if lm, ok := l.(map[string]any); ok {
			t.renameMenu(lm, "languages."+strings.ToLower(lang)+".")
		}
	}
}

// authorName replaces Hugo's [author] table by its name, the site's
// author.
func authorName(vals map[string]any) {
	a, _ := values.LookupKey(vals, "author")
	m, ok := a.(map[string]any)
	if !ok {
		return
	}
	v, _ := values.LookupKey(m, "name")
	name, _ := v.(string)
	for k := range vals {
		if strings.EqualFold(k, "author") {
			vals[k] = name
		}
	}
}

// checkPagerSizes refuses a paginate or pagination.pagerSize that the
// site sets below 1.
func (c *Config) checkPagerSizes(md toml.MetaData) error {
	for _, key := range []string{"paginate", "pagination.pagerSize"} {
		n := c.Paginate
		if key != "paginate" {
			n = c.Pagination.PagerSize
		}
		set := md.IsDefined(strings.Split(strings.ToLower(key), ".")...) || md.IsDefined(strings.Split(key, ".")...)
		if set && n <= 0 {
			o := c.tree.origin(key)
			return o.Errorf("%s must be 1 or more, not %d", key, n)
		}
	}
	return nil
}

// renameMenu gives Hugo's older [[menu.main]] of the table vals (the
// site's, or a language's at the key path prefix) its name of today,
// [[menus.main]].
func (t *configTree) renameMenu(vals map[string]any, prefix string) {
	menu, ok := values.LookupKey(vals, "menu")
	if !ok {
		return
	}
	for k := range vals {
		if strings.EqualFold(k, "menu") {
			delete(vals, k)
		}
	}
	if m, ok := menu.(map[string]any); ok {
		mergeValues(vals, map[string]any{"menus": m})
		if o, ok := t.origins[prefix+"menu"]; ok {
			t.origins[prefix+"menus"] = o
		}
	}
}

// tomlTypeErrorRE matches the decoder's error for a value of the wrong
// type, which is no ParseError.
var tomlTypeErrorRE = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "([^"]*)"\): (?:incompatible types: TOML value has type (\S+); destination has type (\S+)|(.*))$`)

// decodeError gives an error of decode at the key's file and line.
func (c *Config) decodeError(err error) error {
	m := tomlTypeErrorRE.FindStringSubmatch(err.Error())
	if m == nil {
		return diag.Errorf(c.tree.origin("").File, 1, 0, diag.Config, "%s", strings.TrimPrefix(err.Error(), "toml: "))
	}
	o := c.tree.origin(m[2])
	name := o.Name
	if !strings.EqualFold(name, m[2]) {
		name = m[2] // a key inside a list: the list's line, the key's name
	}
	if m[3] != "" {
		return o.Errorf("%s must be %s, not %s", name, tomlTypeName(m[4]), tomlTypeName(m[3]))
	}
	msg := m[5]
	if !strings.HasPrefix(msg, path.Base(strings.ReplaceAll(name, ".", "/"))+" ") {
		msg = name + ": " + msg
	}
	return o.Errorf("%s", msg)
}

// unknownKeys sorts the keys the decoder did not use. Settings Hugo
// knows, and any setting of a Hugo configuration file, are accepted and
// listed in c.Ignored (Hugo itself ignores keys it does not know). A key
// of site.toml that neither affsite nor Hugo knows is a typo, and an
// unknown key of affsite's own [affiliate] table is one in any file:
// those are errors.
func (c *Config) unknownKeys(keys []toml.Key) error {
	undecoded := map[string]bool{}
	for _, k := range keys {
		undecoded[strings.ToLower(k.String())] = true
	}
	var ignored []Origin
	var bad diag.List
	for _, k := range keys {
		lk := strings.ToLower(k.String())
		if len(k) == 0 || strings.EqualFold(k[0], "params") || len(k) > 2 && strings.EqualFold(k[0], "languages") && strings.EqualFold(k[2], "params") {
			continue
		}
		if i := strings.LastIndexByte(lk, '.'); i >= 0 && undecoded[lk[:i]] {
			continue // within a table that is listed itself
		}
		o := c.tree.origin(k.String())
		top := strings.ToLower(k[0])
		switch {
		case top == "affiliate":
			bad = append(bad, *o.Errorf("unknown key %q in [affiliate]", strings.Join(k[1:], ".")))
		case o.File == "site.toml" && !isHugoOnlyKey(top):
			bad = append(bad, *o.Errorf("unknown key %q", k.String()))
		default:
			if o.Name == "" {
				o.Name = k.String()
			}
			ignored = append(ignored, o)
		}
	}
	if len(bad) > 0 {
		bad.Sort()
		return &bad[0]
	}
	c.tree.sortOrigins(ignored)
	c.Ignored = ignored
	return nil
}

// IgnoredWarning is the one warning that lists the settings affsite
// does not use, or "" when there are none.
func (c *Config) IgnoredWarning() string {
	d, ok := c.IgnoredDiagnostic()
	if !ok {
		return ""
	}
	return d.Error()
}

// IgnoredDiagnostic is IgnoredWarning as a diagnostic.
func (c *Config) IgnoredDiagnostic() (diag.Diagnostic, bool) {
	if len(c.Ignored) == 0 {
		return diag.Diagnostic{}, false
	}
	first := c.Ignored[0]
	var keys []string
	for _, s := range c.Ignored {
		k := s.Name
		if s.File != first.File {
			k += " (" + s.File + ":" + strconv.Itoa(s.Line) + ")"
		} else if s.Line != first.Line {
			k += " (line " + strconv.Itoa(s.Line) + ")"
		}
		keys = append(keys, k)
	}
	word := "settings"
	if len(keys) == 1 {
		word = "setting"
	}
	return first.Warningf("%d %s that affsite does not use, ignored: %s", len(keys), word, strings.Join(keys, ", ")), true
}

// isHugoOnlyKey tells whether k (a top-level key, lower case) is a Hugo
// setting, which affsite accepts (with a warning when it does not use
// it) so that a Hugo site's configuration reads.
func isHugoOnlyKey(k string) bool {
	switch k {
	case "archetypedir", "assetdir", "build", "builddrafts", "buildexpired", "buildfuture",
		"cachedir", "caches", "canonifyurls", "capitalizelisttitles", "cascade", "cleandestinationdir",
		"contentdir", "contenttypes", "datadir", "defaultcontentlanguage", "defaultcontentlanguageinsubdir",
		"deployment", "disablealiases", "disabledefaultlanguageredirect", "disablefastrender",
		"disablehugogeneratorinject", "disablekinds", "disablelanguages", "disablelivereload",
		"disablepathtolower", "disqusshortname", "enableemoji", "enablegitinfo", "enableinlineshortcodes",
		"enablemissingtranslationplaceholders", "enablerobotstxt", "environment", "footnotereturnlinkcontents",
		"frontmatter", "googleanalytics", "hascjklanguage", "httpcache", "ignorecache",
		"ignoreerrors", "ignorefiles", "ignorelogs", "ignorevendorpaths", "imaging", "languages",
		"layoutdir", "locale", "mainsections", "markup", "mediatypes", "menu", "menus", "minify", "module",
		"newcontenteditor", "notimes", "nochmod", "outputformats", "outputs", "page", "paginatepath",
		"pagination", "paniconwarning", "permalinks",
		"printpathwarnings", "printunusedtemplates", "privacy", "publishdir", "pygmentscodefences",
		"pygmentscodefencesguesssyntax", "pygmentsoptions", "pygmentsstyle", "pygmentsuseclasses",
		"pygmentsuseclassic", "reflinkserrorlevel", "reflinksnotfoundurl", "related", "relativeurls",
		"removepathaccents", "resourcedir", "rsslimit", "sectionpagesmenu", "security", "segments",
		"server", "services", "sitemap", "social", "staticdir", "summarylength", "taxonomies",
		"templatemetrics", "templatemetricshints", "themesdir", "timeout", "timezone", "titlecasestyle",
		"uglyurls", "verbose", "watch", "workingdir", "blackfriday", "paginate":
		return true
	}
	return false
}

// TOMLError gives an error decoding src, the TOML text of file, as
// "file:line:col: message" (frontmatter.TOMLErrorPlace), with the key
// when the error is about a value's type.
func TOMLError(file string, src []byte, err error) error {
	var perr toml.ParseError
	if errors.As(err, &perr) {
		line, col := frontmatter.TOMLErrorPlace(src, perr)
		return diag.Errorf(file, line, col, diag.Config, "%s", perr.Message)
	}
	if m := tomlTypeErrorRE.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		line = max(line, 1)
		if m[3] != "" {
			return diag.Errorf(file, line, 0, diag.Config, "%s must be %s, not %s", m[2], tomlTypeName(m[4]), tomlTypeName(m[3]))
		}
		return diag.Errorf(file, line, 0, diag.Config, "%s: %s", m[2], m[5])
	}
	return diag.Errorf(file, 1, 0, diag.Config, "%s", strings.TrimPrefix(err.Error(), "toml: "))
}

// tomlTypeName names a type of the TOML decoder's messages for an author.
func tomlTypeName(t string) string {
	switch t {
	case "integer", "int64":
		return "a whole number"
	case "string":
		return "a string"
	case "bool", "boolean":
		return "true or false"
	case "float64", "float":
		return "a number"
	case "map", "map[string]interface", "map[string]any":
		return "a table"
	case "slice", "[]interface", "[]any", "array":
		return "a list"
	case "datetime", "time.Time":
		return "a date"
	}
	return t
}
