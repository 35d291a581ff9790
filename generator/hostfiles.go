package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"

	"github.com/affsite/affsite/internal/sitefile"
)

// mergedStatic tells whether the static file p is one the build merges
// with the file of that name it writes itself, instead of copying it:
// Netlify's and Cloudflare Pages' _headers and _redirects at the root.
func mergedStatic(p string) bool {
	return p == "_headers" || p == "_redirects"
}

// userStatic reads the static file name as copyStatic would publish it:
// the site's static/, else the first theme's that has it. from is where
// it was found ("static/_headers"), "" when nowhere.
func (b *builder) userStatic(name string) (data []byte, from string, err error) {
	dirs := []string{"static"}
	for _, t := range b.cfg.Theme {
		if t != "" && t != "default" {
			dirs = append(dirs, path.Join("themes", t, "static"))
		}
	}
	for _, d := range dirs {
		data, err := fs.ReadFile(newSourceFS(b.opts.Source, d), name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, "", fmt.Errorf("%s/%s: %v", d, name, sitefile.UnwrapPathError(err))
		}
		return data, d + "/" + name, nil
	}
	return nil, "", nil
}

// writeMerged writes the root file name (_headers or _redirects): the
// site's own rules from its static folder first, as written, then the
// generated ones. Hosts apply the first _redirects rule that matches, so
// the author's rules win; _headers rules all apply. A site's file with
// no generated rules is published as it is; nothing is written when
// neither has rules.
func (b *builder) writeMerged(name, from string, generated []byte) error {
	user, userFrom, err := b.userStatic(name)
	if err != nil {
		return err
	}
	if userFrom == "" {
		if len(generated) == 0 {
			return nil
		}
		return b.write(name, from, generated)
	}
	out := append([]byte(nil), user...)
	if len(generated) > 0 {
		if len(out) > 0 && !bytes.HasSuffix(out, []byte("\n")) {
			out = append(out, '\n')
		}
		out = append(out, "\n# Rules written by affsite, after the site's own (from "+userFrom+"):\n"...)
		out = append(out, generated...)
	}
	return b.write(name, userFrom, out)
}
