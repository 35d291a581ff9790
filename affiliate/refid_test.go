package affiliate

import (
	"testing"

	"github.com/affsite/affsite/programs"
)

func TestPlaceholderRefID(t *testing.T) {
	t.Parallel()
	tests := []struct {
		program, site string
		placeholder   bool
	}{
		{"YOUR-AFFILIATE-ID", "", true},
		{"your_affiliate_id", "real", true},
		{"REPLACE-ME", "", true},
		{"<your id>", "", true},
		{"xxxx", "", true},
		{"", "", true},
		{"", "REPLACE-ME", true},
		{"", "fieldnotes", false},
		{"rivera-reviews-demo", "", false},
		{"samr-20", "", false},
		{"12345", "", false},
	}
	for _, tt := range tests {
		got := PlaceholderRefID(&programs.Program{ID: "p", RefID: tt.program}, Config{RefID: tt.site})
		if (got != "") != tt.placeholder {
			t.Errorf("ref_id %q, site %q: %q, want placeholder %v", tt.program, tt.site, got, tt.placeholder)
		}
	}
}
