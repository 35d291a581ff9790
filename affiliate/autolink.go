package affiliate

import (
	"fmt"
	"strings"
)

// DefaultAutoLinkMax is how many mentions of a phrase on a page become
// links when neither the phrase nor auto_link_max says.
const DefaultAutoLinkMax = 1

// AutoLink is one [[affiliate.auto_links]] entry of site.toml: a phrase
// whose first mentions on a page become tracked affiliate links (placement
// "auto") to a program, one of its plans, or an entry of the links
// registry.
type AutoLink struct {
	Phrase  string `toml:"phrase"`
	Program string `toml:"program"`
	Plan    string `toml:"plan"`
	Link    string `toml:"link"` // an id of data/links, instead of program
	// Max is how many mentions on a page are linked; 0 means the
	// [affiliate] auto_link_max.
	Max int `toml:"max"`
}

// AutoLinkPlacement is the placement (and sub-id tail) of keyword
// auto-links.
const AutoLinkPlacement = "auto"

// normalizeAutoLinks checks the auto_links entries that can be checked
// without the program data (which the build checks them against), and
// fills in each one's Max.
func (c *Config) normalizeAutoLinks() error {
	if c.AutoLinkMax < 0 {
		return fmt.Errorf("[affiliate] auto_link_max must be 0 or more, not %d", c.AutoLinkMax)
	}
	if c.AutoLinkMax == 0 {
		c.AutoLinkMax = DefaultAutoLinkMax
	}
	seen := map[string]int{}
	for i := range c.AutoLinks {
		a := &c.AutoLinks[i]
		where := fmt.Sprintf("[[affiliate.auto_links]] %d", i+1)
		a.Phrase = strings.TrimSpace(a.Phrase)
		switch {
		case a.Phrase == "":
			return fmt.Errorf("%s: phrase is empty", where)
		case a.Program == "" && a.Link == "":
			return fmt.Errorf("%s (%q): give program = \"id\" or link = \"id\" (of data/links)", where, a.Phrase)
		case a.Program != "" && a.Link != "":
			return fmt.Errorf("%s (%q): give program or link, not both", where, a.Phrase)
		case a.Plan != "" && a.Program == "":
			return fmt.Errorf("%s (%q): plan needs program", where, a.Phrase)
		case a.Max < 0:
			return fmt.Errorf("%s (%q): max must be 0 or more, not %d", where, a.Phrase, a.Max)
		}
		if j, dup := seen[strings.ToLower(a.Phrase)]; dup {
			return fmt.Errorf("%s: phrase %q is also entry %d", where, a.Phrase, j)
		}
		seen[strings.ToLower(a.Phrase)] = i + 1
		if a.Max == 0 {
			a.Max = c.AutoLinkMax
		}
	}
	return nil
}
