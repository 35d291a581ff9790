package programs

import (
	"github.com/affsite/affsite/internal/suggest"
	"strings"
	"testing"
)

func TestSet(t *testing.T) {
	t.Parallel()
	kartra := &Program{ID: "kartra", URL: "https://kartra.com/", Domains: []string{"kartra.com"}}
	app := &Program{ID: "kartra-app", URL: "https://app.kartra.com/"}
	wave := &Program{ID: "shieldwave", URL: "https://www.shieldwave.example/", SignupURL: "https://go.wave-partners.example/x"}
	s := NewSet(wave, nil, kartra, app)

	if got := strings.Join(s.IDs(), " "); got != "kartra kartra-app shieldwave" {
		t.Errorf("IDs() = %q", got)
	}
	all := s.All()
	if len(all) != 3 || all[0] != kartra || all[2] != wave {
		t.Errorf("All() = %v", all)
	}
	if p, ok := s.Get("shieldwave"); !ok || p != wave {
		t.Error("Get(shieldwave) failed")
	}
	if _, ok := s.Get("nope"); ok {
		t.Error("Get(nope) found a program")
	}

	tests := []struct {
		host, want string
	}{
		{"kartra.com", "kartra"},
		{"www.kartra.com", "kartra"},
		{"KARTRA.COM.", "kartra"},
		{"kartra.com:443", "kartra"},
		{"secure.kartra.com", "kartra"},
		{"app.kartra.com", "kartra-app"}, // the more specific host wins
		{"x.app.kartra.com", "kartra-app"},
		{"shieldwave.example", "shieldwave"},
		{"go.wave-partners.example", "shieldwave"},
		{"notkartra.com", ""},
		{"kartra.com.evil.example", ""},
		{"", ""},
	}
	for _, tt := range tests {
		p, ok := s.ByHost(tt.host)
		got := ""
		if ok {
			got = p.ID
		}
		if got != tt.want {
			t.Errorf("ByHost(%q) = %q, want %q", tt.host, got, tt.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	t.Parallel()
	tests := []struct {
		key, want string
	}{
		{"comission", "commission"},
		{"Commission", "commission"},
		{"tier_2", "tier2"},
		{"pricechecked", "prices_checked"},
		{"colour", ""},
		{"x", ""},
		{"urls", "url"},
	}
	for _, tt := range tests {
		if got, _ := suggest.Closest(tt.key, programKeys()); got != tt.want {
			t.Errorf("suggest(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
}
