package builtins

import "strings"

// ScriptURL is the URL a shortcode's script tag links the theme's static
// file name ("js/deal.js") by: st.AssetURL's, its fingerprinted name
// that hosts may cache for good; without AssetURL, the plain name below
// the base path.
func (st *PageState) ScriptURL(name string) string {
	if st.AssetURL != nil {
		return st.AssetURL(name)
	}
	return strings.TrimSuffix(st.Config.BasePath, "/") + "/" + name
}
