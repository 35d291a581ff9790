package hugoshortcodes

import (
	"net/url"
	"strings"

	"github.com/affsite/affsite/shortcodes"
)

// Card is .Data of gist, instagram, tweet, twitter and x (and their
// _simple forms): a static card linking to the post, which the build
// writes without asking the provider. Script, when set, is the
// provider's script, which the site has allowed (Privacy.Scripts) and
// which turns the card into the provider's embed in the reader's browser.
type Card struct {
	Disabled bool
	Provider string // "x", "twitter", "instagram", "gist"
	URL      string // the post
	Text     string // the link's text
	DNT      bool   // ask the provider not to track (X)
	Script   string
}

// Post is Hugo's x, tweet and twitter shortcodes (and their _simple
// forms), with Hugo's named user and id, or the single positional id
// that Hugo's tweet took before 0.89.
//
//	{{< x user="SanDiegoZoo" id="1453110110599868418" >}}
//	{{< tweet 1453110110599868418 >}}
func (pg *Page) Post(inv *shortcodes.Invocation) error {
	if pg.Privacy.X.Disable {
		inv.Data = Card{Disabled: true}
		return nil
	}
	id, err := required(inv, "id", 0)
	if err != nil {
		return err
	}
	user := arg(inv, "user", -1)
	if inv.IsNamedParams() && user == "" {
		return inv.Errorf("shortcode %q needs two named arguments, user and id", inv.Name)
	}
	host, provider := "x.com", "x"
	if !strings.HasPrefix(inv.Name, "x") {
		host, provider = "twitter.com", "twitter"
	}
	c := Card{Provider: provider, DNT: pg.Privacy.X.EnableDNT}
	if user == "" {
		c.URL = "https://" + host + "/i/status/" + url.PathEscape(id)
		c.Text = "A post on X"
	} else {
		c.URL = "https://" + host + "/" + url.PathEscape(user) + "/status/" + url.PathEscape(id)
		c.Text = "A post by @" + user + " on X"
	}
	if pg.Privacy.Scripts && !pg.Privacy.X.Simple && !strings.HasSuffix(inv.Name, "_simple") {
		c.Script = "https://platform.twitter.com/widgets.js"
	}
	inv.Data = c
	return nil
}

// Instagram is Hugo's instagram shortcode: the post's id, and the
// "hidecaption" that Hugo took before 0.123 (accepted; the card has no
// caption).
//
//	{{< instagram CxOWiQNP2MO >}}
func (pg *Page) Instagram(inv *shortcodes.Invocation) error {
	if pg.Privacy.Instagram.Disable {
		inv.Data = Card{Disabled: true}
		return nil
	}
	id, err := required(inv, "id", 0)
	if err != nil {
		return err
	}
	c := Card{Provider: "instagram", URL: "https://www.instagram.com/p/" + url.PathEscape(id) + "/", Text: "View this post on Instagram"}
	if pg.Privacy.Scripts && !pg.Privacy.Instagram.Simple {
		c.Script = "https://www.instagram.com/embed.js"
	}
	inv.Data = c
	return nil
}

// Gist is Hugo's gist shortcode: the user, the gist's id, and
// optionally one of its files.
//
//	{{< gist jmooring 23932424365401ffa5e9d9810102a477 >}}
//	{{< gist jmooring 23932424365401ffa5e9d9810102a477 list.html >}}
func (pg *Page) Gist(inv *shortcodes.Invocation) error {
	user, err := required(inv, "user", 0)
	if err != nil {
		return err
	}
	id, err := required(inv, "id", 1)
	if err != nil {
		return err
	}
	file := arg(inv, "file", 2)
	base := "https://gist.github.com/" + url.PathEscape(user) + "/" + url.PathEscape(id)
	c := Card{Provider: "gist", URL: base, Text: user + "/" + id + " on GitHub Gist"}
	if file != "" {
		// GitHub's anchor for a file: "file-" and the name, dots as dashes.
		c.URL += "#file-" + strings.ToLower(strings.NewReplacer(".", "-", " ", "-").Replace(file))
		c.Text = file + " from " + c.Text
	}
	if pg.Privacy.Scripts {
		c.Script = base + ".js"
		if file != "" {
			c.Script += "?file=" + url.QueryEscape(file)
		}
	}
	inv.Data = c
	return nil
}
