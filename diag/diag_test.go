package diag

import (
	"errors"
	"fmt"
	"io/fs"
	"testing"
)

// placed is another package's positioned error.
type placed struct{}

func (placed) Error() string { return "p.yaml:3: bad" }
func (placed) Diagnostic() Diagnostic {
	return Diagnostic{File: "p.yaml", Line: 3, Code: Data, Message: "bad"}
}

func TestFormats(t *testing.T) {
	t.Parallel()
	tests := []struct {
		d        Diagnostic
		err, str string
	}{
		{Diagnostic{File: "a.md", Line: 3, Col: 7, Severity: Error, Message: "m"}, "a.md:3:7: m", "a.md:3: error: m (column 7)"},
		{Diagnostic{File: "a.md", Line: 3, Severity: Warning, Message: "m"}, "a.md:3: m", "a.md:3: warning: m"},
		{Diagnostic{File: "a.md", Severity: Error, Message: "m"}, "a.md: m", "a.md: error: m"},
		{Diagnostic{Severity: Error, Message: "m"}, "m", "error: m"},
	}
	for _, tt := range tests {
		if got := tt.d.Error(); got != tt.err {
			t.Errorf("Error() = %q, want %q", got, tt.err)
		}
		if got := tt.d.String(); got != tt.str {
			t.Errorf("String() = %q, want %q", got, tt.str)
		}
	}
}

func TestOf(t *testing.T) {
	t.Parallel()
	wrapped := Errorf("b.md", 2, 0, Source, "cannot read: %w", fs.ErrNotExist)
	if !errors.Is(wrapped, fs.ErrNotExist) {
		t.Error("Errorf's %w does not wrap")
	}
	err := errors.Join(
		Errorf("b.md", 10, 0, Content, "ten"),
		List{{File: "b.md", Line: 9, Severity: Error, Message: "nine"}},
		fmt.Errorf("%w", placed{}),
		errors.New("plain"),
	)
	l := Of(err)
	l.Sort()
	want := []string{"plain", "b.md:9: nine", "b.md:10: ten", "p.yaml:3: bad"}
	if len(l) != len(want) {
		t.Fatalf("Of = %v", l)
	}
	for i, d := range l {
		if d.Error() != want[i] || d.Severity != Error {
			t.Errorf("Of[%d] = %q (%s), want %q", i, d.Error(), d.Severity, want[i])
		}
	}
	if l[3].Code != Data {
		t.Errorf("a Positioned error lost its code: %+v", l[3])
	}
	if Of(nil) != nil {
		t.Error("Of(nil) is not empty")
	}
	// A wrapper that adds text keeps it: nothing is lost.
	if got := Of(fmt.Errorf("loading: %w", placed{})); len(got) != 1 || got[0].Message != "loading: p.yaml:3: bad" {
		t.Errorf("Of(wrapped with text) = %+v", got)
	}
}

func TestSortDropsDuplicates(t *testing.T) {
	t.Parallel()
	l := List{
		{File: "a.md", Line: 10, Message: "x"},
		{File: "a.md", Line: 9, Message: "x"},
		{File: "a.md", Line: 10, Message: "x"},
		{File: "a.md", Line: 9, Col: 2, Message: "x", Err: errors.New("not compared")},
	}
	l.Sort()
	if len(l) != 3 || l[0].Line != 9 || l[0].Col != 0 || l[1].Col != 2 || l[2].Line != 10 {
		t.Errorf("Sort = %+v", l)
	}
}

func TestLineCol(t *testing.T) {
	t.Parallel()
	src := []byte("ab\nçd\n\nx")
	for _, tt := range []struct{ off, line, col int }{
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {5, 2, 2}, {6, 2, 3}, {7, 3, 1}, {8, 4, 1}, {9, 4, 2}, {-1, 1, 1}, {99, 4, 2},
	} {
		if l, c := LineCol(src, tt.off); l != tt.line || c != tt.col {
			t.Errorf("LineCol(%d) = %d:%d, want %d:%d", tt.off, l, c, tt.line, tt.col)
		}
	}
}
