// Candidate answers: the sentences of the retrieved passages, each scored
// against the question (coverage, similarity, answer type, proximity,
// position, quality), best first.

package rag

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"

	"github.com/newsbot/newsbot/rag/localembed"
)

// candidate is one sentence of a retrieved passage.
type candidate struct {
	result       Result
	text         string
	tokens       []string
	sent         int     // position of the sentence in its chunk
	coverage     float64 // IDF-weighted share of the question's words (corpus weights)
	stable       float64 // the lesser of coverage and english: for refusals
	english      float64 // coverage with English weights only
	relation     float64 // the same over the question's words that are not its focus
	stated       float64 // relation in the sentence's own words, before a name holding it (roleHolds) counts it as said
	inReport     float64 // english, with the words its report names elsewhere counting reportCredit
	strength     float64 // how specific its best typed value is (a full date 1, a bare year 0.5)
	sim          float64
	prox         float64 // how close together the question's words are
	phrases      int     // how many pairs of the question's consecutive words it holds side by side ("crucial test")
	quality      float64 // 1 for prose; less for headlines, link lists, furniture
	score        float64
	fits         bool      // holds the kind of fact the question asks for
	values       []string  // the values of that kind it states
	numbersOK    bool      // its report (retrieved passages, headline) names the question's numbers and years
	focus        float64   // share of the question's focus words it or its predecessor holds
	focusHits    []float64 // per focus word, how much it names it (focusHits)
	namesFocus   bool      // it or its report names every focus word but those taken for their rarity alone
	otherYear    bool      // it names years, none of them the question's
	otherEdition bool      // it numbers the question's edition otherwise (editionClash)
	otherAward   bool      // it names another category of the question's award, another job, or the title's past holder (askedKind.otherKind)
	says         bool      // whom the question asks what they said says it here, or in the quotation this sentence goes on with or from
	unsaid       bool      // neither it nor the sentence before it names whoever the question asks what they said (speakerTerms), or someone else says it (saidByOther)
	role         bool      // the question's relation holds between its entity and one of values (roleHolds)
	antecedent   string    // the sentence before it, naming whom its pronoun subject stands for (pronounSubject)
	support      int       // other reports stating its principal value about the question
	follows      bool      // it follows a sentence that holds the question's relation and no answer
	yesNo        bool      // the question asks yes or no: its words other than the focus are its claim
	words        int       // how many of the question's own words it holds
	namesHead    bool      // it names what a what-question asks for (headNoun: "slogan")
	asKind       bool      // it names someone or something, not in the question, as the kind a which-question asks for or whose name it asks (nameAsKind)
	saysRelation bool      // it holds the verb a who-question asks the subject of, in some words (askedVerbStems)
	anchored     bool      // it states a count, duration or date in a report another sentence of which covers the question without one (anchor)
}

// proseQuality is the sentence quality from which a sentence is prose,
// not a headline or a list (sentenceQuality).
const proseQuality = 0.8

// A sentence's report tells the question's story for it (storyWords) in
// the sentence's English coverage too when the sentence states at least
// storyRelation of what is asked, and what is asked has at least
// storyAsked words.
const (
	storyRelation = 0.5
	storyAsked    = 2
)

// yesNoWords is how many of a yes-no question's own words a sentence
// covering it by yesNoCoverage must hold: its subject alone ("is it
// going to snow in Kyiv?") is not the claim.
const yesNoWords = 2

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
	// A sentence is as similar to a question that tells a story before
	// what it asks as it is, on average, to the question and to what it
	// asks: the lede retelling the story is not thereby the answer.
	queries := []string{question}
	story := storyWords(lex, question)
	if story != nil {
		asked, _ := splitContext(question)
		queries = append(queries, asked)
	}
	qv, err := local.Query(ctx, queries)
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
	described := describedName(question)            // whom "Who is …?" asks about
	kindNoun := askedKindNoun(question)             // "firm" for "which hotel firm …"
	demand := questionDemands(lex, question, atype) // "hotel" for "which hotel …"
	uncounted := demand
	uncounted.counted = nil
	focus, spelled := spelledOut(lex, question, namedInPassages(lex, focusTerms(lex, question), texts), texts)
	qpairs := wordPairs(lex.tokens(question), focus)
	// The kind of party or thing asked for, by its own word ("Justice
	// Minister Kenny MacAskill" is no judge): "judg" for "which senior
	// judge led …", "forum" for "the name of the investment forum".
	var asked []string
	nameOf := nameOfNoun(question, focus)
	if atype == personAnswer || atype == anyAnswer {
		asked = kindStems(lex, cmp.Or(askedNoun(question), nameOf))
	}
	// The focus the answer's own words are not: "Microsoft", not
	// "Romanian", in "which Romanian company did Microsoft buy".
	modifiers := kindModifiers(lex, question)
	topic := slices.DeleteFunc(slices.Clone(focus), func(f focusTerm) bool { return modifiers[f.term] })
	// Nor need a place's report repeat them: Geneva is the "Swiss city"
	// asked for whether or not it says "Swiss" (a company's says
	// "Romanian firm", and another firm is no answer).
	shared := slices.Clone(focus)
	if placeKindRE.MatchString(question) {
		for i := range shared {
			shared[i].word = shared[i].word || modifiers[shared[i].term]
		}
	}
	named := initialed(lex, question)
	isFocus := map[string]bool{}
	for _, f := range focus {
		isFocus[f.term] = true
	}
	describes := descriptionWords(lex, question)
	speaker, speakerName := speakerTerms(lex, question, focus)
	if speakerName == "" {
		speaker, speakerName = namedSpeaker(lex, question, texts)
	}
	sayStems := sayingStems(lex, question)
	toPress := pressRE.MatchString(question) // "what did Dmitriev tell reporters": words said
	asksSaid := whatSaidRE.MatchString(question)
	context := contextWords(lex, question)
	var relTerms []queryTerm // what the question asks about its focus: "won", "director"
	for _, q := range qterms {
		if !isFocus[q.term] && !isFocus[q.of] && !describes[q.term] && !describes[q.of] {
			relTerms = append(relTerms, q)
		}
	}
	// What places the question in its story is not what it asks, unless
	// nothing else is.
	if asked := slices.DeleteFunc(slices.Clone(relTerms), func(q queryTerm) bool { return context[q.term] || context[q.of] }); len(asked) > 0 {
		relTerms = asked
	}
	var rel map[string]bool       // who-questions: the relation and its parties
	var saysWho bool              // a who-question asking who said something
	var verbStems map[string]bool // who-questions: the verb whose subject is asked, in its words
	parties := focus
	_, subject := asksSubject(question)
	relSet := map[string]bool{}
	for _, q := range relTerms {
		if q.of == "" && !notRelation[q.term] {
			relSet[q.term] = true
		}
	}
	var event map[string]bool // where/when: what the question asks about
	var relWords []string     // the stems of relTerms
	for _, q := range relTerms {
		if q.of == "" {
			relWords = append(relWords, q.term)
		}
	}
	switch atype {
	case personAnswer:
		rel, parties = roleRelation(lex, question, relTerms, focus)
		verbStems = askedVerbStems(lex, question)
		saysWho = whoSaidRE.MatchString(question)
	case placeAnswer, timeAnswer:
		event = questionEvent(lex, question, relTerms, focus)
	}
	asksNext := nextRE.MatchString(recallRE.ReplaceAllString(question, "$1"))
	lastAsked := lastTimeRE.MatchString(question)
	nextPlace := nextOnlyRE.MatchString(question) // "where are they to hold the next round", not "where did he return"
	qEditions := editions(question)
	var hard, soft []string // the question's numbers other than editions, and its edition numbers
	for _, n := range numbers {
		if isEdition(qEditions, n) {
			soft = append(soft, n)
		} else {
			hard = append(hard, n)
		}
	}
	kind := kindOf(question)
	settlement := settlementRE.MatchString(question) // "which city …"
	var years []string
	for _, n := range numbers {
		if yearRE.MatchString(n) {
			years = append(years, n)
		}
	}
	about := newAboutWords(lex, cands)
	numbersOK := map[string]bool{}         // by article
	before := make([][]string, len(cands)) // the sentences a sentence goes on from (continuesRE)
	for i := range cands {
		c := &cands[i]
		var prev []string
		if i > 0 && cands[i-1].result.Chunk.ID == c.result.Chunk.ID {
			prev = cands[i-1].tokens
		}
		id := c.result.Chunk.ArticleID
		report, text := about.report(id)
		if _, ok := numbersOK[id]; !ok {
			// An edition number the report leaves out ("the 92nd Academy
			// Awards") is not required when it numbers no edition
			// otherwise.
			numbersOK[id] = hasNumbers(report, hard) && (hasNumbers(report, soft) || !editionClash(text, qEditions)) ||
				// Who holds a title in the question's year is who holds it
				// now in a report that names no year ("Tim Cook is Apple's
				// CEO" for "Who is the CEO of Apple in 2031?").
				kind.title != "" && !yearRE.MatchString(text) && !romanRE.MatchString(text) && hasNumbers(report, nonYears(hard))
		}
		// A name written in initials on one side and spelled out on the
		// other is named: "Russian Direct Investment Fund" for "RDIF",
		// "CSOs" for "Community Support Officers".
		written := c.tokens // its own words, before initials are read
		for t, initials := range spelled {
			if spells(initials, []string{c.text}) {
				c.tokens = append(slices.Clip(c.tokens), t)
			}
		}
		if len(named) > 0 {
			c.tokens = append(slices.Clip(c.tokens), initialsIn(c.text, named)...)
		}
		c.focusHits = focusHits(focus, c.tokens, prev, about.passage(c.result), report)
		if orphanPronoun(*c, focus, c.focusHits) {
			// Its pronoun stands for no name its report gives: the passage
			// was cut from a longer text, and "It" is what the question
			// asks about ("It was eventually released on March 3, 2017").
			for _, f := range focus {
				c.tokens = append(slices.Clip(c.tokens), f.term)
			}
			c.focusHits = focusHits(focus, c.tokens, prev, about.passage(c.result), report)
			// It is about the question's title, numbers and all
			// ("Xenoblade Chronicles 2"), if not its year.
			numbersOK[id] = numbersOK[id] || hasNumbers(report, years)
		}
		c.says, c.unsaid = speakerSays(cands, i, focus, speaker, speakerName, toPress, asksSaid)
		c.focus = focusShare(shared, c.focusHits)
		c.namesFocus = namesFocus(focus, c.focusHits)
		c.otherYear = yearClash(c.text, years)
		c.otherEdition = editionClash(c.text, qEditions) || sequelClash(c.text, question)
		c.otherAward = kind.otherKind(c.text)
		c.sim = localembed.Cosine(qv[0], svecs[i])
		if len(qv) > 1 {
			c.sim = (c.sim + localembed.Cosine(qv[1], svecs[i])) / 2
		}
		// A relation said in other words ("bought" for "acquire") counts
		// as said, and so does saying itself when whom the question asks
		// what they said says it ("How did Ushakov characterise …":
		// "“Some proposals look more or less acceptable …”"); not when it
		// asks for a value ("which city did Putin claim …": the city).
		said := withSynonyms(c.tokens, relWords)
		if c.says && atype == anyAnswer {
			said = append(slices.Clip(said), sayStems...)
		}
		// The story a question tells before what it asks ("When 50 Cent
		// became the first solo artist with three singles in the top
		// five, which of his tracks …") is told by the report; the
		// sentence answering need not tell it again.
		placed := slices.Clip(said)
		for t := range story {
			if report[t] && !slices.Contains(said, t) {
				placed = append(placed, t)
			}
		}
		c.words = sharedWords(qterms, said)
		c.coverage = ix.coverage(qterms, placed, ix.termWeight)
		c.relation = 1
		if len(relTerms) > 0 {
			c.relation = ix.coverage(relTerms, said, englishWeight)
		}
		c.english = ix.coverage(qterms, said, englishWeight)
		if i > 0 && len(prev) > 0 && cands[i-1].sent+1 == c.sent && continuesRE.MatchString(c.text) {
			// A sentence that goes on from the one before it ("She said
			// …", a quotation resumed) is about what that one names, and
			// what that one goes on from: together they cover the question.
			before[i] = append(slices.Clone(prev), before[i-1]...)
			both := withSynonyms(append(slices.Clone(before[i]), c.tokens...), relWords)
			c.coverage = max(c.coverage, continueCredit*ix.coverage(qterms, both, ix.termWeight))
			c.english = max(c.english, continueCredit*ix.coverage(qterms, both, englishWeight))
			if len(relTerms) > 0 {
				c.relation = max(c.relation, continueCredit*ix.coverage(relTerms, both, englishWeight))
			}
		}
		c.stable = min(c.coverage, c.english)
		c.stated = c.relation
		c.inReport = reportCoverage(qterms, said, report)
		c.prox = proximity(qterms, c.tokens)
		c.phrases = sharedPhrases(qpairs, c.tokens)
		c.quality = sentenceQuality(c.text)
		c.values, c.strength = atype.typedValues(c.text, qwords)
		if kept := settlements(settlement, c.values); len(kept) < len(c.values) {
			c.values = kept // no country is the city asked for
			c.strength = min(c.strength, float64(len(kept)))
		}
		if atype == quantityAnswer || atype == timeAnswer || atype == durationAnswer {
			c.values, c.strength = stated(c.text, c.values, c.strength) // not "if the score reaches 5-4"
		}
		strength := c.strength
		c.fits = strength > 0
		if (atype == timeAnswer && asksNext || atype == placeAnswer && nextPlace) && !futureRE.MatchString(c.text) || atype == timeAnswer && lastAsked && plannedOnly(c.text) {
			c.fits = false // "the next round" is not the meeting reported as held on Tuesday, nor held at the Kremlin; a plan for February 2005 not the last February election
		}
		if n := nameAsKind(c.text, asked); n != "" {
			// A name given as the kind of party asked is one it may ask
			// for: "Judge Lord Cullen" for "which judge".
			c.asKind = slices.ContainsFunc(localembed.Tokens(n), func(t string) bool { return !qwords[t] })
			c.role = c.asKind && atype == personAnswer
		}
		if nameOf != "" {
			c.fits = c.asKind // "a separate address promoting foreign investment" names no forum
		}
		// A count of what the question counts in other words
		// ("whistleblowers" for "workers") may answer when the question's
		// predicate follows it (restatesAfter, below).
		met := demand.met(atype, c.tokens, prev)
		otherNoun := c.fits && !met && len(demand.counted) > 0 && uncounted.met(atype, c.tokens, prev)
		c.fits = c.fits && met
		c.namesHead = atype == anyAnswer && demand.namesHead(c.tokens)
		c.saysRelation = len(verbStems) == 0 || anyToken(verbStems, c.tokens)
		// Asked who said something, a sentence in which "he" or "she"
		// says it names the sayer by that pronoun (pronounSubject), not by
		// a name in what was said ("She said that President Donald Trump
		// and his team …").
		sayerPronoun := saysWho && pronounSaysRE.MatchString(c.text)
		var v string
		var ok bool
		if !sayerPronoun {
			v, ok = roleHolds(c.text, rel, parties, c.values, subject, false)
		}
		if !ok && !sayerPronoun && c.focus >= minFocus && c.quality >= proseQuality && !anyFocusIn(topic, written) {
			// A sentence (not a headline) of a passage about the focus that
			// does not name it again, or only by initials ("Bianca Andreescu
			// won the women's singles title" in a report on the US Open,
			// "She beat …", "Stephen Dyer, director of UKIF") states the
			// relation on its own.
			v, ok = roleHolds(c.text, rel, parties, c.values, subject, true)
		}
		if !ok && atype == personAnswer && len(prev) > 0 && cands[i-1].sent+1 == c.sent {
			if v, ok = pronounSubject(c.text, cands[i-1].text, rel, parties, qwords, subject, saysWho); ok {
				c.antecedent, c.fits = cands[i-1].text, true
			}
		}
		if !ok && saysWho {
			if v, ok = sayerName(c.text, c.values); !ok {
				var k int
				if v, k, ok = quotationSayer(cands[:i+1], qwords); ok {
					c.antecedent, c.fits, c.stated = cands[k].text, true, max(c.stated, cands[k].stated)
					c.asKind = c.asKind || cands[k].asKind // "said Tom Hale, chief economist at …"
				}
			}
		}
		if !ok && atype == personAnswer {
			v, ok = describedAs(c.text, c.values, kindNoun)
		}
		if !ok && atype == personAnswer {
			v, ok = titledBy(c.values, qwords, focus)
		}
		if !ok && atype == personAnswer && orgKinds[kindNoun] {
			v, ok = memberOf(c.values, focus)
		}
		if ok && saysWho && !speaks(c.tokens, "") && c.antecedent == "" {
			// Asked who said something, a sentence in which no one speaks
			// names no sayer ("Larne's teenage star Robbie Weir is poised
			// to join Sunderland" for who said he had not heard about Weir
			// joining Sunderland).
			ok = false
		}
		if ok {
			// The name in the relation is the sentence's answer, and the
			// sentence states the relation, perhaps in other words.
			c.role = true
			c.relation = 1
			c.values = append([]string{v}, slices.DeleteFunc(c.values, func(x string) bool { return x == v })...)
		}
		if described != nil && introduces(c.text, described) {
			// "Who is Jared Kushner?": "Trump's son-in-law Jared Kushner".
			c.role = true
		}
		if atype == quantityAnswer && measures(c.text, c.values, relSet) {
			// The figure is of what the question asks about ("a £65,000
			// settlement" for "How much did he receive in his settlement?").
			c.role = true
			c.fits = c.fits || otherNoun && restatesAfter(c.text, c.values, relSet)
		}
		att := attachedValue(c.text, atype, event, c.values)
		if len(att) > 0 && !inPassage(focus, c.tokens, prev, about.passage(c.result)) {
			att = nil // "hosted … at the Kremlin on Tuesday" in a report that names Nato's Brussels meeting far off
		}
		if len(att) > 0 {
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
		based := len(att) > 0 && event[basedStem] // "Houston-based Continental" for "… - where is the airline based?"
		if c.relation >= storyRelation && (len(relWords) >= storyAsked || based) && len(placed) > len(said) {
			// A sentence stating what is asked is covered for the story
			// too, as is one saying where the question's party is based;
			// one with a word of it ("fixes" for "how do I fix it") is
			// not.
			c.english = max(c.english, ix.coverage(qterms, placed, englishWeight))
			c.stable = min(c.coverage, c.english)
		}
		c.numbersOK = numbersOK[id]
		c.yesNo = atype == yesNoAnswer
		if c.fits && atype != anyAnswer && atype != yesNoAnswer {
			c.coverage += answerTypeBonus * strength / wCoverage
		}
	}
	// The sentence after one that matches the question's words borrows
	// part of its coverage: it often holds the answer. It follows one
	// that states the question's relation, but for its light verbs: "has
	// received a $3.25bn takeover offer" for "who made the $3.25bn
	// takeover offer".
	heavy := slices.DeleteFunc(slices.Clone(relTerms), func(q queryTerm) bool { return lightVerbs[q.term] })
	for i := 0; i+1 < len(cands); i++ {
		c, n := &cands[i], &cands[i+1]
		if atype == anyAnswer || atype == yesNoAnswer || n.result.Chunk.ID != c.result.Chunk.ID || n.sent != c.sent+1 || !n.fits || c.fits {
			continue
		}
		n.follows = c.relation >= 1 || len(heavy) > 0 && ix.coverage(heavy, withSynonyms(c.tokens, relWords), englishWeight) >= 1
		n.coverage = max(n.coverage, neighbourCredit*c.coverage)
		n.stable = max(n.stable, neighbourCredit*c.stable)
		n.english = max(n.english, neighbourCredit*c.english)
		n.relation = max(n.relation, neighbourCredit*c.relation)
		n.sim = max(n.sim, neighbourCredit*c.sim)
	}
	anchor(lex, atype, demand.counted, cands)
	support(atype, cands, qwords, focus)
	for i := range cands {
		c := &cands[i]
		pos := 1 / float64(1+c.sent+4*c.result.Chunk.Index)
		c.score = wSimilarity*c.sim + wCoverage*min(c.coverage, 1+answerTypeBonus/wCoverage) + wProximity*c.prox + wPhrase*float64(min(c.phrases, maxPhrases))/maxPhrases +
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
		if c.namesHead {
			c.score += wHead
		}
		c.score += wSupport * float64(min(c.support, maxSupport)) / maxSupport
	}
	return nil
}
