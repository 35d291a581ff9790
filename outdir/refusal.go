package outdir

import "fmt"

// Refusal is returned when a folder may not be used as the output: it
// names the folder as the user gave it and why. Nothing has been touched
// when it is returned.
type Refusal struct {
	Path   string // the folder, as given
	Reason string // "it is inside the site's data/ folder"
	Advice string // what to do instead
}

// Error implements error.
func (r *Refusal) Error() string {
	return fmt.Sprintf("refusing to use %s as the output folder: %s; %s", r.Path, r.Reason, r.Advice)
}

const (
	adviceChoose = "choose another folder with -d"
	adviceDelete = "choose a new or empty folder, or delete it yourself"
)
