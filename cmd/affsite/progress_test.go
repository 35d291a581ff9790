package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Progress shows only after a second, on one line rewritten in place,
// and is erased before what follows.
func TestProgressLine(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	start := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	now := start
	p := &progressLine{w: &out, start: start, now: func() time.Time { return now }}
	p.update(10, 1000)
	now = start.Add(999 * time.Millisecond)
	p.update(20, 1000)
	if out.Len() != 0 {
		t.Fatalf("progress before a second: %q", out.String())
	}
	p.clear()
	now = start.Add(time.Second)
	p.update(999, 1000)
	p.update(1000, 1000)
	p.clear()
	p.clear()
	want := "\rRendering pages: 999/1000" + "\rRendering pages: 1000/1000" + "\r" + "                          " + "\r"
	if out.String() != want {
		t.Errorf("wrote %q, want %q", out.String(), want)
	}
	var nilLine *progressLine
	nilLine.clear()
}

// Not on a terminal (a pipe, a file, a buffer), build prints no
// progress, however long it runs.
func TestNoProgressOffTerminal(t *testing.T) {
	t.Parallel()
	if newProgressLine(&bytes.Buffer{}, time.Now().Add(-time.Hour)) != nil {
		t.Error("a progress line on a buffer")
	}
	f, err := os.Create(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if newProgressLine(f, time.Now().Add(-time.Hour)) != nil {
		t.Error("a progress line on a file")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if newProgressLine(w, time.Now().Add(-time.Hour)) != nil {
		t.Error("a progress line on a pipe")
	}
}
