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
	// Disagreements are facts that independent reports of the same time
	// state differently, the most salient first (counts of people, money,
	// dates, who said or did what), at most a handful.
	Disagreements []Disagreement `json:"disagreements"`
	// Developing lists the figures that later reports revised ("death toll
	// 48 → 73"), each value cited, in time order.
	Developing []Development `json:"developing,omitempty"`
	// Independent counts the story's independent reports; Copies the
	// articles that repeat one of them near word for word (wire copies,
	// syndicated reprints). Independent + Copies = len(ArticleIDs).
	Independent int `json:"independent"`
	Copies      int `json:"copies"`
	// CopiesOf names each copy and the report it repeats.
	CopiesOf []Copy `json:"copies_of,omitempty"`
}

// Development is one figure that changed over time in a story.
type Development struct {
	// Topic names the figure, e.g. "number of people killed".
	Topic string `json:"topic"`
	// Kind is "count", "money" or "percent".
	Kind string `json:"kind"`
	// Values holds one cited claim per successive value, oldest first; the
	// last is the latest reported.
	Values []Claim `json:"values"`
}

// Copy is one article that repeats another article of its story.
type Copy struct {
	ArticleID string `json:"article_id"`
	Source    string `json:"source"`
	// Of is the article it copies (the earliest of the copies).
	Of string `json:"of"`
}

// Disagreement is one fact that outlets state differently.
type Disagreement struct {
	// Topic names the fact, e.g. "duration of the war".
	Topic string `json:"topic"`
	// Kind is "duration", "count", "age", "money", "percent", "date",
	// "weekday", "role" or "speaker".
	Kind string `json:"kind"`
	// Status is "disputed": reports of the same time that cannot all be
	// right (a figure revised over time is a Development instead).
	Status string  `json:"status,omitempty"`
	Claims []Claim `json:"claims"`
	// More counts the claims left out to keep the list short.
	More int `json:"more,omitempty"`
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
	// Published is the article's publication time, when known.
	Published time.Time `json:"published,omitzero"`
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

// ReportCount says how many independent reports a story rests on when
// some of its articles copy others, "3 independent reports + 2 copies",
// and "" when none do.
func (s Story) ReportCount() string {
	if s.Copies == 0 {
		return ""
	}
	reports, copies := "reports", "copies"
	if s.Independent == 1 {
		reports = "report"
	}
	if s.Copies == 1 {
		copies = "copy"
	}
	return fmt.Sprintf("%d independent %s + %d %s", s.Independent, reports, s.Copies, copies)
}

// DateLabel formats a story's publication time for readers: "2 Jan 2006",
// or "date unknown".
func (s Story) DateLabel() string {
	if s.Published.IsZero() {
		return "date unknown"
	}
	return s.Published.Format("2 Jan 2006")
}
