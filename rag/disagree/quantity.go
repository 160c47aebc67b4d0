package disagree

import (
	"math"
	"strconv"
	"strings"
	"unicode"
)

// item is one word of a sentence; hyphenated compounds ("five-hour") are
// split into items whose joined flag is set after the first.
type item struct {
	w          string // lower-case, punctuation trimmed
	raw        string // as written, punctuation trimmed
	start, end int    // byte offsets in the sentence
	tokEnd     int    // end of the whole whitespace token
	joined     bool   // follows the previous item inside one hyphenated token
	breakAfter bool   // a clause mark (, ; : — ( ) follows
	sym        string // currency symbol or "%" attached to the token
}

func splitItems(s string) []item {
	var items []item
	i := 0
	for i < len(s) {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
			i++
		}
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' {
			j++
		}
		if j == i {
			break
		}
		tok := s[i:j]
		// Em dashes glue words in some styles ("duration—extending"): split.
		parts := splitKeep(tok, i)
		for _, p := range parts {
			items = append(items, p...)
		}
		i = j
	}
	return items
}

// splitKeep splits one whitespace token on em dashes and hyphens.
func splitKeep(tok string, off int) [][]item {
	var out [][]item
	for _, seg := range splitOffsets(tok, "—–") {
		var group []item
		segText := tok[seg[0]:seg[1]]
		trail := seg[1] < len(tok) // an em dash follows
		trimmed := strings.TrimRightFunc(segText, isTrailPunct)
		if trail || len(trimmed) < len(segText) && strings.ContainsAny(segText[len(trimmed):], ",;:()—") {
			trail = true
		}
		sym := ""
		lead := strings.TrimLeftFunc(trimmed, func(r rune) bool { return strings.ContainsRune("\"“‘'([", r) })
		for _, c := range []string{"$", "€", "£", "¥", "₽"} {
			if strings.HasPrefix(lead, c) {
				sym = c
				lead = lead[len(c):]
			}
		}
		if strings.HasSuffix(lead, "%") {
			sym = "%"
			lead = strings.TrimSuffix(lead, "%")
		}
		leadOff := off + seg[0] + strings.Index(segText, lead)
		for k, h := range splitOffsets(lead, "-") {
			raw := lead[h[0]:h[1]]
			raw = strings.TrimSuffix(strings.TrimSuffix(raw, "’s"), "'s")
			group = append(group, item{
				w: strings.ToLower(raw), raw: raw,
				start: leadOff + h[0], end: leadOff + h[0] + len(raw),
				tokEnd: off + seg[1], joined: k > 0, sym: sym,
			})
		}
		if len(group) > 0 {
			group[len(group)-1].breakAfter = trail
		}
		out = append(out, group)
	}
	return out
}

func isTrailPunct(r rune) bool { return strings.ContainsRune(".,;:!?\"”’)]'", r) }

// splitOffsets returns the [start,end) byte ranges of s between any of seps.
func splitOffsets(s, seps string) [][2]int {
	var out [][2]int
	start := 0
	for i, r := range s {
		if strings.ContainsRune(seps, r) {
			if i > start {
				out = append(out, [2]int{start, i})
			}
			start = i + len(string(r))
		}
	}
	if start < len(s) {
		out = append(out, [2]int{start, len(s)})
	}
	return out
}

var numberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90, "dozen": 12, "half": 0.5,
}

var multipliers = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"m": 1e6, "mn": 1e6, "bn": 1e9, "k": 1e3,
}

// parseNumber reads a number starting at items[i]: digits ("153,000",
// "2.5", "10m"), number words ("five", "twenty-five") and a multiplier
// ("1.5 million"). It returns the value, the index after it, whether it
// was written as a number word, and whether it parsed.
func parseNumber(items []item, i int) (v float64, next int, word bool, ok bool) {
	w := items[i].w
	if d, mult, good := parseDigits(w); good {
		v, next = d*mult, i+1
	} else if n, good := numberWords[w]; good && w != "half" && w != "dozen" {
		v, next, word = n, i+1, true
		// "twenty-five", "twenty five"
		if n >= 20 && next < len(items) {
			if u, good := numberWords[items[next].w]; good && u < 10 {
				v += u
				next++
			}
		}
	} else {
		return 0, i, false, false
	}
	for next < len(items) {
		m, good := multipliers[items[next].w]
		if !good || len(items[next].w) == 1 && !items[next].joined {
			break
		}
		v *= m
		next++
	}
	return v, next, word, true
}

// parseDigits parses "153,000", "2.5", "10m", "3bn".
func parseDigits(w string) (float64, float64, bool) {
	if w == "" || w[0] < '0' || w[0] > '9' {
		return 0, 0, false
	}
	mult := 1.0
	for suf, m := range map[string]float64{"bn": 1e9, "m": 1e6, "k": 1e3, "mn": 1e6} {
		if strings.HasSuffix(w, suf) {
			w, mult = strings.TrimSuffix(w, suf), m
			break
		}
	}
	for _, r := range w {
		if !unicode.IsDigit(r) && r != ',' && r != '.' {
			return 0, 0, false
		}
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(w, ",", ""), 64)
	if err != nil {
		return 0, 0, false
	}
	return f, mult, true
}

// hedge is a qualifier before a number.
type hedge int

const (
	hedgeNone     hedge = iota
	hedgeAbout          // about, around, approximately, roughly, some
	hedgeNearly         // nearly, almost, close to, just under
	hedgeAtMost         // up to, less than, fewer than, under, as many as
	hedgeOver           // more than, over, just over, upwards of
	hedgeAtLeast        // at least
	hedgeWellOver       // well over, well more than
)

var hedgePhrases = []struct {
	words string
	h     hedge
}{
	{"well over", hedgeWellOver}, {"well more than", hedgeWellOver}, {"more than", hedgeOver},
	{"just over", hedgeOver}, {"upwards of", hedgeOver}, {"in excess of", hedgeOver}, {"over", hedgeOver},
	{"at least", hedgeAtLeast}, {"no fewer than", hedgeAtLeast}, {"close to", hedgeNearly},
	{"just under", hedgeNearly}, {"nearly", hedgeNearly}, {"almost", hedgeNearly},
	{"up to", hedgeAtMost}, {"as many as", hedgeAtMost}, {"less than", hedgeAtMost},
	{"fewer than", hedgeAtMost}, {"under", hedgeAtMost},
	{"about", hedgeAbout}, {"around", hedgeAbout}, {"approximately", hedgeAbout},
	{"roughly", hedgeAbout}, {"some", hedgeAbout}, {"an estimated", hedgeAbout},
	{"estimated", hedgeAbout}, {"circa", hedgeAbout}, {"approx", hedgeAbout},
}

// hedgeBefore returns the hedge ending right before items[i] and the index
// where it starts.
func hedgeBefore(items []item, i int) (hedge, int) {
	for _, hp := range hedgePhrases {
		ws := strings.Fields(hp.words)
		k := i - len(ws)
		if k < 0 {
			continue
		}
		match := true
		for x, w := range ws {
			if items[k+x].w != w {
				match = false
				break
			}
		}
		if match {
			return hp.h, k
		}
	}
	return hedgeNone, i
}

// interval turns a stated value into the range of true values it allows.
// tol is the rounding tolerance of an unhedged value.
func interval(v float64, h hedge, tol float64) (lo, hi float64) {
	switch h {
	case hedgeAbout:
		return min(v*0.85, v-tol), max(v*1.15, v+tol)
	case hedgeNearly:
		// Open above: "nearly three years" is under three; a hair is
		// taken off so that it does not touch an exact "three".
		return v * 0.85, v - 1e-9*math.Max(1, v)
	case hedgeAtMost:
		return 0, v
	case hedgeOver:
		return v + 1e-9*math.Max(1, v), math.Inf(1)
	case hedgeAtLeast:
		return v, math.Inf(1)
	case hedgeWellOver:
		return v * 1.08, math.Inf(1)
	}
	return v - tol, v + tol
}

// roundTolerance is how far an unhedged count may be from the truth: half
// its rounding step, at most 5% ("153,000" ±500, "100" ±5, "85" exact).
func roundTolerance(v float64, smallUnit bool) float64 {
	if smallUnit && v <= 20 && v == math.Trunc(v) {
		// "five hours", "three years": a reporter's whole units.
		return 0.4
	}
	if v != math.Trunc(v) {
		return v * 0.02
	}
	step := 1.0
	for x := int64(v); x > 0 && x%10 == 0; x /= 10 {
		step *= 10
	}
	if step == 1 {
		return 0
	}
	return min(step/2, v*0.05)
}

func overlaps(alo, ahi, blo, bhi float64) bool {
	return alo <= bhi && blo <= ahi
}
