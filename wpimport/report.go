package wpimport

import (
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
)

// Report is what an import did, and what it could not do.
type Report struct {
	Posts, Pages, Drafts, Attachments, MenuItems, Comments int
	Skipped                                                map[string]int // other post types
	Blocks                                                 map[string]map[string]int
	Shortcodes                                             map[string]map[string]int
	Raw                                                    map[string]int // elements kept as HTML
	Notes                                                  map[string][]string
	LinksImported                                          []string
	Unclassified                                           []string
	LinkShortcodes, LinkKeptMarkdown, HostLinks, IDLinks   int
	SEODescriptions, SrcsetDropped, MediaCopied            int
	SrcsetRewritten                                        int
	PlainPermalinks                                        int
	MenuEntries, Redirects                                 int
	Permalinks                                             []string // old paths kept
	External                                               map[string]bool
	MissingMedia                                           map[string]bool
}

func newReport() *Report {
	return &Report{Skipped: map[string]int{}, Blocks: map[string]map[string]int{}, Shortcodes: map[string]map[string]int{},
		Raw: map[string]int{}, Notes: map[string][]string{}, External: map[string]bool{}, MissingMedia: map[string]bool{}}
}

func (r *Report) block(name, how string) {
	if r.Blocks[name] == nil {
		r.Blocks[name] = map[string]int{}
	}
	r.Blocks[name][how]++
}

func (r *Report) shortcode(name, how string) {
	if r.Shortcodes[name] == nil {
		r.Shortcodes[name] = map[string]int{}
	}
	r.Shortcodes[name][how]++
}

func (r *Report) skip(typ string)       { r.Skipped[typ]++ }
func (r *Report) note(file, msg string) { r.Notes[file] = append(r.Notes[file], msg) }
func (r *Report) unclassified(file string, line int, msg string) {
	r.Unclassified = append(r.Unclassified, fmt.Sprintf("%s:%d: %s", file, line, msg))
}

// Summary is the few lines the command prints.
func (r *Report) Summary() string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "imported %d posts and %d pages (%d drafts), %d cloaked links, %d menu entries; %d media files copied\n",
		r.Posts, r.Pages, r.Drafts, len(r.LinksImported), r.MenuEntries, r.MediaCopied)
	fmt.Fprintf(&sb, "%d content links became link shortcodes, %d ?p= links were rewritten, %d old permalinks kept, %d 301 redirects\n",
		r.LinkShortcodes, r.IDLinks, len(r.Permalinks), r.Redirects)
	var attention int
	for _, ns := range r.Notes {
		attention += len(ns)
	}
	attention += len(r.Unclassified) + len(r.MissingMedia)
	fmt.Fprintf(&sb, "not imported: %d comments, %d attachment pages; %d findings to review in import-report.md\n",
		r.Comments, r.Attachments, attention)
	return sb.String()
}

// write writes the report as Markdown.
func (r *Report) write(file string, opts Options) error {
	var sb strings.Builder
	sb.WriteString("# WordPress import report\n\n")
	fmt.Fprintf(&sb, "From `%s`", opts.Export)
	for _, l := range opts.Links {
		fmt.Fprintf(&sb, ", `%s`", l)
	}
	sb.WriteString(".\n")
	for _, section := range []func(*strings.Builder){
		r.writeSummary, r.writeConversions, r.writeLinks, r.writePermalinks, r.writeMedia, r.writeNotImported,
	} {
		section(&sb)
	}
	return os.WriteFile(file, []byte(sb.String()), 0o644)
}

// writeSummary writes the summary and the item types skipped.
func (r *Report) writeSummary(sb *strings.Builder) {
	sb.WriteString("\n## Summary\n\n")
	for _, line := range strings.Split(strings.TrimSpace(r.Summary()), "\n") {
		sb.WriteString("- " + line + "\n")
	}
	if r.SEODescriptions > 0 {
		fmt.Fprintf(sb, "- %d SEO descriptions (Yoast, Rank Math, AIOSEO) used as description\n", r.SEODescriptions)
	}
	if len(r.Skipped) > 0 {
		sb.WriteString("\n## Skipped item types\n\n")
		for _, k := range slices.Sorted(maps.Keys(r.Skipped)) {
			fmt.Fprintf(sb, "- %s: %d\n", k, r.Skipped[k])
		}
	}
}

// writeConversions writes what became of the blocks, the shortcodes and
// the HTML elements.
func (r *Report) writeConversions(sb *strings.Builder) {
	writeCountTable(sb, "Gutenberg blocks", r.Blocks)
	writeCountTable(sb, "WordPress shortcodes", r.Shortcodes)
	if len(r.Raw) > 0 {
		sb.WriteString("\n## Kept as raw HTML\n\n")
		for _, k := range slices.Sorted(maps.Keys(r.Raw)) {
			fmt.Fprintf(sb, "- <%s>: %d\n", k, r.Raw[k])
		}
	}
}

// writeCountTable writes a section of name, result and count rows, when
// m has any.
func writeCountTable(sb *strings.Builder, title string, m map[string]map[string]int) {
	if len(m) == 0 {
		return
	}
	sb.WriteString("\n## " + title + "\n\n| name | result | count |\n| --- | --- | --- |\n")
	for _, k := range slices.Sorted(maps.Keys(m)) {
		for _, how := range slices.Sorted(maps.Keys(m[k])) {
			fmt.Fprintf(sb, "| %s | %s | %d |\n", k, how, m[k][how])
		}
	}
}

// writeLinks writes the affiliate links imported and found in content.
func (r *Report) writeLinks(sb *strings.Builder) {
	sb.WriteString("\n## Affiliate links\n\n")
	fmt.Fprintf(sb, "- %d links imported into data/links/imported.yaml\n", len(r.LinksImported))
	fmt.Fprintf(sb, "- %d content links to a cloaked path or destination became link shortcodes\n", r.LinkShortcodes)
	if r.LinkKeptMarkdown > 0 {
		fmt.Fprintf(sb, "- %d links around images or markup kept as Markdown links (the build marks them sponsored)\n", r.LinkKeptMarkdown)
	}
	if r.HostLinks > 0 {
		fmt.Fprintf(sb, "- %d links to a registry destination's host, other page: kept as they are (the build marks them sponsored)\n", r.HostLinks)
	}
	for _, l := range r.LinksImported {
		sb.WriteString("  - " + l + "\n")
	}
	if len(r.Unclassified) > 0 {
		sb.WriteString("\n### Links not classified\n\n")
		for _, u := range r.Unclassified {
			sb.WriteString("- " + u + "\n")
		}
	}
}

// writePermalinks writes what became of the old paths.
func (r *Report) writePermalinks(sb *strings.Builder) {
	sb.WriteString("\n## Permalinks\n\n")
	fmt.Fprintf(sb, "%d old paths are the new pages' paths (url front matter) or aliases.\n", len(r.Permalinks))
	if r.PlainPermalinks > 0 {
		fmt.Fprintf(sb, "\n%d items had plain permalinks (?p=ID): a static host cannot redirect those; links inside the site were rewritten.\n", r.PlainPermalinks)
	}
	if r.Redirects > 0 {
		fmt.Fprintf(sb, "\n%d permanent (301) redirects in static/_redirects: old paths of section pages, category archives (/category/SLUG/ to /categories/NAME/) and tag archives (/tag/SLUG/ to /tags/NAME/).\n", r.Redirects)
	}
	sb.WriteString("\nNot redirected: other WordPress archives (/author/NAME/, date archives, /feed/, archive pages /page/N/); affsite's are /categories/NAME/ and /tags/NAME/.\n")
}

// writeMedia writes what became of the uploads.
func (r *Report) writeMedia(sb *strings.Builder) {
	sb.WriteString("\n## Media\n\n")
	fmt.Fprintf(sb, "- %d files copied into static/wp-content/uploads/\n", r.MediaCopied)
	if r.SrcsetRewritten > 0 {
		fmt.Fprintf(sb, "- %d srcset attributes rewritten to the copied files (images with one kept as HTML)\n", r.SrcsetRewritten)
	}
	if r.SrcsetDropped > 0 {
		fmt.Fprintf(sb, "- %d srcset attributes dropped (no --uploads, or none of their files in it; the src image is kept)\n", r.SrcsetDropped)
	}
	for _, k := range slices.Sorted(maps.Keys(r.MissingMedia)) {
		sb.WriteString("- missing from --uploads: " + k + "\n")
	}
	if len(r.External) > 0 {
		fmt.Fprintf(sb, "- %d media URLs left pointing at the old site (no --uploads):\n", len(r.External))
		for _, k := range slices.Sorted(maps.Keys(r.External)) {
			sb.WriteString("  - " + k + "\n")
		}
	}
}

// writeNotImported writes what was left out, and the notes per file.
func (r *Report) writeNotImported(sb *strings.Builder) {
	sb.WriteString("\n## Not imported\n\n")
	fmt.Fprintf(sb, "- comments: %d\n- attachment pages: %d\n", r.Comments, r.Attachments)
	if r.MenuItems > r.MenuEntries {
		fmt.Fprintf(sb, "- menu items: %d of %d (see site.toml below)\n", r.MenuItems-r.MenuEntries, r.MenuItems)
	}
	if len(r.Notes) > 0 {
		sb.WriteString("\n## Per file\n\n")
		for _, f := range slices.Sorted(maps.Keys(r.Notes)) {
			sb.WriteString("- " + f + "\n")
			for _, n := range r.Notes[f] {
				sb.WriteString("  - " + n + "\n")
			}
		}
	}
}
