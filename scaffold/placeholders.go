package scaffold

// Placeholder is text a new site, review or program file starts with
// that its author is meant to replace. `affsite check` reports each one
// left in place (an error with --strict), so a site of placeholders does
// not go live unnoticed.
type Placeholder struct {
	// Text is the placeholder as the templates write it.
	Text string
	// Message says what it stands for and what to do instead.
	Message string
}

// PlaceholderBaseURL is the baseURL a new site's site.toml starts with:
// under .example, a name reserved for examples (RFC 2606), so that it is
// never a real site's address.
const PlaceholderBaseURL = "https://your-site.example/"

// Placeholders returns the placeholders the templates write; a test
// checks that each is in them. The referral id the templates write
// (YOUR-AFFILIATE-ID) is not among them: referral ids have their own
// rule, affiliate.PlaceholderRefID, an error in check and a warning in
// the build, for every program whose links would carry one.
func Placeholders() []Placeholder {
	return []Placeholder{
		{"Your Name", `"Your Name" is a placeholder: set your name`},
		{"Replace this with your verdict", "the verdict is still the placeholder text: write your own"},
		{"Write your introduction here", "the introduction is still the placeholder text: write your own"},
		{"Write this page here", "the page is still the placeholder text: write your own"},
		{" does and who it is for.", "the program's description is still the placeholder `affsite new program` wrote: describe the product, and check every figure of the file against the program's terms"},
		{PlaceholderBaseURL, "baseURL is still the placeholder " + PlaceholderBaseURL + ": set it to the address the site is published at (the deploy recipes pass --baseURL; check does not)"},
	}
}
