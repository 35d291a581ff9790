package hugoshortcodes

import (
	"html/template"

	"github.com/affsite/affsite/highlight"
	"github.com/affsite/affsite/shortcodes"
)

// Page is what the Hugo shortcodes need of the page being expanded and
// of its site. The generator fills one for a page that uses one; a nil
// func is a site without that feature.
type Page struct {
	// File is the page's source path, "content/posts/x.md".
	File string
	// Refs returns the index that resolves ref and relref, built at
	// the first call (most sites have no ref, and the index of a large
	// site is sizeable).
	Refs func() *PageIndex
	// Param looks up a parameter as Hugo's .Page.Param does: the page's
	// front matter, then the site's params, ignoring case, with dotted
	// keys reaching into tables.
	Param func(key string) (any, bool)
	// Resource returns the URL of a file of the page's bundle, named
	// relative to the page, for figure's src.
	Resource func(name string) (string, bool)
	// Markdown renders Markdown as a block; Markdownify renders it inline
	// (no enclosing <p>), as the markdownify template function does.
	Markdown, Markdownify func(src string) (template.HTML, error)
	// Highlight is the site's markup.highlight configuration.
	Highlight highlight.Config
	// Privacy is the site's [privacy] configuration.
	Privacy Privacy
}

// Privacy is Hugo's [privacy] configuration, with privacy-friendly
// defaults (DefaultPrivacy), and affsite's switch for providers' scripts.
type Privacy struct {
	YouTube   struct{ Disable, PrivacyEnhanced bool }
	Vimeo     struct{ Disable, EnableDNT, Simple bool }
	X         struct{ Disable, EnableDNT, Simple bool } // also tweet and twitter
	Instagram struct{ Disable, Simple bool }
	// Scripts lets gist, tweet, x and instagram load their provider's
	// script, which turns the static card into the provider's embed
	// (and tells the provider who reads the page). Off by default.
	Scripts bool
}

// DefaultPrivacy is affsite's default: YouTube through
// youtube-nocookie.com, Vimeo and X asked not to track, no scripts.
// (Hugo's own defaults are the tracking ones.)
func DefaultPrivacy() Privacy {
	var p Privacy
	p.YouTube.PrivacyEnhanced = true
	p.Vimeo.EnableDNT = true
	p.X.EnableDNT = true
	return p
}

// Names lists the shortcodes Register adds, sorted.
func Names() []string {
	return []string{
		"details", "figure", "gist", "highlight", "instagram", "param", "qr", "ref", "relref",
		"tweet", "twitter", "twitter_simple", "vimeo", "vimeo_simple", "x", "x_simple", "youtube",
	}
}

// Register adds the Hugo shortcodes to r, each with the arguments Hugo
// reads. A build registers them once, for all its pages: pageOf gives
// the Page of the page an invocation is in, when one is used. Only the
// names keep says yes to are added (nil keeps all): the generator leaves
// out those a site has its own template for.
func Register(r *shortcodes.Registry, pageOf func(*shortcodes.Invocation) *Page, keep func(name string) bool) {
	add := func(name string, m func(*Page, *shortcodes.Invocation) error, opts ...shortcodes.Option) {
		if keep == nil || keep(name) {
			r.Add(name, func(inv *shortcodes.Invocation) error { return m(pageOf(inv), inv) }, opts...)
		}
	}
	add("details", (*Page).Details, args([]string{"summary", "open", "class", "name", "title"}, nil))
	add("figure", (*Page).Figure, args([]string{"src", "link", "target", "rel", "alt", "title", "caption",
		"class", "height", "width", "loading", "attr", "attrlink"}, nil))
	add("gist", (*Page).Gist, args(nil, []string{"user", "id", "file"}))
	add("highlight", (*Page).HighlightCode, args(nil, []string{"language", "options"}), shortcodes.RequiresInner())
	add("instagram", (*Page).Instagram, args(nil, []string{"id", "hidecaption"}))
	add("param", (*Page).ParamValue, args(nil, []string{"key"}))
	add("qr", (*Page).QR, args([]string{"text", "level", "scale", "targetDir", "alt", "class", "id", "title", "loading"}, nil))
	add("ref", (*Page).Ref, args([]string{"path", "lang", "outputFormat"}, []string{"path", "outputFormat"}))
	add("relref", (*Page).RelRef, args([]string{"path", "lang", "outputFormat"}, []string{"path", "outputFormat"}))
	for _, name := range []string{"tweet", "twitter", "x"} {
		add(name, (*Page).Post, args([]string{"user", "id"}, []string{"id"}))
		add(name+"_simple", (*Page).Post, args([]string{"user", "id"}, []string{"id"}))
	}
	add("vimeo", (*Page).Vimeo, args([]string{"id", "class", "title", "loading", "allowFullScreen"}, []string{"id", "class", "title", "loading"}))
	add("vimeo_simple", (*Page).Vimeo, args([]string{"id", "class"}, []string{"id", "class"}))
	add("youtube", (*Page).YouTube, args([]string{"id", "allowFullScreen", "autoplay", "class", "controls", "end",
		"loading", "loop", "mute", "start", "title"}, []string{"id", "class"}))
}

func args(named, positional []string) shortcodes.Option {
	return shortcodes.WithArgs(shortcodes.Args{Named: named, Positional: positional})
}

// arg returns the argument given by name, or at position pos when the
// arguments are positional (pos < 0: by name only).
func arg(inv *shortcodes.Invocation, name string, pos int) string {
	if inv.IsNamedParams() {
		v, _ := inv.Arg(name)
		return v
	}
	if pos < 0 {
		return ""
	}
	s, _ := inv.Get(pos).(string)
	return s
}

// boolArg reads a true/false argument as Hugo's templates do ("true" or
// "1" is true, "false" or "0" false); anything else is def.
func boolArg(inv *shortcodes.Invocation, name string, def bool) (bool, error) {
	v, ok := inv.Arg(name)
	if !ok || !inv.IsNamedParams() {
		return def, nil
	}
	switch v {
	case "true", "1":
		return true, nil
	case "false", "0":
		return false, nil
	}
	return def, inv.Errorf("shortcode %q: %s must be true or false, not %q", inv.Name, name, v)
}

// required returns the argument or an error naming it.
func required(inv *shortcodes.Invocation, name string, pos int) (string, error) {
	v := arg(inv, name, pos)
	if v == "" {
		switch {
		case pos < 0 || inv.IsNamedParams() && pos > 0:
			return "", inv.Errorf("shortcode %q needs %s=…", inv.Name, name)
		case pos == 0:
			return "", inv.Errorf("shortcode %q needs its %s, as the first argument or %s=…", inv.Name, name, name)
		}
		return "", inv.Errorf("shortcode %q needs its %s, as argument %d", inv.Name, name, pos+1)
	}
	return v, nil
}
