package i18n

import (
	"os"
	"testing"
)

// BenchmarkTranslate is the cost of one T call: a plain string and a
// plural form picked by a count (both made once, then kept), and a dict
// (made at each call).
func BenchmarkTranslate(b *testing.B) {
	dirs := []Dir{{FS: os.DirFS("testdata/site/i18n"), Name: "i18n"}}
	tables, err := Load(dirs, "en", testDecode)
	if err != nil {
		b.Fatal(err)
	}
	tr := tables.Translator("fr", false, &Missing{})
	b.Run("plain", func(b *testing.B) {
		for b.Loop() {
			tr.Translate("hello", nil)
		}
	})
	b.Run("plural", func(b *testing.B) {
		for b.Loop() {
			tr.Translate("wordCount", 812)
		}
	})
	data := map[string]any{"Count": 2, "Name": "Ann"}
	b.Run("dict", func(b *testing.B) {
		for b.Loop() {
			tr.Translate("greet", data)
		}
	})
}
