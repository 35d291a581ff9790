package builtins

import (
	"testing"
)

// TestBestOfFrontMatterErrorsAtTheirItem: an error about a front-matter
// best_of item is at the item's line and column in the page's file (a
// TOML table's at its header's key), and one about a key's value at the
// value, whichever format writes it; at the shortcode when the page's
// own front matter does not (its params came from elsewhere).
func TestBestOfFrontMatterErrorsAtTheirItem(t *testing.T) {
	t.Parallel()
	ts := loadThemeTemplates(t)
	set := testPrograms(t)
	unknown := `shortcode "best-of": unknown program "kartr" in front matter best_of (item 2) (did you mean "kartra"?)`
	twoItems := fakePage{"best_of": []any{map[string]any{"program": "kartra"}, map[string]any{"program": "kartr"}}}
	tests := []struct {
		name, fm, at, want string
		page               fakePage
	}{
		{"yaml block", "---\ntitle: T\nbest_of:\n  - program: kartra\n    best_for: x\n  # a comment\n  - program: kartr\n---\n", "7:5", unknown, twoItems},
		{"yaml block at the key's indentation", "---\nbest_of:\n- program: kartra\n- {program: kartr}\ntitle: T\n---\n", "4:3", unknown, twoItems},
		{"yaml flow", "---\nbest_of: [{program: kartra, best_for: \"a, [b]\"},\n   {program: kartr}]\n---\n", "3:4", unknown, twoItems},
		{"json", "{\n  \"title\": \"T\",\n  \"best_of\": [\n    {\"program\": \"kartra\"}, {\"program\": \"kartr\"}\n  ]\n}\n", "4:28", unknown, twoItems},
		{"toml tables", "+++\ntitle = \"T\"\n[[best_of]]\nprogram = \"kartra\"\n\n[[best_of]]\nprogram = \"kartr\"\n+++\n", "6:3", unknown, twoItems},
		{"toml inline", "+++\nbest_of = [ { program = \"kartra\" }, { program = \"kartr\" } ]\n+++\n", "2:37", unknown, twoItems},
		{"a nested key of the same name is not it", "---\nother:\n  best_of: [1, 2]\n---\n", "6:1", unknown, twoItems},
		{"unknown key", "---\nbest_of:\n  - program: kartra\n    bestfor: x\n---\n", "3:5",
			`shortcode "best-of": front matter best_of (item 1): unknown key "bestfor" (did you mean "best_for"?)`,
			fakePage{"best_of": []any{map[string]any{"program": "kartra", "bestfor": "x"}}}},
		{"not a table", "---\nbest_of:\n  - kartra\n  - funnelforge\n---\n", "3:5",
			`shortcode "best-of": front matter best_of: item 1 is not a table such as {program: kartra, best_for: "…"}`,
			fakePage{"best_of": []any{"kartra", "funnelforge"}}},
		{"not a list", "---\ntitle: T\nBest_Of: kartra\n---\n", "3:10",
			`shortcode "best-of": front matter best_of is not a list such as [{program: kartra, best_for: "…"}]`,
			fakePage{"best_of": "kartra"}},
		{"best_for not a table", "---\nbest_for: kartra\n---\n", "2:11",
			`shortcode "best-of": front matter best_for is not a table of program ids, such as {kartra: "Course creators"}`,
			fakePage{"best_for": "kartra", "best_of": []any{map[string]any{"program": "kartra"}}}},
		{"listed twice", "---\nbest_of:\n  - program: kartra\n  - program: kartra\n---\n", "4:5",
			`shortcode "best-of": program "kartra" is listed twice`,
			fakePage{"best_of": []any{map[string]any{"program": "kartra"}, map[string]any{"program": "kartra"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			st := testState(set)
			st.FrontMatter = []byte(tt.fm)
			_, err := expandOn(t, ts, st, "{{< best-of >}}", tt.page)
			if err == nil {
				t.Fatal("no error")
			}
			if got, want := err.Error(), testFile+":"+tt.at+": "+tt.want; got != want {
				t.Errorf("error\n got %s\nwant %s", got, want)
			}
		})
	}
}
