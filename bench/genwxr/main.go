// Command genwxr writes a deterministic synthetic WordPress export (WXR
// 1.2) and a ThirstyAffiliates CSV, to measure `affsite import
// wordpress` on an export of hundreds of megabytes:
//
//	go run ./bench/genwxr -n 50000 -o /tmp/wxr-50000
//
// writes /tmp/wxr-50000/export.xml and links.csv. Post i depends only on
// i: every tenth is Gutenberg (blocks, an embed, a table), the others
// classic-editor HTML with a [caption], a [gallery] and an unknown
// shortcode; each has cloaked links, a ?p= link to an earlier post,
// categories, tags, a Yoast description and two comments. Every
// hundredth is a draft, every fiftieth has a plain permalink; there are
// 50 pages (in trees of five), one attachment a post, and a menu.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
)

func main() {
	n := flag.Int("n", 1000, "number of posts")
	out := flag.String("o", "", "output folder (created)")
	flag.Parse()
	if *out == "" || *n < 1 {
		fmt.Fprintln(os.Stderr, "usage: genwxr -n N -o DIR")
		os.Exit(2)
	}
	start := time.Now()
	size, err := generate(*out, *n)
	if err != nil {
		fmt.Fprintln(os.Stderr, "genwxr:", err)
		os.Exit(1)
	}
	fmt.Printf("genwxr: %d posts, %d MiB export in %s (%v)\n", *n, size>>20, *out, time.Since(start).Round(time.Millisecond))
}

const (
	site     = "https://bench.example"
	programs = 40
	pages    = 50
)

var words = strings.Fields(`affiliate commission funnel email landing page checkout upsell trial plan
pricing review software builder course membership webinar automation analytics payout cookie
dashboard template integration support refund monthly annual discount coupon traffic conversion
audience newsletter sequence segment broadcast list lead magnet opt-in split test headline`)

func generate(dir string, n int) (int64, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	if err := writeCSV(filepath.Join(dir, "links.csv")); err != nil {
		return 0, err
	}
	f, err := os.Create(filepath.Join(dir, "export.xml"))
	if err != nil {
		return 0, err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>Bench Reviews</title>
	<link>%[1]s</link>
	<description>A generated export</description>
	<language>en-US</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>%[1]s</wp:base_site_url>
	<wp:base_blog_url>%[1]s</wp:base_blog_url>
	<wp:author><wp:author_login><![CDATA[ana]]></wp:author_login><wp:author_display_name><![CDATA[Ana Reviewer]]></wp:author_display_name></wp:author>
`, site)
	for p := 1; p <= pages; p++ {
		id, parent := 1000000+p, 0
		if p%5 != 1 {
			parent = 1000000 + (p-1)/5*5 + 1
		}
		fmt.Fprintf(w, "\t<item><title>Page %d</title><link>%s/page-%d/</link><wp:post_id>%d</wp:post_id><wp:post_name>page-%d</wp:post_name><wp:post_parent>%d</wp:post_parent><wp:post_type>page</wp:post_type><wp:status>publish</wp:status><wp:post_date>2020-01-01 00:00:00</wp:post_date><content:encoded><![CDATA[<p>About page %d.</p>]]></content:encoded></item>\n",
			p, site, p, id, p, parent, p)
	}
	for i := 1; i <= n; i++ {
		writePost(w, i)
	}
	for m := 1; m <= 5; m++ {
		fmt.Fprintf(w, "\t<item><title>Menu %d</title><wp:post_id>%d</wp:post_id><wp:post_type>nav_menu_item</wp:post_type><wp:status>publish</wp:status><wp:menu_order>%d</wp:menu_order><category domain=\"nav_menu\" nicename=\"main\"><![CDATA[Main]]></category><wp:postmeta><wp:meta_key>_menu_item_type</wp:meta_key><wp:meta_value><![CDATA[post_type]]></wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key>_menu_item_object_id</wp:meta_key><wp:meta_value><![CDATA[%d]]></wp:meta_value></wp:postmeta></item>\n",
			m, 2000000+m, m, 1000000+m*5-4)
	}
	w.WriteString("</channel>\n</rss>\n")
	if err := w.Flush(); err != nil {
		f.Close()
		return 0, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return 0, err
	}
	return st.Size(), f.Close()
}

func writeCSV(file string) error {
	var sb strings.Builder
	sb.WriteString("Link Name,Destination URL,Link Slug,Link Categories,Redirect Type,No Follow,New Window\n")
	for p := 0; p < programs; p++ {
		fmt.Fprintf(&sb, "Program %d,https://vendor%d.example/?aff=ana,program-%d,Software,302,yes,no\n", p, p, p)
	}
	return os.WriteFile(file, []byte(sb.String()), 0o644)
}

// sentence is k words of post i's stream.
func sentence(r *rand.Rand, k int) string {
	ws := make([]string, k)
	for j := range ws {
		ws[j] = words[r.IntN(len(words))]
	}
	ws[0] = strings.ToUpper(ws[0][:1]) + ws[0][1:]
	return strings.Join(ws, " ") + "."
}

func paragraph(r *rand.Rand) string {
	var sb strings.Builder
	for s := 0; s < 4+r.IntN(4); s++ {
		if s > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(sentence(r, 8+r.IntN(10)))
	}
	return sb.String()
}

func writePost(w *bufio.Writer, i int) {
	r := rand.New(rand.NewPCG(2026, uint64(i)))
	id, att := i, 3000000+i
	prog := r.IntN(programs)
	date := time.Date(2015, 1, 1, 9, 0, 0, 0, time.UTC).Add(time.Duration(i) * 97 * time.Minute)
	slug := fmt.Sprintf("post-%d", i)
	link := fmt.Sprintf("%s/%d/%02d/%s/", site, date.Year(), date.Month(), slug)
	if i%50 == 0 {
		link = fmt.Sprintf("%s/?p=%d", site, id)
	}
	upload := fmt.Sprintf("%s/wp-content/uploads/%d/%02d/shot-%d", site, date.Year(), date.Month(), i)
	var body strings.Builder
	cloaked := fmt.Sprintf(`<a href="%s/recommends/program-%d/">Try program %d</a>`, site, prog, prog)
	prev := ""
	if i > 1 {
		prev = fmt.Sprintf(` See <a href="%s/?p=%d">an earlier review</a>.`, site, 1+r.IntN(i-1))
	}
	if i%10 == 0 {
		for k := 0; k < 6; k++ {
			fmt.Fprintf(&body, "<!-- wp:heading -->\n<h2>%s</h2>\n<!-- /wp:heading -->\n\n<!-- wp:paragraph -->\n<p>%s</p>\n<!-- /wp:paragraph -->\n\n", sentence(r, 4), paragraph(r))
		}
		fmt.Fprintf(&body, "<!-- wp:paragraph -->\n<p>%s%s</p>\n<!-- /wp:paragraph -->\n\n", cloaked, prev)
		fmt.Fprintf(&body, "<!-- wp:image {\"id\":%d} -->\n<figure class=\"wp-block-image\"><img src=\"%s-1024x768.png\" srcset=\"%s-300x225.png 300w, %s-1024x768.png 1024w\" alt=\"\"/><figcaption>%s</figcaption></figure>\n<!-- /wp:image -->\n\n", att, upload, upload, upload, sentence(r, 5))
		fmt.Fprintf(&body, "<!-- wp:embed {\"url\":\"https://www.youtube.com/watch?v=vid%06d\",\"type\":\"video\",\"providerNameSlug\":\"youtube\"} -->\n<figure class=\"wp-block-embed\"><div class=\"wp-block-embed__wrapper\">\nhttps://www.youtube.com/watch?v=vid%06d\n</div></figure>\n<!-- /wp:embed -->\n\n", i, i)
		fmt.Fprintf(&body, "<!-- wp:table -->\n<figure class=\"wp-block-table\"><table><thead><tr><th>Plan</th><th>Price</th></tr></thead><tbody><tr><td>Basic</td><td>$%d</td></tr><tr><td>Pro</td><td>$%d</td></tr></tbody></table></figure>\n<!-- /wp:table -->\n", 10+r.IntN(90), 100+r.IntN(200))
	} else {
		for k := 0; k < 6; k++ {
			fmt.Fprintf(&body, "<h2>%s</h2>\n%s\n\n", sentence(r, 4), paragraph(r))
		}
		fmt.Fprintf(&body, "%s%s\n\n", cloaked, prev)
		fmt.Fprintf(&body, "[caption id=\"attachment_%d\" width=\"600\"]<img src=\"%s-300x225.png\" srcset=\"%s-300x225.png 300w\" alt=\"\" /> %s[/caption]\n\n", att, upload, upload, sentence(r, 5))
		fmt.Fprintf(&body, "[gallery ids=\"%d\"]\n\n[contact-form-7 id=\"%d\"]\n\n<ul><li>%s</li><li>%s</li></ul>\n", att, i, sentence(r, 6), sentence(r, 6))
	}
	status := "publish"
	if i%100 == 0 {
		status = "draft"
	}
	fmt.Fprintf(w, "\t<item><title>%s</title><link>%s/%d/%02d/shot-%d/</link><wp:post_id>%d</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status><wp:post_parent>%d</wp:post_parent><wp:attachment_url>%s.png</wp:attachment_url></item>\n",
		fmt.Sprintf("shot-%d", i), site, date.Year(), date.Month(), i, att, id, upload)
	fmt.Fprintf(w, "\t<item><title>Program %d review, part %d</title><link>%s</link><pubDate>%s</pubDate><dc:creator><![CDATA[ana]]></dc:creator>"+
		"<content:encoded><![CDATA[%s]]></content:encoded><excerpt:encoded><![CDATA[%s]]></excerpt:encoded>"+
		"<wp:post_id>%d</wp:post_id><wp:post_date>%s</wp:post_date><wp:post_date_gmt>%s</wp:post_date_gmt><wp:post_modified>%s</wp:post_modified>"+
		"<wp:post_name>%s</wp:post_name><wp:status>%s</wp:status><wp:post_type>post</wp:post_type>"+
		"<category domain=\"category\" nicename=\"cat-%d\"><![CDATA[Category %d]]></category><category domain=\"post_tag\" nicename=\"tag-%d\"><![CDATA[tag %d]]></category>"+
		"<wp:postmeta><wp:meta_key>_yoast_wpseo_metadesc</wp:meta_key><wp:meta_value><![CDATA[%s]]></wp:meta_value></wp:postmeta>"+
		"<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value><![CDATA[%d]]></wp:meta_value></wp:postmeta>"+
		"<wp:comment><wp:comment_id>%d</wp:comment_id><wp:comment_content><![CDATA[%s]]></wp:comment_content></wp:comment>"+
		"<wp:comment><wp:comment_id>%d</wp:comment_id><wp:comment_content><![CDATA[%s]]></wp:comment_content></wp:comment></item>\n",
		prog, i, link, date.Format(time.RFC1123Z), body.String(), sentence(r, 12),
		id, date.Format(time.DateTime), date.Format(time.DateTime), date.Add(time.Hour).Format(time.DateTime),
		slug, status, i%12, i%12, i%200, i%200, sentence(r, 15), att, 2*i, sentence(r, 20), 2*i+1, sentence(r, 20))
}
