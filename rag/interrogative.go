// Where a question's interrogative stands: after the context a casual
// question states first ("putin was trash-talking europe, what did he
// say"), after a clause saying when, or after an opening preposition.

package rag

import (
	"regexp"
	"strings"
)

// trailingWhRE matches a casual question that states its context first
// and asks at the end: "kushner has done this before right? where",
// "putin was trash-talking europe, what did he say", "the optimism
// comment - which day?", "… lords speaker - remind me how many …".
var trailingWhRE = regexp.MustCompile(`(?i)^(.+?)(?:[?,;:.!]+|\s[-–—]+)\s*(?:(?:` + hedgeWords + `)[\s,:;.!-]+)*((?:(?:on|in|at|during|from|since|until|for|with|to|by)\s+)?(?:who|whom|whose|where|when|why|how|what|which)\b[^?,;:.!]*)\??\s*$`)

// trailingAuxRE matches a question that states its context first and,
// after a dash, asks yes or no: "Springer helped launch the opera - would
// he have written it himself?" (after a comma the auxiliary may belong to
// the context: "According to Ushakov, did Putin …").
var trailingAuxRE = regexp.MustCompile(`(?i)^(.+?)\s[-–—]+\s*` + auxAsks)

// auxAsks matches, to the end of a question, what it asks yes or no from
// its auxiliary on.
const auxAsks = `((?:is|are|was|were|did|does|do|has|have|had|will|would|can|could|should)\b[^?,;:.!]*)\??\s*$`

// commaAuxRE matches a question that asks yes or no after a comma, which
// whSplit takes when what comes before is a subordinate clause: "Now
// that the envoys have left Moscow, is a summit on the cards?".
var commaAuxRE = regexp.MustCompile(`(?i)^(.+?),\s*` + auxAsks)

// hedgeWords are the words a question may put right before its
// interrogative that ask nothing themselves, even after its context ("…
// - remind me how many …"); fillerWords, only at its start ("so who …";
// after a comma "and what …" asks a second question).
const (
	hedgeWords  = `roughly|approximately|about|around|exactly|just|quick question|remind me`
	fillerWords = `so|and|but|ok|okay|well|then|hey|hi|yo|now|also|wait|hang on|hmm+|um+|uh+|oh|ah|sorry|btw|lol|ngl|one more thing|quick q|random q|real quick|` + hedgeWords
)

// leadingFillerRE matches the words a question may open with before its
// interrogative that ask nothing themselves: "Roughly how long …", "so
// who …", "ok and when …", "quick question: where …".
var leadingFillerRE = regexp.MustCompile(`(?i)^\s*(?:(?:` + fillerWords + `)[\s,:;.!-]+)+((?:who|whom|whose|where|when|why|how|what|which|is|are|was|were|did|does|do|has|have|had|will|would|can|could|should)\b)`)

// attributionRE matches whom a question ends by saying its answer comes
// from: "…, per Neil Lennon?", "…, according to the BBC".
var attributionRE = regexp.MustCompile(`(?i),\s*(?:per|according to|says|said)\s+[^,?]{1,60}\??\s*$`)

// whFirst moves a trailing question (trailingWhRE) before the context it
// follows, so that its interrogative opens the question; whom it ends by
// naming as the source (attributionRE) stays at its end.
func whFirst(q string) string {
	if loc := attributionRE.FindStringIndex(q); loc != nil && loc[0] > 0 {
		return whFirst(q[:loc[0]]) + " " + strings.TrimLeft(q[loc[0]:], ", ")
	}
	if ask, context := whSplit(q); context != "" {
		return ask + " " + context
	}
	return q
}

// inSituRE matches a question that asks for a place, a time or a party
// last, where the answer would stand: "Viotti was born in which country?",
// "the deal closed on what date?", "Dmitriev is the chief executive of
// which organisation?". Its groups are the statement and the asking
// phrase.
var inSituRE = regexp.MustCompile(`(?i)^\s*([^?]*?\pL[^?]*?)\s+((?:(?:in|on|at|from|near|by|until|till|up to|since|during|for|of|with|to|against)\s+)?(?:which|what)\s+(?:[\pL'’-]+\s+){0,2}?(?:city|country|town|village|state|region|province|county|capital|venue|stadium|continent|(?:parts?|regions?|areas?|corners?) of the (?:world|globe)|year|date|day|month|time|(?:` + kindNouns + `)s?))\s*\??\s*$`)

// inSituHowRE matches a question that asks for a figure or a span where
// the answer would stand, with what follows it: "the virus translates
// its subject line into how many languages??", "he was banned for how
// long", "the film made how much in its first weekend?". Its groups are
// the statement and the asking phrase on.
var inSituHowRE = regexp.MustCompile(`(?i)^\s*([^?]*?\pL[^?]*?)\s+(how\s+(?:many|much|long|old|often)\b[^?]*?)\s*\?*\s*$`)

// inSituFirst moves the asking phrase of a question that ends with it
// (inSituRE) or asks for a figure in its place (inSituHowRE) to its
// front, as a question opening with it: "in which country Viotti was
// born", "how many languages the virus translates its subject line
// into".
func inSituFirst(q string) string {
	if questionStartRE.MatchString(q) || prepWhRE.MatchString(q) {
		return q
	}
	if m := inSituRE.FindStringSubmatch(q); m != nil {
		return m[2] + " " + m[1]
	}
	if m := inSituHowRE.FindStringSubmatch(q); m != nil {
		return m[2] + " " + m[1]
	}
	return q
}

// whSplit splits a question that states its context before its
// interrogative (trailingWhRE, trailingAuxRE, leadingPhraseRE) into what
// it asks and that context; context is empty when the question opens
// with what it asks.
func whSplit(q string) (ask, context string) {
	m := trailingWhRE.FindStringSubmatch(q)
	if m == nil {
		m = trailingAuxRE.FindStringSubmatch(q)
	}
	if m == nil {
		if c := commaAuxRE.FindStringSubmatch(q); c != nil && subordinate(c[1]) {
			m = c
		}
	}
	if m == nil || questionStartRE.MatchString(m[1]) && !subordinate(m[1]) {
		m = leadingPhraseRE.FindStringSubmatch(q)
		if m == nil || whWordsRE.MatchString(m[1]) {
			return q, ""
		}
	}
	return m[2], m[1]
}

// subordinateRE matches a clause that opens with a conjunction of time
// and goes on with its subject: "When Standard & Poor's raised Russia's
// debt, how much …" states when, it does not ask "when did …"; "Now that
// the envoys have left, …".
var subordinateRE = regexp.MustCompile(`(?i)^\s*(?:when|while|after|before|once|since|now that)\s+(\S+)`)

// subordinate reports whether clause is a subordinate clause
// (subordinateRE) rather than a question.
func subordinate(clause string) bool {
	m := subordinateRE.FindStringSubmatch(clause)
	return m != nil && !auxiliaries[strings.ToLower(m[1])]
}

// leadingPhraseRE matches a question that opens with a prepositional
// phrase and no comma before its interrogative: "in the bbc's poll of top
// tv moments of 2004 who won the entertainment moment".
var leadingPhraseRE = regexp.MustCompile(`(?i)^\s*((?:in|at|during|after|before|for|from|on|according to)\s+[^?,;:]+?)\s+((?:who|whom|whose|where|when|why|how|what|which)\b[^?]*)\??\s*$`)

// whWordsRE matches an interrogative anywhere.
var whWordsRE = regexp.MustCompile(`(?i)\b(who|whom|whose|where|when|why|how|what|which)\b`)

// questionStartRE matches text that already opens with an interrogative
// or an auxiliary that asks.
var questionStartRE = regexp.MustCompile(`(?i)^\s*(who|whom|whose|where|whereabouts|when|why|how|what|which|is|are|was|were|did|does|do|has|have|had|will|would|can|could|should)\b`)

// prepWhRE matches a preposition that opens a question before its
// interrogative: "On what date …", "In which city …", "With whom …", "By
// how much …".
var prepWhRE = regexp.MustCompile(`(?i)^\s*(?:on|in|at|during|from|since|until|till|up to|for|with|to|by|over|within|after|before|of|against)\s+((?:what|which|whom|whose|how (?:much|many|far|long))\b)`)

// whatAuxRE matches a what-question whose verb follows "what" at once:
// "What did officials say", whose noun after the verb is its subject,
// not the kind of thing asked for.
var whatAuxRE = regexp.MustCompile(`(?i)^\s*what\s+(?:did|does|do|is|was|were|are|has|have|had|will|would|can|could|should)\b`)

// whatNameRE matches a question asking a name: "What is the name of …".
var whatNameRE = regexp.MustCompile(`(?i)^\s*what\s+(?:is|was|are|were)\s+the\s+names?\b`)

// whichHeadRE matches a which-question's head, perhaps after a count:
// "Which two acts had their album releases pushed back …".
var whichHeadRE = regexp.MustCompile(`(?i)^\s*which\s+(?:(?:two|three|four|five|both|\d+)\s+)?(\pL+)`)

// namesItsHead reports whether a which-question names the kind of thing
// it asks for, so that a telling word later in it ("… contributing to
// EMI's profit warning") does not make it a question of another kind
// (keywordTypes).
func namesItsHead(q string) bool {
	m := whichHeadRE.FindStringSubmatch(q)
	return m != nil && !auxiliaries[strings.ToLower(m[1])] && !measureRE.MatchString(m[1])
}

// metaWords are what a question says of the words it asks for ("what
// third adjective", "which superlative", "what 3 words") or of the report
// giving them ("how does one report characterise"), which the sentence
// holding them does not say of itself.
var metaWords = regexp.MustCompile(`(?i)\b(?:(?:third|fourth|fifth|other|last)\s+)?(?:adjectives?|superlatives?|wording)\b|\b(?:third|fourth|fifth|other)\s+(?:word|one)s?\b|\bwhat\s+(?:was|is)\s+the\s+(?:third|fourth|fifth|last)\b|\b(?:two|three|four|[2-4])\s+words\b|\bone\s+(?:report|account|outlet|article|story|piece|readout|source)\b|\bthese\s+reports\b`)
