package i18n

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/internal/keypos"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// The forms of a string file Hugo reads, each in TOML, YAML or JSON:
//
//	hello = "Hello"                          # one text
//	[wordCount]                              # plural forms (CLDR's
//	one = "{{ .Count }} word"                # zero, one, two, few,
//	other = "{{ .Count }} words"             # many, other)
//	[nested.key]                             # id "nested.key"
//	other = "…"
//	- id: hello                              # go-i18n v1's list
//	  translation: Hello                     # (translation may hold
//	                                         # plural forms)

// loadFile reads one string file of d into the tables.
func (t *Tables) loadFile(d Dir, p string, decode Decoder) error {
	file := path.Join(d.Name, p)
	ext := strings.ToLower(path.Ext(p))
	switch ext {
	case ".toml", ".yaml", ".yml", ".json":
	default:
		return diag.Errorf(file, 0, 0, diag.Data, "not a string file: Hugo reads .toml, .yaml, .yml and .json files in i18n/")
	}
	src, err := fs.ReadFile(d.FS, p)
	if err != nil {
		return diag.Errorf(file, 0, 0, diag.Data, "%w", err)
	}
	tag := tagOf(langOfFile(p))
	if tag.String() == "und" {
		return diag.Errorf(file, 1, 1, diag.Data, "%q is not a language code; name a string file after its language (fr.toml, pt-BR.yaml)", langOfFile(p))
	}
	if len(bytes.TrimSpace(src)) == 0 {
		return nil // an empty file has no strings, as in Hugo
	}
	v, err := decode(file, ext, src)
	if err != nil {
		return withColumn(err, ext, src)
	}
	if err := checkValues(file, src, v, ""); err != nil {
		return err
	}
	msgs, err := goi18n.ParseMessageBytes(src, func(_ []byte, out any) error {
		*(out.(*any)) = dropMixedKeys(v)
		return nil
	})
	if err != nil {
		return diag.Errorf(file, 1, 1, diag.Data, "%v", err)
	}
	if err := t.bundle.AddMessages(tag, msgs...); err != nil {
		// A language CLDR has no plural rules for ("tlh"): an artificial
		// one with English rules, as Hugo does.
		art, perr := language.Parse(artificialPrefix + langOfFile(p))
		if perr != nil || t.bundle.AddMessages(art, msgs...) != nil {
			return diag.Errorf(file, 1, 1, diag.Data, "%v", err)
		}
		tag = art
	}
	t.tags[keyOf(tag)] = tag
	return nil
}

// checkValues refuses a value no form of a string file has (a number,
// a boolean, a list below the top), at the line of its key.
func checkValues(file string, src []byte, v any, id string) error {
	switch x := v.(type) {
	case string, nil:
		return nil
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(x)) { // the first bad value is always the same
			if err := checkValues(file, src, x[k], joinID(id, k)); err != nil {
				return err
			}
		}
		return nil
	case []any:
		if id != "" {
			break
		}
		for _, e := range x {
			if _, ok := e.(map[string]any); !ok {
				return diag.Errorf(file, 1, 1, diag.Data, "a list of strings holds tables with id and translation, not %v", e)
			}
			if err := checkValues(file, src, e, ""); err != nil {
				return err
			}
		}
		return nil
	}
	if id == "" {
		return diag.Errorf(file, 1, 1, diag.Data, "a string file holds ids and their texts, not %v", v)
	}
	key := id[strings.LastIndexByte(id, '.')+1:]
	line, col := keypos.Any(src, key)
	return diag.Errorf(file, line, col, diag.Data, "%s: a translation is text, or a table of plural forms (one, other…), not %v", id, v)
}

// joinID is a nested key's id: "nested.key".
func joinID(id, k string) string {
	if id == "" {
		return k
	}
	return id + "." + k
}

// reserved are the keys of a table that is one message (go-i18n's).
var reserved = map[string]bool{
	"id": true, "description": true, "hash": true, "leftdelim": true, "rightdelim": true,
	"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true, "translation": true,
}

// dropMixedKeys leaves out the other keys of a table that has plural
// forms, as Hugo 0.111's go-i18n did ("[greet] other = … note = …" is
// the message "greet"); go-i18n 2.7 refuses such a table.
func dropMixedKeys(v any) any {
	switch x := v.(type) {
	case map[string]any:
		msg := false
		for k, e := range x {
			_, text := e.(string)
			if reserved[strings.ToLower(k)] && (text || k == "translation") {
				msg = true
			}
		}
		out := make(map[string]any, len(x))
		for k, e := range x {
			_, text := e.(string)
			switch {
			case !msg:
				out[k] = dropMixedKeys(e)
			case reserved[strings.ToLower(k)] && (text || k == "translation"):
				out[k] = e
			}
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = dropMixedKeys(e)
		}
		return out
	}
	return v
}

// withColumn adds to a decoding error at a line the column there, which
// the TOML and JSON parsers know and the build's decoders leave out.
// (yaml.v3's errors give no column.)
func withColumn(err error, ext string, src []byte) error {
	var d *diag.Diagnostic
	if !errors.As(err, &d) || d.Line == 0 || d.Col != 0 {
		return err
	}
	var perr toml.ParseError
	var serr *json.SyntaxError
	switch {
	case ext == ".toml" && errors.As(decodeTOML(src), &perr) && perr.Position.Line == d.Line:
		d.Col = perr.Position.Col
	case ext == ".json" && errors.As(json.Unmarshal(src, new(any)), &serr):
		if line, col := diag.LineCol(src, int(serr.Offset)-1); line == d.Line {
			d.Col = col
		}
	}
	return err
}

// decodeTOML is the TOML parser's error for src.
func decodeTOML(src []byte) error {
	_, err := toml.Decode(string(src), new(map[string]any))
	return err
}
