package brief

import (
	"time"

	"github.com/newsbot/newsbot/rag/answer"
)

// Window selects articles by publication time. From and To are inclusive;
// a zero bound is open. With All, every article is included, undated ones
// too, and From/To are ignored.
type Window struct {
	From, To time.Time
	All      bool
}

// The answer contract's briefing types, used unqualified inside brief.
type (
	Briefing     = answer.Briefing
	Period       = answer.Period
	Story        = answer.Story
	Disagreement = answer.Disagreement
	Claim        = answer.Claim
)
