package rag

import (
	"context"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/newsbot/newsbot/rag/answer"
	"github.com/newsbot/newsbot/rag/chunk"
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
	minSimilarity = 0.4
	// roleCoverage is the English-weighted coverage of the question that a
	// sentence stating its relation needs to cover it (candidate.covered).
	roleCoverage = 0.25
	// casualCoverage and casualRelation are the English-weighted coverage
	// of the question, and of its words other than the focus, that cover
	// it without corpus weights.
	casualCoverage = 0.45
	casualRelation = 0.2
	// yesNoCoverage is the English-weighted coverage above which a
	// sentence about the focus of a yes-no question covers it, whatever
	// words it says the claim in.
	yesNoCoverage = 0.4
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
	// roleConflictRatio is that share when both sentences state the
	// question's relation, each for its own value.
	roleConflictRatio = 0.45
	// headlineQuality is the sentence quality from which a headline
	// stating the question's relation may show a conflict.
	headlineQuality = 0.35
	// roleRatio is the share of the best lead's score at which a sentence
	// stating the question's relation (roleHolds) is preferred to it.
	roleRatio = 0.6
)

// Scoring weights of a candidate sentence.
const (
	wSimilarity = 0.35
	wCoverage   = 0.5
	wProximity  = 0.08
	// wPhrase weighs the question's phrases a sentence repeats, up to
	// maxPhrases of them (sharedPhrases).
	wPhrase    = 0.05
	maxPhrases = 2
	wPosition  = 0.1
	wQuality   = 0.1
	wRank      = 0.02
	// wDateSpecific weighs how specific a date is, for when-questions.
	wDateSpecific = 0.2
	// wAttached weighs a place or date attached to the question's event
	// (attachedValue), for where- and when-questions.
	wAttached = 0.1
	// wHead weighs naming what a what-question asks for (headNoun).
	wHead = 0.1
)

// extractive answers from the retrieved passages by choosing the sentences
// that best match the question, each cited.
//
// A where- or when-question that no retrieved sentence answers (none
// attaches a place or date to the question's event), or a when-question
// answered by a weekday or a year alone, searches the same
// articles once more with the event's other words ("hosted", "held" for
// "talks"): the passage that names the event is often not the one that
// says where or when it happened. Any other question that no retrieved
// sentence answers searches them once more without its names.
func (s *Service) extractive(ctx context.Context, question string, results []Result) (answer.Answer, error) {
	ix, err := s.loadedIndex(ctx)
	if err != nil {
		return answer.Answer{}, err
	}
	texts := map[string]string{}
	if results, err = s.withReports(ctx, results, texts); err != nil {
		return answer.Answer{}, err
	}
	ans, err := extract(ctx, s.lex, ix, question, results)
	if err != nil || len(results) == 0 || !ans.Refused && !vagueDate(question, ans) {
		return ans, err
	}
	more, err := s.withReports(ctx, s.eventResults(ctx, question, results), texts) // the same articles
	if err != nil || len(more) == 0 {
		return ans, nil // the first answer stands
	}
	return extract(ctx, s.lex, ix, question, append(slices.Clone(results), more...))
}

// withReports returns results with the whole text of each one's article
// and, after them, the stored passage that follows the first in its
// article: what a report names elsewhere (its subject, the question's
// year) need not be in the passages retrieved, and among thousands of
// unrelated articles fewer of its passages are; the answer is often told
// just after the passage that matches the question's words. texts holds
// the articles' texts already read, by id; those it reads are added.
func (s *Service) withReports(ctx context.Context, results []Result, texts map[string]string) ([]Result, error) {
	var ids []string
	for _, r := range results {
		if _, ok := texts[r.Chunk.ArticleID]; !ok && !slices.Contains(ids, r.Chunk.ArticleID) {
			ids = append(ids, r.Chunk.ArticleID)
		}
	}
	read, err := s.store.articleTexts(ctx, ids)
	if err != nil {
		return nil, err
	}
	maps.Copy(texts, read)
	out := slices.Clone(results)
	for i := range out {
		out[i].report = texts[out[i].Chunk.ArticleID]
	}
	if len(out) == 0 {
		return out, nil
	}
	first := out[0]
	id := chunk.ID(first.Chunk.ArticleID, first.Chunk.Index+1)
	if slices.ContainsFunc(out, func(r Result) bool { return r.Chunk.ID == id }) {
		return out, nil
	}
	stored, err := s.store.chunks(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	if c, ok := stored[id]; ok {
		first.Chunk, first.Score, first.Similarity = c, 0, 0
		out = append(out, first)
	}
	return out, nil
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
// other words, or for what another question asks without the names that
// place it in its story, and returns the passages not already in
// results; nil when there are none.
func (s *Service) eventResults(ctx context.Context, question string, results []Result) []Result {
	atype, content := classify(question)
	var words []string
	if atype == placeAnswer || atype == timeAnswer {
		for _, q := range s.lex.queryTerms(content) {
			if q.of != "" {
				continue
			}
			for _, g := range relationIndex[q.term] {
				words = append(words, relationSynonyms[g]...)
			}
		}
	} else {
		// Every passage of the story shares its names: "how many points
		// did the plan have before they trimmed it" asks of points.
		focus := focusTerms(s.lex, question)
		for _, w := range strings.Fields(content) {
			if toks := s.lex.tokens(w); len(toks) > 0 && !slices.ContainsFunc(toks, func(t string) bool {
				return slices.ContainsFunc(focus, func(f focusTerm) bool { return f.term == t })
			}) {
				words = append(words, w)
			}
		}
		question = "" // the words are the whole query
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
	query := strings.TrimSpace(question + " " + strings.Join(words, " "))
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

// adviceRE matches a question asking for advice rather than news: "how
// do I fix it", "what's the best way to learn the guitar", "my laptop
// won't connect".
var adviceRE = regexp.MustCompile(`(?i)^\s*(?:how (?:do|can|should|would) (?:i|we)\b|what(?:'s|’s| is) the best way to\b|(?:my|our) [\pL-]+(?: [\pL-]+)? (?:won't|won’t|wont|keeps|kept|stopped|doesn't|doesn’t|doesnt|isn't|isn’t|isnt|can't|can’t|cant)\b)`)

// adviceCoverage is the share of an advice question (adviceRE) the lead
// must cover: news seldom answers one, and words it shares by chance
// ("WiFi", "laptops") are no answer.
const adviceCoverage = 0.75

// extract answers question from results, weighing words by ix: the lead
// sentence is the best one that states the kind of fact asked for; a
// second is added only to confirm it from another report or to add a
// distinct well-supported fact; when another report gives a different
// value the answer says that the sources differ.
//
// A question that tells its story first is answered from its last
// sentence (askedSentence); when that points back into the story ("Who
// did he dispatch instead?") and finds nothing, from the whole question.
func extract(ctx context.Context, lex lexicon, ix *index, question string, results []Result) (answer.Answer, error) {
	asked := askedSentence(question)
	ans, err := extractAsked(ctx, lex, ix, question, asked, results)
	if err == nil && ans.Refused && asked != question && pointsBackRE.MatchString(asked) {
		return extractAsked(ctx, lex, ix, question, question, results)
	}
	return ans, err
}

// extractAsked answers question, scoring its sentences against asked.
func extractAsked(ctx context.Context, lex lexicon, ix *index, question, asked string, results []Result) (answer.Answer, error) {
	ans := answer.Answer{Question: question, Mode: "extractive", Citations: []answer.Citation{}}
	question = asked
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
		if c.canLead(atype) && c.covered() {
			lead = i
			break
		}
	}
	if lead < 0 || needsRelation(atype) && !anyStates(cands, atype) || adviceRE.MatchString(question) && cands[lead].stable < adviceCoverage || unstatedValue(atype, cands, lead) {
		return refuse(ans), nil
	}
	if atype == personAnswer && !cands[lead].role && !slices.ContainsFunc(cands, func(c candidate) bool { return c.saysRelation }) {
		// No sentence says the relation asked about in any words ("who
		// interpreted for Putin"): names that reports share are no answer.
		return refuse(ans), nil
	}
	if atype == personAnswer && !cands[lead].role && cands[lead].support == 0 && !cands[lead].follows {
		// No sentence relates a name to the question, none follows one
		// that states the relation, and no two reports name the same one:
		// a name that is merely there is no answer, unless it is the
		// subject of a sentence covering most of the question.
		alt := -1
		for i, c := range cands {
			if (c.role || c.support > 0 || c.follows) && c.canLead(atype) && c.covered() {
				alt = i
				break
			}
		}
		switch {
		case alt >= 0:
			lead = alt
		case !namedSubject(cands[lead], qstems):
			return refuse(ans), nil
		}
	}
	// A sentence in which the question's relation holds between its
	// entity and a name answers a who-question better than one that only
	// shares its words, unless more than one report more states the
	// lead's value.
	if !cands[lead].role {
		// A sum beside a word of the question's ("£75m after selling") is
		// a weak sign of its relation: only the lead's report's own count.
		loose := atype == quantityAnswer && countedNoun(lex, question) == nil
		for i, c := range cands {
			if c.score < roleRatio*cands[lead].score {
				break
			}
			if c.role && c.support+1 >= cands[lead].support && c.canLead(atype) && c.covered() &&
				(!loose || c.result.Chunk.ArticleID == cands[lead].result.Chunk.ArticleID) {
				lead = i
				break
			}
		}
	}
	lead = namesVerb(atype, lex, question, cands, lead)
	lead = asksBetter(atype, cands, lead)
	lead = asKindLead(atype, cands, lead)
	lead = echoLead(atype, question, cands, lead)
	lead = factLead(atype, question, cands, lead)
	lead = askedTimeLead(atype, question, cands, lead)
	switch atype {
	case anyAnswer:
		lead = saysBetter(lex, question, cands, lead)
		lead = quoteBetter(question, cands, lead)
	case personAnswer:
		lead = sayerBetter(question, cands, lead)
	case reasonAnswer:
		lead = causeLead(question, cands, lead)
	}
	lead = fullest(atype, cands, lead, qstems)
	if atype == yesNoAnswer {
		// What the question claims, not whom it is about: "Putin" after
		// "without breakthrough" denies nothing of his being there.
		claim := maps.Clone(qstems)
		for _, f := range focusTerms(lex, question) {
			delete(claim, f.term)
		}
		lead = denialLead(cands, lead, claim)
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
		// A headline that states the question's relation for its own
		// value ("Hideki Matsuyama Wins The Masters!") may show that its
		// report disagrees, though it answers nothing itself.
		headline := best.role && c.role && c.relation >= 1 && c.fits && c.quality < minQuality && c.quality >= headlineQuality &&
			c.focus >= minFocus && c.numbersOK && !c.otherYear && !c.otherEdition && !c.otherAward
		if i == lead || !c.canLead(atype) && !c.mayDiffer() && !headline {
			continue
		}
		sameReport := c.result.Chunk.ArticleID == best.result.Chunk.ArticleID
		// A report that answers the same question about the same focus with
		// another value disagrees, even when the corpus weighs its words
		// less (words every passage shares weigh nothing there).
		// A sentence that names no one as the kind asked for ("the
		// press secretary") says nothing of who holds it.
		if !sameReport && !quotation(c.text) && (!best.asKind || c.asKind) && (c.english >= minCoverage || headline && c.english >= roleCoverage) && c.relation >= minRelation && (c.score >= conflictRatio*best.score || c.role && best.role && c.score >= roleConflictRatio*best.score) && disagrees(atype, best, c, qstems) && sameOccasion(best, c, qstems) {
			differ = append(differ, c)
			continue
		}
		if c.stable < minCoverage || !c.canLead(atype) {
			continue
		}
		if len(chosen) == 2 || c.score < followRatio*best.score || repeats(c, chosen) {
			continue
		}
		if c.coverage < followCoverage || c.sim < followSimilarity {
			continue
		}
		if atype != anyAnswer && atype != yesNoAnswer && (sameReport || !confirms(atype, best, c, qstems)) {
			continue // a typed answer gains only another report's confirmation
		}
		chosen = append(chosen, c)
	}
	if atype == yesNoAnswer && len(chosen) == 1 {
		if n, ok := contrastAfter(cands, best); ok {
			chosen = append(chosen, n) // "He tried to re-sign Solano. But Villa were not interested in selling."
		}
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
		if i > 0 {
			b.WriteString(" ")
		}
		if i == 0 && c.antecedent != "" {
			// Whom its pronoun stands for first: "President Putin issued a
			// stark warning … He went further …".
			fmt.Fprintf(&b, "%s [1] ", c.antecedent)
			ans.Citations = append(ans.Citations, citationFor(1, c.result, c.antecedent))
		}
		n := len(ans.Citations) + 1
		fmt.Fprintf(&b, "%s [%d]", c.text, n)
		ans.Citations = append(ans.Citations, citationFor(n, c.result, c.text))
	}
	ans.Answer = b.String()
	return ans, nil
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
		if c.role && c.canLead(t) && c.covered() {
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
