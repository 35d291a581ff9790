package main

// hostFromEnv is the host the build runs on, from the variable each host
// sets in its builds: Netlify's NETLIFY=true, Cloudflare Pages'
// CF_PAGES=1; "" elsewhere.
func hostFromEnv(getenv func(string) string) string {
	switch {
	case getenv("NETLIFY") == "true":
		return "netlify"
	case getenv("CF_PAGES") == "1":
		return "cloudflare"
	}
	return ""
}
