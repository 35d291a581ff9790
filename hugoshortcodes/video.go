package hugoshortcodes

import (
	"cmp"
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
	q, err := youtubeQuery(inv, id)
	if err != nil {
		return err
	}
	full, err := boolArg(inv, "allowFullScreen", true)
	if err != nil {
		return err
	}
	inv.Data = Video{
		ID: id, Class: arg(inv, "class", 1),
		Title:   cmp.Or(arg(inv, "title", -1), "YouTube video"),
		Loading: cmp.Or(arg(inv, "loading", -1), "eager"),
		Allow:   youtubeAllow(full),
		Src:     "https://" + pg.youtubeHost() + "/embed/" + url.PathEscape(id) + "?" + q.Encode(),
	}
	return nil
}

// youtubeQuery is the query of video id's player: its flags, its start
// and end, and for a loop a playlist of the one video.
func youtubeQuery(inv *shortcodes.Invocation, id string) (url.Values, error) {
	q, err := youtubeFlags(inv)
	if err != nil {
		return nil, err
	}
	for _, name := range []string{"start", "end"} {
		s, err := seconds(inv, name)
		if err != nil {
			return nil, err
		}
		q.Set(name, s)
	}
	if q.Get("loop") == "1" {
		q.Set("playlist", id)
	}
	return q, nil
}

// youtubeFlags are the player's autoplay, controls, loop and mute
// flags, 1 or 0; autoplay mutes, as browsers autoplay muted videos only.
func youtubeFlags(inv *shortcodes.Invocation) (url.Values, error) {
	flags := []struct {
		name string
		def  bool
	}{{"autoplay", false}, {"controls", true}, {"loop", false}, {"mute", false}}
	on := map[string]bool{}
	for _, f := range flags {
		b, err := boolArg(inv, f.name, f.def)
		if err != nil {
			return nil, err
		}
		on[f.name] = b
	}
	on["mute"] = on["mute"] || on["autoplay"]
	q := url.Values{}
	for _, f := range flags {
		q.Set(f.name, strconv.Itoa(b2i(on[f.name])))
	}
	return q, nil
}

// seconds reads the start or end argument (name): a number of seconds,
// "0" when it is not given.
func seconds(inv *shortcodes.Invocation, name string) (string, error) {
	s := cmp.Or(arg(inv, name, -1), "0")
	if _, err := strconv.Atoi(s); err != nil {
		return "", inv.Errorf("shortcode %q: %s must be a number of seconds, not %q", inv.Name, name, s)
	}
	return s, nil
}

// youtubeAllow is the player iframe's allow list.
func youtubeAllow(fullScreen bool) string {
	allow := "accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share"
	if fullScreen {
		allow += "; fullscreen"
	}
	return allow
}

// youtubeHost serves the player: youtube-nocookie.com unless the site
// turns privacy.youtube.privacyEnhanced off.
func (pg *Page) youtubeHost() string {
	if pg.Privacy.YouTube.PrivacyEnhanced {
		return "www.youtube-nocookie.com"
	}
	return "www.youtube.com"
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
