package builtins

import (
	"sync"

	"github.com/affsite/affsite/money"
	"github.com/affsite/affsite/programs"
)

// FactCache keeps the facts of the programs of a build, for its pages to
// share: a program's facts are the same on every page that shows it in
// one currency, and working them out for each page (every program card
// and view does) was a tenth of a build's CPU. A zero FactCache is not
// usable; make one with NewFactCache. It is safe for concurrent use.
type FactCache struct {
	mu     sync.Mutex
	m      map[factKey]map[string]string
	tables map[factKey]*CommissionTableData // with their markup, shared as they are
}

// factKey names a program's facts: its set (a reloaded set's programs
// are other keys), its id and the currency they are shown in.
type factKey struct {
	set *programs.Set
	id  string
	cur money.Currency
}

// NewFactCache returns an empty cache.
func NewFactCache() *FactCache {
	return &FactCache{m: map[factKey]map[string]string{}, tables: map[factKey]*CommissionTableData{}}
}

// get returns the facts of k, made by make the first time.
func (c *FactCache) get(k factKey, make func() map[string]string) map[string]string {
	c.mu.Lock()
	f, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return f
	}
	f = make()
	c.mu.Lock()
	c.m[k] = f
	c.mu.Unlock()
	return f
}

// table is the commission table kept for k; false without one, or
// when c is nil (no cache).
func (c *FactCache) table(k factKey) (*CommissionTableData, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	d, ok := c.tables[k]
	return d, ok
}

// keepTable keeps d, the commission table of k, with its markup written
// once for every page that shows it; nothing when c is nil.
func (c *FactCache) keepTable(k factKey, d *CommissionTableData) {
	if c == nil {
		return
	}
	d.html = d.render()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.tables[k] = d
}
