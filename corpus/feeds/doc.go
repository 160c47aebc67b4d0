// Package feeds fetches RSS 1.0/2.0, Atom and JSON feeds and the article
// pages they link to, and writes each article as a Markdown file with front
// matter into a directory that the corpus loader then indexes.
//
// One file per article, named "<id>.md", where id is derived from the
// article's canonical URL ("<host-slug>_<16 hex of sha256>"). Files are
// written atomically (temporary file, fsync, rename) and only when their
// bytes change, so a re-run over unchanged feeds touches nothing and the
// corpus ingest (which re-embeds by content hash) embeds nothing; an updated
// article rewrites its file and is re-embedded.
//
// The fetcher is polite (descriptive User-Agent, conditional feed requests,
// one request at a time per host with a delay between requests, timeouts,
// bounded redirects and body sizes) and robust: a broken feed is reported in
// the Report and logged, and never stops the other feeds nor removes anything
// already stored. Each request, each feed and each Fetch has a deadline
// (Config.Timeout, FeedTimeout, RunTimeout).
//
// Feeds are untrusted: entry pages and redirects outside the configured
// feed URL's own origin may only reach public addresses, checked at connect
// time on the address dialled; Config.AllowNets and AllowHosts widen that.
//
// Crawl state (feed validators, which feed entries were already handled,
// which URLs belong to which article, near-duplicate signatures) lives in
// the SQLite database handed over in Config.DB, in tables prefixed feed_
// that this package migrates (migration/*.sql). Older versions kept it in
// Dir/state.db: New copies that file's rows over once and renames it
// state.db.migrated.
//
// # Files
//
// Each file starts with a front-matter block whose values are all
// double-quoted (strconv.Quote): title, source (site name from the page,
// else the feed's title, else the host), url (the canonical URL: the page's
// rel=canonical or og:url, else the link, tracking parameters removed),
// urls (other URLs of the same story, space-separated: syndicated copies),
// published (RFC 3339, UTC: the entry's date, else the page's), author.
// The body is the article's paragraphs separated by blank lines.
//
// # Wiring
//
// A command opens the database, builds one Fetcher (New) per Dir, calls Fetch with the feed
// URLs (ParseFeedList or ReadFeedFile, or ResolveFeeds for a value that may
// be either), then re-ingests Dir with the corpus loader when
// Report.HasChanges. A long-running process uses Poller.Run with the
// re-ingest as its onNew callback. Close the Fetcher when done.
package feeds
