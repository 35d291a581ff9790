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
// the missing strings, each with its languages, and one listing the
// strings whose text failed, each with its languages and reason.
func (ms *Missing) Warnings() diag.List {
	var missing, failed []string
	misses := ms.Misses()
	for i := 0; i < len(misses); {
		j := i + 1
		for j < len(misses) && misses[j].ID == misses[i].ID && misses[j].Failure == misses[i].Failure {
			j++
		}
		if misses[i].Failure != "" {
			failed = append(failed, fmt.Sprintf("%q (%s): %s", misses[i].ID, strings.Join(langsOf(misses[i:j], false), ", "), misses[i].Failure))
		} else {
			missing = append(missing, fmt.Sprintf("%q (%s)", misses[i].ID, missLangs(misses[i:j])))
		}
		i = j
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

// missLangs lists the languages of one id's misses: those with nothing
// to show, then those showing the default language's text.
func missLangs(ms []Miss) string {
	none, def := langsOf(ms, false), langsOf(ms, true)
	var parts []string
	if len(none) > 0 {
		parts = append(parts, strings.Join(none, ", "))
	}
	if len(def) > 0 {
		parts = append(parts, strings.Join(def, ", ")+": the default language's text is shown")
	}
	return strings.Join(parts, "; ")
}

// langsOf lists the languages of the misses whose Fallback is fallback.
func langsOf(ms []Miss, fallback bool) []string {
	var out []string
	for _, m := range ms {
		if m.Fallback == fallback {
			out = append(out, m.Lang)
		}
	}
	return out
}
