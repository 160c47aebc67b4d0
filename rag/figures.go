package rag

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/newsbot/newsbot/rag/answer"
	"github.com/newsbot/newsbot/rag/disagree"
	"github.com/newsbot/newsbot/rag/localembed"
)

// A question about a figure ("How long has the war lasted?", "How many
// people were killed?") is answered from every retrieved sentence that
// states that figure, read by the engine briefings use (rag/disagree):
// when the reports disagree the answer says so and cites each side; when
// a later report revised the figure the answer gives the latest one and
// the earlier one, each cited, and that is not a conflict.

// maxFigureSentences is how many candidate sentences are read for a
// figure question.
const maxFigureSentences = 24

// maxSides is how many different values of a disputed figure an answer
// quotes.
const maxSides = 3

// figureKinds maps an answer type to the kinds of ledger entries that
// answer it.
func figureKinds(t answerType) map[string]bool {
	switch t {
	case durationAnswer:
		return map[string]bool{"duration": true, "age": true}
	case quantityAnswer:
		return map[string]bool{"count": true, "money": true, "percent": true}
	}
	return nil
}

// figureFinding is the ledger entry that answers a figure question, with
// the candidate sentence behind each of its figures.
type figureFinding struct {
	entry disagree.Entry
	by    map[int]candidate // by Figure.Index: a position in the pool
}

// findFigure reads the lead (cands[lead]) and the other sentences that
// could state the figure asked for, builds their ledger with each report's
// publication time, and returns the entry that answers the question: of
// the kind asked for, holding a figure of the lead, and, when the lead
// states several such figures, the one whose topic names a word of the
// question ("duration of the war" for "How long has the war lasted?").
// It returns false when no such entry is Updated or Disputed.
func findFigure(t answerType, cands []candidate, lead int, question string) (figureFinding, bool) {
	kinds := figureKinds(t)
	if kinds == nil {
		return figureFinding{}, false
	}
	pool := []candidate{cands[lead]}
	for i, c := range cands {
		if len(pool) == maxFigureSentences {
			break
		}
		if i != lead && c.canLead(t) {
			pool = append(pool, c)
		}
	}
	reports := map[string]int{}
	times := map[int]time.Time{}
	sents := make([]*disagree.Sentence, len(pool))
	for k, c := range pool {
		r, ok := reports[c.result.Chunk.ArticleID]
		if !ok {
			r = len(reports)
			reports[c.result.Chunk.ArticleID] = r
			if p := c.result.Source.Published; !p.IsZero() && c.result.Source.PublishedFrom != "file time" {
				times[r] = p
			}
		}
		sents[k] = disagree.Read(r, k, c.text)
	}
	qwords := map[string]bool{}
	for _, w := range localembed.Tokens(question) {
		qwords[w] = true
		for _, e := range localembed.Expand(w) {
			qwords[e] = true
		}
	}
	var fits []disagree.Entry
	for _, e := range disagree.Ledger(sents, times) {
		if !kinds[e.Kind] {
			continue
		}
		for _, f := range e.Figures {
			if f.Index == 0 {
				fits = append(fits, e)
				break
			}
		}
	}
	var chosen *disagree.Entry
	for i, e := range fits {
		if anyToken(qwords, localembed.Tokens(e.Topic)) {
			chosen = &fits[i]
			break
		}
	}
	if chosen == nil && len(fits) == 1 && (fits[0].Kind != "duration" || fits[0].Event() == "") {
		// The one figure there is answers, unless it is how long an event
		// the question does not name lasted ("duration of the war" for
		// "how long were they in there").
		chosen = &fits[0]
	}
	if chosen == nil || chosen.Status == disagree.Agreed {
		return figureFinding{}, false
	}
	by := map[int]candidate{}
	for _, f := range chosen.Figures {
		by[f.Index] = pool[f.Index]
	}
	return figureFinding{entry: *chosen, by: by}, true
}

// write states the finding in ans: for an Updated entry the latest figure
// and the one before it, for a Disputed one a sentence for each value
// (the lead's side first), flagged as a conflict.
func (f figureFinding) write(ans answer.Answer) answer.Answer {
	ans.Citations = []answer.Citation{}
	cite := func(fig disagree.Figure) int {
		c := f.by[fig.Index]
		n := len(ans.Citations) + 1
		ans.Citations = append(ans.Citations, citationFor(n, c.result, c.text))
		return n
	}
	figs := f.entry.Figures
	switch f.entry.Status {
	case disagree.Updated:
		latest := f.entry.Latest()[0]
		var earlier disagree.Figure
		for _, g := range figs {
			if g.Step == latest.Step-1 {
				earlier = g // the last figure of the step before
			}
		}
		// Cited in time order: the earlier report first.
		ne := cite(earlier)
		nl := cite(latest)
		ans.Answer = fmt.Sprintf("The latest reported figure is %s%s [%d]; an earlier report said %s%s [%d].",
			trimFigure(latest.Value), when(latest.Time), nl, trimFigure(earlier.Value), when(earlier.Time), ne)
	case disagree.Disputed:
		ans.AddFlag(answer.FlagConflict)
		lead := 0
		for _, g := range figs {
			if g.Index == 0 {
				lead = g.Side
			}
		}
		var b strings.Builder
		fmt.Fprintf(&b, "Sources differ on the %s: ", f.entry.Topic)
		// One sentence per distinct value, the lead's side first.
		done := map[string]bool{}
		quote := func(g disagree.Figure) {
			v := strings.ToLower(trimFigure(g.Value))
			if done[v] || len(done) == maxSides {
				return
			}
			done[v] = true
			if len(done) > 1 {
				b.WriteString("; ")
			}
			n := cite(g)
			fmt.Fprintf(&b, "%s%s [%d]", trimFigure(g.Value), when(g.Time), n)
		}
		for _, g := range figs {
			if g.Side == lead {
				quote(g)
			}
		}
		for _, g := range figs {
			quote(g)
		}
		b.WriteString(".")
		ans.Answer = b.String()
	}
	return ans
}

// trimFigure returns a figure as a reader would quote it within a
// sentence: "at least 48 people" for "At least 48 people" at a sentence's
// start.
func trimFigure(v string) string {
	v = strings.TrimSpace(strings.Trim(v, ".,;: "))
	first, _, _ := strings.Cut(v, " ")
	if first != "" && first != strings.ToUpper(first) && !isNameLike(first) {
		v = strings.ToLower(first[:1]) + v[1:]
	}
	return v
}

// when returns " (2 Jan 2006)" for a known time, "" otherwise.
func when(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return " (" + t.Format("2 Jan 2006") + ")"
}

// fromFigureRE and toFigureRE find a figure changed from, and what it
// changed to.
var (
	fromFigureRE = regexp.MustCompile(`(?i)\bfrom\s*$`)
	toFigureRE   = regexp.MustCompile(`(?i)^(?:\s+[\pL-]+)?\s+to\s+(?:a|an|the)?\s*[\pL]`)
)

// formerFigure reports whether the figure at loc in sentence is what
// something changed from, to something that is no figure ("cut from 28
// points to a smaller framework"): the sentence does not say what it is
// now.
func formerFigure(sentence string, loc []int) bool {
	return fromFigureRE.MatchString(sentence[max(0, loc[0]-8):loc[0]]) && toFigureRE.MatchString(sentence[loc[1]:min(len(sentence), loc[1]+40)])
}

// formerWords ask what something was before it changed: "how many points
// did the plan have originally", "before it was cut".
var formerWords = []string{"original", "originally", "initial", "initially", "first", "before", "earlier", "previously", "prior", "old", "from", "used"}

// asksFormer reports whether a question (questionWords) asks what
// something was before it changed.
func asksFormer(question map[string]bool) bool {
	return slices.ContainsFunc(formerWords, func(w string) bool { return question[w] })
}
