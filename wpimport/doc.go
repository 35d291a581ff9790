// Package wpimport turns a WordPress export (WXR, Tools → Export) into a
// new affsite site: posts and pages become Markdown with front matter,
// their old permalinks kept, media copied from a copy of
// wp-content/uploads, and the cloaked links of ThirstyAffiliates and
// Pretty Links (their CSV exports) become entries of the links registry
// at their old paths, so that /recommends/NAME/ keeps redirecting.
//
// The export is read twice, token by token: once for what posts refer
// to (attachments, the ids of posts for ?p= links), once to convert.
// Memory grows with the number of items (a few hundred bytes each), not
// with the size of the file.
package wpimport
