package corpus

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
)

// programCount is the number of affiliate programs in data/programs/.
const programCount = 20

// programStream offsets the PRNG streams of programs from those of posts.
const programStream = 1 << 40

// Plan is one price plan of a program.
type Plan struct {
	Name    string
	Monthly int // cents
	Annual  int // cents
}

// Program is one affiliate program, as written to data/programs/pNN.yaml.
type Program struct {
	ID         string // "p07"
	Num        int
	Commission int // hundredths: 30 means 0.30
	Tier2      int // hundredths; 0 means no tier2 line
	Recurring  bool
	CookieDays int
	RefParam   string
	Plans      []Plan
}

// Name is the display name of the program ("Program 07").
func (p Program) Name() string { return fmt.Sprintf("Program %02d", p.Num) }

// Programs returns the fixed 20 programs p00..p19.
func Programs() []Program {
	planNames := []string{"Basic", "Plus", "Pro", "Business"}
	monthly := []int{999, 1499, 1999, 2999, 4999, 7999, 9999}
	out := make([]Program, programCount)
	for k := range out {
		rng := rand.New(rand.NewPCG(seed, programStream+uint64(k)))
		p := Program{
			ID:         fmt.Sprintf("p%02d", k),
			Num:        k,
			Commission: 20 + rng.IntN(31),
			Recurring:  rng.IntN(2) == 0,
			CookieDays: []int{30, 45, 60, 90, 120}[rng.IntN(5)],
			RefParam:   []string{"ref", "aff", "via"}[rng.IntN(3)],
		}
		if k%3 == 0 {
			p.Tier2 = 2 + rng.IntN(9)
		}
		base := rng.IntN(3)
		for j := range 2 + rng.IntN(3) {
			m := monthly[base+j]
			p.Plans = append(p.Plans, Plan{Name: planNames[j], Monthly: m, Annual: (m + 1) * 10})
		}
		out[k] = p
	}
	return out
}

// cents formats an amount of cents as a decimal with two places.
func cents(c int) string { return fmt.Sprintf("%d.%02d", c/100, c%100) }

// writeProgram writes p as YAML to dir/pNN.yaml.
func writeProgram(dir string, p Program) error {
	f, err := os.Create(filepath.Join(dir, p.ID+".yaml"))
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	host := fmt.Sprintf("https://program%02d.example/", p.Num)
	fmt.Fprintf(w, "name: %q\nurl: %q\nsignup_url: %q\n", p.Name(), host, host+"signup")
	fmt.Fprintf(w, "commission: 0.%02d\n", p.Commission)
	if p.Tier2 > 0 {
		fmt.Fprintf(w, "tier2: 0.%02d\n", p.Tier2)
	}
	fmt.Fprintf(w, "recurring: %t\ncookie_days: %d\nref_param: %s\nprices_checked: 2026-10-01\nplans:\n",
		p.Recurring, p.CookieDays, p.RefParam)
	for _, pl := range p.Plans {
		fmt.Fprintf(w, "  - name: %q\n    monthly: %s\n    annual: %s\n", pl.Name, cents(pl.Monthly), cents(pl.Annual))
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
