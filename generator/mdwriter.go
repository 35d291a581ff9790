package generator

import "bytes"

// bufferWriter is a bytes.Buffer as goldmark's renderer writes: its
// Render wraps any writer that is not a util.BufWriter in a new
// bufio.Writer of 4 KiB, which copies the page's HTML once more on its
// way to the buffer. The buffer needs no flushing.
type bufferWriter struct{ *bytes.Buffer }

// Buffered implements util.BufWriter: nothing waits to be flushed.
func (bufferWriter) Buffered() int { return 0 }

// Flush implements util.BufWriter.
func (bufferWriter) Flush() error { return nil }
