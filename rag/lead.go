package rag

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/newsbot/newsbot/corpus/text"
	"github.com/newsbot/newsbot/rag/disagree"
	"github.com/newsbot/newsbot/rag/localembed"
)

// minQuality is the sentence quality below which a sentence is page
// furniture (a link list, a share button, a headline) and never quoted.
const minQuality = 0.55

var (
	// furnitureRE matches what pages put around an article: links,
	// handles, share and subscribe buttons (opening the sentence: "MPs sign
	// up to the treaty" is prose), credits, bullets.
	furnitureRE = regexp.MustCompile(`(?i)https?://|www\.|(^|[\s(])@\w|\bfollowers\b|#\w{3,}|^\W*(?:follow us|share (?:this|on)|click here|sign up|subscribe|read more)\b|\b(?:share on (?:facebook|twitter|x|whatsapp|linkedin|email|reddit)|all rights reserved|getty images|photo:|image:|newsletter|we use cookies|cookie policy)\b|©|•|\s\|\s.*\s\|\s`)
	// fragmentEndRE matches a sentence that ends without a full stop
	// (a headline or a cut-off snippet).
	fragmentEndRE = regexp.MustCompile(`[\p{L}\d)]\s*$`)
	// cutRE matches a sentence cut off by an ellipsis after a word that
	// cannot end one ("the ...", "Johanna Konta and ...").
	cutRE = regexp.MustCompile(`(?i)\b(the|a|an|of|and|or|to|in|on|at|for|with|by|from|that|who|which|is|are|was|were|his|her|their|its)\s*(\.\.\.|…)\s*$`)
	// listRE matches a snippet of fields and separators ("Platform: PS4 ;
	// Release: ..." or "A · B · C") rather than a sentence.
	listRE = regexp.MustCompile(`\s[;·]\s.*\s[;·]\s|\w: [^.]*;`)
)

// sentenceQuality returns 1 for a prose sentence and less for a headline
// fragment (most words capitalised, no full stop), page furniture or a
// very short line.
func sentenceQuality(s string) float64 {
	q := 1.0
	if furnitureRE.MatchString(s) {
		q -= 0.6
	}
	words := strings.Fields(s)
	caps := 0
	for _, w := range words {
		if r := []rune(w)[0]; unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		}
	}
	if len(words) >= 4 && float64(caps) > 0.6*float64(len(words)) {
		q -= 0.4 // a headline: Title Case Words
	}
	if len(words) < 6 {
		q -= 0.2
	}
	if fragmentEndRE.MatchString(s) {
		q -= 0.1
	}
	if t := strings.TrimSpace(s); (strings.HasSuffix(t, "...") || strings.HasSuffix(t, "…")) && cutRE.MatchString(t) {
		q -= 0.2 // a snippet cut off mid-sentence ("… and who is winning the ...")
	}
	if listRE.MatchString(s) {
		q -= 0.3
	}
	if strings.HasSuffix(strings.TrimSpace(s), "?") {
		q -= 0.6 // a question asks; it does not answer
	}
	return max(q, 0)
}

// englishWeight weighs a question word by its rarity in English at large:
// a weight no corpus changes, so that refusals do not move when unrelated
// articles are added.
func englishWeight(term string) float64 { return localembed.IDF(term) }

// proximity returns how tightly the question's own words that a sentence
// contains sit together: distinct matched words over the span they cover,
// 0 when fewer than two match.
func proximity(qterms []queryTerm, tokens []string) float64 {
	want := map[string]bool{}
	for _, q := range qterms {
		if q.of == "" {
			want[q.term] = true
		}
	}
	first, last, seen := -1, -1, map[string]bool{}
	for i, t := range tokens {
		if want[t] {
			if first < 0 {
				first = i
			}
			last = i
			seen[t] = true
		}
	}
	if len(seen) < 2 {
		return 0
	}
	return float64(len(seen)) / float64(last-first+1)
}

// wordPairs returns the pairs of consecutive tokens of a question, but
// for a name of its focus ("tom hale"), which coverage counts already.
func wordPairs(tokens []string, focus []focusTerm) map[[2]string]bool {
	isFocus := func(t string) bool { return slices.ContainsFunc(focus, func(f focusTerm) bool { return f.term == t }) }
	out := map[[2]string]bool{}
	for i := 1; i < len(tokens); i++ {
		if tokens[i-1] != tokens[i] && !(isFocus(tokens[i-1]) && isFocus(tokens[i])) {
			out[[2]string{tokens[i-1], tokens[i]}] = true
		}
	}
	return out
}

// sharedPhrases returns how many of the question's pairs of consecutive
// words (wordPairs) a sentence's tokens hold side by side: "a crucial test
// of" repeats the question's phrase, "the Kremlin sees" only two of its
// words.
func sharedPhrases(pairs map[[2]string]bool, tokens []string) int {
	n, seen := 0, map[[2]string]bool{}
	for i := 1; i < len(tokens); i++ {
		p := [2]string{tokens[i-1], tokens[i]}
		if pairs[p] && !seen[p] {
			n, seen[p] = n+1, true
		}
	}
	return n
}

// hasNumbers reports whether text, given as its set of lowercased words
// (wordSet), names every number of the question (years, seasons,
// editions), as digits, an ordinal or a word ("2" or "2nd", "11" or
// "eleventh"), so an answer about 2018 is not given to a question about
// 2019.
func hasNumbers(words map[string]bool, numbers []string) bool {
	for _, n := range numbers {
		n = strings.ToLower(n)
		digits := strings.TrimRight(n, "stndrh")
		if words[n] || words[digits] || slices.ContainsFunc([]string{"st", "nd", "rd", "th"}, func(suf string) bool { return words[digits+suf] }) {
			continue // "2", "2nd"
		}
		if len(n) == 2 && (words["19"+n] || words["20"+n]) {
			continue // "back in 98": 1998
		}
		if v, err := strconv.Atoi(digits); err == nil && v > 0 && v < len(ordinals) && (words[cardinals[v]] || words[ordinals[v]]) {
			continue
		}
		return false
	}
	return true
}

// wordSet returns the lowercased words of text, split at every character
// that is not a letter or a digit.
func wordSet(text string) map[string]bool {
	out := map[string]bool{}
	for _, w := range normValue(text) {
		out[w] = true
	}
	return out
}

var (
	cardinals = strings.Fields("zero one two three four five six seven eight nine ten eleven twelve")
	ordinals  = strings.Fields("zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth")
)

// normValue reduces a typed value to its lowercased words, for comparing
// the values two sentences give.
func normValue(v string) []string {
	v = strings.ToLower(v)
	if strings.Contains(v, "'s") || strings.Contains(v, "’s") {
		v = possessiveRE.ReplaceAllString(v, "")
	}
	return strings.FieldsFunc(v, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// possessiveRE finds a possessive ending, which makes no value fuller
// ("West End's" is "West End").
var possessiveRE = regexp.MustCompile(`['’]s\b`)

// valuesShareWord reports whether two lists of values share a word that is
// not one of the question's (stemmed, entity spellings made one: "US
// Open" and "U.S. Open" are the question's own words, not an answer).
func valuesShareWord(a, b []string, question map[string]bool) bool {
	words := map[string]bool{}
	for _, v := range a {
		for _, w := range localembed.Tokens(normalizeEntities(v)) {
			if !question[w] {
				words[w] = true
			}
		}
	}
	for _, v := range b {
		for _, w := range localembed.Tokens(normalizeEntities(v)) {
			if words[w] {
				return true
			}
		}
	}
	return false
}

// disagrees reports whether c, from another report, answers the typed
// question with another principal value than the lead (its first value
// that names something: the subject of "Halep beat Williams"), neither
// sentence naming the other's; for an untyped question, whether the
// disagreement engine finds a disputed fact between the two sentences.
func disagrees(t answerType, lead, c candidate, question map[string]bool) bool {
	if t != anyAnswer && t != yesNoAnswer && t != reasonAnswer {
		lv, cv := principal(t, lead.values), principal(t, c.values)
		// Names are compared by the subject only ("Barty beat Pliskova",
		// "Halep beat Pliskova" differ); places, dates and numbers by every
		// value (one report says "Tampa, Florida", the other "the stadium in
		// Tampa").
		lvals, cvals := lead.values, c.values
		lkey, ckey, leadText, otherText := lv, cv, lead.text, c.text
		if t == placeAnswer || t == timeAnswer {
			// A place or date disagrees only when each sentence attaches
			// it to the question's event (attachedValue): "speaking in
			// Washington" and "talks in Moscow" do not answer the same
			// question. Places are compared by the principal value and
			// each report must not name the other's place (the Kremlin is
			// in Moscow).
			if !lead.role || !c.role {
				return false
			}
			if t == placeAnswer && (occasionHeadRE.MatchString(lv) || occasionHeadRE.MatchString(cv)) {
				return false // "during his Kremlin briefing" is no other place than "in the Kremlin"
			}
			if t == placeAnswer {
				lvals, cvals = []string{lv}, []string{cv}
				leadText, otherText = reportText(lead.result), reportText(c.result)
			}
		}
		if t == durationAnswer {
			// Two durations disagree only when the engine briefings use
			// reads them as lasting the same thing: the meeting's "five
			// hours" and the war's "three years" do not.
			vals := [2]string{strings.ToLower(lv), strings.ToLower(cv)}
			for _, e := range disagree.Ledger([]*disagree.Sentence{disagree.Read(0, 0, lead.text), disagree.Read(1, 1, c.text)}, nil) {
				if e.Kind != "duration" || e.Status != disagree.Disputed {
					continue
				}
				states := [2]bool{} // each sentence's value is one side
				for _, f := range e.Figures {
					states[f.Report] = states[f.Report] || strings.Contains(strings.ToLower(f.Value), vals[f.Report])
				}
				if states[0] && states[1] {
					return true
				}
			}
			return false
		}
		if t == personAnswer && !c.role && (lead.role || c.relation < lead.relation || c.stable < lead.stable) && !opensBacked(c, cv, lead) {
			// The other report must itself state the question's relation
			// for its name ("X directed Titanic", not "As of 2021, the
			// player with the most wins was Navratilova"), unless the lead
			// does not either and the other covers the question as fully
			// ("took home the yellow jersey", "stood atop the podium").
			return false
		}
		if t == timeAnswer {
			// "on Sunday" does not contradict "on August 22, 2021"; two
			// dates differ unless one holds the other's words ("December
			// 2" and "December 2, 2025"), though they share a month.
			return dateStrength(lv) >= 0.8 && dateStrength(cv) >= 0.8 && !wordsWithin(lv, cv) && !wordsWithin(cv, lv)
		}
		if t == personAnswer {
			// A name is a weak value: each report must not name the
			// other's person at all, even by surname (reports naming
			// both people are about both, not in dispute), unless each
			// sentence states the relation for its own person, named in
			// full; then the sentences must not name each other's.
			lvals, cvals = []string{lv}, []string{cv}
			lkey, ckey = lastWord(lv), lastWord(cv)
			if !lead.role || !strings.Contains(lv, " ") || !strings.Contains(cv, " ") {
				leadText, otherText = reportText(lead.result), reportText(c.result)
			}
		}
		differ := lv != "" && cv != "" && !valuesShareWord(lvals, cvals, question) &&
			!anyIn([]string{lkey}, otherText) && !anyIn([]string{ckey}, leadText)
		if t == quantityAnswer {
			// Two figures differ only when the engine briefings use reads
			// them as one fact: a jobless rate of 18.8% in the east and five
			// million unemployed are not.
			differ = differ && disagree.Clash(disagree.Read(0, 0, lead.text), disagree.Read(1, 0, c.text))
		}
		return differ
	}
	return disagree.Clash(disagree.Read(0, 0, lead.text), disagree.Read(1, 0, c.text))
}

// opensBacked reports whether c, which states no relation for its name in
// a form roleHolds reads, still gives it as its answer: the name (cv)
// opens it, it holds all of the question's relation and as much of the
// question as the lead, and another report names it too ("The Walt Disney
// Co. has set a $52.4 billion deal to acquire 20th Century Fox").
func opensBacked(c candidate, cv string, lead candidate) bool {
	return cv != "" && strings.HasPrefix(strings.TrimPrefix(c.text, "The "), strings.TrimPrefix(cv, "The ")) &&
		c.support > 0 && c.relation >= 1 && c.stable >= lead.stable
}

// wordsWithin reports whether every word of a is among b's, ordinals
// read as numbers ("2nd" as "2") and months by their first three letters.
func wordsWithin(a, b string) bool {
	norm := func(w string) string {
		if w != "" && unicode.IsDigit(rune(w[0])) {
			return strings.TrimRight(w, "stndrh")
		}
		if len(w) > 3 && isMonthOrDay(w) {
			return w[:3]
		}
		return w
	}
	have := map[string]bool{}
	for _, w := range normValue(b) {
		have[norm(w)] = true
	}
	for _, w := range normValue(a) {
		if !have[norm(w)] {
			return false
		}
	}
	return true
}

// principal returns the first of values long enough to name something
// (not an initial such as "W."), and for a person or organisation not a
// lone ordinary word ("Chairman"), or "".
func principal(t answerType, values []string) string {
	for _, v := range values {
		if len([]rune(strings.Trim(v, ".,;: "))) < 3 {
			continue
		}
		if t == personAnswer && !strings.Contains(v, " ") && !isNameLike(v) {
			continue
		}
		return v
	}
	return ""
}

// reportText returns the whole text of r's report when it was read
// (withReports), else its passage: a report that names the Kremlin
// anywhere does not dispute that the talks were in Moscow's Senate
// Palace, nor one that names Zelensky that he warned.
func reportText(r Result) string {
	if r.report != "" {
		return r.report
	}
	return r.Chunk.Text
}

// lastWord returns the last word of a name ("Ushakov" of "Yuri Ushakov"),
// by which news refers to a person after first naming them.
func lastWord(name string) string {
	f := strings.Fields(name)
	if len(f) == 0 {
		return name
	}
	w := strings.Trim(f[len(f)-1], ".,;:")
	for _, poss := range []string{"’s", "'s"} {
		w = strings.TrimSuffix(w, poss)
	}
	return w
}

// anyIn reports whether text contains one of values, so a sentence naming
// both candidates ("Halep beat Williams") is not read as disagreeing.
func anyIn(values []string, text string) bool {
	low := strings.ToLower(text)
	for _, v := range values {
		if strings.Contains(low, strings.ToLower(v)) {
			return true
		}
	}
	return false
}

// conflicting confirms that the lead and the sentences of other reports
// that seem to disagree with it state different values: for numbers,
// dates and office holders the disagreement engine must find the dispute
// too (it tolerates hedges such as "about" and "nearly"); for names and
// places the typed values suffice.
func conflicting(lead candidate, differ []candidate) bool {
	sents := []*disagree.Sentence{disagree.Read(0, 0, lead.text)}
	for i, c := range differ {
		sents = append(sents, disagree.Read(i+1, 0, c.text))
	}
	if len(disagree.Find(sents)) > 0 {
		return true
	}
	for _, c := range differ {
		if !numeric(lead.values) || !numeric(c.values) {
			return true
		}
	}
	return false
}

// numeric reports whether every value is a number or a date, which the
// disagreement engine reads better than a comparison of words.
func numeric(values []string) bool {
	for _, v := range values {
		if !strings.ContainsFunc(v, unicode.IsDigit) {
			return false
		}
	}
	return len(values) > 0
}

// occasionIDF is the English rarity from which a word of the question
// that the lead holds names the occasion asked about ("Dubai" in "who did
// Henman beat in Dubai", "Ukrainians" in "where did the US have talks
// with the Ukrainians"): a report that never names it is about another
// occasion, not in dispute with the lead (sameOccasion). Years are left
// to the year checks (candidate.otherYear).
const occasionIDF = 8

// sameOccasion reports whether c's report names every word of the
// question (qstems) rare in English (occasionIDF) that the lead holds:
// reports of another match, trial or sale give other values without
// contradicting the lead.
func sameOccasion(lead, c candidate, qstems map[string]bool) bool {
	var rare []string
	for _, t := range lead.tokens {
		if qstems[t] && localembed.IDF(t) >= occasionIDF && !strings.ContainsFunc(t, unicode.IsDigit) && !slices.Contains(rare, t) {
			rare = append(rare, t)
		}
	}
	if len(rare) == 0 {
		return true
	}
	words := map[string]bool{}
	for _, t := range localembed.Tokens(normalizeEntities(reportText(c.result))) {
		words[t] = true
	}
	for _, t := range rare {
		if !words[t] {
			return false
		}
	}
	return true
}

// quotation reports whether sentence is a quotation ("“Just yesterday …
// they had very good talks with the Ukrainians in Florida”"): someone's
// words that a report cites, not its own statement of the fact, so no
// sign that the sources differ.
func quotation(sentence string) bool {
	s := strings.TrimSpace(sentence)
	return strings.HasPrefix(s, "\"") || strings.HasPrefix(s, "“")
}

// repeats reports whether c mostly repeats a chosen sentence.
func repeats(c candidate, chosen []candidate) bool {
	for _, o := range chosen {
		if text.Jaccard(tokenSet(c.tokens), tokenSet(o.tokens)) > redundant {
			return true
		}
	}
	return false
}

// tokenSet returns the distinct tokens of toks.
func tokenSet(toks []string) map[string]bool {
	m := make(map[string]bool, len(toks))
	for _, t := range toks {
		m[t] = true
	}
	return m
}

// mayDiffer reports whether c, which cannot lead only because its passage
// leaves out the question's numbers and names no year at all, may still
// show that another report disagrees ("Germany won the World Cup with a
// 4-2 win over Croatia" for "Who won the World Cup in 2018?").
func (c candidate) mayDiffer() bool {
	return !c.numbersOK && c.fits && c.quality >= minQuality && c.focus >= minFocus && !c.otherYear && !c.otherEdition && !c.otherAward &&
		!yearRE.MatchString(c.result.Chunk.Text) && !romanRE.MatchString(c.result.Chunk.Text)
}

// romanRE matches an edition in Roman numerals ("Super Bowl LVIII"), which
// dates a report as a year does.
var romanRE = regexp.MustCompile(`\b[MDCLXVI]{2,}\b`)
