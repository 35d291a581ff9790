// Package check audits a built site: links, anchors, disclosures, program
// data, SEO basics.
//
// Run builds the site in memory, as affsite build would, and looks at the
// result: every HTML file is parsed, its links resolved against the other
// files, and each finding mapped back to the content file (and its line
// and column) that made it when there is one.
package check

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/generator"
	"github.com/affsite/affsite/internal/plural"
)

// Options says what to check.
type Options struct {
	// Source is the site's root folder; default ".".
	Source string
	// BaseURL overrides the site's baseURL; Drafts, Future and Expired
	// check the pages a build leaves out by default, as the build flags
	// of the same names include them.
	BaseURL                 string
	Drafts, Future, Expired bool
	// Environment selects the configuration's config/<environment>/
	// folder, as the build's option of that name; default "production".
	Environment string
	// HostDefault is the host whose files the build checks when site.toml
	// names none, as the build's option of that name.
	HostDefault string
	// External checks external and affiliate URLs over the network.
	External bool
	// Strict turns stale program prices and placeholders left from
	// `affsite new` from warnings into errors.
	Strict bool
	// Now is the date stale prices are judged against; default time.Now().
	Now time.Time
	// Client makes the external requests; default an http.Client with a
	// 10 s timeout. Its CheckRedirect is not used: redirects are followed
	// by hand so that every hop can be inspected.
	Client *http.Client
	// Retries is how many times a failed external request is retried;
	// default 2. Backoff is the wait before the first retry, doubled for
	// each next one; default 500 ms.
	Retries int
	Backoff time.Duration
	// Concurrency is how many external requests run at once; default 8.
	Concurrency int
	// Rules are checks of the caller's own, run after the built-in ones
	// (see Rule).
	Rules []Rule
}

// Level says how bad a finding is.
type Level = diag.Severity

// Levels of findings. Only errors make a check fail.
const (
	Error   = diag.Error
	Warning = diag.Warning
)

// Finding is one problem, at a file, line and column of the site (a content or
// data file when one is to blame, else a built file under public/): the
// build's own diagnostics and check's, one type.
type Finding = diag.Diagnostic

// Result is what a check found, sorted by file, line and message.
type Result struct {
	Findings []Finding
	// BuildFailed is true when the site did not build; the build's errors
	// are then the findings, and nothing else was checked.
	BuildFailed bool
}

// Errors counts the findings of level error.
func (r *Result) Errors() int { return r.count(Error) }

// Warnings counts the findings of level warning.
func (r *Result) Warnings() int { return r.count(Warning) }

func (r *Result) count(l Level) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == l {
			n++
		}
	}
	return n
}

// WriteText writes one finding a line and a summary line ("2 errors,
// 3 warnings").
func (r *Result) WriteText(w io.Writer) error {
	var sb strings.Builder
	for _, f := range r.Findings {
		sb.WriteString(f.String())
		sb.WriteByte('\n')
	}
	fmt.Fprintf(&sb, "%s, %s\n", plural.N(r.Errors(), "error"), plural.N(r.Warnings(), "warning"))
	_, err := io.WriteString(w, sb.String())
	return err
}

// WriteJSON writes the findings as a JSON array of {file, line, col,
// level, code, message} (col and code left out when unknown), for CI
// annotations.
func (r *Result) WriteJSON(w io.Writer) error {
	fs := r.Findings
	if fs == nil {
		fs = []Finding{}
	}
	b, err := json.MarshalIndent(fs, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// Run builds the site in memory and checks it. The error is for a site
// that cannot be checked at all (no such folder); a site that fails to
// build gives a Result whose findings are the build's errors.
func Run(opts Options) (*Result, error) {
	opts = opts.withDefaults()
	// A missing site is the caller's error, not a finding about the site.
	if err := generator.CheckSource(opts.Source); err != nil {
		return nil, err
	}
	mem := generator.NewMemOutput()
	rep, err := generator.Build(opts.buildOptions(mem))
	if err != nil {
		r := &Result{Findings: diag.Of(err), BuildFailed: true}
		r.sort()
		return r, nil
	}
	a := newAuditor(opts, rep.Config, rep.Programs, rep, mem)
	a.addBuildWarnings()
	a.audit()
	r := &Result{Findings: a.findings}
	r.sort()
	return r, nil
}

// withDefaults fills in the current folder and the time now.
func (opts Options) withDefaults() Options {
	if opts.Source == "" {
		opts.Source = "."
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	return opts
}

// buildOptions are the options of the build that check audits, into mem.
func (opts Options) buildOptions(mem *generator.MemOutput) generator.Options {
	return generator.Options{
		Source: opts.Source, Output: mem, Now: opts.Now, BaseURL: opts.BaseURL,
		Drafts: opts.Drafts, Future: opts.Future, Expired: opts.Expired, Environment: opts.Environment,
		HostDefault: opts.HostDefault,
	}
}

// addBuildWarnings takes the build's warnings in as findings.
func (a *auditor) addBuildWarnings() {
	for _, w := range a.rep.Warnings {
		switch w.Code {
		case diag.Sponsored:
			continue // reported as an error by checkAffiliate
		case diag.RefID:
			continue // reported once, at the program's ref_id line, by checkRefIDs
		}
		a.findings = append(a.findings, w)
	}
}

// audit runs the checks in their order, the external one only with
// --external (run).
func (a *auditor) audit() {
	checks := []func(){a.parsePages, a.checkLinks, a.checkAffiliate, a.checkRules, a.checkPrograms,
		a.checkDeals, a.checkAmazonPrices, a.checkSEO, a.checkReviewMarkup, a.checkPlaceholders, a.checkCustom}
	if a.opts.External {
		checks = append(checks, a.checkExternal)
	}
	a.run(checks...)
}

// run runs checks in turn and places each one's findings about built
// files (flush) when it is done, so that no check has to remember to.
func (a *auditor) run(checks ...func()) {
	for _, check := range checks {
		check()
		a.flush()
	}
}

// sort orders the findings by file, line and message and drops exact
// duplicates.
func (r *Result) sort() {
	l := diag.List(r.Findings)
	l.Sort()
	r.Findings = l
}
