package shortcodes

import "testing"

// A shortcode that declares positional arguments takes that many.
func TestPositionalArguments(t *testing.T) {
	t.Parallel()
	env := testEnv(t)
	env.Registry.Add("price", func(inv *Invocation) error {
		inv.Data = "$" + inv.Get(0).(string)
		return nil
	}, WithArgs(Args{Positional: []string{"amount"}}))
	for _, tt := range []struct{ src, html, err string }{
		{`{{< price 5 >}}`, "<b>$5</b>\n", ""},
		{`{{< price 5 6 >}}`, "", `content/posts/x.md:5:13: shortcode "price" takes 1 positional argument (amount)`},
		{`{{< price amount=5 >}}`, "", `content/posts/x.md:5:11: unknown argument "amount" of price (it takes no named arguments)`},
	} {
		html, _, err := render(t, env, tt.src)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("%s: err %v, want %s", tt.src, err, tt.err)
			}
			continue
		}
		if err != nil || html != tt.html {
			t.Errorf("%s: %q, %v", tt.src, html, err)
		}
	}
}

// Template shortcodes and built-ins registered without WithArgs take any
// arguments.
func TestUndeclaredArgumentsPermissive(t *testing.T) {
	t.Parallel()
	html, _, err := render(t, testEnv(t), `{{< named a=1 zzz=2 >}} {{< price amount=3 extra=4 >}}`)
	if err != nil || html != "<p>[1||true|] <b>$3</b></p>\n" {
		t.Errorf("%q, %v", html, err)
	}
}
