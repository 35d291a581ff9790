// Package programs loads and validates affiliate program data files.
//
// Each program lives in one file, data/programs/<id>.yaml (or .yml, .toml,
// .json), whose name without the extension is the program's id. Files are
// parsed into a yaml.Node tree (TOML is converted to the same tree) so that
// every value keeps its line for error messages and every amount and rate is
// read from its literal text by package money, never through float64.
//
// Validation collects all problems of all files into an [ErrorList] whose
// entries read "data/programs/x.yaml:12: message".
package programs
