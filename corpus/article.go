package corpus

import "time"

// Article is one cleaned news article.
type Article struct {
	// ID is the file name without extension, e.g. "004_24b6ce5695047e87".
	ID string
	// Title comes from front matter, else it is derived from the text.
	Title string
	// Source is the outlet (e.g. "Gulf News"): from front matter, else the
	// holder a copyright notice names, else the URL's host; empty when unknown.
	Source string
	// URL is the canonical address of the article, empty when unknown.
	URL string
	// Published is the publication time; the zero Time when unknown.
	Published time.Time
	// PublishedFrom says where Published came from: "front matter",
	// "text", "file time" or "" when unknown.
	PublishedFrom string
	// Author is the byline, empty when unknown.
	Author string
	// Text is the cleaned article body (page furniture removed), with
	// paragraphs separated by "\n".
	Text string
	// Path is the file the article was read from, relative to the corpus root.
	Path string
	// Origin names the collection the article was loaded from, e.g. the
	// absolute corpus folder, the feeds folder or "shipped"; empty when
	// unknown. Ingest removes stored articles per origin.
	Origin string
	// Hash is the hex SHA-256 of the raw file bytes; it changes when the file does.
	Hash string
}
