package builtins

import (
	"html/template"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/affsite/affsite/programs"
	"github.com/affsite/affsite/shortcodes"
)

// Pick is one recommended program as the best-of and top-pick boxes show
// it: its picture, rating, lowest price and tracked button, all from
// its data.
type Pick struct {
	ID, Program string // the program's id and name
	// Image is the src of its logo or picture (image: in its data, below
	// the base path when it is a site path), empty for none; Initial is
	// the first letter of its name, for a placeholder.
	Image, Initial string
	// Score is its rating ("4.5", empty without one), Stars its stars
	// out of five, to the half star (see stars), and RatingLabel "Rated
	// 4.5 out of 5", what screen readers read instead of both.
	Score       string
	Stars       template.HTML
	RatingLabel string
	// Price is the lowest price as the fact shortcode prints
	// lowest_price ("$47.88/year": the lowest per month, with its own
	// period); empty for a program without a paid plan, or on Amazon,
	// whose prices a static page may not show without an hourly "as of"
	// time. PerMonth is what Price costs a month ("$3.99/month") when
	// Price is for a longer period, as lowest_price.per_month prints it;
	// empty otherwise.
	Price, PerMonth string
	// Checked is prices_checked as readers see it ("November 1, 2026")
	// and CheckedISO as a date; both empty without one.
	Checked, CheckedISO string
	Button              LinkData // the tracked sign-up link
}

// pickOf returns p's Pick for inv, its button tracked with placement and
// labelled text: text= with {program} standing for the name, else "Try
// Program".
func (st *PageState) pickOf(inv *shortcodes.Invocation, p *programs.Program, placement string) (Pick, error) {
	k := Pick{ID: p.ID, Program: p.Name, Image: imageSrc(st.Config.BasePath, p.Image)}
	if r, _ := utf8.DecodeRuneInString(p.Name); r != utf8.RuneError {
		k.Initial = string(unicode.ToUpper(r))
	}
	if p.Rating != "" {
		// programs.Load has checked it is a number from 0 to 5.
		v, _ := strconv.ParseFloat(p.Rating, 64)
		k.Score, k.Stars, k.RatingLabel = p.Rating, stars(v, 5), "Rated "+p.Rating+" out of 5"
	}
	if lo, paid := p.LowestPrice(); paid && pricesShown(p) {
		price, err := st.FactText(p, "lowest_price")
		if err != nil {
			return k, inv.Errorf("shortcode %q: %v", inv.Name, err)
		}
		k.Price = price
		if lo.Months > 1 {
			k.PerMonth, _ = st.FactText(p, "lowest_price.per_month")
		}
	}
	if !p.PricesChecked.IsZero() {
		k.Checked = p.PricesChecked.Format("January 2, 2006")
		k.CheckedISO = p.PricesChecked.Format("2006-01-02")
	}
	text, _ := inv.Arg("text")
	if strings.TrimSpace(text) == "" {
		text = "Try {program}"
	}
	k.Button = st.link(inv, p, nil, placement, escapeHTML(strings.ReplaceAll(text, "{program}", p.Name)))
	return k, nil
}

// stars returns the stars of rating out of best, rounded down to a half
// star so that they never overstate the score: "★★★★☆" for 4.4 of 5,
// and for 4.5 four stars and a half one, a ☆ with a ★ over its left
// half (class star-half; the theme's style.css draws it). Without the
// stylesheet the half star reads as an empty one. Templates hide the
// stars from screen readers (aria-hidden) and give the score in words.
func stars(rating float64, best int) template.HTML {
	halves := min(max(int(math.Floor(rating*2)), 0), 2*best)
	full, half := halves/2, halves%2
	s := strings.Repeat("★", full)
	if half == 1 {
		s += `<span class="star-half">☆</span>`
	}
	return template.HTML(s + strings.Repeat("☆", best-full-half))
}

// imageSrc is the src of a program's image: a site path ("/images/a.png")
// below the base path, a URL or a file of the page bundle as written.
func imageSrc(basePath, image string) string {
	image = strings.TrimSpace(image)
	if strings.HasPrefix(image, "/") && !strings.HasPrefix(image, "//") {
		return strings.TrimSuffix(basePath, "/") + image
	}
	return image
}

// placementArg is placement=, else def.
func placementArg(inv *shortcodes.Invocation, def string) string {
	if p, _ := inv.Arg("placement"); strings.TrimSpace(p) != "" {
		return strings.TrimSpace(p)
	}
	return def
}
