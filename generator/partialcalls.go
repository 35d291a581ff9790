package generator

import (
	"bytes"
	"fmt"
	"html/template"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"text/template/parse"

	"github.com/affsite/affsite/internal/tmplwalk"
)

// maxPartialDepth is how deep partials may call partials that can call
// them back (a recursive menu, say). Each partial call is a new template
// execution, so text/template's own depth limit does not see it, and a
// partial that calls itself for ever would end in a fatal Go stack
// overflow rather than an error.
const maxPartialDepth = 100

// partialCalls tracks, for the partials that can reach themselves, the
// chain of them each goroutine is executing. A page renders on one
// goroutine from start to end and template functions get no context, so
// the goroutine is what tells one page's chain from another's. Only
// recursive partials are tracked: for the others, depth is bounded by
// the number of partials.
type partialCalls struct {
	recursive map[string]bool // partial file names ("menu.html") on a cycle
	mu        sync.Mutex
	chains    map[uint64][]string
}

// partialDepthError is the error of a partial nested too deep. It
// passes unchanged through the partials that called it, so the message
// is not wrapped once per level.
type partialDepthError struct {
	file  string   // the display path of the partial called
	chain []string // partial names, outermost first, the called one last
}

func (e *partialDepthError) Error() string {
	name := e.chain[len(e.chain)-1]
	// The cycle: from the called partial's previous call to this one.
	cycle := e.chain
	for i := len(e.chain) - 2; i >= 0; i-- {
		if e.chain[i] == name {
			cycle = e.chain[i:]
			break
		}
	}
	return fmt.Sprintf("%s: partial %q calls itself: %s (partials nest more than %d deep)",
		e.file, name, strings.Join(cycle, " → "), maxPartialDepth)
}

// enter records a call of a recursive partial on this goroutine and
// returns the function that ends it; name is the partial's file name.
func (pc *partialCalls) enter(name, display string) (func(), error) {
	id := goroutineID()
	short := strings.TrimSuffix(name, ".html")
	pc.mu.Lock()
	defer pc.mu.Unlock()
	chain := pc.chains[id]
	if len(chain) >= maxPartialDepth {
		return nil, &partialDepthError{file: display, chain: append(chain[:len(chain):len(chain)], short)}
	}
	pc.chains[id] = append(chain, short)
	return func() {
		pc.mu.Lock()
		defer pc.mu.Unlock()
		c := pc.chains[id]
		if len(c) <= 1 {
			delete(pc.chains, id)
			return
		}
		pc.chains[id] = c[:len(c)-1]
	}, nil
}

// goroutineID is the current goroutine's number, from the header of its
// stack trace ("goroutine 18 [running]:").
func goroutineID() uint64 {
	var buf [64]byte
	b := buf[:runtime.Stack(buf[:], false)]
	b = bytes.TrimPrefix(b, []byte("goroutine "))
	if i := bytes.IndexByte(b, ' '); i > 0 {
		b = b[:i]
	}
	id, _ := strconv.ParseUint(string(b), 10, 64)
	return id
}

// recursivePartials finds the partials that can call themselves,
// directly or through others. A call whose name is not a constant
// ({{ partial $name . }}) may call any partial.
func recursivePartials(partials map[string]*template.Template) map[string]bool {
	calls := map[string][]string{}
	for name, t := range partials {
		var callees []string
		dynamic := false
		for _, sub := range t.Templates() {
			if sub.Tree == nil {
				continue
			}
			walkPartialCalls(sub.Tree.Root, func(callee string) {
				if callee == "" {
					dynamic = true
					return
				}
				if !strings.HasSuffix(callee, ".html") {
					callee += ".html"
				}
				callees = append(callees, callee)
			})
		}
		if dynamic {
			callees = callees[:0]
			for n := range partials {
				callees = append(callees, n)
			}
		}
		calls[name] = callees
	}
	out := map[string]bool{}
	for name := range partials {
		// Depth-first from name's callees: is name reachable?
		seen := map[string]bool{}
		stack := append([]string(nil), calls[name]...)
		for len(stack) > 0 {
			n := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if n == name {
				out[name] = true
				break
			}
			if !seen[n] {
				seen[n] = true
				stack = append(stack, calls[n]...)
			}
		}
	}
	return out
}

// walkPartialCalls calls f with the name of every partial or
// partialCached call below n, or "" for a call whose name is computed.
func walkPartialCalls(n parse.Node, f func(name string)) {
	tmplwalk.Idents(n, func(string, string, bool) {}, f)
}
