package builtins

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/affsite/affsite/programs"
	"github.com/affsite/affsite/shortcodes"
)

// fakePage is a page whose front matter is params, as the generator's
// Page.Param reads it (keys in lower case).
type fakePage map[string]any

func (p fakePage) Param(key string) (any, error) { return p[key], nil }

// pickPrograms is modelPrograms with "acme", a program with an image, and
// a name that must be escaped in HTML and in JSON-LD.
func pickPrograms(t testing.TB) *programs.Set {
	t.Helper()
	acme, err := programs.Parse("acme.yaml", []byte(`name: "Acme </script> & Co"
url: "https://acme.example/"
commission: 20%
rating: 3
image: /images/acme.png
pros: ["Pays {{< fact \"rate\" >}}", "Second", "Third", "Fourth"]
plans:
  - {name: "Solo", annual: 120.00}
`))
	if err != nil {
		t.Fatal(err)
	}
	return programs.NewSet(append(modelPrograms(t).All(), acme)...)
}

// expandOn is expandPage on a page with front matter page: it runs src
// through shortcodes.Parse and shortcodes.Expand with the built-ins and
// the theme's templates, and returns the Markdown with every placeholder
// replaced by its HTML.
func expandOn(t testing.TB, ts *themeTemplates, st *PageState, src string, page fakePage) (string, error) {
	t.Helper()
	doc, err := shortcodes.Parse([]byte(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	env := &shortcodes.Env{File: testFile, LineOffset: 5, Registry: Registry(st), Templates: ts, Page: page}
	res, err := shortcodes.Expand([]byte(src), doc, env)
	if err != nil {
		return "", err
	}
	return string(res.Replace(res.Markdown)), nil
}

func TestPickGolden(t *testing.T) {
	t.Parallel()
	ts := loadThemeTemplates(t)
	set := pickPrograms(t)
	bestOf := []map[string]any{
		{"program": "funnelforge", "best_for": "Funnels on a small budget"},
		{"program": "acme", "best_for": `Teams paid {{< fact "rate" >}}`},
	}
	tests := []struct {
		name, src string
		page      fakePage
		cloaked   bool
	}{
		// The inner list: order and best for; a program without a rating,
		// one on Amazon (no price), one with an image.
		{name: "best_of", src: "{{< best-of title=\"Best funnel tools\" >}}\n- kartra: Course creators\n2. acme\namazon: Shops\n{{< /best-of >}}\n"},
		// programs= gives the order, the front matter best_for table the
		// lines; pros=1, a button text, cloaked links below a base path.
		{name: "best_of_programs", cloaked: true,
			src:  "{{< best-of programs=\"funnelforge, kartra\" pros=\"1\" text=\"Visit {program}\" placement=\"picks\" >}}\n",
			page: fakePage{"best_for": map[string]any{"Kartra": "Two tiers"}}},
		// The front matter best_of list, with {{< fact >}} in a line.
		{name: "best_of_front_matter", src: "{{< best-of pros=\"0\" >}}\n", page: fakePage{"best_of": bestOf}},
		{name: "top_pick", src: "{{< top-pick program=\"kartra\" best_for=\"Creators paid {{< fact \\\"rate\\\" >}} for life\" >}}\n\n" +
			"{{< top-pick program=\"acme\" label=\"Editor's choice\" text=\"See {program}\" >}}The <em>simplest</em> one.{{< /top-pick >}}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			st := testState(set)
			st.Config.BasePath = "/"
			st.Permalink = "https://example.com/posts/best/"
			if tt.cloaked {
				st.Config.LinkMode, st.Config.BasePath = "cloaked", "/blog/"
			}
			out, err := expandOn(t, ts, st, tt.src, tt.page)
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tt.name, out, st)
		})
	}
}

// Test that the list's JSON-LD is valid JSON, a schema.org ItemList with
// a ListItem per card in rank order pointing at the card, and that a
// name cannot end its <script> element.
func TestBestOfJSONLD(t *testing.T) {
	t.Parallel()
	ts := loadThemeTemplates(t)
	st := testState(pickPrograms(t))
	st.Permalink = "https://example.com/posts/best/"
	out, err := expandOn(t, ts, st, "{{< best-of programs=\"acme,kartra\" >}}\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.JSONLD) != 1 {
		t.Fatalf("%d JSON-LD documents, want 1", len(st.JSONLD))
	}
	raw := string(st.JSONLD[0])
	if strings.Contains(raw, "</script>") || strings.Contains(raw, "&") {
		t.Errorf("JSON-LD is not safe in a <script> element: %s", raw)
	}
	var doc struct {
		Context       string `json:"@context"`
		Type          string `json:"@type"`
		Name          string
		NumberOfItems int
		Items         []struct {
			Type     string `json:"@type"`
			Position int
			Name     string
			URL      string
		} `json:"itemListElement"`
	}
	if err := json.Unmarshal([]byte(raw), &doc); err != nil {
		t.Fatalf("JSON-LD: %v\n%s", err, raw)
	}
	if doc.Context != "https://schema.org" || doc.Type != "ItemList" || doc.Name != "Kartra review" || doc.NumberOfItems != 2 {
		t.Errorf("list = %+v", doc)
	}
	want := []struct{ name, url string }{
		{"Acme </script> & Co", "https://example.com/posts/best/#best-of-acme"},
		{"Kartra", "https://example.com/posts/best/#best-of-kartra"},
	}
	for i, w := range want {
		if i >= len(doc.Items) {
			t.Fatalf("%d items, want %d", len(doc.Items), len(want))
		}
		it := doc.Items[i]
		if it.Type != "ListItem" || it.Position != i+1 || it.Name != w.name || it.URL != w.url {
			t.Errorf("item %d = %+v, want position %d, %q, %q", i, it, i+1, w.name, w.url)
		}
		if id := strings.TrimPrefix(w.url, st.Permalink+"#"); !strings.Contains(out, `id="`+id+`"`) {
			t.Errorf("no card with id %q", id)
		}
	}
}

func TestPickErrors(t *testing.T) {
	t.Parallel()
	ts := loadThemeTemplates(t)
	set := testPrograms(t)
	inner := func(lines string) string { return "{{< best-of >}}\n" + lines + "{{< /best-of >}}" }
	tests := []struct {
		src, at, want string
		page          fakePage
	}{
		{src: `{{< best-of programs="kartra,funelforge" >}}`, at: "6:1", want: `shortcode "best-of": unknown program "funelforge" in programs= (did you mean "funnelforge"?)`},
		{src: inner("- kartra: Creators\n- funelforge: Funnels\n"), at: "8:3", want: `shortcode "best-of": unknown program "funelforge" inside (did you mean "funnelforge"?)`},
		{src: inner("kartra\n\n  3. nope\n"), at: "9:6", want: `shortcode "best-of": unknown program "nope" inside (programs: funnelforge, kartra, shieldwave)`},
		{src: inner("kartra is great\n"), at: "7:1", want: `shortcode "best-of": want lines "program: best for" inside, such as "kartra: Course creators"; found "kartra is great"`},
		{src: "{{< best-of programs=\"kartra,funnelforge\" >}}\nkartra: A\nfunelforge: B\n{{< /best-of >}}", at: "8:1", want: `shortcode "best-of": program "funelforge" is not in programs= (did you mean "funnelforge"?)`},
		{src: `{{< best-of programs="kartra,kartra" >}}`, at: "6:1", want: `shortcode "best-of": program "kartra" is listed twice`},
		{src: `{{< best-of programs=" , " >}}`, at: "6:1", want: `shortcode "best-of": programs= names no program`},
		{src: `{{< best-of >}}`, at: "6:1", want: `shortcode "best-of": no programs: give programs="funnelforge,kartra", lines "id: best for" inside, or best_of in the front matter (programs: funnelforge, kartra, shieldwave)`},
		{src: `{{< best-of programs="kartra" pros="many" >}}`, at: "6:1", want: `shortcode "best-of": pros="many" is not a count (how many pros each card shows; 0 for none)`},
		{src: `{{< best-of program="kartra" >}}`, at: "6:13", want: `unknown argument "program" of best-of; did you mean "programs"?`},
		{src: `{{< best-of >}}`, at: "6:1", page: fakePage{"best_of": []any{map[string]any{"program": "kartra"}, map[string]any{"program": "kartr"}}},
			want: `shortcode "best-of": unknown program "kartr" in front matter best_of (item 2) (did you mean "kartra"?)`},
		{src: `{{< best-of >}}`, at: "6:1", page: fakePage{"best_of": []any{map[string]any{"program": "kartra", "bestfor": "x"}}},
			want: `shortcode "best-of": front matter best_of (item 1): unknown key "bestfor" (did you mean "best_for"?)`},
		{src: `{{< best-of >}}`, at: "6:1", page: fakePage{"best_of": []any{"kartra"}},
			want: `shortcode "best-of": front matter best_of: item 1 is not a table such as {program: kartra, best_for: "…"}`},
		{src: `{{< best-of >}}`, at: "6:1", page: fakePage{"best_of": []any{map[string]any{"best_for": "x"}}},
			want: `shortcode "best-of": front matter best_of (item 1) has no program, such as {program: kartra, best_for: "…"}`},
		{src: `{{< best-of programs="kartra" >}}`, at: "6:1", page: fakePage{"best_for": "kartra"},
			want: `shortcode "best-of": front matter best_for is not a table of program ids, such as {kartra: "Course creators"}`},
		// A fact inside runs as a shortcode of the page: at its place.
		{src: inner("kartra: Pays {{< fact kartra \"comission\" >}}\n"), at: "7:14",
			want: `shortcode "fact": unknown fact "comission" of program "kartra" (did you mean "commission"?)`},
		{src: `{{< best-of >}}`, at: "6:1", page: fakePage{"best_of": []any{map[string]any{"program": "kartra", "best_for": `Pays {{< fact "comission" >}}`}}},
			want: `shortcode "best-of": best for kartra: {{< fact "comission" >}}: shortcode "fact": unknown fact "comission" of program "kartra" (did you mean "commission"?)`},
		{src: `{{< top-pick program="kartra" >}}`, at: "6:1", want: `shortcode "top-pick": missing best_for= (whom it suits, such as best_for="Course creators"), or a one-line verdict inside`},
		{src: `{{< top-pick program="kartr" best_for="x" >}}`, at: "6:1", want: `shortcode "top-pick": unknown program "kartr" (did you mean "kartra"?)`},
		{src: `{{< top-pick program="kartra" bestfor="x" >}}`, at: "6:31", want: `unknown argument "bestfor" of top-pick; did you mean "best_for"?`},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			t.Parallel()
			_, err := expandOn(t, ts, testState(set), tt.src, tt.page)
			if err == nil {
				t.Fatal("no error")
			}
			if got, want := err.Error(), testFile+":"+tt.at+": "+tt.want; got != want {
				t.Errorf("error\n got %s\nwant %s", got, want)
			}
		})
	}
}
