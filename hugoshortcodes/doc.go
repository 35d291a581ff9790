// Package hugoshortcodes holds Hugo's embedded shortcodes (figure, gist,
// highlight, instagram, param, ref, relref, tweet, twitter, x and their
// _simple forms, vimeo, vimeo_simple, youtube, details and qr) as
// built-ins of the shortcodes engine: Go code that checks a use's
// arguments, as Hugo reads them, and computes what the template
// shortcodes/NAME.html of the default theme writes.
//
// The markup lives in templates so that a site can restyle an embed; a
// site's own shortcodes/NAME.html replaces the built-in whole, arguments
// included, as it replaces Hugo's embedded template (the generator
// registers only the names whose template is the default theme's).
//
// Nothing here fetches: where Hugo asks a provider for oEmbed HTML at
// build time (tweets, Instagram posts, gists, vimeo_simple), the build
// writes a static card linking to the post, and a provider's script is
// written only when the site opts in (Privacy.Scripts).
package hugoshortcodes
