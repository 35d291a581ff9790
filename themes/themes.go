// Package themes embeds affsite's default theme, so that the affsite binary
// builds a site with no theme folder on disk.
package themes

import (
	"embed"
	"io/fs"
)

//go:embed all:default
var embedded embed.FS

// Default returns the embedded default theme as a file system rooted at the
// theme folder: it holds layouts/ and static/. A few shortcode templates
// serve several names (see shortcodeAliases); the file system lists each
// name and reads the one template for all of them.
func Default() fs.FS {
	sub, err := fs.Sub(embedded, "default")
	if err != nil {
		// fs.Sub fails only for an invalid path, and "default" is valid.
		panic(err)
	}
	return aliasFS{fsys: sub, aliases: shortcodeAliases()}
}
