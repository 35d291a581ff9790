package affiliate

import "fmt"

// LinkMode says where the href of an affiliate link goes.
type LinkMode string

// Link modes.
const (
	LinkDirect  LinkMode = "direct"  // straight to the program's tracking URL
	LinkCloaked LinkMode = "cloaked" // to the site's /go/ redirect page
)

// ParseLinkMode reads a link_mode value; "" is LinkDirect.
func ParseLinkMode(s string) (LinkMode, error) {
	switch m := LinkMode(s); m {
	case "":
		return LinkDirect, nil
	case LinkDirect, LinkCloaked:
		return m, nil
	}
	return "", fmt.Errorf("link_mode must be %q or %q, not %q", LinkDirect, LinkCloaked, s)
}

// DisclosureMode says what a build does about a page whose first
// affiliate link has no disclosure before it.
type DisclosureMode string

// Disclosure modes.
const (
	DisclosureAuto    DisclosureMode = "auto"    // insert the default disclosure at the top
	DisclosureRequire DisclosureMode = "require" // fail the build
	DisclosureOff     DisclosureMode = "off"     // do nothing (affsite check still reports it)
)

// ParseDisclosureMode reads a disclosure value; "" is DisclosureAuto.
func ParseDisclosureMode(s string) (DisclosureMode, error) {
	switch m := DisclosureMode(s); m {
	case "":
		return DisclosureAuto, nil
	case DisclosureAuto, DisclosureRequire, DisclosureOff:
		return m, nil
	}
	return "", fmt.Errorf("disclosure must be %q, %q or %q, not %q", DisclosureAuto, DisclosureRequire, DisclosureOff, s)
}

// Cloaks tells whether a link to target goes through the site's redirect
// folder: in LinkCloaked mode, unless target is an Amazon link, which
// Amazon's terms forbid sending through a redirect that hides it.
func (c Config) Cloaks(target string) bool {
	return c.LinkMode == LinkCloaked && !IsAmazonURL(target)
}
