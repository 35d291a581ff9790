package check

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/affsite/affsite/affiliate"
	"github.com/affsite/affsite/builtins"
	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/generator"
	"github.com/affsite/affsite/money"
	"github.com/affsite/affsite/programs"
)

// Figures typed in prose: a percentage ("40%", "40 %", "40 percent"),
// an amount with a currency symbol ("$100", "$1,099.20", "€30"), and a
// number of days ("30-day", "30 days").
var (
	percentRE = regexp.MustCompile(`(?i)(^|[^0-9.,])(\d{1,3}(?:\.\d+)?)(?:\s?%|\s(?:per\s?cent|percent)\b)`)
	amountRE  = regexp.MustCompile(`(^|[^0-9.,])([$€£¥₹])\s?(\d{1,3}(?:,\d{3})*(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)\b`)
	daysRE    = regexp.MustCompile(`(?i)(^|[^0-9.,])(\d{1,3})(?:-day|\s+days?)\b`)
)

// figureFact is a fact a figure typed in prose can be compared with: a
// kind of value, and the words near the figure that say a sentence is
// about it.
type figureFact struct {
	path  string   // fact path, as the fact shortcode takes it
	kind  byte     // '%' a rate, '$' an amount, 'd' days
	words []string // lowercase cues in the sentence; nil: compared by value only
}

// figureFacts are the facts check compares prose with. Plan prices and
// commissions are compared by value only: a page names too many of them
// to say which one a figure means.
func figureFacts(p *programs.Program) []figureFact {
	fs := []figureFact{
		{"tier2", '%', []string{"second tier", "tier 2", "tier-2", "tier two", "two-tier", "jv partner", "sub-affiliate", "affiliates you refer"}},
		{"commission", '%', []string{"commission", "pays", "earn", "recurring", "share", "cut"}},
		{"payout.minimum", '$', []string{"minimum", "threshold"}},
		{"trial.price", '$', []string{"trial"}},
		{"payout.hold_days", 'd', []string{"hold", "money-back", "refund"}},
		{"trial.days", 'd', []string{"trial"}},
		{"cookie.days", 'd', []string{"cookie"}},
		{"lowest_price", '$', []string{"lowest price", "cheapest", "starts at", "starting at", "start at", "prices from", "plans from"}},
		{"lowest_price.per_month", '$', nil},
	}
	for _, pl := range p.Plans {
		for _, f := range []string{"monthly", "annual", "price", "commission.monthly", "commission.annual", "commission.price", "tier2.monthly", "tier2.annual", "tier2.price"} {
			fs = append(fs, figureFact{path: "plans." + pl.ID + "." + f, kind: '$'})
		}
	}
	for _, s := range p.Scenarios {
		fs = append(fs, figureFact{path: "scenarios." + s.ID + ".total", kind: '$'}, figureFact{path: "scenarios." + s.ID + ".tier2_total", kind: '$'})
	}
	return fs
}

// typedFigure is one figure found in a line of prose.
type typedFigure struct {
	kind  byte
	text  string // as written
	value string // normalised: "40", "100.00" (in the program's currency), "30"
	col   int    // 1-based byte column
	after string // the rest of the line
}

// checkFigures reports the figures typed in the prose of pages that use
// programs: one the data contradicts (a rate, payout minimum, trial,
// hold or cookie that differs from the program's) is an error naming the
// fact shortcode to write instead; one that equals a fact of the data is
// a warning suggesting that shortcode, so it follows the data when the
// data changes.
func (a *auditor) checkFigures() {
	state := builtins.NewPageState(a.progs, a.cfg.Affiliate)
	facts := map[string]map[string]string{}
	for _, r := range a.rep.Sources {
		ids := pagePrograms(r)
		if len(ids) == 0 {
			continue
		}
		var progs []*programs.Program
		for _, id := range ids {
			p, ok := a.progs.Get(id)
			if !ok {
				continue
			}
			if facts[id] == nil {
				facts[id] = state.Facts(p)
			}
			progs = append(progs, p)
		}
		if len(progs) == 0 {
			continue
		}
		for i, line := range proseLines(a.source(r.File)) {
			if line == "" {
				continue
			}
			for _, f := range typedFigures(line, progs) {
				a.figureFinding(r, i+1, line, f, progs, facts, state)
			}
		}
	}
}

// pagePrograms returns the programs a page uses: its front-matter
// program first.
func pagePrograms(r generator.PageRecord) []string {
	var ids []string
	if r.Program != "" {
		ids = append(ids, r.Program)
	}
	for _, id := range r.Programs {
		if id != r.Program {
			ids = append(ids, id)
		}
	}
	return ids
}

// figureFinding reports one figure of a line, if the data knows it.
func (a *auditor) figureFinding(r generator.PageRecord, line int, text string, f typedFigure, progs []*programs.Program, facts map[string]map[string]string, st *builtins.PageState) {
	lower := strings.ToLower(text)
	p := sentenceProgram(lower, progs)
	pf := facts[p.ID]
	same, cued := matchFacts(p, pf, f, lower, st)
	switch {
	case same != nil:
		a.findings = append(a.findings, diag.Warningf(r.File, line, f.col, diag.Figure,
			"%s typed by hand is %s's %s: write %s so that it follows the data", f.text, p.ID, same.path, factShortcode(r, progs, p, same.path)))
	case cued != nil && !negated(f.after):
		a.findings = append(a.findings, *diag.Errorf(r.File, line, f.col, diag.Figure,
			"says %s but %s's %s is %s; write %s", f.text, p.ID, cued.path, pf[cued.path], factShortcode(r, progs, p, cued.path)))
	}
}

// sentenceProgram is the program a sentence (lower-cased) is about: the
// first of progs it names, else the page's own, progs[0].
func sentenceProgram(lower string, progs []*programs.Program) *programs.Program {
	for _, q := range progs {
		if strings.Contains(lower, strings.ToLower(q.Name)) {
			return q
		}
	}
	return progs[0]
}

// matchFacts finds the fact of p (its values pf) that figure f is: same,
// the first whose value it has, else cued, the first of its kind that
// the sentence's words name.
func matchFacts(p *programs.Program, pf map[string]string, f typedFigure, lower string, st *builtins.PageState) (same, cued *figureFact) {
	for _, ff := range figureFacts(p) {
		v, ok := pf[ff.path]
		if !ok || ff.kind != f.kind {
			continue
		}
		if normalise(ff.kind, v, st, p) == f.value {
			return &ff, nil
		}
		if cued == nil && hasCue(lower, ff.words) {
			cued = &ff
		}
	}
	return nil, cued
}

// negated reports whether the words after a figure say it is no claim
// about the program's terms ("20% off", "5% churn"): see notTerms.
func negated(after string) bool {
	after = strings.ToLower(strings.TrimSpace(after))
	for _, w := range notTerms {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	return false
}

// factShortcode is the fact shortcode that prints p's fact path on page
// r: without the program when p is the page's one program.
func factShortcode(r generator.PageRecord, progs []*programs.Program, p *programs.Program, path string) string {
	if len(progs) == 1 && r.Program == p.ID {
		return fmt.Sprintf(`{{< fact %q >}}`, path)
	}
	return fmt.Sprintf(`{{< fact %s %q >}}`, p.ID, path)
}

func hasCue(line string, words []string) bool {
	for _, w := range words {
		if strings.Contains(line, w) {
			return true
		}
	}
	return false
}

// normalise returns a fact's text as typedFigures normalises a figure:
// "40%" → "40", "$1,099.20" → "1099.20", "30" → "30"; "" when the fact is
// not a plain figure of that kind ("40% recurring", "custom").
func normalise(kind byte, v string, st *builtins.PageState, p *programs.Program) string {
	switch kind {
	case '%':
		if n, ok := strings.CutSuffix(v, "%"); ok && isNumber(n) {
			return trimZeros(n)
		}
	case 'd':
		if isNumber(v) {
			return v
		}
	case '$':
		for _, f := range typedFigures(" "+v, []*programs.Program{p}) {
			if f.kind == '$' {
				return f.value
			}
		}
	}
	return ""
}

// trimZeros drops the zeros after a decimal point: "12.50" → "12.5",
// "40.0" → "40", "40" → "40".
func trimZeros(n string) string {
	if !strings.Contains(n, ".") {
		return n
	}
	return strings.TrimSuffix(strings.TrimRight(n, "0"), ".")
}

// notTerms are words that, right after a figure, say it is not a
// program's term: "20% off", "a 20% discount", "5% churn".
var notTerms = [...]string{"off", "discount", "coupon", "churn", "conversion", "more", "less", "cheaper", "of readers", "of visitors"}

func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil && s != "" && !strings.ContainsAny(s, "eE+-")
}

// typedFigures returns the percentages, amounts and day counts of line.
// An amount is read in the currency of the programs whose symbol it has.
func typedFigures(line string, progs []*programs.Program) []typedFigure {
	var out []typedFigure
	for _, m := range percentRE.FindAllStringSubmatchIndex(line, -1) {
		n := line[m[4]:m[5]]
		out = append(out, typedFigure{'%', strings.TrimSpace(line[m[4]:m[1]]), trimZeros(n), m[4] + 1, line[m[1]:]})
	}
	for _, m := range amountRE.FindAllStringSubmatchIndex(line, -1) {
		sym, num := line[m[4]:m[5]], strings.ReplaceAll(line[m[6]:m[7]], ",", "")
		cur := money.USD()
		for _, p := range progs {
			if c := p.Currency.OrDefault(); c.Symbol == sym {
				cur = c
			}
		}
		c, err := cur.ParseAmount(num)
		if err != nil {
			continue
		}
		out = append(out, typedFigure{'$', line[m[4]:m[1]], sym + cur.Plain(c), m[4] + 1, line[m[1]:]})
	}
	for _, m := range daysRE.FindAllStringSubmatchIndex(line, -1) {
		out = append(out, typedFigure{'d', line[m[4]:m[1]], line[m[4]:m[5]], m[4] + 1, line[m[1]:]})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].col < out[j].col })
	return out
}

// proseLines returns src's lines with everything that is not prose
// blanked: front matter, fenced code, inline code, shortcode calls (their
// arguments are not prose; the text inside a paired shortcode is), HTML
// comments and link URLs. Line numbers are kept.
func proseLines(src []byte) []string {
	lines := strings.Split(string(src), "\n")
	out := make([]string, len(lines))
	start := 0
	if len(lines) > 0 && (strings.TrimSpace(lines[0]) == "---" || strings.TrimSpace(lines[0]) == "+++") {
		delim := strings.TrimSpace(lines[0])
		for i := 1; i < len(lines); i++ {
			if strings.TrimSpace(lines[i]) == delim {
				start = i + 1
				break
			}
		}
	}
	fence := ""
	for i := start; i < len(lines); i++ {
		l := lines[i]
		t := strings.TrimSpace(l)
		if fence != "" {
			if strings.HasPrefix(t, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = t[:3]
			continue
		}
		out[i] = blank(l)
	}
	return out
}

var (
	shortcodeCallRE = regexp.MustCompile(`\{\{[<%].*?[%>]\}\}`)
	inlineCodeRE    = regexp.MustCompile("`[^`]*`")
	linkURLRE       = regexp.MustCompile(`\]\([^)]*\)`)
	commentRE       = regexp.MustCompile(`<!--.*?-->`)
)

// blank replaces the parts of a line that are not prose with spaces, so
// that columns stay right.
func blank(l string) string {
	for _, re := range []*regexp.Regexp{shortcodeCallRE, inlineCodeRE, linkURLRE, commentRE} {
		l = re.ReplaceAllStringFunc(l, func(s string) string { return strings.Repeat(" ", len(s)) })
	}
	return l
}

// checkRefIDs reports the programs used by pages whose referral id is
// missing or a placeholder: every link would earn nothing.
func (a *auditor) checkRefIDs() {
	used := a.usedPrograms()
	for _, p := range a.progs.All() {
		if !used[p.ID] {
			continue
		}
		if why := affiliate.PlaceholderRefID(p, a.cfg.Affiliate); why != "" {
			line, col := keyPlace(a.source(p.File), "ref_id")
			a.findings = append(a.findings, *diag.Errorf(p.File, line, col, diag.RefID, "program %s: %s", p.ID, why))
		}
	}
}
