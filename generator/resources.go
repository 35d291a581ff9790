package generator

// copyResources copies the files of page bundles beside their pages.
func (b *builder) copyResources() error {
	errs := b.parallel(len(b.resources), func(i int) error {
		r := b.resources[i]
		data, err := readSourceFile(r[0], b.rel(r[0]))
		if err != nil {
			return err
		}
		return b.write(r[1], b.rel(r[0]), data)
	})
	return errorList(errs)
}
