package hugoshortcodes

import (
	"net/url"
	"strconv"

	"github.com/affsite/affsite/shortcodes"
)

// Video is .Data of youtube, vimeo and vimeo_simple: an iframe player, or
// for vimeo_simple (and vimeo when privacy.vimeo.simple is set) a link to
// the video. Disabled is set when the site's privacy settings turn the
// provider off; the template then writes nothing, as Hugo's does.
type Video struct {
	Disabled bool
	Simple   bool
	ID       string
	Src      string // the player's URL
	Link     string // the video's page, for the simple form
	Class    string
	Title    string
	Loading  string
	Allow    string // the iframe's allow list
}

// YouTube is Hugo's youtube shortcode, through youtube-nocookie.com
// unless the site sets privacy.youtube.privacyEnhanced = false.
//
//	{{< youtube 0RKpf3rK57I >}}
//	{{< youtube id=0RKpf3rK57I start=30 loading=lazy >}}
func (pg *Page) YouTube(inv *shortcodes.Invocation) error {
	if pg.Privacy.YouTube.Disable {
		inv.Data = Video{Disabled: true}
		return nil
	}
	id, err := required(inv, "id", 0)
	if err != nil {
		return err
	}
	v := Video{ID: id, Class: arg(inv, "class", 1), Title: arg(inv, "title", -1), Loading: arg(inv, "loading", -1)}
	if v.Title == "" {
		v.Title = "YouTube video"
	}
	if v.Loading == "" {
		v.Loading = "eager"
	}
	q := url.Values{}
	flags := []struct {
		name string
		def  bool
	}{{"autoplay", false}, {"controls", true}, {"loop", false}, {"mute", false}}
	on := map[string]bool{}
	for _, f := range flags {
		b, err := boolArg(inv, f.name, f.def)
		if err != nil {
			return err
		}
		on[f.name] = b
	}
	on["mute"] = on["mute"] || on["autoplay"] // browsers autoplay muted videos only
	for _, f := range flags {
		q.Set(f.name, strconv.Itoa(b2i(on[f.name])))
	}
	for _, name := range []string{"start", "end"} {
		s := arg(inv, name, -1)
		if s == "" {
			s = "0"
		}
		if _, err := strconv.Atoi(s); err != nil {
			return inv.Errorf("shortcode %q: %s must be a number of seconds, not %q", inv.Name, name, s)
		}
		q.Set(name, s)
	}
	if on["loop"] {
		q.Set("playlist", id)
	}
	full, err := boolArg(inv, "allowFullScreen", true)
	if err != nil {
		return err
	}
	v.Allow = "accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share"
	if full {
		v.Allow += "; fullscreen"
	}
	host := "www.youtube-nocookie.com"
	if !pg.Privacy.YouTube.PrivacyEnhanced {
		host = "www.youtube.com"
	}
	v.Src = "https://" + host + "/embed/" + url.PathEscape(id) + "?" + q.Encode()
	inv.Data = v
	return nil
}

// Vimeo is Hugo's vimeo and vimeo_simple shortcodes; the player is asked
// not to track (dnt=1) unless the site sets privacy.vimeo.enableDNT =
// false. vimeo_simple, where Hugo fetches the video's thumbnail at build
// time, writes a link to the video.
//
//	{{< vimeo 55073825 >}}
//	{{< vimeo id=55073825 class="video" title="A video" loading=lazy >}}
func (pg *Page) Vimeo(inv *shortcodes.Invocation) error {
	if pg.Privacy.Vimeo.Disable {
		inv.Data = Video{Disabled: true}
		return nil
	}
	id, err := required(inv, "id", 0)
	if err != nil {
		return err
	}
	v := Video{
		ID: id, Class: arg(inv, "class", 1), Title: arg(inv, "title", 2), Loading: arg(inv, "loading", 3),
		Simple: inv.Name == "vimeo_simple" || pg.Privacy.Vimeo.Simple,
		Link:   "https://vimeo.com/" + url.PathEscape(id),
	}
	full, err := boolArg(inv, "allowFullScreen", true)
	if err != nil {
		return err
	}
	if full {
		v.Allow = "fullscreen"
	}
	v.Src = "https://player.vimeo.com/video/" + url.PathEscape(id) + "?dnt=" + strconv.Itoa(b2i(pg.Privacy.Vimeo.EnableDNT))
	inv.Data = v
	return nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
