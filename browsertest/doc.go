// Package browsertest checks the default theme in a real browser: layout,
// accessibility and affiliate rules.
//
// The package holds tests only. They build the example site in memory, serve
// it from an httptest server and load its pages in the system's headless
// Chromium over the DevTools protocol (chromedp). Without a chromium binary on
// PATH, or under -short, the browser tests skip. Full-page screenshots of every
// page, width and colour scheme go to $TMPDIR/affsite-screenshots/ (or
// $AFFSITE_SCREENSHOTS), never into the repository.
package browsertest
