package answer

import "time"

// Source describes one stored article, without its text.
type Source struct {
	ID            string    `json:"id"`
	Title         string    `json:"title"`
	Source        string    `json:"source"`
	URL           string    `json:"url"`
	Published     time.Time `json:"published"`
	PublishedFrom string    `json:"published_from,omitempty"`
	Chunks        int       `json:"chunks"`
}
