package rag

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/newsbot/newsbot/rag/answer"
	"github.com/newsbot/newsbot/rag/localembed"
)

// Extractive answering parameters, tuned on the even ids of RGB en_fact,
// the WikiQA dev split and the tuning part of the question set in
// cmd/newsbot/testdata (see docs/evaluation.md).
const (
	// minCoverage is the share of the question's informative words
	// (weighted by their rarity in English, which no corpus shifts;
	// related words counting half) that the lead sentence, or the
	// sentence before it in its passage, must contain for the question to
	// count as covered...
	minCoverage = 0.45
	// ...unless its embedding similarity alone is at least minSimilarity.
	minSimilarity = 0.6
	// followRatio admits a second sentence that scores at least this share
	// of the lead.
	followRatio = 0.6
	// followCoverage is the coverage a second sentence needs.
	followCoverage = 0.45
	// followSimilarity is the embedding similarity a further sentence
	// needs: coverage alone can come from a word used in another sense.
	followSimilarity = 0.1
	// redundant is the word-set overlap above which a sentence repeats one
	// already chosen.
	redundant = 0.5
	// relatedCredit is how much a related word (e.g. "refused" for
	// "rejected") counts towards covering a question word.
	relatedCredit = 0.5
	// minCandidateWords is the fewest informative words a sentence needs
	// to be quoted at all.
	minCandidateWords = 3
	// neighbourCredit is the share of a sentence's coverage that the next
	// sentence of its passage borrows: the answer often follows the
	// sentence that matches the question's words.
	neighbourCredit = 0.85
	// minFocus is the share of the question's focus words (names, titles,
	// rare words: focusTerms) that the lead sentence or the one before it
	// must contain: a sentence of the right type about something else is
	// no answer.
	minFocus = 0.75
	// yearPenalty is taken from the score of a sentence that names another
	// year than the question's.
	yearPenalty = 0.25
	// minRelation is the share of the question's words other than its
	// focus (what it asks about the focus: "won", "director") that a
	// sentence of another report must contain to count as disagreeing.
	minRelation = 0.25
	// conflictRatio is the share of the lead's score at which a sentence
	// of another report giving a different value counts as disagreeing.
	conflictRatio = 0.6
	// roleRatio is the share of the best lead's score at which a sentence
	// stating the question's relation (roleHolds) is preferred to it.
	roleRatio = 0.6
)

// Scoring weights of a candidate sentence.
const (
	wSimilarity = 0.35
	wCoverage   = 0.5
	wProximity  = 0.08
	wPosition   = 0.1
	wQuality    = 0.1
	wRank       = 0.02
	// wDateSpecific weighs how specific a date is, for when-questions.
	wDateSpecific = 0.2
	// wAttached weighs a place or date attached to the question's event
	// (attachedValue), for where- and when-questions.
	wAttached = 0.1
)

// candidate is one sentence of a retrieved passage.
type candidate struct {
	result    Result
	text      string
	tokens    []string
	sent      int     // position of the sentence in its chunk
	coverage  float64 // IDF-weighted share of the question's words (corpus weights)
	stable    float64 // the lesser of coverage and english: for refusals
	english   float64 // coverage with English weights only
	relation  float64 // the same over the question's words that are not its focus
	strength  float64 // how specific its best typed value is (a full date 1, a bare year 0.5)
	sim       float64
	prox      float64 // how close together the question's words are
	quality   float64 // 1 for prose; less for headlines, link lists, furniture
	score     float64
	fits      bool     // holds the kind of fact the question asks for
	values    []string // the values of that kind it states
	numbersOK bool     // its passage names the question's numbers and years
	focus     float64  // share of the question's focus words it or its predecessor holds
	otherYear bool     // it names years, none of them the question's
	role      bool     // the question's relation holds between its entity and one of values (roleHolds)
}

// canLead reports whether c may state the answer to a question of type t:
// it holds the kind of fact asked for, about the question's focus and
// year, in a prose sentence.
func (c candidate) canLead(t answerType) bool {
	return c.fits && c.numbersOK && c.quality >= minQuality && c.focus >= minFocus && (!c.otherYear || t == timeAnswer)
}

// extractive answers from the retrieved passages by choosing the sentences
// that best match the question, each cited.
//
// A where- or when-question that no retrieved sentence answers (none
// attaches a place or date to the question's event), or a when-question
// answered by a weekday or a year alone, searches the same
// articles once more with the event's other words ("hosted", "held" for
// "talks"): the passage that names the event is often not the one that
// says where or when it happened.
func (s *Service) extractive(ctx context.Context, question string, results []Result) (answer.Answer, error) {
	ans, err := extract(ctx, s.lex, s.index(), question, results)
	if err != nil || len(results) == 0 || !ans.Refused && !vagueDate(question, ans) {
		return ans, err
	}
	more := s.eventResults(ctx, question, results)
	if len(more) == 0 {
		return ans, nil
	}
	return extract(ctx, s.lex, s.index(), question, append(slices.Clone(results), more...))
}

// vagueDate reports whether ans answers a when-question with no more
// than a weekday or a year ("Tuesday's meeting closed …"): the articles
// may say the date in full elsewhere.
func vagueDate(question string, ans answer.Answer) bool {
	if t, _ := classify(question); t != timeAnswer || len(ans.Citations) == 0 || ans.Has(answer.FlagConflict) {
		return false
	}
	_, strength := timeAnswer.typedValues(ans.Citations[0].Quote, questionWords(question))
	return strength < 0.8
}

// eventResults searches the articles of results (so any filter of the
// first search still holds) for the event of a where- or when-question in
// other words, and returns the passages not already in results; nil for
// other questions or when there are none.
func (s *Service) eventResults(ctx context.Context, question string, results []Result) []Result {
	atype, content := classify(question)
	if atype != placeAnswer && atype != timeAnswer {
		return nil
	}
	var words []string
	for _, q := range s.lex.queryTerms(content) {
		if q.of != "" {
			continue
		}
		for _, g := range relationIndex[q.term] {
			words = append(words, relationSynonyms[g]...)
		}
	}
	if len(words) == 0 {
		return nil
	}
	have := map[string]bool{}
	var f answer.Filter
	for _, r := range results {
		have[r.Chunk.ID] = true
		if !slices.Contains(f.ArticleIDs, r.Chunk.ArticleID) {
			f.ArticleIDs = append(f.ArticleIDs, r.Chunk.ArticleID)
		}
	}
	query := question + " " + strings.Join(words, " ")
	if len(query) > answer.MaxQuestionLen {
		return nil
	}
	found, _, err := s.retrieve(ctx, query, len(results), f)
	if err != nil {
		return nil // the first answer stands
	}
	var out []Result
	for _, r := range found {
		if !have[r.Chunk.ID] {
			r.Rank += len(results)
			out = append(out, r)
		}
	}
	return out
}

// extract answers question from results, weighing words by ix: the lead
// sentence is the best one that states the kind of fact asked for; a
// second is added only to confirm it from another report or to add a
// distinct well-supported fact; when another report gives a different
// value the answer says that the sources differ.
func extract(ctx context.Context, lex lexicon, ix *index, question string, results []Result) (answer.Answer, error) {
	ans := answer.Answer{Question: question, Mode: "extractive", Citations: []answer.Citation{}}
	cands, err := scoreCandidates(ctx, lex, ix, question, results)
	if err != nil {
		return ans, err
	}
	atype, _ := classify(question)
	qstems := map[string]bool{}
	for _, t := range localembed.Tokens(normalizeEntities(question)) {
		qstems[t] = true
	}
	// The lead is the best sentence that states the kind of fact asked
	// for with enough support; when there is none, the answer is a refusal.
	lead := -1
	for i, c := range cands {
		if c.canLead(atype) && (c.stable >= minCoverage || c.sim >= minSimilarity) {
			lead = i
			break
		}
	}
	if lead < 0 || needsRelation(atype) && !anyStates(cands, atype) {
		return refuse(ans), nil
	}
	// A sentence in which the question's relation holds between its
	// entity and a name answers a who-question better than one that only
	// shares its words.
	if !cands[lead].role {
		for i, c := range cands {
			if c.score < roleRatio*cands[lead].score {
				break
			}
			if c.role && c.canLead(atype) && (c.stable >= minCoverage || c.sim >= minSimilarity) {
				lead = i
				break
			}
		}
	}
	// A figure that several reports state is answered from all of them:
	// the latest of a revised figure, or each side of a disputed one.
	if f, ok := findFigure(atype, cands, lead, question); ok {
		return f.write(ans), nil
	}
	best := cands[lead]
	chosen := []candidate{best}
	var differ []candidate
	for i, c := range cands {
		if i == lead || !c.canLead(atype) {
			continue
		}
		sameReport := c.result.Chunk.ArticleID == best.result.Chunk.ArticleID
		// A report that answers the same question about the same focus with
		// another value disagrees, even when the corpus weighs its words
		// less (words every passage shares weigh nothing there).
		if !sameReport && c.english >= minCoverage && c.relation >= minRelation && c.score >= conflictRatio*best.score && disagrees(atype, best, c, qstems) {
			differ = append(differ, c)
			continue
		}
		if c.stable < minCoverage {
			continue
		}
		if len(chosen) == 2 || c.score < followRatio*best.score || repeats(c, chosen) {
			continue
		}
		if c.coverage < followCoverage || c.sim < followSimilarity {
			continue
		}
		if atype != anyAnswer && atype != yesNoAnswer && (sameReport || !sharesValue(best, c)) {
			continue // a typed answer gains only another report's confirmation
		}
		chosen = append(chosen, c)
	}
	if len(differ) > 0 && conflicting(best, differ) {
		ans.AddFlag(answer.FlagConflict)
		chosen = []candidate{best, differ[0]}
	}
	var b strings.Builder
	if ans.Has(answer.FlagConflict) {
		b.WriteString("Sources differ: ")
	}
	for i, c := range chosen {
		n := i + 1
		if i > 0 {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "%s [%d]", c.text, n)
		ans.Citations = append(ans.Citations, citationFor(n, c.result, c.text))
	}
	ans.Answer = b.String()
	return ans, nil
}

// scoreCandidates returns the sentences of results scored against the
// question, best first.
func scoreCandidates(ctx context.Context, lex lexicon, ix *index, question string, results []Result) ([]candidate, error) {
	cands := candidates(lex, results)
	if len(cands) == 0 {
		return nil, nil
	}
	if err := scoreSentences(ctx, lex, ix, question, cands); err != nil {
		return nil, err
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	return cands, nil
}

// scoreSentences sets the similarity, coverage, answer-type fit and score
// of each candidate against the question; ix supplies the word weights.
// Candidates are in passage order, so a sentence's neighbour is the next
// candidate of the same chunk. It returns ctx's error when ctx ends.
func scoreSentences(ctx context.Context, lex lexicon, ix *index, question string, cands []candidate) error {
	texts := make([]string, len(cands))
	for i, c := range cands {
		texts[i] = c.text
	}
	local := LocalEmbedder()
	svecs, err := local.Documents(ctx, texts)
	if err != nil {
		return fmt.Errorf("score sentences: %w", err)
	}
	qv, err := local.Query(ctx, []string{question})
	if err != nil {
		return fmt.Errorf("score sentences: %w", err)
	}
	atype, content := classify(question)
	qterms := lex.queryTerms(content)
	if len(qterms) == 0 {
		qterms = lex.queryTerms(question)
	}
	qwords := questionWords(question)
	numbers := mustNumbers(content)
	focus := focusTerms(lex, question)
	isFocus := map[string]bool{}
	for _, f := range focus {
		isFocus[f.term] = true
	}
	var relTerms []queryTerm // what the question asks about its focus: "won", "director"
	for _, q := range qterms {
		if !isFocus[q.term] && !isFocus[q.of] {
			relTerms = append(relTerms, q)
		}
	}
	var rel map[string]bool
	subject := asksSubject(question)
	var event map[string]bool // where/when: what the question asks about
	var relWords []string     // the stems of relTerms
	for _, q := range relTerms {
		if q.of == "" {
			relWords = append(relWords, q.term)
		}
	}
	switch atype {
	case personAnswer:
		rel = relationStems(relTerms)
	case placeAnswer, timeAnswer:
		event = questionEvent(lex, question, relTerms, focus)
	}
	var years []string
	for _, n := range numbers {
		if yearRE.MatchString(n) {
			years = append(years, n)
		}
	}
	chunkWords := map[string]map[string]bool{}
	for i := range cands {
		c := &cands[i]
		var prev []string
		if i > 0 && cands[i-1].result.Chunk.ID == c.result.Chunk.ID {
			prev = cands[i-1].tokens
		}
		words, ok := chunkWords[c.result.Chunk.ID]
		if !ok {
			words = wordSet(c.result.Chunk.Text)
			for _, t := range lex.tokens(c.result.Chunk.Text) {
				words[t] = true // stems too, for focusShare
			}
			chunkWords[c.result.Chunk.ID] = words
		}
		c.focus = focusShare(focus, c.tokens, prev, words)
		c.otherYear = yearClash(c.text, years)
		c.sim = localembed.Cosine(qv[0], svecs[i])
		c.coverage = ix.coverage(qterms, c.tokens, ix.termWeight)
		c.english = ix.coverage(qterms, c.tokens, englishWeight)
		c.relation = 1
		if len(relTerms) > 0 {
			c.relation = ix.coverage(relTerms, c.tokens, englishWeight)
		}
		c.stable = min(c.coverage, c.english)
		c.prox = proximity(qterms, c.tokens)
		c.quality = sentenceQuality(c.text)
		c.values, c.strength = atype.typedValues(c.text, qwords)
		strength := c.strength
		c.fits = strength > 0
		if v, ok := roleHolds(c.text, rel, focus, c.values, subject); ok {
			// The name in the relation is the sentence's answer.
			c.role = true
			c.values = append([]string{v}, slices.DeleteFunc(c.values, func(x string) bool { return x == v })...)
		}
		if att := attachedValue(c.text, atype, event, c.values); len(att) > 0 {
			// The place or date attached to the question's event is the
			// sentence's answer; for a date, its specificity counts.
			c.role = true
			// It states the question's relation, perhaps in other words
			// ("hosted" for "meeting"): the relation's words count as present.
			stated := append(slices.Clone(c.tokens), relWords...)
			c.coverage = max(c.coverage, ix.coverage(qterms, stated, ix.termWeight))
			c.english = max(c.english, ix.coverage(qterms, stated, englishWeight))
			c.relation = 1
			c.stable = min(c.coverage, c.english)
			c.values = append(slices.Clone(att), slices.DeleteFunc(c.values, func(x string) bool { return slices.Contains(att, x) })...)
			if atype == timeAnswer {
				c.strength = 0
				for _, v := range att {
					c.strength = max(c.strength, dateStrength(v))
				}
			}
		}
		c.numbersOK = hasNumbers(words, numbers)
		if c.fits && atype != anyAnswer && atype != yesNoAnswer {
			c.coverage += answerTypeBonus * strength / wCoverage
		}
	}
	// The sentence after one that matches the question's words borrows
	// part of its coverage: it often holds the answer.
	for i := 0; i+1 < len(cands); i++ {
		c, n := &cands[i], &cands[i+1]
		if atype == anyAnswer || atype == yesNoAnswer || n.result.Chunk.ID != c.result.Chunk.ID || n.sent != c.sent+1 || !n.fits || c.fits {
			continue
		}
		n.coverage = max(n.coverage, neighbourCredit*c.coverage)
		n.stable = max(n.stable, neighbourCredit*c.stable)
		n.english = max(n.english, neighbourCredit*c.english)
		n.relation = max(n.relation, neighbourCredit*c.relation)
		n.sim = max(n.sim, neighbourCredit*c.sim)
	}
	for i := range cands {
		c := &cands[i]
		pos := 1 / float64(1+c.sent+4*c.result.Chunk.Index)
		c.score = wSimilarity*c.sim + wCoverage*min(c.coverage, 1+answerTypeBonus/wCoverage) + wProximity*c.prox +
			wPosition*pos + wQuality*c.quality + wRank/float64(c.result.Rank)
		if !c.numbersOK {
			c.score -= 0.2
		}
		if c.otherYear {
			c.score -= yearPenalty
		}
		if atype == timeAnswer {
			c.score += wDateSpecific * c.strength // "on 1 December 2017" answers better than "in 2017"
		}
		if c.role && (atype == timeAnswer || atype == placeAnswer) {
			c.score += wAttached
		}
	}
	return nil
}

// needsRelation reports whether a question of type t is refused when no
// candidate states its relation: where and when, whose place or date must
// be attached to the question's event (attachedValue).
func needsRelation(t answerType) bool {
	return t == placeAnswer || t == timeAnswer
}

// anyStates reports whether a candidate that can lead states the
// question's relation (its role is set).
func anyStates(cands []candidate, t answerType) bool {
	for _, c := range cands {
		if c.role && c.canLead(t) && (c.stable >= minCoverage || c.sim >= minSimilarity) {
			return true
		}
	}
	return false
}

func refuse(a answer.Answer) answer.Answer {
	a.Refused = true
	a.Answer = answer.RefusalText
	a.Citations = []answer.Citation{}
	return a
}

// candidates returns the distinct sentences of the results (chunks overlap,
// so a sentence can appear twice), tokenized.
func candidates(lex lexicon, results []Result) []candidate {
	seen := map[string]bool{}
	var out []candidate
	for _, r := range results {
		for si, sp := range r.Chunk.Sentences {
			key := fmt.Sprintf("%s@%d", r.Chunk.ArticleID, r.Chunk.Start+sp.Start)
			if seen[key] {
				continue
			}
			seen[key] = true
			text := r.Chunk.Text[sp.Start:sp.End]
			toks := lex.tokens(text)
			if len(toks) < minCandidateWords { // headlines fragments, datelines
				continue
			}
			if isHeadline(r, sp.Start, text) {
				continue
			}
			out = append(out, candidate{result: r, text: text, tokens: toks, sent: si})
		}
	}
	return out
}

// isHeadline reports whether text, a sentence starting at offset start of
// r's chunk, is the article's headline rather than its prose: the title
// itself, or an unpunctuated first line. A headline states a topic, not an
// answer ("… lasted almost five hours" is the meeting, not the war).
func isHeadline(r Result, start int, text string) bool {
	t := strings.TrimSpace(text)
	if title := strings.TrimSpace(r.Source.Title); title != "" && strings.EqualFold(strings.TrimRight(t, ".!?:"), strings.TrimRight(title, ".!?:…")) {
		return true
	}
	return r.Chunk.Start+start == 0 && !strings.ContainsAny(t[len(t)-1:], ".!?\"”’»)")
}

// coverage is the IDF-weighted share of the question's own terms found in
// tokens; a term that is absent but has a related word present counts for
// relatedCredit of its weight.
func (ix *index) coverage(qterms []queryTerm, tokens []string, weight func(string) float64) float64 {
	have := make(map[string]bool, len(tokens))
	for _, t := range tokens {
		have[t] = true
	}
	credit := map[string]float64{}
	var total float64
	for _, q := range qterms {
		switch {
		case q.of == "":
			w := weight(q.term)
			total += w
			if have[q.term] {
				credit[q.term] = w
			}
		case have[q.term]:
			credit[q.of] = max(credit[q.of], relatedCredit*weight(q.of))
		}
	}
	if total == 0 {
		return 0
	}
	var got float64
	for _, c := range credit {
		got += c
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

// repeats reports whether c mostly repeats a chosen sentence.
func repeats(c candidate, chosen []candidate) bool {
	for _, o := range chosen {
		if jaccard(c.tokens, o.tokens) > redundant {
			return true
		}
	}
	return false
}

func jaccard(a, b []string) float64 {
	sa := map[string]bool{}
	for _, t := range a {
		sa[t] = true
	}
	sb := map[string]bool{}
	inter := 0
	for _, t := range b {
		if sb[t] {
			continue
		}
		sb[t] = true
		if sa[t] {
			inter++
		}
	}
	union := len(sa) + len(sb) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// citationFor builds citation n quoting text from result r.
func citationFor(n int, r Result, quote string) answer.Citation {
	c := answer.Citation{
		N:         n,
		ArticleID: r.Chunk.ArticleID,
		Title:     r.Source.Title,
		Source:    r.Source.Source,
		URL:       r.Source.URL,
		ChunkID:   r.Chunk.ID,
		Quote:     quote,
	}
	// A file's modification time says when it was copied, not when the
	// article was published: it is good enough for briefing windows but is
	// not shown as a publication date.
	if !r.Source.Published.IsZero() && r.Source.PublishedFrom != "file time" {
		c.Published = r.Source.Published.Format("2006-01-02")
	}
	return c
}
