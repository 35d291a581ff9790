package generator

import "sync"

// readBuffers lends the workers the buffers they read content files
// into (readInput, renderFirst): all that reading or rendering a file
// keeps — its front matter's values, the text before its body, its
// prose's summary, its HTML — is copied out of the buffer, so the next
// file is read into it again rather than into a new allocation of its
// size.
type readBuffers struct {
	pool sync.Pool // of *[]byte
}

// maxLentRead is the largest buffer kept for the next file: a huge file
// now and then is read into a buffer of its own, not kept in the pool.
const maxLentRead = 1 << 20

// get returns a buffer to read into: empty, or one a file was read into
// and that file's reading is done with.
func (r *readBuffers) get() *[]byte {
	if b, ok := r.pool.Get().(*[]byte); ok {
		return b
	}
	return new([]byte)
}

// put gives back b, which holds the last file read into it (*b), for
// the next; nothing may keep a view of it.
func (r *readBuffers) put(b *[]byte) {
	if cap(*b) <= maxLentRead {
		r.pool.Put(b)
	}
}
