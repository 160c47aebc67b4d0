package brief

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/newsbot/newsbot/corpus/text"
	"github.com/newsbot/newsbot/prompts"
	"github.com/newsbot/newsbot/rag/answer"
	"github.com/newsbot/newsbot/rag/disagree"
)

// Limits on "where sources differ": a reader takes in a handful of
// differences, each with a few sources per side.
const (
	maxDisagreements = 5
	maxClaimsPerSide = 3
	maxSides         = 4
)

// facts is what a story's independent reports say about its figures and
// who said what (package disagree).
type facts struct {
	ledger       []disagree.Entry
	attributions []disagree.Conflict
}

// storyFacts reads the figure ledger and the attribution conflicts of the
// story's docs g, whose copies (of, see reports) add only the sentences
// they changed: a copy repeats its report's figures, it does not confirm
// them, but a copy that changed a figure states something new. A Figure's
// or Claim's Report is its doc's index in docs and its Index the
// sentence's index in that doc's sents.
func storyFacts(docs []doc, g []int, of map[int]int) facts {
	var sents []*disagree.Sentence
	times := make(map[int]time.Time)
	for _, i := range g {
		var orig map[string]bool
		if o := of[i]; o != i {
			orig = make(map[string]bool)
			for _, s := range docs[o].sents {
				orig[strings.Join(text.Fields(s.text), " ")] = true
			}
		}
		for _, s := range docs[i].sents {
			if !orig[strings.Join(text.Fields(s.text), " ")] {
				sents = append(sents, s.facts)
			}
		}
		if knownDate(docs[i].a) {
			times[i] = docs[i].a.Published
		}
	}
	return facts{ledger: disagree.Ledger(sents, times), attributions: disagree.Attributions(sents)}
}

// avoid returns the sentences a summary should not state as current: those
// with a disputed value or attribution, and those with a figure a later
// report revised.
func (f facts) avoid(docs []doc) map[*sentence]bool {
	m := make(map[*sentence]bool)
	for _, e := range f.ledger {
		switch e.Status {
		case disagree.Disputed:
			for _, fg := range e.Figures {
				m[&docs[fg.Report].sents[fg.Index]] = true
			}
		case disagree.Updated:
			last := e.Figures[len(e.Figures)-1].Step
			for _, fg := range e.Figures {
				if fg.Step != last {
					m[&docs[fg.Report].sents[fg.Index]] = true
				}
			}
		}
	}
	for _, cf := range f.attributions {
		for _, cl := range cf.Claims {
			m[&docs[cl.Report].sents[cl.Index]] = true
		}
	}
	return m
}

// claim builds the cited answer.Claim for value v of sentence si of doc di.
func claim(docs []doc, c *citer, di, si int, v string) answer.Claim {
	d := docs[di]
	cl := answer.Claim{ArticleID: d.a.ID, Source: d.outlet, Value: v, Quote: d.sents[si].text, N: c.cite(di, si)}
	if knownDate(d.a) {
		cl.Published = d.a.Published
	}
	return cl
}

// disagreements turns the disputed figures and attributions into at most
// maxDisagreements cited Disagreements, the most salient first, with at
// most maxClaimsPerSide claims for each of at most maxSides values.
func (f facts) disagreements(docs []doc, c *citer) []answer.Disagreement {
	type cand struct {
		kind, topic string
		rank, n     int
		claims      [][3]int // report, index, side
		values      []string
	}
	var cands []cand
	for _, e := range f.ledger {
		if e.Status != disagree.Disputed {
			continue
		}
		k := cand{kind: e.Kind, topic: e.Topic, rank: salience(e.Kind, e.Topic), n: len(e.Figures)}
		for _, fg := range e.Figures {
			k.claims = append(k.claims, [3]int{fg.Report, fg.Index, fg.Side})
			k.values = append(k.values, fg.Value)
		}
		cands = append(cands, k)
	}
	for _, cf := range f.attributions {
		k := cand{kind: cf.Kind, topic: cf.Topic, rank: salience(cf.Kind, cf.Topic), n: len(cf.Claims)}
		sides := make(map[string]int)
		for _, cl := range cf.Claims {
			key := strings.ToLower(cl.Value)
			if _, ok := sides[key]; !ok {
				sides[key] = len(sides)
			}
			k.claims = append(k.claims, [3]int{cl.Report, cl.Index, sides[key]})
			k.values = append(k.values, cl.Value)
		}
		cands = append(cands, k)
	}
	slices.SortStableFunc(cands, func(a, b cand) int { return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(b.n, a.n)) })
	out := []answer.Disagreement{}
	for _, k := range cands {
		if len(out) == maxDisagreements {
			break
		}
		d := answer.Disagreement{Topic: k.topic, Kind: k.kind, Status: string(disagree.Disputed)}
		perSide := make(map[int]int)
		for x, cl := range k.claims {
			if cl[2] >= maxSides || perSide[cl[2]] >= maxClaimsPerSide {
				d.More++
				continue
			}
			perSide[cl[2]]++
			d.Claims = append(d.Claims, claim(docs, c, cl[0], cl[1], k.values[x]))
		}
		out = append(out, d)
	}
	return out
}

// salience ranks a difference for readers: counts of people, then money,
// dates, who said or did what, other counts, lengths, percentages, ages.
func salience(kind, topic string) int {
	switch kind {
	case "count":
		if strings.Contains(topic, "people") {
			return 0
		}
		return 4
	case "money":
		return 1
	case "date", "weekday":
		return 2
	case "speaker", "role":
		return 3
	case "duration":
		return 5
	case "percent":
		return 6
	}
	return 7
}

// developments lists the figures later reports revised, each step's first
// report cited, oldest first.
func (f facts) developments(docs []doc, c *citer) []answer.Development {
	var out []answer.Development
	for _, e := range f.ledger {
		if e.Status != disagree.Updated {
			continue
		}
		d := answer.Development{Topic: e.Topic, Kind: e.Kind}
		step := -1
		for _, fg := range e.Figures {
			if fg.Step != step {
				step = fg.Step
				d.Values = append(d.Values, claim(docs, c, fg.Report, fg.Index, fg.Value))
			}
		}
		out = append(out, d)
	}
	slices.SortStableFunc(out, func(a, b answer.Development) int {
		return cmp.Compare(salience(a.Kind, a.Topic), salience(b.Kind, b.Topic))
	})
	if len(out) > maxDisagreements {
		out = out[:maxDisagreements]
	}
	return out
}

// shown reports whether a ledger entry reaches readers: revised and
// disputed figures do, agreeing ones do not.
func shown(e disagree.Entry) bool {
	return e.Status == disagree.Updated || e.Status == disagree.Disputed
}

// ledgerSentences returns the sentences that state a shown figure and are
// not in have, so that the model can cite every value of the ledger.
func (f facts) ledgerSentences(docs []doc, have []*sentence) []*sentence {
	in := make(map[*sentence]bool, len(have))
	for _, s := range have {
		in[s] = true
	}
	var out []*sentence
	for _, e := range f.ledger {
		if !shown(e) {
			continue
		}
		for _, fg := range e.Figures {
			if s := &docs[fg.Report].sents[fg.Index]; !in[s] {
				in[s] = true
				out = append(out, s)
			}
		}
	}
	return out
}

// promptFigures gives the model the shown ledger entries as data, each
// value with the number of the passage that states it (sents[k] is
// passage k+1; 0 when packing dropped it).
func (f facts) promptFigures(docs []doc, sents []*sentence, passages []prompts.Passage) []prompts.Figure {
	num := make(map[*sentence]int)
	for _, p := range passages {
		num[sents[p.N-1]] = p.N
	}
	var out []prompts.Figure
	for _, e := range f.ledger {
		if !shown(e) {
			continue
		}
		pf := prompts.Figure{Topic: e.Topic, Status: string(e.Status)}
		for _, fg := range e.Figures {
			d := docs[fg.Report]
			v := prompts.FigureValue{Value: fg.Value, Source: d.outlet, N: num[&d.sents[fg.Index]]}
			if knownDate(d.a) {
				v.Date = d.a.Published.Format("2006-01-02 15:04")
			}
			pf.Values = append(pf.Values, v)
		}
		out = append(out, pf)
	}
	return out
}

// check reads one sentence of a model's summary against the ledger: stale
// when it states a revised figure's old value as current, oneSided when it
// gives one side of a disputed figure only; topic names the figure.
func (f facts) check(sentence string) (topic string, stale, oneSided bool) {
	s := disagree.Read(-1, 0, sentence)
	for _, e := range f.ledger {
		st, one := e.Check(s)
		if st {
			return e.Topic, true, false
		}
		if one && !oneSided {
			topic, oneSided = e.Topic, true
		}
	}
	return topic, false, oneSided
}
