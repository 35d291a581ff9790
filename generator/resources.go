package generator

import (
	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/internal/sitefile"
)

// copyResources copies the files of page bundles beside their pages.
func (b *builder) copyResources() error {
	errs := b.parallel(len(b.resources), func(i int) error {
		r := b.resources[i]
		data, err := sitefile.Read(r[0], b.rel(r[0]))
		if err != nil {
			return err
		}
		return b.write(r[1], b.rel(r[0]), data)
	})
	return diag.Join(errs)
}
