package generator

import "testing"

// TestEmojify: the scanning rules of Hugo 0.111's page lexer; each want
// is what hugo 0.111.3 wrote for the text (testdata/hugocompat/markup-emoji.txtar
// has them in a page).
func TestEmojify(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"Hello :smile:", "Hello 😄"},
		{":+1: :-1: :100:", "👍 👎 💯"},
		{":heart: :us:", "❤️ 🇺🇸"},
		{":flag-us: :SMILE: :not_an_emoji:", ":flag-us: :SMILE: :not_an_emoji:"},
		{":not_an_emoji:smile:", ":not_an_emoji:smile:"}, // the scan goes on after an unknown code
		{":piñata:smile:", ":piñata😄"},                   // ASCII names only
		{"::smile:", ":😄"},
		{":a b:smile:", ":a b😄"},
		{"Two::smile:::", "Two:😄::"},
		{":smile::smile:x:smile:y", "😄😄x😄y"},
		{":smile", ":smile"},
		{":", ":"},
		{"no code", "no code"},
	} {
		if got := string(emojify(nil, []byte(tc.in))); got != tc.want {
			t.Errorf("emojify(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
