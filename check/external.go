package check

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"sync"
	"time"
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
	byURL := map[string]*externalURL{}
	for _, p := range a.pages {
		for _, l := range p.links {
			u, internal, err := a.resolve(p.name, l.href)
			if err != nil || internal || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				continue
			}
			u.Fragment = ""
			key := u.String()
			e := byURL[key]
			if e == nil {
				e = &externalURL{url: key}
				if id, ok := a.classifier().Program(key); ok {
					e.program = id
					if prog, ok := a.progs.Get(id); ok {
						rp := prog.RefParam
						if rp == "" {
							rp = "ref"
						}
						if u.Query().Has(rp) {
							e.refParam = rp
						}
					}
				}
				byURL[key] = e
			}
			e.at = append(e.at, occurrence{name: p.name, needle: l.href})
		}
	}
	urls := make([]string, 0, len(byURL))
	for k := range byURL {
		urls = append(urls, k)
	}
	sort.Strings(urls)
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
	for i, u := range urls {
		e, res := byURL[u], results[i]
		var msg string
		switch {
		case res.err != nil:
			msg = fmt.Sprintf("%s: %v", u, res.err)
		case res.status >= 400:
			msg = fmt.Sprintf("%s returns %d %s", u, res.status, http.StatusText(res.status))
			if res.final != u {
				msg = fmt.Sprintf("%s redirects to %s, which returns %d %s", u, res.final, res.status, http.StatusText(res.status))
			}
		case e.refParam != "" && !hasParam(res.final, e.refParam):
			msg = fmt.Sprintf("%s redirects to %s, which drops the referral parameter %q", u, res.final, e.refParam)
		default:
			continue
		}
		for _, o := range e.at {
			a.report(o.name, o.needle, Error, msg)
		}
	}
	a.flush()
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
