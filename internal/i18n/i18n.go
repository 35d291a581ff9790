// Package i18n is Hugo's translation tables: the string files of a
// site's i18n/ folder and of each theme's (en.toml, fr.yaml, pt-BR.json),
// read in every form Hugo reads, and the lookup its i18n and T template
// functions do, with CLDR plural rules and the text's own template
// (github.com/nicksnyder/go-i18n/v2, the library Hugo uses).
//
// A Tables value holds one site's strings; a Translator is one
// language's view of them, as the templates of that language's pages
// call it. Strings a template asks for and no table has are recorded in
// a Missing, which the build turns into one warning.
package i18n

import (
	"io/fs"
	"maps"
	"path"
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/affsite/affsite/internal/sitefile"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// Dir is one folder of string files.
type Dir struct {
	FS   fs.FS  // rooted at the folder
	Name string // the folder below the site, shown in messages: "i18n", "themes/x/i18n"
}

// Decoder decodes a file's text by its extension (".toml", ".yaml",
// ".yml", ".json") into untyped values, maps as map[string]any; its
// errors say where in the file they are. The build passes the one it
// reads data files with.
type Decoder func(file, ext string, src []byte) (any, error)

// Tables are the translations of one site, by language.
type Tables struct {
	bundle *goi18n.Bundle
	// tags are the languages that have strings, by the lower-case key a
	// site's [languages] gives them ("pt-br"), as Hugo matches them.
	tags map[string]language.Tag
	def  string // the default content language's key
	// pluralMissing is the type of go-i18n's error for a message that
	// lacks the plural form a count picks (see pluralMissingType).
	pluralMissing reflect.Type
}

// artificialPrefix makes a language tag of a file name that is none
// ("klingon.toml"), as Hugo does: a private-use subtag of "art".
const artificialPrefix = "art-x-"

// Load reads the string files of dirs, the first folder's string
// winning for an id that several have (the site's i18n/ first, then the
// themes' in their order). defaultLang is the site's
// defaultContentLanguage: a language without a string falls back to its.
// A folder that does not exist is no error.
func Load(dirs []Dir, defaultLang string, decode Decoder) (*Tables, error) {
	def := strings.ToLower(defaultLang)
	t := &Tables{tags: map[string]language.Tag{}, def: def, pluralMissing: pluralMissingType()}
	t.bundle = goi18n.NewBundle(tagOf(def))
	for i := len(dirs) - 1; i >= 0; i-- { // later files override earlier ones
		if err := t.loadDir(dirs[i], decode); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// loadDir reads the files of one folder and its subfolders, in name
// order.
func (t *Tables) loadDir(d Dir, decode Decoder) error {
	var names []string
	err := sitefile.WalkFS(d.FS, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.HasPrefix(e.Name(), ".") && p != "." {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil // .DS_Store, an editor's swap file
		}
		if !e.IsDir() {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, p := range names {
		if err := t.loadFile(d, p, decode); err != nil {
			return err
		}
	}
	return nil
}

// tagOf is the language tag of a language key or file name ("pt-br",
// "en-US"), or an artificial one for a name that is no language.
func tagOf(lang string) language.Tag {
	if tag, err := language.Parse(lang); err == nil && tag != language.Und {
		return tag
	}
	if tag, err := language.Parse(artificialPrefix + lang); err == nil {
		return tag
	}
	return language.Und
}

// keyOf is the language key a tag stands for: "pt-br" for pt-BR.
func keyOf(tag language.Tag) string {
	return strings.ToLower(strings.TrimPrefix(tag.String(), artificialPrefix))
}

// Languages lists the keys of the languages that have strings, sorted.
func (t *Tables) Languages() []string {
	return slices.Sorted(maps.Keys(t.tags))
}

// langOfFile is the language a string file's name gives: its name
// without the extension ("fr" of fr.toml, "en-US" of sub/en-US.yaml).
func langOfFile(p string) string {
	base := path.Base(p)
	return strings.TrimSuffix(base, path.Ext(base))
}
