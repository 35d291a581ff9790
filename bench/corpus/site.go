package corpus

import (
	"embed"
	"io/fs"
	"os"
	"path/filepath"
)

// hugoFiles holds hugo.toml and the Hugo layouts, copied verbatim ("all:"
// because go:embed skips names starting with "_", such as "_default").
//
//go:embed all:hugo
var hugoFiles embed.FS

// siteTOML is affsite's configuration for the corpus.
const siteTOML = `title = "Bench Affiliate Blog"
baseURL = "https://bench.example/"
languageCode = "en-us"
paginate = 10
[affiliate]
ref_id = "bench"
disclosure = "auto"
`

// writeSiteFiles writes site.toml, the programs, hugo.toml and the Hugo
// layouts under themes/hugo-bench/.
func writeSiteFiles(dir string, programs []Program) error {
	progDir := filepath.Join(dir, "data", "programs")
	if err := os.MkdirAll(progDir, 0o755); err != nil {
		return err
	}
	for _, p := range programs {
		if err := writeProgram(progDir, p); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), []byte(siteTOML), 0o644); err != nil {
		return err
	}
	sub, err := fs.Sub(hugoFiles, "hugo")
	if err != nil {
		return err
	}
	return os.CopyFS(dir, sub)
}
