package programs

import (
	"strings"
	"testing"
)

func FuzzParse(f *testing.F) {
	exts := []string{".yaml", ".toml", ".json"}
	for _, tt := range errorCases {
		for i, ext := range exts {
			if strings.HasSuffix(tt.file, ext) {
				f.Add(tt.src, uint8(i))
			}
		}
	}
	f.Add(fullYAML, uint8(0))
	f.Add(fullTOML, uint8(1))
	f.Add(fullJSON, uint8(2))
	f.Fuzz(func(t *testing.T, src string, ext uint8) {
		p, err := Parse("fuzz"+exts[int(ext)%len(exts)], []byte(src))
		if err == nil {
			NewSet(p).ByHost("www.example.com")
			_ = p.CurrencyOrDefault().Format(0)
		}
	})
}
