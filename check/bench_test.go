package check

import (
	"testing"

	"github.com/affsite/affsite/bench/corpus"
	"github.com/affsite/affsite/generator"
	"github.com/affsite/affsite/internal/sitetest"
)

// benchAuditor builds the site at dir once, in memory, and returns a
// function making a fresh auditor of that build.
func benchAuditor(b *testing.B, dir string) func() *auditor {
	b.Helper()
	opts := Options{Source: dir, Now: now}.withDefaults()
	mem := generator.NewMemOutput()
	rep, err := generator.Build(opts.buildOptions(mem))
	if err != nil {
		b.Fatal(err)
	}
	return func() *auditor { return newAuditor(opts, rep.Config, rep.Programs, rep, mem) }
}

// corpusDir writes a 300-post synthetic blog (bench/corpus).
func corpusDir(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	if err := corpus.Generate(dir, 300); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkAudit measures all of check's work after the build, on a
// 300-post synthetic blog built once.
func BenchmarkAudit(b *testing.B) {
	newAudit := benchAuditor(b, corpusDir(b))
	b.ReportAllocs()
	for b.Loop() {
		a := newAudit()
		a.addBuildWarnings()
		a.audit()
	}
}

// BenchmarkPageChecks measures the checks that read the built pages'
// HTML (parsing them, deal boxes, product boxes, review markup), on the
// synthetic blog and on the example site (which has a deal box).
func BenchmarkPageChecks(b *testing.B) {
	for _, site := range []struct {
		name string
		dir  func(*testing.B) string
	}{{"corpus300", corpusDir}, {"example", func(b *testing.B) string { return sitetest.CopyExample(b, "..") }}} {
		b.Run(site.name, func(b *testing.B) {
			newAudit := benchAuditor(b, site.dir(b))
			b.ReportAllocs()
			for b.Loop() {
				a := newAudit()
				a.run(a.parsePages, a.checkDeals, a.checkAmazonPrices, a.checkReviewMarkup)
			}
		})
	}
}
