package check

import (
	"bytes"
	"iter"
	"path"
	"slices"

	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/scaffold"
)

// checkPlaceholders reports the text `affsite new` writes for its author
// to replace (scaffold.Placeholders) that is still in the site's
// configuration, its built pages' content files or its program files: a
// warning, or an error with --strict. The baseURL placeholder is not
// reported when --baseURL overrides it.
func (a *auditor) checkPlaceholders() {
	level := a.strictLevel()
	files := slices.Clone(a.cfg.Files)
	for _, r := range a.rep.Sources {
		files = append(files, r.File)
	}
	for _, p := range a.progs.All() {
		files = append(files, p.File)
	}
	slices.Sort(files)
	for _, file := range slices.Compact(files) {
		src := a.source(file)
		markdown := path.Ext(file) == ".md"
		for _, p := range scaffold.Placeholders() {
			if p.Text == scaffold.PlaceholderBaseURL && a.opts.BaseURL != "" {
				continue
			}
			for start, line := range lineStarts(src) {
				if i := bytes.Index(line, []byte(p.Text)); i >= 0 && (markdown || !isComment(line)) {
					n, col := diag.LineCol(src, start+i)
					a.add(file, n, col, level, p.Message)
				}
			}
		}
	}
}

// lineStarts yields each line of src (without its newline) with the
// offset where it starts.
func lineStarts(src []byte) iter.Seq2[int, []byte] {
	return func(yield func(int, []byte) bool) {
		start := 0
		for line := range bytes.Lines(src) {
			if !yield(start, bytes.TrimSuffix(line, []byte("\n"))) {
				return
			}
			start += len(line)
		}
	}
}

// isComment reports whether a line of a TOML or YAML file is a comment,
// where a placeholder may be quoted as an example. (In Markdown, such a
// line is a heading.)
func isComment(line []byte) bool {
	return bytes.HasPrefix(bytes.TrimSpace(line), []byte("#"))
}
