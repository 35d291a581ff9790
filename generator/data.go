package generator

import (
	"encoding/json"

	"github.com/BurntSushi/toml"
	"github.com/affsite/affsite/diag"
	"github.com/affsite/affsite/internal/frontmatter"
	"github.com/affsite/affsite/internal/values"
	"github.com/affsite/affsite/siteconfig"
	"gopkg.in/yaml.v3"
)

// isDataExt tells whether a file of data/ with extension ext is read.
func isDataExt(ext string) bool {
	switch ext {
	case ".yaml", ".yml", ".toml", ".json":
		return true
	}
	return false
}

// decodeData decodes a data file by its extension; other files give nil.
func decodeData(file, ext string, src []byte) (any, error) {
	var v any
	switch ext {
	case ".yaml", ".yml":
		var node yaml.Node
		if err := yaml.Unmarshal(src, &node); err != nil {
			return nil, frontmatter.YAMLError(file, diag.Data, err)
		}
		if err := node.Decode(&v); err != nil {
			return nil, frontmatter.YAMLError(file, diag.Data, err)
		}
	case ".toml":
		m := map[string]any{}
		if _, err := toml.Decode(string(src), &m); err != nil {
			return nil, siteconfig.TOMLError(file, src, err)
		}
		v = m
	case ".json":
		if err := checkJSON(file, src); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(src, &v); err != nil {
			return nil, diag.Errorf(file, 0, 0, diag.Data, "%v", err)
		}
	default:
		return nil, nil
	}
	return values.NormalizeValue(v), nil
}
