package schedule

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	// IANA zone data built in, so zone names resolve on hosts without
	// /usr/share/zoneinfo (scratch containers).
	_ "time/tzdata"
)

// ParseClock parses "HH:MM" (24-hour clock, two digits each), returning an
// error wrapping ErrInvalidTime otherwise.
func ParseClock(at string) (hour, minute int, err error) {
	h, m, ok := strings.Cut(strings.TrimSpace(at), ":")
	if !ok || len(h) != 2 || len(m) != 2 {
		return 0, 0, fmt.Errorf("%q: %w", at, ErrInvalidTime)
	}
	hour, err1 := strconv.Atoi(h)
	minute, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || hour < 0 || hour > 23 || minute < 0 || minute > 59 {
		return 0, 0, fmt.Errorf("%q: %w", at, ErrInvalidTime)
	}
	return hour, minute, nil
}

// LoadZone resolves an IANA time zone name, returning an error wrapping
// ErrInvalidTimezone for anything else ("Local" and "" are refused: a
// subscription must not depend on the server's zone).
func LoadZone(name string) (*time.Location, error) {
	name = strings.TrimSpace(name)
	if name == "" || name == "Local" {
		return nil, fmt.Errorf("%q: %w", name, ErrInvalidTimezone)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("%q: %w", name, ErrInvalidTimezone)
	}
	return loc, nil
}

// ScheduledAt returns the instant at which wall time hour:minute occurs on
// the given local date in loc. A wall time skipped by a spring-forward
// change maps to the first instant after the gap; one repeated by a
// fall-back change maps to its first occurrence.
func ScheduledAt(year int, month time.Month, day, hour, minute int, loc *time.Location) time.Time {
	t := time.Date(year, month, day, hour, minute, 0, 0, loc)
	// Compare t's wall clock with the one asked for, as minutes from the
	// asked date's midnight (t may have slipped to a neighbouring day).
	want := hour*60 + minute
	ty, tm, td := t.Date()
	dayShift := time.Date(ty, tm, td, 0, 0, 0, 0, time.UTC).Sub(time.Date(year, month, day, 0, 0, 0, 0, time.UTC))
	got := int(dayShift/time.Minute) + t.Hour()*60 + t.Minute()
	if got != want {
		// In a gap: Go normalized with one of the two offsets. The gap
		// ends at the zone transition next to t: the end of t's zone
		// when t is early, the start of it when t is late.
		start, end := t.ZoneBounds()
		if got < want && !end.IsZero() {
			return end
		}
		if got > want && !start.IsZero() {
			return start
		}
		return t
	}
	// Ambiguous: the same wall time may also exist just before this zone
	// began (fall back). Prefer that earlier occurrence.
	start, _ := t.ZoneBounds()
	if start.IsZero() {
		return t
	}
	_, cur := t.Zone()
	_, prev := start.Add(-time.Nanosecond).Zone()
	if prev > cur {
		earlier := t.Add(-time.Duration(prev-cur) * time.Second)
		if e := earlier.In(loc); earlier.Before(start) && e.Hour() == hour && e.Minute() == minute && e.Day() == day {
			return earlier
		}
	}
	return t
}

// localDate is a calendar date in a subscription's zone.
type localDate struct {
	y int
	m time.Month
	d int
}

func dateOf(t time.Time) localDate {
	y, m, d := t.Date()
	return localDate{y, m, d}
}

// add returns the date n days later (n may be negative).
func (d localDate) add(n int) localDate {
	return dateOf(time.Date(d.y, d.m, d.d+n, 12, 0, 0, 0, time.UTC))
}

func (d localDate) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d) }

func (d localDate) compact() string { return fmt.Sprintf("%04d%02d%02d", d.y, d.m, d.d) }
