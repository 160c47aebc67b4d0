// How much of a question a sentence covers: the words of the question,
// weighted by their rarity, that the sentence or its report holds.

package rag

import "github.com/newsbot/newsbot/rag/localembed"

// canLead reports whether c may state the answer to a question of type t:
// it holds the kind of fact asked for, about the question's focus and
// year, in a prose sentence.
func (c candidate) canLead(t answerType) bool {
	return c.fits && c.numbersOK && c.quality >= minQuality && c.focus >= minFocus && (!c.otherYear || t == timeAnswer) && !c.otherEdition && !c.otherAward && !c.unsaid
}

// coverage is the IDF-weighted share of the question's own terms found in
// tokens; a term that is absent but has a related word present counts for
// relatedCredit of its weight.
func (ix *index) coverage(qterms []queryTerm, tokens []string, weight func(string) float64) float64 {
	return coverageWith(qterms, tokens, nil, weight)
}

// reportRelation is the share of the question's relation (its words
// other than the focus) that a sentence covering it with its report
// (candidate.inReport) must state itself: casualRelation when it states a
// value of the type asked for, reportRelationUntyped otherwise.
func reportRelation(c candidate) float64 {
	if len(c.values) > 0 {
		return casualRelation
	}
	return reportRelationUntyped
}

const reportRelationUntyped = 0.4

// reportCredit is how much a question word counts towards a sentence's
// inReport coverage when not the sentence but its report names it (the
// headline, another retrieved passage of the article).
const reportCredit = 0.6

// reportCoverage is the English-weighted coverage of the question by
// tokens, a sentence's words, where a word only its report names counts
// reportCredit: a long question names its story as well as what it asks
// ("how long did Dulko take to win the first set against Hantuchova in
// the Hopman Cup final"), and the sentence answering need not repeat the
// story.
func reportCoverage(qterms []queryTerm, tokens []string, report map[string]bool) float64 {
	return coverageWith(qterms, tokens, report, englishWeight)
}

// coverageWith is the weighted share of qterms that tokens hold, a word
// only report names counting reportCredit; a related word (q.of set)
// counts relatedCredit towards the word it stands for.
func coverageWith(qterms []queryTerm, tokens []string, report map[string]bool, weight func(string) float64) float64 {
	have := make(map[string]bool, len(tokens))
	for _, t := range tokens {
		have[t] = true
	}
	has := func(t string) float64 {
		switch {
		case have[t]:
			return 1
		case report[t]:
			return reportCredit
		}
		return 0
	}
	credit := map[string]float64{}
	var order []string // credit's keys in the question's order, so the sum is the same every time
	give := func(term string, c float64) {
		if _, ok := credit[term]; !ok {
			order = append(order, term)
		}
		credit[term] = max(credit[term], c)
	}
	var total float64
	for _, q := range qterms {
		switch {
		case q.of == "":
			w := weight(q.term)
			total += w
			if h := has(q.term); h > 0 {
				give(q.term, h*w)
			}
		case has(q.term) > 0:
			give(q.of, has(q.term)*relatedCredit*weight(q.of))
		}
	}
	if total == 0 {
		return 0
	}
	var got float64
	for _, t := range order {
		got += credit[t]
	}
	return min(got/total, 1)
}

// termWeight is how much a question word matters for coverage: its IDF in
// the corpus (rare here: telling), damped for words that are common in
// English at large ("go", "take place"), which a question can use without
// the answer repeating them.
func (ix *index) termWeight(term string) float64 {
	g := localembed.IDF(term) / 8
	return ix.lex.idf(term) * min(max(g, 0.3), 1.3)
}

// covered reports whether c is about the question enough to answer it:
// it holds enough of the question's words, or is close to it in meaning,
// or it is about the question's focus and either states the question's
// relation (roleHolds, attachedValue: "It was released on March 3, 2017"
// in a passage about the game) with some of its words, or holds most of
// them by English weights and half of what the question asks about its
// focus (casual questions, whose common words the corpus weighs little),
// or, for a question whose every focus word its report names, holds a
// quarter of its words and most of them counting what its report names
// elsewhere (reportCoverage: a long question names its story as well as
// what it asks) with enough of its relation (reportRelation); for a
// yes-no question, whose claim may be worded any way, more than
// yesNoCoverage by English weights about its focus, with two of its words;
// or it is anchored (anchor) and holds a little of the question, most of
// it counting what its report names, and enough of its relation.
func (c candidate) covered() bool {
	return c.stable >= minCoverage || c.sim >= minSimilarity ||
		c.focus >= minFocus && (c.role && c.english >= roleCoverage || c.english >= casualCoverage && c.relation >= casualRelation ||
			!c.yesNo && c.namesFocus && c.english >= roleCoverage && c.inReport >= casualCoverage && c.relation >= reportRelation(c) ||
			c.yesNo && c.english > yesNoCoverage && c.words >= yesNoWords ||
			c.anchored && c.namesFocus && c.english >= anchoredCoverage && c.inReport >= anchoredReport && c.relation >= reportRelation(c))
}

// A sentence stating a count, a duration or a date asked for may answer
// in words of its own ("the stitching process was done using five
// powerful PCs over three days" for "how long did the computers take to
// stitch together the photo of Delft") when another sentence of its
// report, stating none, covers the question: the report is about what is
// asked. Such a sentence is anchored; it then covers the question with
// anchoredCoverage of its words by English weights and anchoredReport
// counting what its report names.
const (
	anchoredCoverage = 0.1
	anchoredReport   = 0.6
)

// anchor marks the candidates anchored for a question of type t counting
// counted (countedNoun): each states a value of the kind asked (for a
// count, of what is counted: countsNoun) and its report has a sentence
// that covers the question on its own and states no such value. Where
// and who are left out: a report about the question names many places
// and people, not all of them its answer.
func anchor(lex lexicon, t answerType, counted []string, cands []candidate) {
	if t != durationAnswer && t != timeAnswer && (t != quantityAnswer || len(counted) == 0) {
		return
	}
	covers := map[string]bool{} // the articles with a sentence covering the question and stating no value
	for _, d := range cands {
		if d.stable >= minCoverage && !d.fits {
			covers[d.result.Chunk.ArticleID] = true
		}
	}
	for i := range cands {
		c := &cands[i]
		c.anchored = c.fits && len(c.values) > 0 && covers[c.result.Chunk.ArticleID] &&
			(t != quantityAnswer || countsNoun(lex, c.text, c.values, counted))
	}
}
