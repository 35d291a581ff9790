package generator

// defaultFeedItems is how many items a feed of a site configured with
// site.toml holds. A Hugo configuration's feeds hold every page by
// default, as Hugo's do.
const defaultFeedItems = 20

// feedLimit is how many of a list's n pages its feed holds: rssLimit
// or services.rss.limit when set (below 0: all), else the default.
func (b *builder) feedLimit(n int) int {
	limit := b.cfg.Services.RSS.Limit
	if limit == 0 {
		limit = b.cfg.RSSLimit
	}
	if limit == 0 {
		limit = -1
		if b.cfg.File == "" || b.cfg.File == "site.toml" {
			limit = defaultFeedItems
		}
	}
	if limit < 0 || limit > n {
		return n
	}
	return limit
}
