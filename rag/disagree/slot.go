package disagree

import (
	"fmt"
	"strings"

	"github.com/newsbot/newsbot/corpus/text"
)

// This file attaches a stated value to its slot: the event it measures or
// dates, what a date marks, who made a dated statement, and the context
// that tells two mentions of an event apart.
// eventClasses maps a stem to the kind of event it names. Verbs that only
// mark the end or start of an event ("ended", "wrapped up") are absent on
// purpose: the scan goes past them to the event noun.
var eventClasses = func() map[string]string {
	m := make(map[string]string)
	add := func(class, words string) {
		for _, w := range strings.Fields(words) {
			m[text.Stem(w)] = class
		}
	}
	add("meeting", "meeting meet met hosted talks talk session sessions discussion discussions dialogue negotiation negotiations summit encounter conversation consultations call")
	add("war", "war conflict fighting invasion hostilities")
	add("visit", "visit trip tour journey")
	add("prison term", "sentence sentenced prison jail imprisonment")
	add("fire", "fire blaze wildfire")
	add("flight", "flight")
	add("strike", "strike walkout")
	add("ceasefire", "ceasefire truce")
	add("trial", "trial hearing")
	add("election", "election vote")
	return m
}()

// sayWords are verbs of saying, matched as written: a date next to one
// dates the statement, not the event ("the Kremlin confirmed on Wednesday").
var sayWords = text.WordSet("said say says told confirmed announced stated noted remarked insisted warned claimed tweeted wrote reported added denied")

// countVerbs classes the verb of a counted event.
var countVerbs = func() map[string]string {
	m := make(map[string]string)
	add := func(class, words string) {
		for _, w := range strings.Fields(words) {
			m[text.Stem(w)] = class
		}
	}
	add("killed", "killed dead death deaths died fatalities killing toll")
	add("injured", "injured wounded hurt injuries")
	add("arrested", "arrested detained arrests detentions")
	add("evacuated", "evacuated evacuation")
	add("displaced", "displaced homeless")
	add("destroyed", "destroyed damaged")
	return m
}()

// headClasses folds counted nouns that mean the same thing.
var headClasses = map[string]string{
	"person": "people", "persons": "people", "people": "people", "civilians": "people",
	"residents": "people", "individuals": "people",
}

// eventOf finds the event class a value at items[from:to] belongs to.
// Durations and counts take a compound's noun ("five-hour meeting"), "of"
// + noun ("five hours of talks"), else the nearest event word before the
// value, else after it. Dates take a verb of saying right before them
// ("confirmed on Wednesday" dates the statement), else the first event
// word of the sentence before them (its subject, usually: "talks on ending
// the war wrapped up on Tuesday" dates the talks), else the next one.
func eventOf(items []item, from, to int, date bool) string {
	look := func(k int) string {
		it := items[k]
		if it.raw != it.w && k > 0 { // capitalized mid-sentence: a name ("States")
			return ""
		}
		if sayWords[it.w] {
			if date {
				return "say"
			}
			return ""
		}
		return eventClasses[text.Stem(it.w)]
	}
	if date {
		for x, n := from-1, 0; x >= 0 && n < 3; x-- {
			switch items[x].w {
			case "on", "late", "early", "last", "this", "earlier", "later", "the":
				continue
			}
			if look(x) == "say" {
				return "say"
			}
			n++
		}
		for x := max(0, from-25); x < from; x++ {
			if c := look(x); c != "" && c != "say" {
				return c
			}
		}
	} else {
		k := to
		for k < len(items) && (items[k].w == "long" || items[k].joined) {
			k++
		}
		if k < len(items) && (items[to-1].joined || k > to) || k < len(items) && items[k].w == "of" {
			for x := k; x < len(items) && x < k+4; x++ {
				if c := look(x); c != "" {
					return c
				}
			}
		}
		for x := from - 1; x >= 0 && x >= from-12; x-- {
			if c := look(x); c != "" {
				return c
			}
		}
	}
	for x := to; x < len(items) && x < to+6; x++ {
		if c := look(x); c != "" {
			return c
		}
	}
	return ""
}

var (
	startVerbs = text.WordSet("broke began begun started erupted launched opened kicked")
	whenVerbs  = text.WordSet("ended concluded wrapped finished closed held hosted met took occurred happened meet meets")
	// dateSkip are words between a verb and its date.
	dateSkip = text.WordSet("on late early last this earlier later the up out off place again until since")
)

// phaseOf says what the date at items[at] marks, from the verb right
// before it (see mention.phase).
func phaseOf(items []item, at int, event string) string {
	if event == "say" {
		return "say"
	}
	for x := at - 1; x >= 0 && x >= at-4; x-- {
		w := items[x].w
		switch {
		case dateSkip[w]:
			continue
		case startVerbs[w]:
			return "start"
		case whenVerbs[w]:
			return "when"
		case items[x].raw == w && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")):
			return "?"
		}
		break
	}
	return "when"
}

// speakerOf returns, for a value dated by a statement, the capitalized
// word nearest before the verb of saying (the subject), else after it.
func speakerOf(items []item, at int, event string) string {
	if event != "say" {
		return ""
	}
	verb := -1
	for x := at - 1; x >= 0 && x >= at-4; x-- {
		if sayWords[items[x].w] {
			verb = x
			break
		}
	}
	if verb < 0 {
		for x := at + 1; x < len(items) && x <= at+8; x++ {
			if sayWords[items[x].w] {
				verb = x
				break
			}
		}
	}
	if verb < 0 {
		return ""
	}
	for x := verb - 1; x >= 0 && x >= verb-4; x-- {
		if it := items[x]; it.raw != it.w && isAlpha(it.w) {
			if _, ok := weekdays[it.w]; !ok {
				return it.w
			}
		}
	}
	for x := verb + 1; x < len(items) && x <= verb+3; x++ {
		if it := items[x]; it.raw != it.w && isAlpha(it.w) {
			return it.w
		}
	}
	return ""
}

// otherEventWords point at an occurrence other than the story's own.
var otherEventWords = text.WordSet("previous last earlier prior next upcoming former first second third")

// timeRefs returns the weekdays and months a sentence names, and whether
// it points at another occurrence of an event.
func timeRefs(items []item) (map[string]bool, bool) {
	when := make(map[string]bool)
	other := false
	for _, it := range items {
		if _, ok := weekdays[it.w]; ok {
			when[it.w] = true
		}
		if mo, ok := months[it.w]; ok && it.raw != it.w {
			when[fmt.Sprint(mo)] = true
		}
		if otherEventWords[it.w] {
			other = true
		}
	}
	return when, other
}

// clauseContext returns the content stems of a sentence, without numbers.
func clauseContext(items []item) map[string]bool {
	m := make(map[string]bool)
	for _, it := range items {
		if it.w == "" || text.IsNewsStop(it.w) || !isAlpha(it.w) || len(it.w) < 3 {
			continue
		}
		if _, ok := numberWords[it.w]; ok {
			continue
		}
		if _, ok := durationUnits[it.w]; ok {
			continue
		}
		m[text.Stem(it.w)] = true
	}
	return m
}

// capitalized returns the capitalized words of a sentence but the first.
func capitalized(items []item) map[string]bool {
	m := make(map[string]bool)
	for k, it := range items {
		if k == 0 || it.raw == "" || it.raw == it.w || !isAlpha(it.w) {
			continue
		}
		if _, ok := weekdays[it.w]; ok {
			continue
		}
		if _, ok := months[it.w]; ok {
			continue
		}
		m[it.w] = true
	}
	return m
}
