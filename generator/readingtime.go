package generator

import "strings"

// renderedReadingTime is the reading time of a page's rendered content,
// in minutes at 213 words a minute: its text words, those of the tables,
// cards and other shortcode output included. The reading time from the
// source (summarize) leaves shortcodes out, which made a page of
// commission tables "1 min read".
func renderedReadingTime(content string) int {
	words := len(strings.Fields(plainify(content)))
	return (words + 212) / 213
}
