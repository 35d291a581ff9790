package generator

import "cmp"

// defaultFeedItems is how many items a feed of a site configured with
// site.toml holds. A Hugo configuration's feeds hold every page by
// default, as Hugo's do.
const defaultFeedItems = 20

// feedLimit is how many of a list's n pages its feed holds: rssLimit
// or services.rss.limit when set (below 0: all), else the default.
func (b *builder) feedLimit(n int) int {
	if limit := b.feedItems(); limit >= 0 && limit <= n {
		return limit
	}
	return n
}

// feedItems is the configured number of feed items: services.rss.limit,
// else rssLimit, else the default (-1, all, for a Hugo configuration).
func (b *builder) feedItems() int {
	if limit := cmp.Or(b.cfg.Services.RSS.Limit, b.cfg.RSSLimit); limit != 0 {
		return limit
	}
	if !b.hugoConfigured() {
		return defaultFeedItems
	}
	return -1
}
