package highlight

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// TestFencesGolden renders testdata/fences.md with the configurations
// below and compares each with its golden file.
func TestFencesGolden(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(filepath.Join("testdata", "fences.md"))
	if err != nil {
		t.Fatal(err)
	}
	classes := Default()
	classes.NoClasses = false
	numbered := Default()
	numbered.LineNos, numbered.LineNumbersInTable = true, false
	for _, tc := range []struct {
		name string
		cfg  Config
	}{
		{"default", Default()},
		{"classes", classes},
		{"linenos-inline", numbered},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var out bytes.Buffer
			md := goldmark.New(goldmark.WithExtensions(tc.cfg.Extender()))
			if err := md.Convert(src, &out); err != nil {
				t.Fatal(err)
			}
			compareGolden(t, filepath.Join("testdata", "fences-"+tc.name+".golden"), out.Bytes())
		})
	}
}

// TestHighlightGolden is the highlight shortcode's path.
func TestHighlightGolden(t *testing.T) {
	t.Parallel()
	var out strings.Builder
	for _, c := range []struct{ code, lang, opts string }{
		{"package main\n\nfunc main() {}", "go", ""},
		{"a\nb\nc\nd\ne\nf\ng\nh\ni\nj", "go", "linenos=table,hl_lines=8 9-10,linenostart=199"},
		{"x := 1", "go", "linenos=inline,style=github"},
		{`echo "<b>"`, "unknown-language", ""},
	} {
		h, err := Default().Highlight(c.code, c.lang, c.opts)
		if err != nil {
			t.Fatal(err)
		}
		out.WriteString("-- " + c.lang + " " + c.opts + " --\n" + h + "\n")
	}
	compareGolden(t, filepath.Join("testdata", "shortcode.golden"), []byte(out.String()))
}

func compareGolden(t *testing.T, file string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run with -update to accept):\n got: %s\nwant: %s", file, got, want)
	}
}

func TestSet(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		v    any
		want func(*Config)
		err  string
	}{
		{"style", "dracula", func(c *Config) { c.Style = "dracula" }, ""},
		{"noClasses", false, func(c *Config) { c.NoClasses = false }, ""},
		{"NOCLASSES", "false", func(c *Config) { c.NoClasses = false }, ""},
		{"lineNos", true, func(c *Config) { c.LineNos = true }, ""},
		{"linenos", []byte("inline"), func(c *Config) { c.LineNos, c.LineNumbersInTable = true, false }, ""},
		{"linenos", "table", func(c *Config) { c.LineNos, c.LineNumbersInTable = true, true }, ""},
		{"lineNoStart", int64(10), func(c *Config) { c.LineNoStart = 10 }, ""},
		{"linenostart", float64(199), func(c *Config) { c.LineNoStart = 199 }, ""},
		{"hl_lines", "2 4-5", func(c *Config) { c.HLLines = [][2]int{{2, 2}, {4, 5}} }, ""},
		{"hl_lines", []any{float64(2), []byte("4-5")}, func(c *Config) { c.HLLines = [][2]int{{2, 2}, {4, 5}} }, ""},
		{"hl_lines", "2 x", nil, `"x" is no line number or range of lines (such as 4-5)`},
		{"hl_lines", "5-4", nil, `"5-4" is no line number`},
		{"tabWidth", "x", nil, "must be a whole number, not x"},
		{"style", int64(3), nil, "must be a string, not 3"},
		{"guessSyntax", "maybe", nil, "must be true or false, not maybe"},
		{"hl_inline", true, func(*Config) {}, ""},
	} {
		got := Default()
		err := got.Set(tc.name, tc.v)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("Set(%q, %v) = %v, want error containing %q", tc.name, tc.v, err, tc.err)
			}
			continue
		}
		want := Default()
		tc.want(&want)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("Set(%q, %v) = %+v, %v; want %+v", tc.name, tc.v, got, err, want)
		}
	}
}

func TestDecodeAndOptions(t *testing.T) {
	t.Parallel()
	c, err := Default().Decode(map[string]any{"style": "github", "noClasses": false, "lineNos": true})
	if err != nil || c.Style != "github" || c.NoClasses || !c.LineNos {
		t.Errorf("Decode = %+v, %v", c, err)
	}
	if _, err := Default().Decode(map[string]any{"tabWidth": "wide"}); err == nil || err.Error() != "markup.highlight.tabWidth: must be a whole number, not wide" {
		t.Errorf("Decode error = %v", err)
	}
	if err := c.SetOptions("linenos=table,bad"); err == nil || !strings.Contains(err.Error(), `invalid highlight option "bad"`) {
		t.Errorf("SetOptions error = %v", err)
	}
	if _, err := Default().Highlight("x", "go", "hl_lines=a"); err == nil {
		t.Error("Highlight with a bad option: no error")
	}
}

func TestExtenderOff(t *testing.T) {
	t.Parallel()
	c := Default()
	c.CodeFences = false
	if c.Extender() != nil {
		t.Error("codeFences = false: want no extension")
	}
}
