package wpimport

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fuzzMaxItem is the item limit under fuzzing: small, so that the limit
// is reached and its error path is exercised.
const fuzzMaxItem = 64 << 10

// FuzzScan feeds the WXR reader arbitrary bytes, seeded from the
// fixtures in testdata and the shapes of bad input the importer words:
// it never panics, ends in time, reads no item larger than its limit,
// and every error it returns is an *Error with the file and a line.
func FuzzScan(f *testing.F) {
	exports, err := filepath.Glob("testdata/*.xml")
	if err != nil || len(exports) == 0 {
		f.Fatalf("no seed exports in testdata (%v)", err)
	}
	for _, name := range exports {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		f.Add(b[:len(b)/2])                                                                      // truncated
		f.Add(bytes.Replace(b, []byte("<wp:wxr_version>1.2<"), []byte("<wp:wxr_version>9<"), 1)) // unknown version
		f.Add(bytes.Replace(b, []byte("Review"), []byte("Rev\xff\xfeiew"), 1))                   // invalid UTF-8
	}
	for _, s := range []string{
		"", "not xml", "<html/>", "<rss><channel></channel></rss>",
		"<rss><channel><wp:wxr_version>1.2</wp:wxr_version><item><title>a</title></item></channel></rss>",
		"<rss><channel><wp:wxr_version>1.2</wp:wxr_version><item>" + strings.Repeat("<x>", 500) + "</item></channel></rss>",
		"<rss><channel><wp:wxr_version>1.2</wp:wxr_version><item><wp:post_id>x</wp:post_id></item></channel></rss>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		items := 0
		_, err := scan("export.xml", bytes.NewReader(data), fuzzMaxItem, func(ch *Channel, it *Item) error {
			items++
			// What the importer reads of every item.
			_, _, _ = it.Content(), it.Excerpt(), it.MetaValue("_thumbnail_id")
			if items > len(data) {
				t.Fatalf("%d items from %d bytes", items, len(data))
			}
			return nil
		})
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.File != "export.xml" || e.Line < 1 {
				t.Fatalf("error without file and line: %#v", err)
			}
		}
		// Linear in the input; a second is far more than any seed takes.
		if d := time.Since(start); d > time.Second+time.Duration(len(data))*time.Microsecond {
			t.Fatalf("%d bytes took %s", len(data), d)
		}
	})
}

// An item larger than the limit is refused at its line, without reading
// the rest of it: memory stays bounded by the limit, not the file.
func TestScanItemLimit(t *testing.T) {
	t.Parallel()
	head := "<rss><channel><wp:wxr_version>1.2</wp:wxr_version>\n<item><title>small</title></item>\n"
	big := head + "<item><content:encoded>" + strings.Repeat("a", 1<<20) + "</content:encoded></item></channel></rss>"
	r := &countingReader{r: strings.NewReader(big)}
	var titles []string
	_, err := scan("export.xml", r, fuzzMaxItem, func(_ *Channel, it *Item) error {
		titles = append(titles, it.Title)
		return nil
	})
	if err == nil || !strings.Contains(err.Error(), "export.xml:3: the <item> here is larger than 64 KiB") {
		t.Fatalf("error %v", err)
	}
	if len(titles) != 1 || titles[0] != "small" {
		t.Errorf("items before the large one: %q", titles)
	}
	if r.n > 2*fuzzMaxItem+int64(len(head))+64<<10 {
		t.Errorf("read %d bytes of a %d-byte file for a %d-byte limit", r.n, len(big), fuzzMaxItem)
	}
	// Text outside any item is held to the same limit.
	junk := "<rss><channel><wp:wxr_version>1.2</wp:wxr_version>\n<x>" + strings.Repeat("b", 1<<20) + "</x></channel></rss>"
	if _, err := scan("export.xml", strings.NewReader(junk), fuzzMaxItem, func(*Channel, *Item) error { return nil }); err == nil || !strings.Contains(err.Error(), "export.xml:2: ") {
		t.Fatalf("large text: error %v", err)
	}
	// The default limit takes a post of several MiB.
	ok := head + "<item><title>big</title><content:encoded>" + strings.Repeat("a", 8<<20) + "</content:encoded></item></channel></rss>"
	if _, err := scan("export.xml", strings.NewReader(ok), maxItemBytes, func(*Channel, *Item) error { return nil }); err != nil {
		t.Fatalf("an 8 MiB post: %v", err)
	}
}
