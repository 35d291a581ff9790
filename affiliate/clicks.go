package affiliate

import (
	"bytes"
	"fmt"

	"golang.org/x/net/html"
)

// Click-event tools that the click script can report to, as site.toml's
// [affiliate] click_events names them.
const (
	ClicksPlausible = "plausible"
	ClicksUmami     = "umami"
	ClicksGA4       = "ga4"
)

// ClickScript is the theme's click-event script, below the base path.
const ClickScript = "js/aff-clicks.js"

// normalizeClicks checks click_events and fills in the event name: GA4
// recommends snake_case event names, Plausible and Umami show theirs as
// written.
func (c *Config) normalizeClicks() error {
	switch c.ClickEvents {
	case "":
		if c.ClickEventName != "" {
			return fmt.Errorf("[affiliate] click_event_name needs click_events = %q, %q or %q", ClicksPlausible, ClicksUmami, ClicksGA4)
		}
		return nil
	case ClicksPlausible, ClicksUmami:
		if c.ClickEventName == "" {
			c.ClickEventName = "Affiliate Click"
		}
	case ClicksGA4:
		if c.ClickEventName == "" {
			c.ClickEventName = "affiliate_click"
		}
	default:
		return fmt.Errorf("[affiliate] click_events must be %q, %q or %q, not %q", ClicksPlausible, ClicksUmami, ClicksGA4, c.ClickEvents)
	}
	return nil
}

// ClickData is what the data attributes of an affiliate anchor say, for
// the click script and for anyone's analytics: data-aff-program,
// data-aff-plan, data-aff-placement and data-aff-subid (empty ones are
// left out).
type ClickData struct {
	Program, Plan, Placement, SubID string
}

// AddClickData sets the data-aff-* attributes of every affiliate <a> and
// <area> start tag of b (those whose href classify accepts), from what
// data tells of the anchor; other markup is copied as it is. It returns
// b itself when there is no affiliate anchor.
func AddClickData(b []byte, classify func(href string) (string, bool), data func(program, href string) ClickData) []byte {
	return editAnchors(b, classify, clickEdit(data))
}

// AddClickDataAt is AddClickData for a document Scan read already
// (found is what Scan found in b itself): only the start tags of its
// anchors are read again, not the whole document, and the result is the
// same.
func AddClickDataAt(b []byte, found Found, data func(program, href string) ClickData) []byte {
	return WriteClickDataAt(new(bytes.Buffer), b, found, data)
}

// WriteClickDataAt is AddClickDataAt that writes the result to w (a
// build's pooled buffer) rather than to new memory, and returns
// w.Bytes(); it returns b itself, w untouched, when there is no anchor.
func WriteClickDataAt(w *bytes.Buffer, b []byte, found Found, data func(program, href string) ClickData) []byte {
	return editAnchorsAt(w, b, found, clickEdit(data))
}

// clickEdit is the edit of AddClickData: the data attributes data gives
// an anchor, set on its attributes.
func clickEdit(data func(program, href string) ClickData) func(attrs []html.Attribute, program, href string) []html.Attribute {
	return func(attrs []html.Attribute, program, href string) []html.Attribute {
		d := data(program, href)
		for _, kv := range [][2]string{
			{"data-aff-program", d.Program}, {"data-aff-plan", d.Plan},
			{"data-aff-placement", d.Placement}, {"data-aff-subid", d.SubID},
		} {
			if kv[1] != "" {
				attrs = setAttr(attrs, kv[0], kv[1])
			}
		}
		return attrs
	}
}

func setAttr(attrs []html.Attribute, key, val string) []html.Attribute {
	for i := range attrs {
		if attrs[i].Key == key {
			attrs[i].Val = val
			return attrs
		}
	}
	return append(attrs, html.Attribute{Key: key, Val: val})
}
