package check

import (
	"strings"
	"testing"

	"github.com/affsite/affsite/programs"
)

// FuzzTypedFigures: reading the figures of a line of prose never panics,
// and every figure it finds is where it says: its text at its column.
func FuzzTypedFigures(f *testing.F) {
	for _, l := range figureProse {
		f.Add(strings.TrimSuffix(l, "\n"))
	}
	f.Add("Pays €30 a sale, $1,099.20 a year, 40 per cent, a 30-day hold and 60 days of cookie.")
	eur, err := programs.Parse("eur.yaml", []byte("name: E\nurl: https://e.example/\ncurrency: {code: EUR, symbol: €}\nplans: [{name: A, monthly: 1}]\n"))
	if err != nil {
		f.Fatal(err)
	}
	progs := []*programs.Program{eur}
	f.Fuzz(func(t *testing.T, line string) {
		for _, fig := range typedFigures(line, progs) {
			if fig.col < 1 || fig.col-1+len(fig.text) > len(line) || !strings.HasPrefix(line[fig.col-1:], fig.text) {
				t.Errorf("figure %q at column %d is not in %q", fig.text, fig.col, line)
			}
		}
	})
}
