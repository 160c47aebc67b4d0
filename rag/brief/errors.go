package brief

import (
	"errors"

	"github.com/newsbot/newsbot/rag/answer"
)

var (
	// ErrNoArticles is answer.ErrNoArticles: no article falls inside the
	// window; the Briefing returned with it is still usable.
	ErrNoArticles = answer.ErrNoArticles
	// ErrInvalidWindow is returned for a window whose From is after To.
	ErrInvalidWindow = errors.New("invalid window")
	// ErrInvalidConfig is returned by New for an unusable Config.
	ErrInvalidConfig = errors.New("invalid briefing config")
)
