// Package spans replaces the delimited spans of a text ("{name}",
// "{{< fact … >}}"), the one loop behind the link templates of program
// data and the facts in its texts.
package spans

import "strings"

// Replace returns s with each span that open starts and the next close
// ends replaced by what f makes of the text between them; the other text
// is kept. An open without a close is unclosed's error (rest is the text
// after the last span replaced, from which the open is the first), and
// f's error is returned as it is.
func Replace(s, open, close string, f func(inner string) (string, error), unclosed func(rest string) error) (string, error) {
	var b strings.Builder
	for {
		i := strings.Index(s, open)
		if i < 0 {
			b.WriteString(s)
			return b.String(), nil
		}
		b.WriteString(s[:i])
		j := strings.Index(s[i+len(open):], close)
		if j < 0 {
			return "", unclosed(s)
		}
		v, err := f(s[i+len(open) : i+len(open)+j])
		if err != nil {
			return "", err
		}
		b.WriteString(v)
		s = s[i+len(open)+j+len(close):]
	}
}
