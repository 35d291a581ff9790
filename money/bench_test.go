package money

import "testing"

func BenchmarkFormat(b *testing.B) {
	cur := Currency{}
	for b.Loop() {
		_ = cur.Format(123456789)
	}
}

func BenchmarkApply(b *testing.B) {
	r := MustParseRate("0.125")
	for b.Loop() {
		_, _ = r.Apply(109920)
	}
}
