//go:build !unix

package fileid

import "io/fs"

// Of gives no ID here.
func Of(fs.FileInfo) (ID, bool) { return ID{}, false }
