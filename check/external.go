package check

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"time"

	"github.com/affsite/affsite/affiliate"
)

// maxRedirects is how many redirects an external URL may go through.
const maxRedirects = 10

// externalURL is one external URL and where it appears.
type externalURL struct {
	url      string
	program  string // the affiliate program it belongs to, or ""
	refParam string // the program's referral parameter, when url has it
	at       []occurrence
}

// probe is what requesting an external URL gave.
type probe struct {
	status int
	final  string // the URL after redirects
	err    error
}

// checkExternal requests every external and affiliate URL of the site
// and reports those that fail and the redirects that lose the referral
// parameter.
func (a *auditor) checkExternal() {
	byURL := a.externalURLs()
	urls := slices.Sorted(maps.Keys(byURL))
	results := a.probeAll(urls)
	for i, u := range urls {
		e := byURL[u]
		if msg, ok := externalFinding(u, e, results[i]); ok {
			for _, o := range e.at {
				a.report(o.name, o.needle, Error, msg)
			}
		}
	}
}

// externalURLs are the http(s) URLs the pages link to outside the
// site, without their fragments, each with where it appears.
func (a *auditor) externalURLs() map[string]*externalURL {
	byURL := map[string]*externalURL{}
	for _, p := range a.pages {
		for _, l := range p.links {
			u, internal, err := a.resolve(p.name, l.href)
			if err != nil || internal || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				continue
			}
			u.Fragment = ""
			key := u.String()
			if byURL[key] == nil {
				byURL[key] = a.externalURL(u, key)
			}
			byURL[key].at = append(byURL[key].at, occurrence{name: p.name, needle: l.href})
		}
	}
	return byURL
}

// externalURL is u, spelled key, with the affiliate program it belongs
// to and the program's referral parameter when u carries it.
func (a *auditor) externalURL(u *url.URL, key string) *externalURL {
	e := &externalURL{url: key}
	id, ok := a.classifier().Program(key)
	if !ok {
		return e
	}
	e.program = id
	if prog, ok := a.progs.Get(id); ok && u.Query().Has(affiliate.RefParam(prog)) {
		e.refParam = affiliate.RefParam(prog)
	}
	return e
}

// probeAll requests urls, --concurrency (8 by default) at a time, and
// returns what each gave, in the same order.
func (a *auditor) probeAll(urls []string) []probe {
	results := make([]probe, len(urls))
	conc := a.opts.Concurrency
	if conc <= 0 {
		conc = 8
	}
	client := a.client()
	sem := make(chan struct{}, conc)
	var wg sync.WaitGroup
	for i, u := range urls {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			results[i] = a.probe(client, u)
		}()
	}
	wg.Wait()
	return results
}

// externalFinding words what is wrong with external URL u, e, given
// what requesting it gave: an error, an error status (after redirects),
// or a redirect that drops the referral parameter.
func externalFinding(u string, e *externalURL, res probe) (string, bool) {
	switch {
	case res.err != nil:
		return fmt.Sprintf("%s: %v", u, res.err), true
	case res.status >= 400 && res.final != u:
		return fmt.Sprintf("%s redirects to %s, which returns %d %s", u, res.final, res.status, http.StatusText(res.status)), true
	case res.status >= 400:
		return fmt.Sprintf("%s returns %d %s", u, res.status, http.StatusText(res.status)), true
	case e.refParam != "" && !hasParam(res.final, e.refParam):
		return fmt.Sprintf("%s redirects to %s, which drops the referral parameter %q", u, res.final, e.refParam), true
	}
	return "", false
}

func hasParam(raw, param string) bool {
	u, err := url.Parse(raw)
	return err == nil && u.Query().Get(param) != ""
}

// client returns the HTTP client with redirects turned off, so that
// probe can follow them one at a time.
func (a *auditor) client() *http.Client {
	c := &http.Client{Timeout: 10 * time.Second}
	if a.opts.Client != nil {
		cp := *a.opts.Client
		c = &cp
		if c.Timeout == 0 {
			c.Timeout = 10 * time.Second
		}
	}
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return c
}

// probe follows raw through its redirects and returns the last status.
func (a *auditor) probe(c *http.Client, raw string) probe {
	cur := raw
	for hop := 0; hop <= maxRedirects; hop++ {
		status, loc, err := a.request(c, cur)
		if err != nil {
			return probe{final: cur, err: err}
		}
		if status < 300 || status >= 400 || loc == "" {
			return probe{status: status, final: cur}
		}
		base, _ := url.Parse(cur)
		next, err := base.Parse(loc)
		if err != nil {
			return probe{final: cur, err: fmt.Errorf("bad redirect location %q", loc)}
		}
		cur = next.String()
	}
	return probe{final: cur, err: errors.New("too many redirects")}
}

// request sends HEAD, or GET when the server does not allow HEAD, and
// retries network errors, 429 and 5xx with exponential backoff.
func (a *auditor) request(c *http.Client, u string) (status int, location string, err error) {
	retries := a.opts.Retries
	if retries <= 0 {
		retries = 2
	}
	backoff := a.opts.Backoff
	if backoff <= 0 {
		backoff = 500 * time.Millisecond
	}
	for attempt := 0; ; attempt++ {
		status, location, err = a.send(c, http.MethodHead, u)
		if err == nil && (status == http.StatusMethodNotAllowed || status == http.StatusNotImplemented) {
			status, location, err = a.send(c, http.MethodGet, u)
		}
		transient := err != nil || status == http.StatusTooManyRequests || status >= 500
		if !transient || attempt >= retries {
			return status, location, err
		}
		time.Sleep(backoff << attempt)
	}
}

func (a *auditor) send(c *http.Client, method, u string) (int, string, error) {
	req, err := http.NewRequest(method, u, nil)
	if err != nil {
		return 0, "", err
	}
	req.Header.Set("User-Agent", "affsite-check (+https://github.com/affsite/affsite)")
	resp, err := c.Do(req)
	if err != nil {
		var uerr *url.Error
		if errors.As(err, &uerr) {
			err = uerr.Err
		}
		return 0, "", err
	}
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	return resp.StatusCode, resp.Header.Get("Location"), nil
}
