package rag

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsbot/newsbot/rag/localembed"
)

// focusIDF is the English rarity (localembed.IDF) from which a question
// word names what the question is about ("xenoblade", "revenue", not
// "won" or "year") even when it is not capitalised.
const focusIDF = 8.5

// yearRE finds the years a text names.
var yearRE = regexp.MustCompile(`\b(19|20)\d\d\b`)

// focusAlternatives is how many of a focus word's related words (the
// strongest: spellings and synonyms, not broader terms) say the same.
const focusAlternatives = 3

// entityTokens are the tokens normalizeEntities writes for an entity.
var entityTokens = map[string]bool{}

// aliases maps the token of a name to the tokens of the names news uses
// for the same thing: a country's adjective to the token
// normalizeEntities gives the country ("the American delegation" is found
// in "the US delegation"), and a party to its nickname or the clipped
// name British news gives it ("Tory" for "Conservative", "Lib Dems" for
// "Liberal Democrats").
var aliases = map[string][]string{}

func init() {
	for _, e := range entityNames {
		entityTokens[strings.TrimSpace(e.token)] = true
	}
	for adj, country := range map[string]string{"American": "United States", "British": "Britain"} {
		a, c := localembed.Tokens(adj), localLexicon().tokens(country)
		if len(a) == 1 && len(c) == 1 {
			aliases[a[0]] = append(aliases[a[0]], c[0])
		}
	}
	for _, pair := range [][2]string{{"Conservative", "Tory"}, {"Republican", "GOP"}, {"Liberal", "Lib"}, {"Democrat", "Dem"}} {
		a, b := localembed.Tokens(pair[0]), localembed.Tokens(pair[1])
		if len(a) == 1 && len(b) == 1 && a[0] != b[0] {
			aliases[a[0]] = append(aliases[a[0]], b[0])
			aliases[b[0]] = append(aliases[b[0]], a[0])
		}
	}
}

// eventNouns are the words that end an event's name with the kind of
// event it is: "the World Cup Final", "the 2021 NBA Draft".
var eventNouns = map[string]bool{"final": true, "finals": true, "championship": true, "championships": true, "tournament": true, "match": true, "game": true, "draft": true, "ceremony": true, "race": true}

// focusTerm is a word of the question's focus, as a token, and the tokens
// that say the same ("recognize" for "recognise").
type focusTerm struct {
	term string
	alt  []string
	// series marks a word of the part before the colon of a title ("The
	// Legend of Zelda" in "The Legend of Zelda: Breath of the Wild"), which
	// reports often leave out.
	series bool
	// word marks an English word that is focus for its rarity alone, not
	// written as a name nor the quantity asked for ("hint", not "revenue"):
	// it helps retrieval find the passage, but the answer may say it in
	// other words, so focusShare leaves it out.
	word bool
}

// demonymSuffixes turn the stem of a place's name into that of its
// people's adjective, when that is one of the nationalities ("europ"
// into "european", "russia" into "russian", "itali" into "italian",
// "ukrain" into "ukrainian"; not "juli" into "julian").
var demonymSuffixes = []string{"n", "an", "ean", "ian"}

// focusTerms returns the stems of the words that name what question is
// about: the words it capitalises after its first (names and titles:
// "Wimbledon", "The Crown", "CEO") and the words rare in English. Numbers
// are left to hasNumbers and yearClash. A sentence that answers the
// question must be about these, not only share its common words.
func focusTerms(lex lexicon, question string) []focusTerm {
	seen := map[string]bool{}
	var out []focusTerm
	add := func(toks []string, series, word, name bool) {
		for _, t := range toks {
			if !seen[t] && !strings.ContainsFunc(t, unicode.IsDigit) {
				seen[t] = true
				var alt []string
				if !name || localembed.IDF(t) >= focusIDF {
					// A name's word is not said in other words: "Stone"
					// is no "rock".
					alt = lex.expand(t)
					alt = alt[:min(len(alt), focusAlternatives)]
				}
				alt = append(slices.Clip(alt), aliases[t]...)
				if name {
					// A place is said by its people's adjective too:
					// "European capitals" for "Europe".
					for _, suf := range demonymSuffixes {
						if nationalities[t+suf] {
							alt = append(alt, t+suf)
						}
					}
				}
				if sing, ok := strings.CutSuffix(t, "s"); ok && len(sing) >= 2 && !strings.ContainsAny(sing, "aeiouy") {
					alt = append(alt, sing) // "PCs" is said "PC" too
				}
				out = append(out, focusTerm{term: t, alt: alt, series: series, word: word})
			}
		}
	}
	// Entity spellings ("United States", "U.S.") are made one token first,
	// so that they count once and not as "unit" and "state".
	words := strings.Fields(normalizeEntities(question))
	series := seriesWords(words)
	for i, w := range words {
		if roleNoun(words, i) {
			// "the CEO of Apple": the relation, not what it is about.
			for _, t := range lex.tokens(w) {
				seen[t] = true
			}
			continue
		}
		if r := []rune(w)[0]; (i > 0 && (unicode.IsUpper(r) || strings.ContainsFunc(w[1:], unicode.IsUpper))) || entityTokens[w] {
			// "Final" in "the World Cup Final" names the kind of event,
			// which a report of it may leave out ("Spain won the World
			// Cup"): a word, not a name.
			event := i > 1 && eventNouns[strings.ToLower(strings.Trim(w, "?.,;:!"))] && unicode.IsUpper([]rune(words[i-1])[0])
			add(lex.tokens(w), series[i], event, !event)
		}
	}
	measured := map[string]bool{} // "revenue" in "Tesla's revenue": what is asked
	for _, m := range measureRE.FindAllString(question, -1) {
		for _, t := range lex.tokens(m) {
			measured[t] = true
		}
	}
	for _, t := range lex.tokens(dropCasual(strings.ToLower(question))) {
		if localembed.IDF(t) >= focusIDF && !contracted(t) {
			add([]string{t}, false, localembed.Known(t) && !measured[t], false)
		}
	}
	return out
}

// contracted reports whether t is a stop word with a verb contracted
// onto it ("there'd", "they'll", "who've"): rare as a token, it names
// nothing.
func contracted(t string) bool {
	i := strings.LastIndexAny(t, "'’")
	if i <= 0 {
		return false
	}
	_, size := utf8.DecodeRuneInString(t[i:])
	switch t[i+size:] {
	case "d", "ll", "ve", "re", "m":
		return len(localembed.Tokens(t[:i])) == 0 // a stop word
	}
	return false
}

// roleNoun reports whether words[i] is an agent noun written in capitals
// ("CEO", "Director") that no capitalised word follows, so it names the
// question's relation rather than part of a name ("Champion Stakes").
func roleNoun(words []string, i int) bool {
	w := strings.ToLower(strings.TrimRight(words[i], "?.,;:!"))
	if !agentNouns[w] {
		return false
	}
	return i+1 >= len(words) || !unicode.IsUpper([]rune(words[i+1])[0])
}

// seriesWords marks the words of a title that news may leave out: its
// part before its colon ("The Legend of Zelda:" before "Breath of the
// Wild"), capitalised words and the particles between them ending in a
// word with a colon that a capitalised word follows, the words before
// the last of a long title, and the platform after a title that ends the
// question.
func seriesWords(words []string) []bool {
	out := make([]bool, len(words))
	for j, w := range words {
		if !strings.HasSuffix(w, ":") || j+1 >= len(words) || !unicode.IsUpper([]rune(words[j+1])[0]) || !unicode.IsUpper([]rune(w)[0]) {
			continue
		}
		for i := j; i > 0; i-- {
			r := []rune(words[i])[0]
			if !unicode.IsUpper(r) && !titleParticles[strings.ToLower(words[i])] {
				break
			}
			out[i] = true
		}
	}
	// A title of three capitalised words or more that ends in a word rare
	// in English goes by that word ("Valhalla" for "Assassin's Creed
	// Valhalla", "Coppola" for "Francis Ford Coppola"): the words before
	// it may be left out.
	for start := 1; start < len(words); {
		end := start
		for end < len(words) && unicode.IsUpper([]rune(words[end])[0]) {
			end++
		}
		if end-start >= 3 {
			last := strings.TrimRight(words[end-1], "?.,;:!")
			if toks := localembed.Tokens(last); len(toks) == 1 && localembed.IDF(toks[0]) >= minNameIDF {
				for i := start; i < end-1; i++ {
					out[i] = true
				}
			}
		}
		start = end + 1
	}
	// The platform a question ends on ("… Super Mario Odyssey on Nintendo
	// Switch?") is often left out by a report of the title.
	end := len(words)
	k := end
	for k > 1 && unicode.IsUpper([]rune(words[k-1])[0]) {
		k--
	}
	if k < end && k > 2 && (words[k-1] == "on" || words[k-1] == "for") && unicode.IsUpper([]rune(words[k-2])[0]) {
		for i := k; i < end; i++ {
			out[i] = true
		}
	}
	return out
}

// titleParticles are the small words inside titles ("Legend of Zelda").
var titleParticles = map[string]bool{"of": true, "the": true, "and": true, "a": true, "an": true, "in": true, "on": true, "to": true, "for": true}

// passageFocusCredit is how much a focus word counts when the passage
// names it but neither the sentence nor the one before it does, and
// reportFocusCredit when only another retrieved passage of the sentence's
// report does: a report goes on about what its opening names ("R&D
// spending rose 37% to 705m rupees" in a report on Dr Reddy's). Both were
// 0.75 and 0.6 until round 10 of issue 10; at 0.8 four more BBC and one
// more shipped first sentences are right and RGB does not move.
const (
	passageFocusCredit = 0.8
	reportFocusCredit  = 0.8
)

// focusHits returns, for each focus term, how much a sentence (tokens)
// or the sentence before it in its passage (prev) names it: 1 when one of
// them does, passageFocusCredit when only elsewhere in the passage or its
// headline (passage, a set of their tokens) does, reportFocusCredit when
// only another retrieved passage of its report (report) does, else 0.
func focusHits(focus []focusTerm, tokens, prev []string, passage, report map[string]bool) []float64 {
	have := make(map[string]bool, len(tokens)+len(prev))
	for _, t := range tokens {
		have[t] = true
	}
	for _, t := range prev {
		have[t] = true
	}
	hits := make([]float64, len(focus))
	for i, f := range focus {
		switch {
		case have[f.term] || anyToken(have, f.alt):
			hits[i] = 1
		case passage[f.term] || anyToken(passage, f.alt):
			hits[i] = passageFocusCredit
		case report[f.term] || anyToken(report, f.alt):
			hits[i] = reportFocusCredit
		}
	}
	return hits
}

// inPassage reports whether a sentence (tokens, after prev) or its
// passage names a focus word, or the question has none: an event
// another passage of its report tells about the focus need not be the
// one the sentence places or dates.
func inPassage(focus []focusTerm, tokens, prev []string, passage map[string]bool) bool {
	return len(focus) == 0 || slices.ContainsFunc(focusHits(focus, tokens, prev, passage, nil), func(h float64) bool { return h > 0 })
}

// focusShare returns the share of the focus terms other than words
// (focusTerm.word), weighted by their rarity in English, that hits
// (focusHits) name; 1 when the question has no such terms.
func focusShare(focus []focusTerm, hits []float64) float64 {
	if len(focus) == 0 {
		return 1
	}
	// A title's series name may be left out: the share is the better of
	// that with and that without it.
	var got, total, gotTitle, totalTitle float64
	for i, f := range focus {
		if f.word {
			continue // the answer may say it in other words ("alluded" for "hint")
		}
		w := localembed.IDF(f.term)
		g := hits[i] * w
		got, total = got+g, total+w
		if !f.series {
			gotTitle, totalTitle = gotTitle+g, totalTitle+w
		}
	}
	if total == 0 {
		return 1 // only words taken for their rarity
	}
	if totalTitle > 0 && totalTitle < total {
		return max(got/total, gotTitle/totalTitle)
	}
	return got / total
}

// namesFocus reports whether hits (focusHits) name every focus term, or
// every name among them when there is one: a word taken for its rarity
// alone (focusTerm.word) the answer may say in other words ("violated"
// for "breaching"), but a question with no name is about its words.
func namesFocus(focus []focusTerm, hits []float64) bool {
	named := !slices.ContainsFunc(focus, func(f focusTerm) bool { return !f.word })
	for i, f := range focus {
		if hits[i] == 0 && (!f.word || named) {
			return false
		}
	}
	return true
}

// anyToken reports whether set holds one of toks.
func anyToken(set map[string]bool, toks []string) bool {
	for _, t := range toks {
		if set[t] {
			return true
		}
	}
	return false
}

// anyFocusIn reports whether tokens name one of the focus terms.
func anyFocusIn(focus []focusTerm, tokens []string) bool {
	for _, f := range focus {
		if slices.Contains(tokens, f.term) {
			return true
		}
	}
	return false
}

// descriptionWords returns the stems of the words of question that
// describe a name rather than ask about it: the words between a
// determiner or preposition and the name they stand before ("the
// Austrian tennis player Stefan Koubek", "of former Russian spy Viktor
// Makarov"), "name" in "what is the name of", and the verb of saying that
// reports what is asked ("did Putin say his army captured"). They are not
// the question's relation: "tennis" in "International Tennis Federation"
// says nothing of who coaches him.
func descriptionWords(lex lexicon, question string) map[string]bool {
	out := map[string]bool{}
	if nameOfRE.MatchString(question) {
		for _, t := range lex.tokens("name") {
			out[t] = true
		}
	}
	if m := reportedRE.FindStringSubmatch(question); m != nil {
		// "Which city did Putin say his army captured?" asks what was
		// captured; what Putin said is only how it is known, and his
		// army is a party to it ("any European monitoring force" is no
		// army's capture).
		for _, t := range append(slices.Clone(sayWords), lex.tokens(m[1])...) {
			out[t] = true
		}
	}
	words := strings.Fields(question)
	for i := 1; i < len(words); i++ {
		if !unicode.IsUpper([]rune(words[i])[0]) || unicode.IsUpper([]rune(words[i-1])[0]) && i-1 > 0 {
			continue // not where a name starts
		}
		for j := i - 1; j >= 0 && j >= i-maxDescription-1; j-- {
			w := strings.ToLower(strings.Trim(words[j], ",;:"))
			if describeBoundary[w] {
				for _, d := range words[j+1 : i] {
					for _, t := range lex.tokens(d) {
						out[t] = true
					}
				}
				break
			}
			if strings.ContainsAny(words[j], ",;:?") {
				break // a clause break: no description
			}
		}
	}
	return out
}

// maxDescription is the longest description descriptionWords reads
// before a name.
const maxDescription = 4

// describeBoundary are the words a description of a name follows.
var describeBoundary = map[string]bool{}

func init() {
	for _, w := range strings.Fields("the a an of for to by with from at in on as about against over after before") {
		describeBoundary[w] = true
	}
}

// reportedRE matches a question that asks about what its subject said
// ("did Putin say his army captured", "does the report claim"), and the
// party said to have acted when a possessive names it ("army").
var reportedRE = regexp.MustCompile(`(?i)\b(?:did|does|do|has|have|had|will|would)\s+[\pL'’]+(?:\s+[\pL'’]+)?\s+(?:say|claim|tell|state|announce|note)\s+(?:that\s+)?(?:(?:his|her|their|its)\s+([\pL'’-]+)|[\pL'’]+(?:\s+[\pL'’]+)?)\s+(?:(?:had|has|have|was|were)\s+)?[\pL]+(?:ed|en)\b`)

// nameOfRE matches a question asking for the name of something.
var nameOfRE = regexp.MustCompile(`(?i)\bthe name of\b`)

// namedInPassages marks as names the focus words taken for their rarity
// alone (focusTerm.word) that the passages write only capitalised, and
// not at the start of a sentence: a casual question writes names in
// lower case ("how much does fiat get from gm"), and English knows
// "fiat" and "gm" as words, but the reports write "Fiat" and "GM". A name
// is not said in other words, so the answer must name it.
func namedInPassages(lex lexicon, focus []focusTerm, sentences []string) []focusTerm {
	capital := map[string]int{} // by word: times capitalised inside a sentence; -1 once written lower case
	prefixes := map[string]bool{}
	for _, f := range focus {
		if f.word && len(f.term) >= 2 {
			capital[f.term] = 0
			prefixes[f.term[:2]] = true
		}
	}
	if len(capital) == 0 {
		return focus
	}
	for _, s := range sentences {
		for i, w := range strings.Fields(s) {
			w = strings.Trim(w, `.,;:!?"“”'‘’()[]`)
			if len(w) < 2 || !prefixes[strings.ToLower(w[:2])] {
				continue // no stem of it can be one of the words
			}
			for _, t := range lex.tokens(w) {
				n, ok := capital[t]
				switch {
				case !ok || n < 0:
				case !unicode.IsUpper([]rune(w)[0]):
					capital[t] = -1 // written lower case: a word
				case i > 0:
					capital[t] = n + 1
				}
			}
		}
	}
	out := slices.Clone(focus)
	for i, f := range out {
		if f.word && capital[f.term] > 0 {
			out[i].word = false
		}
	}
	return out
}
