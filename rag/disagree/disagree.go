package disagree

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/newsbot/newsbot/corpus/text"
)

// tollUnits are the count slots of a story's casualties.
var tollUnits = map[string]bool{"people killed": true, "people injured": true}

// Comparability thresholds: two values with the same kind, unit and event
// class are about the same fact when their sentences share a capitalized
// name or enough content words. Values with no event class need more
// overlap.
const (
	minContextOverlap        = 0.12
	minContextOverlapNoEvent = 0.3
)

// Sentence is what the engine reads from one sentence of one report: the
// values it states, each attached to its slot, and who it says said
// something or holds an office.
type Sentence struct {
	// Report identifies the report (article) the sentence belongs to: Find
	// compares only sentences of different reports. Index is the
	// sentence's position in its report. Both come back in Claims.
	Report, Index int
	ments         []mention     // values stated in the sentence
	quotes, roles []attribution // quotations with a named speaker; named office holders
}

// Read parses the values and attributions stated in text, one sentence of
// report, once, for Find and Clash.
func Read(report, index int, text string) *Sentence {
	return &Sentence{
		Report: report, Index: index,
		ments:  extractMentions(text),
		quotes: quoteAttributions(text),
		roles:  roleAttributions(text),
	}
}

// Conflict is one disputed fact: what each report says, first mention per
// report.
type Conflict struct {
	// Kind is "duration", "count", "age", "money", "percent", "date",
	// "weekday", "role" or "speaker".
	Kind string
	// Topic names the fact, e.g. "duration of the war".
	Topic string
	// Claims are ordered by Report for values, by first appearance for
	// speakers and office holders.
	Claims []Claim
}

// Claim is one report's version of a disputed fact.
type Claim struct {
	// Report and Index are those of the Sentence that states the claim.
	Report, Index int
	// Value is the claim as written: "nearly three years", "$1.75 million",
	// "Tuesday", "Dmitry Peskov".
	Value string
}

// Find compares the values and attributions stated by the sentences of
// different reports of one story (sentences are grouped by their Report;
// their order is the reading order). It assumes one story: the lengths of
// any two wars are compared. It reports a slot only when two reports'
// values cannot both be true (their intervals do not overlap), and never
// a slot in which one report itself states incompatible values: that slot
// mixes events. Value conflicts come first, then speakers, then office
// holders; Find returns nil when the reports agree.
func Find(sentences []*Sentence) []Conflict {
	var out []Conflict
	for _, slot := range slots(sentences) {
		if c, ok := slotConflict(slot); ok {
			out = append(out, c)
		}
	}
	return append(out, Attributions(sentences)...)
}

// Attributions returns the conflicts over who said a quotation and who
// holds a singular office, as Find reports them; nil when the reports
// agree.
func Attributions(sentences []*Sentence) []Conflict {
	return attributionConflicts(sentences)
}

// slots returns the values stated by sentences, grouped by the fact they
// state (comparable mentions), in order of first mention.
func slots(sentences []*Sentence) [][]mention {
	var ms []mention
	for _, s := range sentences {
		for _, m := range s.ments {
			m.report, m.index = s.Report, s.Index
			ms = append(ms, m)
		}
	}
	// Union comparable mentions into slots.
	parent := make([]int, len(ms))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := range ms {
		for j := i + 1; j < len(ms); j++ {
			if comparable(ms[i], ms[j]) {
				parent[find(i)] = find(j)
			}
		}
	}
	byRoot := make(map[int][]mention)
	var order []int
	for i, m := range ms {
		r := find(i)
		if _, ok := byRoot[r]; !ok {
			order = append(order, r)
		}
		byRoot[r] = append(byRoot[r], m)
	}
	out := make([][]mention, len(order))
	for k, r := range order {
		out[k] = byRoot[r]
	}
	return out
}

// Clash reports whether two sentences state incompatible values for the
// same fact, whatever their reports; a summary should not cite such
// sentences for each other.
func Clash(a, b *Sentence) bool {
	for _, x := range a.ments {
		for _, y := range b.ments {
			if comparable(x, y) && slotDisjoint(x, y) {
				return true
			}
		}
	}
	return false
}

// comparable reports whether two mentions state the same fact (one slot).
func comparable(a, b mention) bool {
	if a.kind != b.kind || a.unit != b.unit || a.event != b.event {
		return false
	}
	if a.kind == "date" || a.kind == "weekday" {
		if a.event == "" || a.phase != b.phase || a.phase == "?" {
			return false
		}
	}
	overlap := text.Jaccard(a.context, b.context)
	shared := 0
	for n := range a.names {
		if b.names[n] {
			shared++
		}
	}
	if a.kind == "count" && tollUnits[a.unit] {
		// A story has one toll: the dead (or hurt) of the event, however
		// the report words it, unless it names another occurrence.
		return !a.otherEvent && !b.otherEvent && (shared > 0 || overlap >= minContextOverlap)
	}
	if a.event == "" {
		return overlap >= minContextOverlapNoEvent && (shared > 0 || len(a.names)+len(b.names) == 0)
	}
	if a.event == "say" {
		// Statements are dated per speaker: require the same one.
		return a.speaker != "" && a.speaker == b.speaker
	}
	if a.event == "war" {
		// A story has one war: its length needs no further context.
		return true
	}
	if a.kind != "date" && a.kind != "weekday" {
		if a.otherEvent || b.otherEvent {
			return false // "the previous meeting lasted three hours"
		}
		if len(a.when) > 0 && len(b.when) > 0 && !intersects(a.when, b.when) {
			return false // "Tuesday's meeting" against "the meeting in August"
		}
	}
	// Shared names alone are not enough (a story's sentences all name its
	// actors): some shared content words are needed too.
	return shared > 0 && overlap >= minContextOverlap || overlap >= 2*minContextOverlap
}

func intersects(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

func slotDisjoint(a, b mention) bool {
	dropYear := a.kind == "date" && (a.lo < 1e4 || b.lo < 1e4)
	alo, ahi := valueRange(a, dropYear)
	blo, bhi := valueRange(b, dropYear)
	return !overlaps(alo, ahi, blo, bhi)
}

// valueRange returns the comparable interval of m (dates lose an
// unstated year).
func valueRange(m mention, dropYear bool) (float64, float64) {
	if m.kind == "date" && dropYear {
		return math.Mod(m.lo, 1e4), math.Mod(m.hi, 1e4)
	}
	return m.lo, m.hi
}

// disjointIn returns the test of whether two of a slot's mentions state
// values that cannot both be true. When one of them is a date without a
// year, years are ignored for all.
func disjointIn(ms []mention) func(a, b mention) bool {
	dropYear := false
	for _, m := range ms {
		if m.kind == "date" && m.lo < 1e4 {
			dropYear = true
		}
	}
	return func(a, b mention) bool {
		alo, ahi := valueRange(a, dropYear)
		blo, bhi := valueRange(b, dropYear)
		return !overlaps(alo, ahi, blo, bhi)
	}
}

// slotConflict returns the conflict of one slot's mentions, if any.
func slotConflict(ms []mention) (Conflict, bool) {
	disjoint := disjointIn(ms)
	byReport := make(map[int][]mention)
	var reports []int
	for _, m := range ms {
		if _, ok := byReport[m.report]; !ok {
			reports = append(reports, m.report)
		}
		byReport[m.report] = append(byReport[m.report], m)
	}
	if len(reports) < 2 {
		return Conflict{}, false
	}
	for _, r := range reports {
		own := byReport[r]
		for i := range own {
			for j := i + 1; j < len(own); j++ {
				if disjoint(own[i], own[j]) {
					return Conflict{}, false
				}
			}
		}
	}
	found := false
	for i := 0; i < len(reports) && !found; i++ {
		for j := i + 1; j < len(reports) && !found; j++ {
			found = disjoint(byReport[reports[i]][0], byReport[reports[j]][0])
		}
	}
	if !found {
		return Conflict{}, false
	}
	sort.Ints(reports)
	c := Conflict{Kind: ms[0].kind, Topic: topicOf(ms[0])}
	for _, r := range reports {
		m := byReport[r][0]
		c.Claims = append(c.Claims, Claim{Report: m.report, Index: m.index, Value: m.text})
	}
	return c, true
}

// topicOf names the disputed fact.
func topicOf(m mention) string {
	ev := m.event
	if ev == "" {
		ev = "event"
	}
	switch m.kind {
	case "duration":
		return "duration of the " + ev
	case "date":
		switch {
		case ev == "say":
			return "date of the statement"
		case m.phase == "start":
			return "date the " + ev + " started"
		}
		return "date of the " + ev
	case "weekday":
		switch {
		case ev == "say":
			return "day of the statement"
		case m.phase == "start":
			return "day the " + ev + " started"
		}
		return "day of the " + ev
	case "count":
		// The noun as written, never its stem ("hearings", not "hear").
		_, verb, _ := strings.Cut(m.unit, " ")
		return strings.TrimSpace(fmt.Sprintf("number of %s %s", m.noun, verb))
	case "money":
		return "amount (" + m.unit + ")"
	case "percent":
		return "percentage"
	case "age":
		return "age"
	}
	return m.kind
}
