package i18n

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/internal/plural"
)

// Miss is one string a template asked for that the language's files do
// not give.
type Miss struct {
	Lang, ID string
	// Fallback tells that the default language's text was shown (unless
	// placeholders were asked for).
	Fallback bool
	// Failure is why the text could not be made (its template failed, a
	// count is not a number), or "" when the string is missing.
	Failure string
}

// Missing gathers the strings not found in one build, so that the build
// gives one warning for them however many pages ask. It is safe for
// concurrent use; the zero value is empty.
type Missing struct {
	mu     sync.Mutex
	misses map[Miss]bool
}

// add records m; on a nil Missing it does nothing.
func (ms *Missing) add(m Miss) {
	if ms == nil {
		return
	}
	ms.mu.Lock()
	if ms.misses == nil {
		ms.misses = map[Miss]bool{}
	}
	ms.misses[m] = true
	ms.mu.Unlock()
}

// Add records the misses of another build (a build cache's, whose
// reused pages did not ask again).
func (ms *Missing) Add(misses []Miss) {
	for _, m := range misses {
		ms.add(m)
	}
}

// Misses lists what was recorded, sorted by id, the missing before the failed, and by language.
func (ms *Missing) Misses() []Miss {
	ms.mu.Lock()
	out := make([]Miss, 0, len(ms.misses))
	for m := range ms.misses {
		out = append(out, m)
	}
	ms.mu.Unlock()
	slices.SortFunc(out, func(a, b Miss) int {
		return cmp.Or(strings.Compare(a.ID, b.ID), strings.Compare(a.Failure, b.Failure), strings.Compare(a.Lang, b.Lang))
	})
	return out
}

// Warnings are the build's warnings for what was recorded: one listing
// the missing strings, one listing the strings whose text failed.
func (ms *Missing) Warnings() diag.List {
	var missing, failed []string
	var langs []string // of the missing id being listed
	misses := ms.Misses()
	for i, m := range misses {
		if m.Failure != "" {
			failed = append(failed, fmt.Sprintf("%q (%s): %s", m.ID, m.Lang, m.Failure))
			continue
		}
		langs = append(langs, missLang(m))
		if i+1 == len(misses) || misses[i+1].ID != m.ID || misses[i+1].Failure != "" {
			missing = append(missing, fmt.Sprintf("%q (%s)", m.ID, strings.Join(langs, ", ")))
			langs = nil
		}
	}
	var out diag.List
	if len(missing) > 0 {
		out = append(out, diag.Warningf("i18n", 0, 0, diag.Template, "%s missing from the string files: %s",
			plural.N(len(missing), "translation"), strings.Join(missing, ", ")))
	}
	if len(failed) > 0 {
		out = append(out, diag.Warningf("i18n", 0, 0, diag.Template, "%s could not be made, shown as empty text: %s",
			plural.N(len(failed), "translation"), strings.Join(failed, "; ")))
	}
	return out
}

// missLang is a miss's language as the warning lists it.
func missLang(m Miss) string {
	if m.Fallback {
		return m.Lang + ": the default language's text is shown"
	}
	return m.Lang
}
