package builtins

import (
	"html/template"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/affsite/affsite/affiliate"
	"github.com/affsite/affsite/internal/suggest"
	"github.com/affsite/affsite/money"
	"github.com/affsite/affsite/programs"
	"github.com/affsite/affsite/shortcodes"
)

// PageState is the per-page state of the built-in shortcodes, which are
// its methods. The generator makes one per page with NewPageState, fills
// in the page fields, expands the page with the registry Registry(st)
// gives, and reads Links and JSONLD from it afterwards. A PageState
// belongs to one page's expansion and is not safe for concurrent use.
type PageState struct {
	Programs *programs.Set
	Config   affiliate.Config

	// The page's own fields.
	Slug, Title, Author, File string
	// Permalink is the page's absolute URL, for JSON-LD that points into
	// the page (best-of); empty when unknown.
	Permalink     string
	Date, Lastmod time.Time
	// SubIDPrefix starts every sub-id of the page's links; it must be
	// unique across the site (the generator gives the slug, or the path
	// when another page has the same slug; see SubIDPrefixes). Slug is
	// used when it is empty.
	SubIDPrefix string
	// Program is the page's front-matter "program": the default for every
	// shortcode's program= argument.
	Program string
	// FrontMatter is the page's file up to its body: its front matter as
	// written, for errors at the line of a front-matter item (best_of);
	// nil when unknown, and those errors are at the shortcode.
	FrontMatter []byte
	// AssetURL, when set, is the URL pages link the static file name
	// ("js/deal.js") by: its fingerprinted name (see ScriptURL).
	AssetURL func(name string) string

	Links  []Link        // every affiliate link the shortcodes made, in order
	JSONLD []template.JS // complete JSON-LD documents built by shortcodes (verdict)
	Used   map[string]bool

	subIDs map[string]bool // sub-ids given out on the page, to keep them unique

	// FactCache, when set, shares programs' facts between the pages of
	// a build (Facts).
	FactCache *FactCache
}

// Link is one affiliate link made by a shortcode.
type Link struct {
	Program, Plan string // ids; Plan is empty for a program-level link
	Placement     string // as given, or empty
	SubID         string // unique on the page
	URL           string // the vendor's tracking URL, also when the href is cloaked
	Line, Col     int    // of the shortcode
}

// NewPageState returns an empty PageState for a page of a site with the
// given programs and configuration.
func NewPageState(set *programs.Set, cfg affiliate.Config) *PageState {
	if set == nil {
		set = programs.NewSet()
	}
	return &PageState{
		Programs: set,
		Config:   cfg,
		Used:     make(map[string]bool),
		subIDs:   make(map[string]bool),
	}
}

// LinkData is what an affiliate anchor needs: the data of afflink and cta,
// and of the buttons in plans and verdict.
type LinkData struct {
	Href   string        // the tracking URL, or the cloaked path with ?subid=
	Rel    string        // "sponsored nofollow noopener"
	Target string        // empty for none
	Text   template.HTML // the link text (escaped, or the shortcode's inner HTML)
	SubID  string
	// Program and Plan are the ids of the link's program and plan (Plan is
	// empty for a program-level link); Name is "Program" or "Program – Plan".
	Program, Plan, Name string
}

// link makes an affiliate link to p (and plan, when not nil) for inv,
// records it in st, with the page's next sub-id (see nextSubID).
func (st *PageState) link(inv *shortcodes.Invocation, p *programs.Program, plan *programs.Plan, placement string, text template.HTML) LinkData {
	subID := st.nextSubID(placement)
	target := affiliate.TrackingURL(p, plan, st.Config, subID)
	href := target
	planID, name := "", p.Name
	if plan != nil {
		planID, name = plan.ID, p.Name+" – "+plan.Name
	}
	if st.Config.Cloaks(target) {
		// The host's redirect keeps the query string, so the sub-id
		// reaches the vendor under the program's own parameter.
		href = affiliate.CloakedPath(st.Config.BasePath, p.ID, planID) + "?" + url.QueryEscape(affiliate.SubIDParam(p)) + "=" + url.QueryEscape(subID)
	}
	st.Links = append(st.Links, Link{
		Program: p.ID, Plan: planID, Placement: placement, SubID: subID,
		URL: target, Line: inv.Line, Col: inv.Col,
	})
	if text == "" {
		text = escapeHTML(name)
	}
	return LinkData{
		Href: href, Rel: affiliate.Rel, Target: st.Config.Target, Text: text, SubID: subID,
		Program: p.ID, Plan: planID, Name: name,
	}
}

// program returns the program a shortcode names (program=, else the
// page's front-matter program), and marks it used: the start of every
// built-in that shows a program.
func (st *PageState) program(inv *shortcodes.Invocation) (*programs.Program, error) {
	id, _ := inv.Arg("program")
	if id == "" {
		id = st.Program
	}
	return st.programID(inv, id, "")
}

// programID is program for the program id, already defaulted; where
// says where the shortcode gave it (" in programs="), for the message
// of an unknown id, which suggests the closest known one or lists them.
func (st *PageState) programID(inv *shortcodes.Invocation, id, where string) (*programs.Program, error) {
	if id == "" {
		return nil, inv.Errorf("shortcode %q: missing argument program= (the page has no \"program\" in its front matter; programs: %s)",
			inv.Name, idList(st.Programs.IDs()))
	}
	p, ok := st.Programs.Get(id)
	if !ok {
		if s, ok := suggest.Closest(id, st.Programs.IDs()); ok {
			return nil, inv.Errorf("shortcode %q: unknown program %q%s (did you mean %q?)", inv.Name, id, where, s)
		}
		return nil, inv.Errorf("shortcode %q: unknown program %q%s (programs: %s)", inv.Name, id, where, idList(st.Programs.IDs()))
	}
	// A program that names no currency is shown in the site's; its amounts
	// were read with two decimals and must be exact in that currency.
	p, err := p.InCurrency(st.currency(p))
	if err != nil {
		return nil, inv.Errorf("shortcode %q: %w", inv.Name, err)
	}
	if p, err = st.withFacts(p); err != nil {
		return nil, inv.Errorf("shortcode %q: %w", inv.Name, err)
	}
	st.markUsed(p.ID)
	return p, nil
}

// markUsed records that the page shows or links program id, for the
// disclosure rule.
func (st *PageState) markUsed(id string) {
	if st.Used == nil {
		st.Used = make(map[string]bool)
	}
	st.Used[id] = true
}

// plan returns p's plan named by inv's plan= argument, nil when there is
// none.
func planArg(inv *shortcodes.Invocation, p *programs.Program) (*programs.Plan, error) {
	id, ok := inv.Arg("plan")
	if !ok {
		return nil, nil
	}
	return findPlan(inv, p, id, "plan")
}

func findPlan(inv *shortcodes.Invocation, p *programs.Program, id, what string) (*programs.Plan, error) {
	pl, ok := p.Plan(id)
	if !ok {
		return nil, inv.Errorf("shortcode %q: unknown %s %q of program %q (plans: %s)", inv.Name, what, id, p.ID, idList(p.PlanIDs()))
	}
	return pl, nil
}

func idList(ids []string) string {
	if len(ids) == 0 {
		return "none"
	}
	return strings.Join(ids, ", ")
}

// currency returns the currency amounts of p are shown in.
func (st *PageState) currency(p *programs.Program) money.Currency {
	// The program's own currency wins: its prices are in it. The site's
	// is the default for programs that name none.
	if c := p.Currency; c.Code != "" || c.Symbol != "" {
		return c.OrDefault()
	}
	if c := st.Config.Currency; c.Code != "" || c.Symbol != "" {
		return c.OrDefault()
	}
	return money.USD()
}

// checkedNote returns "Prices checked on November 1, 2026", or "" when
// the program has no date.
func checkedNote(p *programs.Program) string {
	if p.PricesChecked.IsZero() {
		return ""
	}
	return "Prices checked on " + p.PricesChecked.Format("January 2, 2006")
}

// sourceLink returns a program's source as a URL (empty when it is not
// one) and as text to print: the URL without its scheme. Templates print
// the text rather than link it, because a plain link to the vendor would
// be an affiliate-domain link without rel="sponsored".
func sourceLink(p *programs.Program) (href, text string) {
	s := strings.TrimSpace(p.Source)
	for _, scheme := range []string{"https://", "http://"} {
		if rest, ok := strings.CutPrefix(s, scheme); ok {
			return s, strings.TrimSuffix(rest, "/")
		}
	}
	return "", s
}

// joinOr joins items as "a, b or c".
func joinOr(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

// textHTML returns inv's inner HTML when it has any, else s escaped.
func textHTML(inv *shortcodes.Invocation, s string) template.HTML {
	if strings.TrimSpace(string(inv.Inner)) != "" {
		return inv.Inner
	}
	return escapeHTML(s)
}

// escapeHTML returns plain text s as HTML.
func escapeHTML(s string) template.HTML { return template.HTML(template.HTMLEscapeString(s)) }

func itoa(n int) string { return strconv.Itoa(n) }
