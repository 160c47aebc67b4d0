package brief

import (
	"time"
)

// Window selects articles by publication time. From and To are inclusive;
// a zero bound is open. With All, every article is included, undated ones
// too, and From/To are ignored.
type Window struct {
	From, To time.Time
	All      bool
}
