package generator

import "github.com/affsite/affsite/tplfuncs"

// renderedReadingTime is the reading time of a page's rendered content,
// in minutes at 213 words a minute: its text words, those of the tables,
// cards and other shortcode output included. The reading time from the
// source (summarize) leaves shortcodes out, which made a page of
// "1 min read".
func (b *builder) renderedReadingTime(content string) int {
	buf := b.getBuffer()
	defer b.putBuffer(buf)
	buf.Grow(len(content)) // the text is never longer than the content
	return (tplfuncs.PlainWords(content, buf.AvailableBuffer()) + 212) / 213
}
