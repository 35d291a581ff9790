// Command serve measures `affsite serve` in-process on a corpus made by
// bench/gencorpus: start-up until the first page is served, the time from
// saving a post to the first response of its page showing the edit, the
// time from saving a program's data file until every sampled page that
// reviews it shows the new price, and the server's memory.
//
//	go run ./bench/gencorpus -n 10000 -o /tmp/corpus-10000
//	go run ./bench/serve -site /tmp/corpus-10000 [-edits 10] [-cacheDir DIR]
//
// With -cacheDir the server keeps the build cache there (as affsite
// serve does by default) and its base URL is http://localhost:1313/
// whatever port it listens on, so that a second run starts from the
// first one's cache.
//
// The corpus is edited in place and restored at the end.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/affsite/affsite/generator"
	"github.com/affsite/affsite/internal/cpuprofile"
	"github.com/affsite/affsite/preview"
)

// pollEvery is how often a page is fetched while waiting for an edit.
const pollEvery = 2 * time.Millisecond

// editTimeout bounds the wait for one edit to show.
const editTimeout = 2 * time.Minute

func main() {
	site := flag.String("site", "", "corpus folder (from bench/gencorpus)")
	edits := flag.Int("edits", 10, "number of post edits")
	sample := flag.Int("sample", 20, "pages polled after the data edit")
	program := flag.String("program", "p00", "program whose data file is edited")
	verbose := flag.Bool("v", false, "show the server's output")
	cacheDir := flag.String("cacheDir", "", "the build cache (default: none)")
	profile := flag.String("cpuprofile", "", "write a CPU profile of the start-up (until the first page is served) to `file`")
	flag.Parse()
	if *site == "" || *edits < 1 {
		fmt.Fprintln(os.Stderr, "usage: serve -site DIR [-edits 10] [-sample 20] [-program p00] [-cacheDir DIR] [-cpuprofile FILE] [-v]")
		os.Exit(2)
	}
	opts := generator.Options{Source: *site, Drafts: true, CacheDir: *cacheDir}
	if *cacheDir != "" {
		opts.BaseURL = "http://localhost:1313/"
	}
	if err := bench(opts, *edits, *sample, *program, *profile, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "bench/serve:", err)
		os.Exit(1)
	}
}

// post is a content file and what the benchmark needs of it.
type post struct {
	file, url, program string
}

func bench(opts generator.Options, edits, sample int, program, profile string, verbose bool) error {
	site := opts.Source
	posts, err := readPosts(site)
	if err != nil {
		return err
	}
	edited, affected := pickPosts(posts, program)
	if edited == nil || len(affected) == 0 {
		return fmt.Errorf("%s: need a post of another program than %s and one of %s", site, program, program)
	}
	dataFile := filepath.Join(site, "data", "programs", program+".yaml")
	restore, err := saveFiles(filepath.Join(site, edited.file), dataFile)
	if err != nil {
		return err
	}
	defer restore()

	fmt.Printf("site %s: %d posts, %d of program %s; GOMAXPROCS %d, %s\n",
		site, len(posts), len(affected), program, runtime.GOMAXPROCS(0), runtime.Version())
	stopProfile, err := cpuprofile.Start(profile)
	if err != nil {
		return err
	}
	start, cpu0 := time.Now(), cpuTime()
	base, stop, err := startServer(opts, verbose)
	if err != nil {
		return err
	}
	defer stop()
	client := &http.Client{Timeout: 10 * time.Second}
	if _, err := waitFor(client, base+edited.url, ""); err != nil {
		return fmt.Errorf("first page: %w", err)
	}
	stopProfile()
	fmt.Printf("start-up until %s served: %v (CPU, user + sys: %v)\n", edited.url, time.Since(start).Round(time.Millisecond), (cpuTime() - cpu0).Round(time.Millisecond))
	if err := measureEdits(client, base, site, edited, edits); err != nil {
		return err
	}
	if err := measureDataEdit(client, base, dataFile, affected, sample); err != nil {
		return err
	}
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Printf("memory after GC: HeapInuse %d MiB, Sys %d MiB\n", ms.HeapInuse>>20, ms.Sys>>20)
	return nil
}

// pickPosts returns the first post of another program than program, to
// edit, and the posts of program, which its data edit affects.
func pickPosts(posts []post, program string) (edited *post, affected []post) {
	for i := range posts {
		if posts[i].program == program {
			affected = append(affected, posts[i])
		} else if edited == nil {
			edited = &posts[i]
		}
	}
	return edited, affected
}

// startServer runs the preview server on the site of opts, on a free
// port, and returns its base URL and the function that stops it.
func startServer(opts generator.Options, verbose bool) (string, func(), error) {
	out := io.Discard
	if verbose {
		out = os.Stderr
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- preview.Run(ctx, preview.Config{
			Site:   opts,
			Port:   0,
			Stdout: out, Stderr: out,
			Ready: func(u string) { ready <- strings.TrimSuffix(u, "/") },
		})
	}()
	select {
	case base := <-ready:
		return base, func() {
			cancel()
			if err := <-done; err != nil {
				fmt.Fprintln(os.Stderr, "server:", err)
			}
		}, nil
	case err := <-done:
		cancel()
		return "", nil, fmt.Errorf("server stopped: %v", err)
	}
}

// measureEdits appends a marker to the edited post edits times and
// prints how long each took to show on its page.
func measureEdits(client *http.Client, base, site string, edited *post, edits int) error {
	var times []time.Duration
	src, err := os.ReadFile(filepath.Join(site, edited.file))
	if err != nil {
		return err
	}
	for i := range edits {
		marker := fmt.Sprintf("benchmarker%dq%d", i, time.Now().UnixNano()%1e9)
		src = append(src, "\n\nEdited "+marker+".\n"...)
		if err := os.WriteFile(filepath.Join(site, edited.file), src, 0o644); err != nil {
			return err
		}
		// waitFor starts its clock right after the write returns.
		d, err := waitFor(client, base+edited.url, marker)
		if err != nil {
			return fmt.Errorf("edit %d: %w", i+1, err)
		}
		times = append(times, d)
		fmt.Printf("  edit %2d: %v\n", i+1, d.Round(100*time.Microsecond))
	}
	fmt.Printf("post edit → page (%d edits): median %v, p90 %v, min %v, max %v\n", len(times),
		pct(times, 50), pct(times, 90), slices.Min(times).Round(100*time.Microsecond), slices.Max(times).Round(100*time.Microsecond))
	return nil
}

// measureDataEdit changes every monthly price in dataFile and prints how
// long until a sample of the affected pages all show it.
func measureDataEdit(client *http.Client, base, dataFile string, affected []post, sample int) error {
	data, err := os.ReadFile(dataFile)
	if err != nil {
		return err
	}
	price := regexp.MustCompile(`(?m)^(\s*monthly:\s*)[0-9.]+`)
	const figure = "987.65"
	newData := price.ReplaceAll(data, []byte("${1}"+figure))
	if slices.Equal(newData, data) {
		return fmt.Errorf("%s has no monthly price", dataFile)
	}
	pages := spread(affected, sample)
	for _, p := range pages {
		if body, _ := fetch(client, base+p.url); strings.Contains(body, figure) {
			return fmt.Errorf("%s shows %s before the edit", p.url, figure)
		}
	}
	t0 := time.Now()
	if err := os.WriteFile(dataFile, newData, 0o644); err != nil {
		return err
	}
	dataTime, err := waitAll(client, base, pages, figure, t0)
	if err != nil {
		return fmt.Errorf("data edit: %w", err)
	}
	fmt.Printf("data edit %s → all %d sampled of %d affected pages: %v\n", filepath.Base(dataFile), len(pages), len(affected), dataTime.Round(time.Millisecond))
	return nil
}

// waitFor polls url every pollEvery until a 200 response contains want,
// and returns how long that took.
func waitFor(client *http.Client, url, want string) (time.Duration, error) {
	start := time.Now()
	for {
		if body, ok := fetch(client, url); ok && strings.Contains(body, want) {
			return time.Since(start), nil
		}
		if time.Since(start) > editTimeout {
			return 0, fmt.Errorf("%s did not show %q within %v", url, want, editTimeout)
		}
		time.Sleep(pollEvery)
	}
}

// waitAll polls pages in turn until each has shown want, and returns the
// time from t0 to the last one.
func waitAll(client *http.Client, base string, pages []post, want string, t0 time.Time) (time.Duration, error) {
	left := slices.Clone(pages)
	for len(left) > 0 {
		if time.Since(t0) > editTimeout {
			return 0, fmt.Errorf("%d pages did not show %q within %v, %s among them", len(left), want, editTimeout, left[0].url)
		}
		if body, ok := fetch(client, base+left[0].url); ok && strings.Contains(body, want) {
			left = left[1:]
			continue
		}
		time.Sleep(pollEvery)
	}
	return time.Since(t0), nil
}

func fetch(client *http.Client, url string) (string, bool) {
	resp, err := client.Get(url)
	if err != nil {
		return "", false
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err == nil && resp.StatusCode == http.StatusOK
}

// readPosts reads the slug and program of every post from its front
// matter, in file-name order.
func readPosts(site string) ([]post, error) {
	dir := filepath.Join(site, "content", "posts")
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var posts []post
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".md") || strings.HasPrefix(e.Name(), "_") {
			continue
		}
		p, err := readPost(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		p.file = filepath.Join("content", "posts", e.Name())
		posts = append(posts, p)
	}
	if len(posts) == 0 {
		return nil, errors.New(dir + " has no posts")
	}
	return posts, nil
}

func readPost(file string) (post, error) {
	f, err := os.Open(file)
	if err != nil {
		return post{}, err
	}
	defer f.Close()
	var p post
	sc := bufio.NewScanner(f)
	for n := 0; sc.Scan(); n++ {
		line := sc.Text()
		if n > 0 && line == "---" {
			break
		}
		if v, ok := strings.CutPrefix(line, "slug: "); ok {
			p.url = "/posts/" + strings.Trim(v, `"`) + "/"
		}
		if v, ok := strings.CutPrefix(line, "program: "); ok {
			p.program = strings.Trim(v, `"`)
		}
	}
	if p.url == "" {
		return p, fmt.Errorf("%s: no slug in the front matter", file)
	}
	return p, sc.Err()
}

// spread picks n posts evenly spaced through posts.
func spread(posts []post, n int) []post {
	if len(posts) <= n {
		return posts
	}
	out := make([]post, n)
	for i := range out {
		out[i] = posts[i*len(posts)/n]
	}
	return out
}

// saveFiles keeps the contents of files and returns the function that
// writes them back.
func saveFiles(files ...string) (func(), error) {
	saved := make([][]byte, len(files))
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		saved[i] = b
	}
	return func() {
		for i, f := range files {
			if err := os.WriteFile(f, saved[i], 0o644); err != nil {
				fmt.Fprintln(os.Stderr, "restore:", err)
			}
		}
	}, nil
}

// pct is the p-th percentile of ds (nearest rank).
func pct(ds []time.Duration, p int) time.Duration {
	s := slices.Clone(ds)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := (p*len(s)+99)/100 - 1
	return s[max(i, 0)].Round(100 * time.Microsecond)
}
