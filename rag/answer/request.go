package answer

import "time"

// MaxQuestionLen is the longest question accepted, in bytes.
const MaxQuestionLen = 2000

// Request is a question with its options.
type Request struct {
	Question string
	// K is the number of passages to retrieve; 0 means the default.
	K      int
	Filter Filter
	// History is earlier turns of the conversation (bounded by the caller).
	History []Turn
	// OnDelta, when set, receives generated text as it streams.
	OnDelta func(delta string)
}

// Filter narrows retrieval. Zero values mean "no restriction".
type Filter struct {
	ArticleIDs []string
	// Sources match an article's outlet case-insensitively.
	Sources []string
	// From and To bound the publication time (inclusive); articles with an
	// unknown publication time are excluded when either bound is set.
	From, To time.Time
}

// Turn is one earlier exchange of a conversation, oldest first.
type Turn struct {
	// Role is RoleUser or RoleAssistant.
	Role string
	Text string
}

// Roles of a Turn.
const (
	RoleUser      = "user"
	RoleAssistant = "assistant"
)
