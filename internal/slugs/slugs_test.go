package slugs

import "testing"

func TestURLize(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"Email Marketing", "email-marketing"},
		{"  A / B -- c  ", "a-b-c"},
		{"v1.2_beta", "v1.2_beta"},
		{"Ça va? Oui!", "ça-va-oui"},
		{"-lead", "lead"},
		{"trail -", "trail"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := URLize(tt.in); got != tt.want {
			t.Errorf("URLize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWords(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"One referral a month!", "one-referral-a-month"},
		{"  --Hello,  World--  ", "hello-world"},
		{"v1.2_beta", "v1-2-beta"},
		{"Ünïcödé 42", "ünïcödé-42"},
		{"Kartra affiliate program review", "kartra-affiliate-program-review"},
		{"  Is it worth it?  (2026) ", "is-it-worth-it-2026"},
		{"Ünïcode — Straße", "ünïcode-straße"},
		{"!!!", ""},
	}
	for _, tt := range tests {
		if got := Words(tt.in); got != tt.want {
			t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestASCIIWords(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"My App 2", "my-app-2"},
		{"Café Pro", "caf-pro"},
		{"v1.2_beta", "v1-2-beta"},
		{"ünï", "n"},
		{"!!!", ""},
	}
	for _, tt := range tests {
		if got := ASCIIWords(tt.in); got != tt.want {
			t.Errorf("ASCIIWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
