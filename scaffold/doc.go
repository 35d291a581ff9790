// Package scaffold creates new sites, reviews and program files from embedded templates.
//
// The templates live in templates/ and are compiled into the binary:
//
//   - templates/site/ is copied as a whole by [NewSite]; a leading "dot_"
//     in a file or folder name becomes "." (so that the repository holding
//     affsite does not read the new site's .gitignore or workflows), and
//     [expand] fills in "{{GoVersion}}" and "{{AffsiteTag}}".
//   - templates/program.yaml is the commented program file [NewProgram]
//     writes.
//   - templates/review.md is the review archetype [NewReview] fills in; a
//     site overrides it with archetypes/review.md, as in Hugo.
//
// Nothing here prints or exits: functions return the paths they wrote and
// errors the CLI shows as they are.
package scaffold
