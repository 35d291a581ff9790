package scaffold

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/affsite/affsite/internal/version"
)

//go:embed all:templates
var templates embed.FS

// GoVersion is the Go release new sites' deploy recipes install to run
// affsite with "go run …@vX.Y.Z": the release affsite itself is built and
// tested with.
const GoVersion = "1.26.8"

// expand fills in a site template's placeholders: "{{GoVersion}}" with
// [GoVersion] and "{{AffsiteTag}}" with the affsite release the recipes
// pin (version.Tag), so that a new site is built by the release that
// created it rather than by whatever @latest is on the day.
func expand(data []byte) []byte {
	return []byte(strings.NewReplacer("{{GoVersion}}", GoVersion, "{{AffsiteTag}}", version.Tag).Replace(string(data)))
}

// ErrExists is returned (wrapped) when a file to be written exists
// already, or when a new site's folder is not empty.
var ErrExists = errors.New("already exists")

// existsError is an ErrExists whose message says it all already, without
// a trailing ": already exists".
type existsError string

func (e existsError) Error() string        { return string(e) }
func (e existsError) Is(target error) bool { return target == ErrExists }

// idRE is the form of a program id: the name of its data file.
var idRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// quote returns s as a double-quoted YAML scalar. A JSON string is one,
// and json.Marshal cannot fail on a string.
func quote(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

// writeNew writes data to the file name, creating its folders, and fails
// with ErrExists rather than replace a file.
func writeNew(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s: %w; delete it first or choose another name", name, ErrExists)
		}
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// readTemplate returns an embedded template file, by its path below
// templates/.
func readTemplate(name string) string {
	b, err := templates.ReadFile(path.Join("templates", name))
	if err != nil {
		// The names are constants of this package and the files are
		// embedded; a missing one is a bug caught by the tests.
		panic(err)
	}
	return string(b)
}
