// Package builtins holds affsite's built-in affiliate shortcodes (afflink,
// commission-table, plans, earnings, program-facts, disclosure, pros-cons,
// verdict, cta): methods of a page's PageState, which records the
// affiliate links and JSON-LD they make, registered on the shortcode
// engine (package shortcodes) by Registry. Each computes its template's
// .Data from program data; the theme's shortcodes/NAME.html renders it.
package builtins
