package corpus

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"
)

// Word counts of a post's prose: uniform in [minWords, minWords+wordSpan),
// a mean of about 1,537 counting the headings, lists and tables.
const (
	minWords = 1000
	wordSpan = 1045
)

// dateFrom and dateDays bound the post dates: 2019-01-01 plus up to
// dateDays days, all before November 2026.
var dateFrom = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)

const dateDays = 2860

// postWriter writes one post's Markdown and counts the prose words.
type postWriter struct {
	w     *bufio.Writer
	rng   *rand.Rand
	i     int
	prog  Program
	words int
}

// ProgramFor returns the program a post reviews. Every 20th post reviews
// p00 (exactly 5 %, the program another benchmark edits); the others draw
// p01..p19 with a skew toward the low numbers.
func ProgramFor(i int, rng *rand.Rand) int {
	if i%20 == 0 {
		return 0
	}
	u := rng.Float64()
	return 1 + int(u*u*(programCount-1))
}

// WritePost writes post i (numbered from 1) to w. Its text depends only on
// i and the programs, never on the corpus size.
func WritePost(w *bufio.Writer, i int, programs []Program) {
	rng := rand.New(rand.NewPCG(seed, uint64(i)))
	p := &postWriter{w: w, rng: rng, i: i}
	p.prog = programs[ProgramFor(i, rng)]
	p.frontMatter()
	p.body()
}

// frontMatter writes the YAML front matter.
func (p *postWriter) frontMatter() {
	r, w := p.rng, p.w
	title := fmt.Sprintf("%s Review %d: %s %s %s", p.prog.Name(), p.i, titleCase(p.word()), p.word(), p.word())
	w.WriteString("---\ntitle: ")
	w.WriteString(strconv.Quote(title))
	w.WriteString("\ndescription: \"")
	for k := range 14 + r.IntN(8) {
		if k > 0 {
			w.WriteByte(' ')
		}
		w.WriteString(p.word())
	}
	date := dateFrom.Add(time.Duration(r.IntN(dateDays*24*60)) * time.Minute)
	fmt.Fprintf(w, ".\"\ndate: %s\ntags:\n", date.Format(time.RFC3339))
	perm := r.Perm(len(tags))
	for _, t := range perm[:2+r.IntN(3)] {
		fmt.Fprintf(w, "  - %s\n", tags[t])
	}
	fmt.Fprintf(w, "categories:\n  - %s\nprogram: %s\nslug: post-%d\n---\n\n", categories[r.IntN(len(categories))], p.prog.ID, p.i)
}

// body writes the Markdown: an intro, the disclosure, then 6–8 sections
// that carry 2 lists, a table, 5 links, 3 afflinks and a commission table.
func (p *postWriter) body() {
	r := p.rng
	target := minWords + r.IntN(wordSpan)
	sections := 6 + r.IntN(3)
	p.paragraph(40+r.IntN(30), "")
	p.w.WriteString("{{< disclosure >}}\n\n")
	last := sections - 1
	link := 0
	for s := range sections {
		p.heading(s)
		budget := (target - p.words) / (sections - s)
		start := p.words
		var insert string
		switch s {
		case 0, sections / 2, last:
			insert = p.afflink(s)
		case 1, 2, 4:
			insert = p.link(link)
			link++
		}
		p.paragraph(50+r.IntN(40), insert)
		switch s {
		case 1, last - 1:
			p.list(s == 1)
		case 2:
			p.table()
		case 3:
			fmt.Fprintf(p.w, "{{< commission-table program=%q >}}\n\n", p.prog.ID)
		}
		for p.words-start < budget-30 {
			insert = ""
			if link < 5 && (s >= 5 || s == last) {
				insert = p.link(link)
				link++
			}
			p.paragraph(min(40+r.IntN(80), max(30, budget-(p.words-start))), insert)
		}
	}
	for link < 5 {
		p.paragraph(30, p.link(link))
		link++
	}
}

// word returns a random vocabulary word.
func (p *postWriter) word() string { return words[p.rng.IntN(len(words))] }

// heading writes section s's heading: ## first, then ## or ###.
func (p *postWriter) heading(s int) {
	level := "## "
	if s > 0 && p.rng.IntN(5) < 2 {
		level = "### "
	}
	p.w.WriteString(level)
	p.words += p.phrase(3 + p.rng.IntN(4))
	p.w.WriteString("\n\n")
}

// phrase writes n words, the first capitalised, and returns n.
func (p *postWriter) phrase(n int) int {
	for k := range n {
		if k > 0 {
			p.w.WriteByte(' ')
		}
		if k == 0 {
			p.w.WriteString(titleCase(p.word()))
		} else {
			p.w.WriteString(p.word())
		}
	}
	return n
}

// paragraph writes sentences totalling about n words; insert, if any, is
// a sentence written after the first one.
func (p *postWriter) paragraph(n int, insert string) {
	written := 0
	first := true
	for written < n {
		k := min(6+p.rng.IntN(12), max(3, n-written))
		if !first {
			p.w.WriteByte(' ')
		}
		written += p.phrase(k)
		p.w.WriteByte('.')
		if first && insert != "" {
			p.w.WriteByte(' ')
			p.w.WriteString(insert)
			written += 6
		}
		first = false
	}
	p.words += written
	p.w.WriteString("\n\n")
}

// afflink returns a sentence with an afflink shortcode; after the intro
// section two in three name a plan.
func (p *postWriter) afflink(s int) string {
	plan := ""
	if s != 0 && p.rng.IntN(3) > 0 {
		pl := p.prog.Plans[p.rng.IntN(len(p.prog.Plans))]
		plan = fmt.Sprintf(" plan=%q", pl.Name)
	}
	placement := placements[p.rng.IntN(len(placements))]
	return fmt.Sprintf("You can {{< afflink program=%q placement=%q%s >}}try %s %s{{< /afflink >}} today.",
		p.prog.ID, placement, plan, p.prog.Name(), p.word())
}

// link returns a sentence with an ordinary Markdown link: odd links go to
// an earlier post (so they exist in every corpus that holds this one),
// even ones to example.org.
func (p *postWriter) link(k int) string {
	text := p.word() + " " + p.word()
	if k%2 == 1 && p.i > 1 {
		return fmt.Sprintf("See [our %s notes](/posts/post-%d/) too.", text, 1+p.rng.IntN(p.i-1))
	}
	return fmt.Sprintf("Read [the %s guide](https://example.org/%s/%s/) first.", text, p.word(), p.word())
}

// list writes a bullet list (or an ordered one) of 4–6 items.
func (p *postWriter) list(bullets bool) {
	for k := range 4 + p.rng.IntN(3) {
		if bullets {
			p.w.WriteString("- ")
		} else {
			fmt.Fprintf(p.w, "%d. ", k+1)
		}
		p.words += p.phrase(3 + p.rng.IntN(6))
		p.w.WriteByte('\n')
	}
	p.w.WriteByte('\n')
}

// table writes a GFM table comparing the program with two rivals.
func (p *postWriter) table() {
	fmt.Fprintf(p.w, "| Feature | %s | Rival A | Rival B |\n| --- | --- | :---: | ---: |\n", p.prog.Name())
	for range 4 + p.rng.IntN(3) {
		p.w.WriteString("| ")
		p.words += p.phrase(2)
		fmt.Fprintf(p.w, " | %s | %s | %d%% |\n", p.word(), p.word(), 10+p.rng.IntN(90))
		p.words += 3
	}
	p.w.WriteByte('\n')
}

// titleCase returns s with its first byte upper-cased (ASCII only).
func titleCase(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
