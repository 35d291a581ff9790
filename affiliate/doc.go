// Package affiliate is the one home of affsite's affiliate rules: what
// makes a link an affiliate link (Classifier), the rel value such a link
// carries (Rel), the link and disclosure modes of site.toml's
// [affiliate] table (Config), how a tracking URL and a cloaked /go/ path
// are built, and the scan of HTML that finds affiliate anchors and the
// disclosure before them (Scan), with the rewrite that gives an anchor
// its rel (RewriteAnchors). The build, affsite check and the built-in
// shortcodes all ask this package; none keeps a copy of a rule.
package affiliate
