package hosting

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
)

// eachLine calls fn with the number and text of each line of b, a
// _redirects or _headers file (name), that is neither blank nor a #
// comment: raw with its leading white space, line without. It stops at
// fn's first error; a line too long to read is reported as name:LINE.
func eachLine(b []byte, name string, fn func(n int, raw, line string) error) error {
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 4096), len(b)+1)
	n := 0
	for sc.Scan() {
		n++
		raw := strings.TrimRight(sc.Text(), " \t\r")
		if line := strings.TrimSpace(raw); line != "" && line[0] != '#' {
			if err := fn(n, raw, line); err != nil {
				return err
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %v", name, n+1, err)
	}
	return nil
}
