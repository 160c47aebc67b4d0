package answer

import (
	"fmt"
	"time"
)

// Briefing is a summary of the stories of a time window.
type Briefing struct {
	GeneratedAt time.Time `json:"generated_at"`
	// Mode is ModeExtractive or ModeLLM.
	Mode   string `json:"mode"`
	Window Period `json:"window"`
	// Empty is true when no article fell inside the window.
	Empty bool `json:"empty,omitempty"`
	// Overview is a short model-written opening (ModeLLM only); its [k]
	// markers name story k (1-based).
	Overview string  `json:"overview,omitempty"`
	Stories  []Story `json:"stories"`
	// Notes say how publication dates were obtained when it matters
	// (dates from file times, undated articles).
	Notes []string `json:"notes,omitempty"`
	// Warnings list model failures, dropped citation markers and fallbacks.
	Warnings []string `json:"warnings,omitempty"`
}

// Period is the window a briefing covers, as reported in JSON.
type Period struct {
	From time.Time `json:"from,omitzero"`
	To   time.Time `json:"to,omitzero"`
	// All is true for a briefing over every article.
	All bool `json:"all,omitempty"`
}

// Story is one event covered by one or more articles.
type Story struct {
	Headline string `json:"headline"`
	// Summary has [n] markers that all resolve in Citations.
	Summary    string   `json:"summary"`
	Outlets    []string `json:"outlets"`
	ArticleIDs []string `json:"article_ids"`
	// Published is the earliest known publication time of the story's
	// articles; zero when none is known.
	Published time.Time  `json:"published,omitzero"`
	Citations []Citation `json:"citations"`
	// Disagreements are facts the outlets state differently.
	Disagreements []Disagreement `json:"disagreements"`
}

// Disagreement is one fact that outlets state differently.
type Disagreement struct {
	// Topic names the fact, e.g. "duration of the war".
	Topic string `json:"topic"`
	// Kind is "duration", "count", "age", "money", "percent", "date",
	// "weekday", "role" or "speaker".
	Kind   string  `json:"kind"`
	Claims []Claim `json:"claims"`
}

// Claim is one outlet's version of a disputed fact.
type Claim struct {
	ArticleID string `json:"article_id"`
	Source    string `json:"source"`
	// Value is the disputed words as written, e.g. "nearly three years".
	Value string `json:"value"`
	// Quote is the verbatim sentence that states it.
	Quote string `json:"quote"`
	// N is the number of the story citation that quotes it.
	N int `json:"n"`
}

// Heading is the first line of a briefing: when it was written, how, and
// the window it covers.
func (b Briefing) Heading() string {
	h := fmt.Sprintf("Briefing of %s (%s)", b.GeneratedAt.Format("2 Jan 2006 15:04 MST"), b.Mode)
	switch {
	case b.Window.All:
		h += ", all articles"
		if !b.Window.From.IsZero() {
			h += fmt.Sprintf(" (dated %s to %s)", b.Window.From.Format("2 Jan 2006"), b.Window.To.Format("2 Jan 2006"))
		}
	case !b.Window.From.IsZero() && !b.Window.To.IsZero():
		h += fmt.Sprintf(", articles from %s to %s", b.Window.From.Format("2 Jan 2006 15:04"), b.Window.To.Format("2 Jan 2006 15:04 MST"))
	}
	return h
}

// EmptyText is what an empty briefing says: "Nothing new since …".
func (b Briefing) EmptyText() string {
	if b.Window.From.IsZero() {
		return "Nothing new to brief."
	}
	return "Nothing new since " + b.Window.From.Format("Mon 2 Jan 2006 15:04 MST") + "."
}

// DateLabel formats a story's publication time for readers: "2 Jan 2006",
// or "date unknown".
func (s Story) DateLabel() string {
	if s.Published.IsZero() {
		return "date unknown"
	}
	return s.Published.Format("2 Jan 2006")
}
