package brief

import (
	"errors"
)

var (
	// ErrInvalidWindow is returned for a window whose From is after To.
	ErrInvalidWindow = errors.New("invalid window")
	// ErrInvalidConfig is returned by New for an unusable Config.
	ErrInvalidConfig = errors.New("invalid briefing config")
)
