package disagree

import (
	"cmp"
	"slices"
	"time"
)

// Status says how the figures of a ledger Entry relate.
type Status string

const (
	// Updated: a later report revises an earlier one ("at least 48
	// killed" on Tuesday, "the death toll has climbed to 73" on Wednesday).
	Updated Status = "updated"
	// Disputed: reports of the same time state values that cannot both be
	// true.
	Disputed Status = "disputed"
	// Agreed: the values fit ("at least 12", "twelve", "12").
	Agreed Status = "agreed"
)

// sameTime is how far apart two reports may be and still describe the
// same moment: their disagreement is a dispute, not a revision. A later
// report that says the figure changed ("climbed to") revises it sooner.
const sameTime = 6 * time.Hour

// Figure is one report's value in a ledger Entry.
type Figure struct {
	// Report and Index are those of the Sentence that states the value.
	Report, Index int
	// Time is the report's time; zero when unknown (such a figure is
	// taken to be as old as the earliest).
	Time time.Time
	// Value is the figure as written: "at least 48 people", "73".
	Value string
	// Step counts the revisions before this figure: figures with the same
	// Step state the same value, hedges that fit included. Every figure of
	// a Disputed or Agreed entry has Step 0.
	Step int
	// Side groups the figures of one Step that agree with each other; a
	// Disputed entry has several sides.
	Side int
}

// Entry is one quantity that several reports state, with every report's
// value in time order.
type Entry struct {
	// Kind is "duration", "count", "age", "money", "percent", "date" or
	// "weekday".
	Kind string
	// Topic names the quantity in plain words: "number of people killed",
	// "duration of the war".
	Topic  string
	Status Status
	// Figures holds the first value each report states, ordered by time
	// (then by report).
	Figures []Figure
	// ms holds the mention behind each figure, for Check.
	ms []mention
}

// Check reads what sentence s (a summary's, say) states about the entry's
// quantity. For an Updated entry, stale is true when s gives only values
// that later reports revised — it states an old figure as current. For a
// Disputed entry, oneSided is true when s gives the values of one side
// only, as if the dispute were settled. Both are false when s does not
// state the quantity, or states it as the entry's reports do.
func (e Entry) Check(s *Sentence) (stale, oneSided bool) {
	if len(e.ms) == 0 {
		return false, false
	}
	last := e.Figures[len(e.Figures)-1].Step
	steps, sides := make(map[int]bool), make(map[int]bool)
	for _, m := range s.ments {
		for k, f := range e.Figures {
			x := e.ms[k]
			if m.kind != x.kind || m.unit != x.unit || !comparable(m, x) && !sameQuantity(m, x) {
				continue
			}
			lo, hi := valueRange(m, false)
			xlo, xhi := valueRange(x, false)
			if overlaps(lo, hi, xlo, xhi) && overlaps(m.plo, m.phi, x.plo, x.phi) {
				steps[f.Step] = true
				sides[f.Side] = true
			}
		}
	}
	switch e.Status {
	case Updated:
		return len(steps) > 0 && !steps[last], false
	case Disputed:
		return false, len(sides) == 1
	}
	return false, false
}

// sameQuantity is comparable without the context test: a summary words a
// toll its own way, and a count's noun and verb or an amount's currency
// already name the quantity.
func sameQuantity(a, b mention) bool {
	return (a.kind == "count" && tollUnits[a.unit] || a.kind == "money") && a.unit == b.unit && !a.otherEvent
}

// Event returns the word for what the entry's quantity is of ("war"
// in "duration of the war"), or "" when its reports name none.
func (e Entry) Event() string {
	if len(e.ms) == 0 {
		return ""
	}
	return e.ms[0].event
}

// Latest returns the figures of the entry's last step: the current
// value of an Updated entry.
func (e Entry) Latest() []Figure {
	if len(e.Figures) == 0 {
		return nil
	}
	last := e.Figures[len(e.Figures)-1].Step
	var out []Figure
	for _, f := range e.Figures {
		if f.Step == last {
			out = append(out, f)
		}
	}
	return out
}

// Ledger lists the quantities (tolls, counts, money, percentages,
// durations, ages, dates) that two or more reports state, each with every
// report's value ordered by the report's time (times maps a Sentence's
// Report to it; a missing report has an unknown time). Counts, money and
// percentages can be revised: a later value that the earlier one does not
// cover — "at least 48" then "73" a day later — makes the entry Updated.
// Values of reports of the same time that cannot both be true make it
// Disputed, whatever the kind, and so does any disagreement on a length,
// an age or a date. Otherwise the entry is Agreed. Like Find, Ledger
// assumes one story and skips a slot in which one report itself states
// incompatible values. Entries come in order of first mention; Ledger
// returns nil when no quantity is stated by two reports.
func Ledger(sentences []*Sentence, times map[int]time.Time) []Entry {
	var out []Entry
	for _, slot := range slots(sentences) {
		if e, ok := ledgerEntry(slot, times); ok {
			out = append(out, e)
		}
	}
	return out
}

// updatable reports whether a later report may revise values of kind.
func updatable(kind string) bool {
	return kind == "count" || kind == "money" || kind == "percent"
}

// ledgerEntry classifies one slot's mentions.
func ledgerEntry(ms []mention, times map[int]time.Time) (Entry, bool) {
	disjoint := disjointIn(ms)
	first := make(map[int]mention)
	var reports []int
	for _, m := range ms {
		if f, ok := first[m.report]; ok {
			if disjoint(f, m) {
				return Entry{}, false // one report, two different events
			}
			continue
		}
		first[m.report] = m
		reports = append(reports, m.report)
	}
	if len(reports) < 2 {
		return Entry{}, false
	}
	for _, r := range reports {
		for _, m := range ms {
			if m.report == r && disjoint(first[r], m) {
				return Entry{}, false
			}
		}
	}
	slices.SortStableFunc(reports, func(a, b int) int {
		return cmp.Or(times[a].Compare(times[b]), cmp.Compare(a, b))
	})
	// Cut the figures into steps: a step ends where a later report
	// revises the value.
	e := Entry{Kind: ms[0].kind, Topic: topicOf(ms[0]), Status: Agreed}
	stepStart := 0 // index in reports of the step's first figure
	var stepTime time.Time
	for k, r := range reports {
		m, t := first[r], times[r]
		if k > 0 && updatable(m.kind) && !t.IsZero() && !stepTime.IsZero() {
			prev := first[reports[stepStart]]
			later := t.Sub(stepTime) >= sameTime || m.revised && t.After(times[reports[k-1]])
			if later && revises(prev, m) {
				stepStart = k
				e.Status = Updated
			}
		}
		if k == stepStart || stepTime.IsZero() {
			stepTime = t
		}
		step := 0
		if k > 0 {
			step = e.Figures[k-1].Step
			if k == stepStart {
				step++
			}
		}
		e.Figures = append(e.Figures, Figure{Report: r, Index: m.index, Time: t, Value: m.text, Step: step})
		e.ms = append(e.ms, m)
	}
	// Sides within each step; two sides in one step are a dispute.
	for k := range e.Figures {
		f := &e.Figures[k]
		side, sides := -1, 0
		for j := range k {
			g := e.Figures[j]
			if g.Step != f.Step {
				continue
			}
			sides = max(sides, g.Side+1)
			if side < 0 && !disjoint(first[g.Report], first[f.Report]) {
				side = g.Side
			}
		}
		if side < 0 {
			side = sides
		}
		f.Side = side
		if side > 0 {
			e.Status = Disputed
		}
	}
	if e.Status == Disputed {
		for k := range e.Figures {
			// A dispute is read as of one moment: steps would mislead.
			if e.Figures[k].Step != 0 {
				e.Figures[k].Step = 0
				e.Figures[k].Side = sideOf(e.Figures[:k], first, e.Figures[k], disjoint)
			}
		}
	}
	return e, true
}

// revises reports whether later's value replaces earlier's: it leaves out
// the value earlier stated, and earlier's own range leaves out later's
// value or was only a lower bound ("at least 48" then "73").
func revises(earlier, later mention) bool {
	outside := later.hi < earlier.plo || later.lo > earlier.phi
	covered := earlier.lo <= later.plo && later.phi <= earlier.hi
	return outside && (!covered || earlier.lowerBound)
}

// sideOf returns the side of f among figs (all of step 0).
func sideOf(figs []Figure, first map[int]mention, f Figure, disjoint func(a, b mention) bool) int {
	sides := 0
	for _, g := range figs {
		if !disjoint(first[g.Report], first[f.Report]) {
			return g.Side
		}
		sides = max(sides, g.Side+1)
	}
	return sides
}
