package generator

import (
	"fmt"
	"os"
)

// copyResources copies the files of page bundles beside their pages.
func (b *builder) copyResources() error {
	errs := b.parallel(len(b.resources), func(i int) error {
		r := b.resources[i]
		data, err := os.ReadFile(r[0])
		if err != nil {
			return fmt.Errorf("%s: %v", b.rel(r[0]), unwrapPathError(err))
		}
		return b.write(r[1], b.rel(r[0]), data)
	})
	return errorList(errs)
}
