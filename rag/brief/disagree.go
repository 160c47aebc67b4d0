package brief

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// Comparability thresholds: two values with the same kind, unit and event
// class are about the same fact when their sentences share a capitalized
// name or enough content words. Values with no event class need more
// overlap.
const (
	minContextOverlap        = 0.12
	minContextOverlapNoEvent = 0.3
)

// conflict is one disputed fact: the claims of each article, first
// mention per article.
type conflict struct {
	kind, topic string
	claims      []mention
}

// findConflicts compares the values stated by different articles of one
// story. It reports a slot only when two articles' values cannot both be
// true (their intervals do not overlap), and never a slot in which one
// article itself states incompatible values: that slot mixes events.
func findConflicts(docs []doc, members []int) []conflict {
	var ms []mention
	for _, di := range members {
		for _, s := range docs[di].sents {
			ms = append(ms, s.ments...)
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
	slots := make(map[int][]mention)
	var order []int
	for i, m := range ms {
		r := find(i)
		if _, ok := slots[r]; !ok {
			order = append(order, r)
		}
		slots[r] = append(slots[r], m)
	}
	var out []conflict
	for _, r := range order {
		if c, ok := slotConflict(slots[r]); ok {
			out = append(out, c)
		}
	}
	return append(out, attributionConflicts(docs, members)...)
}

func comparable(a, b mention) bool {
	if a.kind != b.kind || a.unit != b.unit || a.event != b.event {
		return false
	}
	if a.kind == "date" || a.kind == "weekday" {
		if a.event == "" || a.phase != b.phase || a.phase == "?" {
			return false
		}
	}
	overlap := jaccard(a.context, b.context)
	shared := 0
	for n := range a.names {
		if b.names[n] {
			shared++
		}
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

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := 0
	for k := range a {
		if b[k] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// clash reports whether two sentences state incompatible values for the
// same fact; such sentences are never cited for each other.
func clash(a, b *sentence) bool {
	for _, x := range a.ments {
		for _, y := range b.ments {
			if comparable(x, y) && slotDisjoint(x, y) {
				return true
			}
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

func slotConflict(ms []mention) (conflict, bool) {
	dropYear := false
	for _, m := range ms {
		if m.kind == "date" && m.lo < 1e4 {
			dropYear = true
		}
	}
	disjoint := func(a, b mention) bool {
		alo, ahi := valueRange(a, dropYear)
		blo, bhi := valueRange(b, dropYear)
		return !overlaps(alo, ahi, blo, bhi)
	}
	byDoc := make(map[int][]mention)
	var docs []int
	for _, m := range ms {
		if _, ok := byDoc[m.doc]; !ok {
			docs = append(docs, m.doc)
		}
		byDoc[m.doc] = append(byDoc[m.doc], m)
	}
	if len(docs) < 2 {
		return conflict{}, false
	}
	for _, d := range docs {
		own := byDoc[d]
		for i := range own {
			for j := i + 1; j < len(own); j++ {
				if disjoint(own[i], own[j]) {
					return conflict{}, false
				}
			}
		}
	}
	found := false
	for i := 0; i < len(docs) && !found; i++ {
		for j := i + 1; j < len(docs) && !found; j++ {
			found = disjoint(byDoc[docs[i]][0], byDoc[docs[j]][0])
		}
	}
	if !found {
		return conflict{}, false
	}
	sort.Ints(docs)
	c := conflict{kind: ms[0].kind, topic: topicOf(ms[0])}
	for _, d := range docs {
		c.claims = append(c.claims, byDoc[d][0])
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
		head, verb, _ := strings.Cut(m.unit, " ")
		return strings.TrimSpace(fmt.Sprintf("number of %s %s", head, verb))
	case "money":
		return "amount (" + m.unit + ")"
	case "percent":
		return "percentage"
	case "age":
		return "age"
	}
	return m.kind
}
