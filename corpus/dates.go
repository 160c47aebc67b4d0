package corpus

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// monthPattern matches English month names and their abbreviations.
const monthPattern = `(January|February|March|April|May|June|July|August|September|October|November|December|` +
	`Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)`

var (
	// "December 2, 2025", "Dec. 2nd 2025"
	mdyDate = regexp.MustCompile(`\b` + monthPattern + `\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	// "2 December 2025", "2nd of Dec, 2025"
	dmyDate = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthPattern + `\.?,?\s+(\d{4})\b`)
	// "2025-12-02", also at the start of "2025-12-02T10:00:00Z"
	isoDate = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})(?:\b|T)`)

	weekdayPrefix = regexp.MustCompile(`(?i)^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|nesday|rsday|urday|sday)?\.?,?\s+`)
	ordinalSuffix = regexp.MustCompile(`\b(\d{1,2})(st|nd|rd|th)\b`)
	monthDot      = regexp.MustCompile(`\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.`)
)

// publishedLayouts are the layouts accepted for the front matter
// "published" value, tried in order. Values without a zone are UTC.
var publishedLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	time.RFC822Z,
	time.RFC822,
	time.RFC850,
	"January 2, 2006 15:04",
	"January 2, 2006 3:04 PM",
	"January 2, 2006",
	"January 2 2006",
	"Jan 2, 2006 15:04",
	"Jan 2, 2006 3:04 PM",
	"Jan 2, 2006",
	"Jan 2 2006",
	"2 January 2006 15:04",
	"2 January 2006",
	"2 Jan 2006 15:04",
	"2 Jan 2006",
	"2 January, 2006",
	"2 Jan, 2006",
}

// acceptedDates lists the publication date forms for error messages.
const acceptedDates = "accepted: 2025-12-02, 2025-12-02T15:04:05Z, December 2, 2025, Dec 2 2025, 2 December 2025, " +
	"Tue, 02 Dec 2025 15:04:05 +0000, or 12/25/2025 and 25/12/2025 when the day is over 12"

// slashDate matches an all-numeric date with slashes, "12/25/2025".
var slashDate = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})$`)

// parsePublished parses a front matter publication date: RFC 3339, ISO
// dates with an optional time, RFC 1123/822 and English forms such as
// "January 2, 2006", "Tuesday, Dec. 2nd, 2025" or "2 January 2006".
// All-numeric dates with slashes are read when only one order makes a
// date (12/25/2025 is US month-first, 25/12/2025 day-first, 05/05/2025
// either); 12/02/2025 could be December 2 or 12 February and is an
// error that says so.
func parsePublished(s string) (time.Time, error) {
	if m := slashDate.FindStringSubmatch(s); m != nil {
		return parseSlashDate(s, m[1], m[2], m[3])
	}
	candidates := []string{s}
	if n := normalizeDate(s); n != s {
		candidates = append(candidates, n)
	}
	for _, c := range candidates {
		for _, layout := range publishedLayouts {
			if t, err := time.Parse(layout, c); err == nil {
				return t, nil
			}
		}
	}
	return time.Time{}, fmt.Errorf("cannot read published date %s (%s)", quoteShort(s), acceptedDates)
}

// parseSlashDate reads a/b/year when only one of month-first and
// day-first gives a date, or both give the same one.
func parseSlashDate(s, a, b, year string) (time.Time, error) {
	us, usOK := makeDate(year, a, b)
	eu, euOK := makeDate(year, b, a)
	switch {
	case usOK && euOK && !us.Equal(eu):
		return time.Time{}, fmt.Errorf("cannot read published date %s: it could be %s or %s (write %s or %s; %s)",
			quoteShort(s), us.Format("January 2, 2006"), eu.Format("January 2, 2006"),
			us.Format("2006-01-02"), eu.Format("2006-01-02"), acceptedDates)
	case usOK:
		return us, nil
	case euOK:
		return eu, nil
	}
	return time.Time{}, fmt.Errorf("cannot read published date %s (%s)", quoteShort(s), acceptedDates)
}

// normalizeDate removes a leading weekday, ordinal suffixes and dots after
// month abbreviations, and spells "Sept" as "Sep".
func normalizeDate(s string) string {
	s = weekdayPrefix.ReplaceAllString(s, "")
	s = ordinalSuffix.ReplaceAllString(s, "$1")
	s = monthDot.ReplaceAllString(s, "$1")
	s = strings.ReplaceAll(s, "Sept ", "Sep ")
	return s
}

// textDateWindow is how many leading paragraphs are searched for a date.
// News ledes state when the event happened in the first few paragraphs;
// dates further down are usually background ("the war began on ...").
const textDateWindow = 5

// findTextDate looks for the publication date stated in the first
// paragraphs of an article. Only full dates with a year count ("Tuesday,
// December 2, 2025", "Dec 2, 2025", "2 December 2025", "2025-12-02"):
// "December 2nd" or "Tuesday (Dec 2)" could be any year, and all-numeric
// forms such as 02/12/2025 could be day-first or month-first, so they are
// ignored. When the window holds exactly one distinct date it is used
// (as midnight UTC); several distinct dates are ambiguous and none is used.
func findTextDate(lines []string) (time.Time, bool) {
	if len(lines) > textDateWindow {
		lines = lines[:textDateWindow]
	}
	var found time.Time
	for _, l := range lines {
		for _, d := range datesIn(l) {
			switch {
			case found.IsZero():
				found = d
			case !d.Equal(found):
				return time.Time{}, false
			}
		}
	}
	return found, !found.IsZero()
}

// datesIn returns the full calendar dates written in s, in no particular
// order, as midnight UTC.
func datesIn(s string) []time.Time {
	if !hasYear(s) {
		return nil // the date patterns are slow; most lines have no year
	}
	var out []time.Time
	add := func(y, m, d string) {
		if t, ok := makeDate(y, m, d); ok {
			out = append(out, t)
		}
	}
	for _, m := range mdyDate.FindAllStringSubmatch(s, -1) {
		add(m[3], m[1], m[2])
	}
	for _, m := range dmyDate.FindAllStringSubmatch(s, -1) {
		add(m[3], m[2], m[1])
	}
	for _, m := range isoDate.FindAllStringSubmatch(s, -1) {
		add(m[1], m[2], m[3])
	}
	return out
}

// hasYear reports whether s holds a run of four ASCII digits.
func hasYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// makeDate builds a date from year, month (number or English name) and
// day strings; it rejects impossible dates such as February 30.
func makeDate(ys, ms, ds string) (time.Time, bool) {
	y, err1 := strconv.Atoi(ys)
	d, err2 := strconv.Atoi(ds)
	if err1 != nil || err2 != nil || y < 1900 || y > 2200 {
		return time.Time{}, false
	}
	m, err := strconv.Atoi(ms)
	if err != nil {
		m = monthNumber(ms)
	}
	if m < 1 || m > 12 || d < 1 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// monthNumber returns 1-12 for an English month name or abbreviation, 0
// when name is not one.
func monthNumber(name string) int {
	if len(name) < 3 {
		return 0
	}
	prefix := strings.ToLower(name[:3])
	for m := time.January; m <= time.December; m++ {
		if strings.ToLower(m.String()[:3]) == prefix {
			return int(m)
		}
	}
	return 0
}
