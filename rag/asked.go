// What a question asks of the sentence answering it beyond sharing its
// words: the role it asks who holds ("who was the interpreter"), the place
// the one asked lies in ("which Florida city"), the kind of place ("which
// hotel"), the attribute of a name ("the population of Brazil"), the
// topic of what was said ("say about climate change"), the noun a
// what-question asks for ("what slogan"), what it counts ("how many
// jobs"). A sentence without them does not answer, however many of the
// question's words it shares.

package rag

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/newsbot/newsbot/rag/localembed"
)

// demands are what a question asks of the sentence answering it
// (questionDemands); each holds stems, any one of which meets it.
type demands struct {
	counted []string // what a how-many question counts ("job")
	role    []string // the role a who-question asks who holds, and its relatives
	within  []string // the place a where-question's place lies in ("florida")
	saidOf  []string // the topic a question asks what was said about
	head    []string // the noun a what-question asks for, and its relatives
	attr    []string // the attribute asked of a name, and its relatives
	attrOf  []string // the name it is asked of
}

// questionDemands returns what question, of answer type t, asks of the
// sentence answering it.
func questionDemands(lex lexicon, question string, t answerType) demands {
	d := demands{role: askedRole(lex, question), saidOf: saidAbout(lex, question), head: headNoun(lex, question)}
	if t == quantityAnswer {
		d.counted = countedNoun(lex, question)
	}
	if t == placeAnswer {
		d.within = placeWithin(lex, question)
	}
	d.attr, d.attrOf = askedAttribute(lex, question)
	return d
}

// met reports whether a sentence (its tokens, after prev in its passage)
// meets the demands of a question of type t: it names what it counts,
// the role, the topic (itself or the sentence before), the place the
// one asked lies in, a hotel for "which hotel", and holds an attribute
// asked of a name beside that name.
func (d demands) met(t answerType, tokens, prev []string) bool {
	in := func(w string) bool { return slices.Contains(tokens, w) }
	near := func(w string) bool { return in(w) || slices.Contains(prev, w) }
	switch {
	case len(d.counted) > 0 && !slices.ContainsFunc(d.counted, near):
		return false // it counts something else
	case len(d.role) > 0 && !slices.ContainsFunc(d.role, near):
		return false // it names no one in the role asked
	case len(d.saidOf) > 0 && !slices.ContainsFunc(d.saidOf, near):
		return false // it says nothing about the topic asked
	case slices.ContainsFunc(d.within, func(w string) bool { return !near(w) }):
		return false // it does not name the place the one asked lies in
	case t == placeAnswer && len(d.head) > 0 && namedPlaceKinds[d.head[0]] && !d.namesHead(tokens):
		return false // "at the Kremlin" names no hotel
	case slices.ContainsFunc(d.attr, in) && slices.ContainsFunc(d.attrOf, in) && !holdsAttribute(tokens, d.attr, d.attrOf):
		return false // "capital markets … France" is no capital of France
	}
	return true
}

// namesHead reports whether tokens name what a what-question asks for.
func (d demands) namesHead(tokens []string) bool {
	return slices.ContainsFunc(d.head, func(w string) bool { return slices.Contains(tokens, w) })
}

// kindModifiers returns the stems of the words a which-question puts
// before the kind of party it asks for ("romanian" for "Which Romanian
// company did Microsoft buy"): they describe the answer, not the party
// the question is about.
func kindModifiers(lex lexicon, question string) map[string]bool {
	m := kindRE.FindStringSubmatch(prepWhRE.ReplaceAllString(question, "$1")) // "In which Swiss city …"
	if m == nil || verbBeforeKindRE.MatchString(m[0]) {
		return nil
	}
	out := map[string]bool{}
	for _, t := range lex.tokens(m[0][:len(m[0])-len(m[1])]) {
		out[t] = true
	}
	return out
}

// placeKindRE matches a which-question asking for a kind of place,
// perhaps described: "In which Swiss city …".
var placeKindRE = regexp.MustCompile(whichKind + `(?:city|country|town|state|region|province|county|village|capital)\b`)

// whichKind opens a pattern matching a which- or what-question's kind
// after at most two words describing it: "In which Swiss city".
const whichKind = `(?i)\b(?:which|what)\s+(?:[\pL'’-]+\s+){0,2}?`

// headNounRE matches the noun a what-question asks for: "What slogan did
// Alan Milburn unveil?", "what kind of deal …", "In which building …".
var headNounRE = regexp.MustCompile(`(?i)^\s*(?:(?:in|at|on|from|into|inside)\s+)?(?:what|which)\s+(?:(?:kind|sort|type)\s+of\s+)?([\pL-]+)\b`)

// laterHeadRE matches a casual question that names what it asks for at
// its end or as what a thing is called: "where was it exactly, like which
// building", "what's the building called?".
var laterHeadRE = regexp.MustCompile(`(?i)(?:,|\blike)\s+(?:what|which)\s+([\pL-]+)\s*\??\s*$|\bwhat(?:'s|’s| is| was) the ([\pL-]+) called\b`)

// headNoun returns the stems of the noun a what-question asks for
// (headNounRE) and of the words English relates to it, or nil when the
// question's verb follows "what" at once ("What did …").
func headNoun(lex lexicon, question string) []string {
	m := headNounRE.FindStringSubmatch(leadingFillerRE.ReplaceAllString(question, "$1"))
	if m == nil {
		m = laterHeadRE.FindStringSubmatch(question)
	}
	if m == nil {
		return nil
	}
	w := strings.ToLower(strings.Join(m[1:], ""))
	if auxiliaries[w] || w == "happened" || w == "else" {
		return nil
	}
	head := withRelatives(lex, w)
	if w == "building" {
		head = append(head, buildingNouns...)
	}
	return head
}

// buildingNouns are the stems of the nouns that end a building's name
// ("Moscow's Senate Palace", "the Royal Albert Hall"), which answers
// "which building" as the name of a hotel answers "which hotel".
var buildingNouns = localembed.Tokens("palace hall house tower castle cathedral church mansion headquarters embassy parliament stadium arena hotel theatre theater museum library centre center")

// namedPlaceKinds are the stems of kinds of place whose names say what they
// are, or whose sentence does ("the Ritz hotel", "Wembley Stadium"): a
// where-question asking which one is not answered by a place that is
// none ("Which hotel did they stay at?": not "at the Kremlin").
var namedPlaceKinds = map[string]bool{}

func init() {
	for _, w := range strings.Fields("building hotel stadium arena hospital prison jail school university college court airport station restaurant church cathedral theatre theater museum gallery pub") {
		for _, t := range localembed.Tokens(w) {
			namedPlaceKinds[t] = true
		}
	}
}

// askedRoleRE matches a who-question asking who holds a role, with the
// role's noun ("who was the interpreter for Putin", "who served as
// interpreter for the delegation").
var askedRoleRE = regexp.MustCompile(`(?i)^\s*who(?:(?:'s|’s| is| was| are| were| will be)\s+(?:the|a|an|their|his|her|its)|\s+(?:served|serves|acted|acts|worked|works|was appointed|has been appointed|was named|has been named)\s+as(?:\s+(?:the|a|an|their|his|her|its))?)\s+(?:[\pL'’-]+\s+)?([\pL-]+)\s+(?:of|for|at|in|on|during|behind|to|with)\b`)

// genericRoles are nouns a who-question may ask with that name no role
// ("who was the man behind …"), or a role news says with a verb ("lost
// the final" for "the runner-up", "stars as" for "the actress").
var genericRoles = map[string]bool{"man": true, "woman": true, "person": true, "people": true, "one": true, "guy": true, "figure": true, "name": true, "team": true,
	"runner-up": true, "actor": true, "actress": true, "star": true, "scorer": true, "killer": true, "attacker": true, "bidder": true, "voice": true}

// askedRole returns the stems of the role a who-question asks who holds
// (askedRoleRE) and of the words English relates to it, when it is not one
// of the relations read by whom it names (agentNouns: "the director
// of"); a sentence that names none of them does not say who holds it.
func askedRole(lex lexicon, question string) []string {
	m := askedRoleRE.FindStringSubmatch(question)
	if m == nil {
		return nil
	}
	w := strings.ToLower(m[1])
	if agentNouns[w] || genericRoles[w] {
		return nil
	}
	return withRelatives(lex, w)
}

// placeWithinRE matches a where-question naming the place that holds the
// one asked ("which Florida city", "what Spanish town").
var placeWithinRE = regexp.MustCompile(`\b(?:[Ww]hich|[Ww]hat)\s+((?:\p{Lu}[\pL’'.-]*\s+)+)(?:city|town|village|region|province|county|state|port|resort|suburb|district|stadium|venue|airport)\b`)

// placeInRE matches a where-question naming after the kind of place asked
// the place that holds it, in any case: "which city in florida did the
// teams meet in". A region asked within a country ("which region in
// eastern Ukraine") need not be told with the country's name.
var placeInRE = regexp.MustCompile(`(?i)\b(?:which|what)\s+(?:city|town|village|port|resort|suburb|stadium|venue|airport)\s+in\s+((?:[\pL’'.-]+\s+){1,2}?)(?:did|does|do|was|were|is|are|will|would|has|have|had|could|can|\pL+ed|hosts?|holds?)\b`)

// whereInRE matches a where-question naming the place that holds the one
// asked: "Where exactly in Florida did the negotiators meet?".
var whereInRE = regexp.MustCompile(`(?i)^\s*where\s+(?:exactly\s+|precisely\s+)?in\s+((?:[\pL’'.-]+\s+){1,2}?)(?:did|does|do|was|were|is|are|will|would|has|have|had|could|can)\b`)

// placeWithin returns the stems of the place a where-question says the
// place asked lies in ("florida" for "In which Florida city …"): a report
// that never names it does not say where in it.
func placeWithin(lex lexicon, question string) []string {
	m := placeWithinRE.FindStringSubmatch(question)
	if m == nil {
		m = placeInRE.FindStringSubmatch(question)
	}
	if m == nil {
		m = whereInRE.FindStringSubmatch(question)
	}
	if m == nil {
		return nil
	}
	for _, w := range strings.Fields(m[1]) {
		if nationalities[strings.ToLower(w)] || countryCodes[w] {
			return nil // "which Spanish city": "in Barcelona" need not say Spain
		}
	}
	return lex.tokens(m[1])
}

// attributeRE matches a question asking an attribute of a name: "What
// is the capital of France?", "What is the population of Brazil?".
var attributeRE = regexp.MustCompile(`(?i)^\s*(?:what|who|which)(?:'s|’s| is| was| are| were)\s+the\s+(?:[\pL-]+\s+)?([\pL-]+)\s+(?:of|for|in)\s+(?:the\s+)?([\pL][\pL.'’-]*)`)

// askedAttribute returns the stems of the attribute such a question asks
// (attributeRE) with the words English relates to it, and of the name it
// asks it of, when the name is written with a capital and the attribute
// is not a relation read by whom it names ("the chairman of"): a sentence
// answering it holds the two together ("France's capital", "the
// population of Brazil"), not one here and one there ("capital markets
// … France").
func askedAttribute(lex lexicon, question string) (attr, of []string) {
	m := attributeRE.FindStringSubmatch(question)
	if m == nil || !unicode.IsUpper([]rune(m[2])[0]) {
		return nil, nil
	}
	w := strings.ToLower(m[1])
	if agentNouns[w] || genericRoles[w] || w == "name" {
		return nil, nil
	}
	return withRelatives(lex, w), lex.tokens(m[2])
}

// attributeWindow is how many words apart a sentence may hold an
// attribute and its name (askedAttribute).
const attributeWindow = 2

// holdsAttribute reports whether tokens hold one of attr within
// attributeWindow words of one of of.
func holdsAttribute(tokens, attr, of []string) bool {
	for i, t := range tokens {
		if !slices.Contains(attr, t) {
			continue
		}
		for j := max(0, i-attributeWindow); j < min(len(tokens), i+attributeWindow+1); j++ {
			if slices.Contains(of, tokens[j]) {
				return true
			}
		}
	}
	return false
}

// withRelatives returns the stems of word and the words English relates
// to them.
func withRelatives(lex lexicon, word string) []string {
	var out []string
	for _, t := range lex.tokens(word) {
		out = append(out, t)
		out = append(out, lex.expand(t)...)
	}
	return out
}

// askedNounRE matches a which- or what-question's wh-word and the words
// after it: "which senior judge led …", "apart from Italaudit, which
// auditor was …", "kidman is in sydney - what movie is she there to
// shoot", "… . What movie …".
var askedNounRE = regexp.MustCompile(`(?i)(?:^|,\s*|\s[-–—]\s*|[.!?]\s+)(?:(?:in|from|for|of|to|at|with|by|on)\s+)?(?:which|what)((?:\s+[\pL’'-]+){2,5})`)

// pastVerbs are verbs whose past tense a which-question puts right after
// the noun it asks for, other than those ending in "-ed".
var pastVerbs = map[string]bool{}

func init() {
	for _, w := range strings.Fields("sat spoke led won lost beat took made said got gave went came left ran hit wrote sold bought paid saw became met told set put knew held began brought chose fell felt found fought grew kept meant rose sent shot spent stood struck taught thought threw wore withdrew overtook oversaw") {
		pastVerbs[w] = true
	}
}

// whoIsTheRE matches a who-question asking who holds a title that a
// clause after it tells the story of, and the title's last word: "who's
// the white house press secretary who said …".
var whoIsTheRE = regexp.MustCompile(`(?i)^\s*who(?:'s|’s|\s+is|\s+was|\s+were|\s+are)\s+(?:the|a|an)\s+(?:[\pL’'-]+\s+){0,5}?([\pL’'-]+)\s+(?:who|that|whose)\b`)

// askedNoun returns the noun a which- or what-question asks for, the last
// word before its verb ("judge" in "which senior judge led the bench",
// "MP" in "which Labour MP warned"), or "" when no verb follows the
// question word closely; or the title a who-question asks the holder of
// (whoIsTheRE).
func askedNoun(question string) string {
	if m := whoIsTheRE.FindStringSubmatch(question); m != nil {
		return strings.ToLower(m[1]) // "who's the white house press secretary who said …"
	}
	for _, m := range askedNounRE.FindAllStringSubmatch(question, -1) {
		words := strings.Fields(m[1])
		if w := strings.ToLower(words[0]); auxiliaries[w] || w == "happened" || w == "else" {
			return ""
		}
		for k := 1; k < len(words) && k <= 6; k++ {
			verb := strings.ToLower(words[k])
			if auxiliaries[verb] || pastVerbs[verb] || strings.HasSuffix(verb, "ed") && !unicode.IsUpper([]rune(words[k])[0]) {
				if slices.Contains(words[1:k], "of") {
					return "" // "which head of state", "which versions of Windows"; not "which of Putin's aides"
				}
				if k > 1 && verbAdverbs[strings.ToLower(words[k-1])] {
					k-- // "which fund chief also sat in"
				}
				return strings.ToLower(words[k-1])
			}
		}
	}
	return ""
}

// nameAsKind returns the name that sentence gives as one of kinds (stems):
// a title before it ("Judge Lord Cullen", "UK actress Kate Beckinsale",
// "auditor Grant Thornton"), an appositive of it ("A second auditor,
// Deloitte & Touche, …"), or a name the kind follows ("his 2 Wikid
// Records label"; "a US company" names none); "" when it gives none.
func nameAsKind(sentence string, kinds []string) string {
	if len(kinds) == 0 {
		return ""
	}
	words := strings.Fields(sentence)
	for i, w := range words[:max(len(words)-1, 0)] {
		bare := strings.TrimRight(w, ",")
		if !slices.ContainsFunc(localembed.Tokens(bare), func(t string) bool { return slices.Contains(kinds, t) }) || strings.HasSuffix(bare, "ed") {
			continue // nor the verb of the kind's stem: "Putin issued" for "what issue"
		}
		var name []string
		from := i + 1
		for k := from; bare == w && k < len(words)-1 && k <= from+copulaReach; k++ {
			if copulas[words[k]] || words[k] == "are" || words[k] == "were" {
				from = k + 1 // "the least digital of the European nations was Greece", "the best-selling album globally was Usher's Confessions"
				break
			}
			if !unicode.IsLower([]rune(words[k])[0]) || strings.ContainsAny(words[k], ",.;:") {
				break
			}
		}
		for j := from; j < len(words); j++ {
			n := strings.TrimRight(words[j], ",.;:")
			if n == "" || !unicode.IsUpper([]rune(n)[0]) && n != "&" && n != "de" && n != "van" && n != "von" {
				break
			}
			name = append(name, n)
			if n != words[j] {
				break // the name ends at its punctuation
			}
		}
		// After a comma the name is an appositive, closed by another.
		if len(name) > 0 && (!strings.HasSuffix(w, ",") || strings.HasSuffix(words[from+len(name)-1], ",")) {
			return strings.Join(name, " ")
		}
		// Or it stands before the kind: "his 2 Wikid Records label" (not
		// the sentence's first word, capitalised anyway, nor "Russian"),
		// perhaps with a word or two between.
		end := i // the name ends before the kind, or before a word or two describing it ("Zenda Calling investment forum")
		for end > i-2 && end > 1 && !unicode.IsUpper([]rune(words[end-1])[0]) && !strings.ContainsAny(words[end-1], ",.;:") && !describeBoundary[words[end-1]] {
			end--
		}
		start := end
		for j := end - 1; j > 0; j-- {
			r := []rune(words[j])[0]
			if strings.ContainsAny(words[j], ",.;:") || !unicode.IsUpper(r) && !unicode.IsDigit(r) || nationalities[strings.ToLower(words[j])] || countryCodes[words[j]] {
				break
			}
			start = j
		}
		// Not whose it is ("Mel Brooks' hit show"), nor the end of a longer
		// name ("Association of Leading Visitor Attractions").
		possessive := start < end && (strings.HasSuffix(words[end-1], "'") || strings.HasSuffix(words[end-1], "'s") || strings.HasSuffix(words[end-1], "’s")) &&
			(end < i || !unicode.IsUpper([]rune(w)[0])) // "Bow Street Magistrates' Court" is a name
		// Nor a group of the kind: "Kremlin officials", "Labour MPs" name
		// no official or MP.
		group := pluralRE.MatchString(bare)
		if start < end && !possessive && !group && words[start-1] != "of" && slices.ContainsFunc(words[start:end], func(n string) bool { return unicode.IsUpper([]rune(n)[0]) }) {
			return strings.Join(words[start:end], " ")
		}
		if n := nameBeforeAppositive(words, i); n != "" && !group {
			return n
		}
	}
	return ""
}

// copulaReach is how many words may stand between a kind and the verb
// "to be" that names one of it after them: "the best-selling album
// globally was Usher's Confessions".
const copulaReach = 2

// pluralRE matches a plural noun: "officials", "MPs", not "press" or
// "status".
var pluralRE = regexp.MustCompile(`[^sSuUiI'’]s$`)

// nameOfKindRE finds where a question asking for the name of something
// names what it is: "what was the name of the investment forum …".
var nameOfKindRE = regexp.MustCompile(`(?i)^\s*what(?:s|'s|’s|\s+is|\s+was|\s+were)?\s+(?:the\s+(?:\w+\s+){0,2}|(?:\w+\s+)?)(?:name|title)\s+of\s+(?:(?:the|a|an|his|her|its|their)\s+)?`)

// calledRE matches a question asking what something is called, up to
// the noun phrase naming what it is: "what was the nightclub called …",
// "what is Portishead's third album going to be called".
var calledRE = regexp.MustCompile(`(?i)^\s*what(?:s|'s|’s|\s+is|\s+was|\s+were|\s+will)\s+(?:(?:the|a|an|his|her|its|their)\s+|[\pL’'.-]+(?:'s|’s)\s+)(?:[\pL’'-]+\s+){1,3}?(?:(?:going to|gonna|to)\s+)?(?:be\s+)?called\b`)

// calledStartRE matches the start of a calledRE question before its noun
// phrase.
var calledStartRE = regexp.MustCompile(`(?i)^\s*what(?:s|'s|’s|\s+is|\s+was|\s+were|\s+will)\s+(?:(?:the|a|an|his|her|its|their)\s+)?`)

// nameStops are words that end the noun phrase a question asks the name
// of: "the investment forum (that) …", "the chief executive (who) …".
var nameStops = map[string]bool{"that": true, "which": true, "who": true, "whom": true, "whose": true, "where": true, "when": true, "the": true, "a": true, "an": true,
	"of": true, "at": true, "in": true, "on": true, "for": true, "from": true, "to": true, "with": true, "by": true, "during": true, "behind": true, "after": true, "before": true, "about": true}

// nameOfNoun returns the kind of thing a question asks the name of
// ("forum" in "what was the name of the investment forum putin spoke
// at"), or "" when the question asks no name, or the name of a name ("the
// real name of C-Murder"). A name in it ends the noun phrase: focus
// tells which of its words are names.
func nameOfNoun(question string, focus []focusTerm) string {
	properName := func(w string) bool {
		w = strings.TrimRight(w, "?.!,;:")
		return w != "" && unicode.IsUpper([]rune(w)[0]) || slices.ContainsFunc(localembed.Tokens(w), func(t string) bool {
			return slices.ContainsFunc(focus, func(f focusTerm) bool { return f.term == t && !f.word })
		})
	}
	loc := nameOfKindRE.FindStringIndex(question)
	if loc == nil && calledRE.MatchString(question) {
		loc = calledStartRE.FindStringIndex(question)
	}
	if loc == nil {
		return ""
	}
	words := strings.Fields(question[loc[1]:])
	for i, w := range words[:min(len(words), maxDescription)] {
		if strings.HasSuffix(w, "'") || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
			words = words[i+1:] // whose it is: "Julia Roberts' husband", "the band's debut single"
			break
		}
	}
	for len(words) > 2 && (unicode.IsUpper([]rune(words[0])[0]) || strings.ContainsFunc(words[0], unicode.IsDigit)) && !strings.HasSuffix(words[0], ",") && !properName(words[1]) && !nameStops[strings.ToLower(words[1])] {
		words = words[1:] // a name describing the kind: "the Mencap charity exhibition", "the 3ami keystroke software"
	}
	if len(words) == 0 || properName(words[0]) || strings.HasSuffix(words[0], ",") {
		return "" // the name of a name: "the real name of C-Murder", "of c-murder, the rapper"
	}
	noun := ""
	for k, w := range words {
		bare := strings.ToLower(strings.TrimRight(w, "?.!,;:"))
		if k > 0 && (nameStops[bare] || auxiliaries[bare] || pastVerbs[bare] || strings.HasSuffix(bare, "ed") || k >= 2 && (properName(w) || strings.HasSuffix(bare, "ing"))) {
			break
		}
		noun = bare
		if bare != strings.ToLower(w) || k == maxDescription {
			break // the phrase ends at its punctuation, or is too long to be one
		}
	}
	return noun
}

// kindStems returns the stems of noun, a kind of party or thing asked
// for, and of the kinds news calls it by (sameKind).
func kindStems(lex lexicon, noun string) []string {
	out := lex.tokens(noun)
	for _, k := range sameKind[noun] {
		out = append(out, lex.tokens(k)...)
	}
	return out
}
