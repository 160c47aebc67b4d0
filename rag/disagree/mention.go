package disagree

import (
	"math"
	"strings"

	"github.com/newsbot/newsbot/corpus/text"
)

// mention is one stated quantity, date or weekday with its slot.
type mention struct {
	kind string // duration, age, count, money, percent, date, weekday
	// lo and hi bound the value (hours for durations; yyyymmdd with year 0
	// when unstated for dates; 0–6 for weekdays).
	lo, hi float64
	// unit is the counted noun (counts) or currency (money).
	unit string
	// event is the event class the value belongs to ("meeting", "war",
	// "say"...) or "" when none was found.
	event string
	// context holds the content stems of the clause around the value.
	context map[string]bool
	// names holds the capitalized words of the sentence.
	names map[string]bool
	// when holds the weekdays and months the sentence names; otherEvent
	// is set when it points at another occurrence ("previous", "last",
	// "next"). Both keep a value of another meeting out of this one's slot.
	when       map[string]bool
	otherEvent bool
	// speaker is the capitalized word next to the verb of saying, for
	// values dated by a statement ("the Kremlin confirmed on Wednesday").
	speaker string
	// phase says what a date marks: "start" ("broke out on Saturday"),
	// "when" (it took place or ended then), "say" (a statement), or "?"
	// for another verb ("were battling the flames on Tuesday"), which is
	// never compared.
	phase string
	text  string // the value as written
	// plo and phi bound the bare value, without its hedge ("at least 48"
	// → 48): a later report revises the figure when its value falls
	// outside them. lowerBound is set for "at least", "more than", "over".
	plo, phi   float64
	lowerBound bool
	// noun is the counted noun as written ("hearings"), for labels.
	noun string
	// revised is set when the sentence says a figure changed ("climbed
	// to", "rose to", "revised").
	revised bool
	// report and index are the sentence's Report and Index, set by Find.
	report, index int
}

var durationUnits = map[string]float64{
	"second": 1.0 / 3600, "seconds": 1.0 / 3600, "minute": 1.0 / 60, "minutes": 1.0 / 60,
	"hour": 1, "hours": 1, "day": 24, "days": 24, "week": 168, "weeks": 168,
	"month": 730, "months": 730, "year": 8766, "years": 8766, "decade": 87660, "decades": 87660,
}

var currencies = map[string]string{
	"$": "USD", "dollars": "USD", "dollar": "USD", "€": "EUR", "euros": "EUR", "euro": "EUR",
	"£": "GBP", "pounds": "GBP", "¥": "JPY", "yen": "JPY", "yuan": "CNY", "₽": "RUB",
	"rubles": "RUB", "roubles": "RUB", "rupees": "INR",
}

var months = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
	"december": 12, "dec": 12,
}

var weekdays = map[string]int{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
}

// extractMentions finds the values stated in sentence s.
func extractMentions(s string) []mention {
	items := splitItems(s)
	ctx := clauseContext(items)
	names := capitalized(items)
	when, other := timeRefs(items)
	revised := false
	for _, it := range items {
		revised = revised || revisionWords[it.w]
	}
	var out []mention
	add := func(m mention, from, to int) {
		m.context, m.names, m.when, m.otherEvent, m.revised = ctx, names, when, other, revised
		end := items[to-1].end
		if items[to-1].joined || (to < len(items) && items[to].joined) {
			end = items[to-1].tokEnd
			end = trimRightPunct(s, items[from].start, end)
		}
		start := items[from].start
		if sym := items[from].sym; sym != "" && sym != "%" && start >= len(sym) && s[start-len(sym):start] == sym {
			start -= len(sym)
		}
		m.text = s[start:end]
		out = append(out, m)
	}
	for i := 0; i < len(items); i++ {
		w := items[i].w
		if wd, ok := weekdays[w]; ok {
			ev := eventOf(items, i, i+1, true)
			add(mention{kind: "weekday", lo: float64(wd), hi: float64(wd), plo: float64(wd), phi: float64(wd), event: ev, speaker: speakerOf(items, i, ev), phase: phaseOf(items, i, ev)}, i, i+1)
			continue
		}
		if mo, ok := months[w]; ok && items[i].raw != strings.ToLower(items[i].raw) {
			if date, end, ok := parseDate(items, i, mo); ok {
				ev := eventOf(items, i, end, true)
				add(mention{kind: "date", lo: date, hi: date, plo: date, phi: date, event: ev, speaker: speakerOf(items, i, ev), phase: phaseOf(items, i, ev)}, i, end)
				i = end - 1
				continue
			}
		}
		v, next, word, ok := parseNumber(items, i)
		if !ok {
			continue
		}
		h, from := hedgeBefore(items, i)
		m, end, ok := classify(items, i, next, v, word, h)
		if !ok {
			i = next - 1
			continue
		}
		add(m, from, end)
		i = end - 1
	}
	return out
}

func trimRightPunct(s string, start, end int) int {
	for end > start && strings.ContainsRune(".,;:!?\"”’)", rune(s[end-1])) {
		end--
	}
	return end
}

// parseDate reads "December 2", "Dec. 2nd", "December 2, 2025" at i, or
// "2 December" ending at i.
func parseDate(items []item, i, mo int) (float64, int, bool) {
	if i+1 < len(items) {
		day := strings.TrimRight(items[i+1].w, "stndrh")
		if d, _, ok := parseDigits(day); ok && d >= 1 && d <= 31 && d == math.Trunc(d) {
			end, year := i+2, 0.0
			if end < len(items) {
				if y, _, ok := parseDigits(items[end].w); ok && y >= 1900 && y <= 2100 {
					year, end = y, end+1
				}
			}
			return year*1e4 + float64(mo)*100 + d, end, true
		}
	}
	return 0, 0, false
}

// classify decides what the number at items[i:next] measures.
func classify(items []item, i, next int, v float64, word bool, h hedge) (mention, int, bool) {
	it := items[i]
	// Years, times of day and dates are not quantities.
	if !word && v >= 1900 && v <= 2100 && !strings.Contains(it.w, ",") && it.sym == "" && next == i+1 {
		return mention{}, 0, false
	}
	if i > 0 {
		if _, ok := months[items[i-1].w]; ok {
			return mention{}, 0, false
		}
		if items[i-1].w == "no" || items[i-1].w == "number" {
			return mention{}, 0, false
		}
	}
	if strings.Contains(it.w, ":") {
		return mention{}, 0, false
	}
	var unit string
	if next < len(items) {
		unit = items[next].w
		if _, ok := months[unit]; ok && items[next].raw != unit {
			return mention{}, 0, false
		}
		switch unit {
		case "am", "pm", "a.m", "p.m", "o'clock", "gmt", "utc":
			return mention{}, 0, false
		}
	}
	if it.sym == "%" || unit == "percent" || (unit == "per" && next+1 < len(items) && items[next+1].w == "cent") {
		end := next
		if unit == "percent" {
			end = next + 1
		} else if unit == "per" {
			end = next + 2
		}
		return stated(mention{kind: "percent", event: eventOf(items, i, end, false)}, v, h, roundTolerance(v, false), 1), end, true
	}
	if cur, ok := currencies[it.sym]; ok {
		return stated(mention{kind: "money", unit: cur, event: eventOf(items, i, next, false)}, v, h, roundTolerance(v, false), 1), next, true
	}
	if cur, ok := currencies[unit]; ok {
		return stated(mention{kind: "money", unit: cur, event: eventOf(items, i, next+1, false)}, v, h, roundTolerance(v, false), 1), next + 1, true
	}
	if hours, ok := durationUnits[unit]; ok {
		end := next + 1
		if end < len(items) && items[end].w == "old" || end+1 < len(items) && items[end].w == "of" && items[end+1].w == "age" {
			// "45-year-old", "45 years old": an age.
			if unit != "year" && unit != "years" {
				return mention{}, 0, false
			}
			return stated(mention{kind: "age"}, v, h, 0, 1), end + 1, true
		}
		// "two years ago", "a week later", "in the past 24 hours", "within
		// 48 hours" are points in time or reporting windows, not lengths.
		if end < len(items) && relativeAfter[items[end].w] {
			return mention{}, 0, false
		}
		if k := i - 1; k >= 0 && windowBefore[items[k].w] || h != hedgeNone && i >= 2 && windowBefore[items[i-2].w] {
			return mention{}, 0, false
		}
		if h == hedgeOver && items[i-1].w == "over" && (i < 2 || items[i-2].w != "for") {
			// "talks over three days" reads as "across", not "more than".
			h = hedgeNone
		}
		return stated(mention{kind: "duration", event: eventOf(items, i, end, false)}, v, h, roundTolerance(v, true), hours), end, true
	}
	if v == 1 && word {
		return mention{}, 0, false
	}
	head, noun, end := countHead(items, next)
	if head == "" {
		// "the death toll has climbed to 73": a toll counts the dead.
		if !tollBefore(items, i) {
			return mention{}, 0, false
		}
		head, noun, end = "people", "people", next
	}
	verb := ""
	for _, x := range items {
		if c, ok := countVerbs[text.Stem(x.w)]; ok {
			verb = c
			break
		}
	}
	return stated(mention{kind: "count", unit: head + " " + verb, noun: noun}, v, h, roundTolerance(v, false), 1), end, true
}

// stated sets m's interval from the value v as written with hedge h and
// rounding tolerance tol, scaled to the slot's unit (hours for durations),
// and the interval of the bare value, which the ledger compares over time.
func stated(m mention, v float64, h hedge, tol, scale float64) mention {
	lo, hi := interval(v, h, tol)
	plo, phi := interval(v, hedgeNone, tol)
	m.lo, m.hi, m.plo, m.phi = lo*scale, hi*scale, plo*scale, phi*scale
	m.lowerBound = h == hedgeAtLeast || h == hedgeOver || h == hedgeWellOver
	return m
}

// tollBefore reports whether "toll" comes before the number at items[i]
// in its clause ("the death toll from the quake rose to 73").
func tollBefore(items []item, i int) bool {
	for x := i - 1; x >= 0 && x >= i-12; x-- {
		if items[x].w == "toll" {
			return true
		}
		if items[x].breakAfter {
			return false
		}
	}
	return false
}

// revisionWords say that a figure changed since an earlier report.
var revisionWords = text.WordSet("climbed rose risen increased jumped grew soared surged reached revised updated raised lowered fell dropped")

var (
	relativeAfter = text.WordSet("ago earlier later before after from")
	windowBefore  = text.WordSet("past last next within coming every per first final")
)

// countHead finds the noun a number counts: the first lower-case content
// word within three words, skipping one adjective-looking word. It returns
// the noun's stem (folded: "persons" and "civilians" are people, and "48
// killed" counts people), the noun as written, and the index after it.
func countHead(items []item, i int) (string, string, int) {
	for k := i; k < len(items) && k < i+3; k++ {
		if k > 0 && items[k-1].breakAfter {
			break // "climbed to 73, officials said": the clause ended
		}
		w := items[k].w
		if w == "" || items[k].raw != w || text.IsNewsStop(w) || !isAlpha(w) {
			if items[k].raw != w && isAlpha(w) { // a capitalized modifier ("Ukrainian")
				continue
			}
			return "", "", 0
		}
		if k+1 < len(items) && looksAdjective(w) && isAlpha(items[k+1].w) && items[k+1].raw == items[k+1].w && !text.IsNewsStop(items[k+1].w) {
			continue
		}
		if c, ok := headClasses[w]; ok {
			return c, w, k + 1
		}
		if _, ok := countVerbs[text.Stem(w)]; ok {
			return "people", "people", k + 1 // "48 killed", "12 injured"
		}
		return text.Stem(w), w, k + 1
	}
	return "", "", 0
}

func looksAdjective(w string) bool {
	for _, suf := range []string{"al", "ic", "ive", "ous", "ful", "less", "ish", "ed", "ese", "ian", "an"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

func isAlpha(w string) bool {
	for _, r := range w {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return w != ""
}
