package rag

import (
	"regexp"
	"strings"

	"github.com/newsbot/newsbot/rag/localembed"
)

// Who a pronoun stands for: news names a speaker once and goes on with
// "he" ("Just hours before the meeting, President Putin issued a stark
// warning … He went further, cautioning that Russia would be 'ready for
// war'"). A who-question about what the pronoun's sentence says is
// answered by the name in the sentence before it.

// pronounRE finds a pronoun that is the subject of its sentence: opening
// it, or saying a quotation that opens it ("“… to be done,” he stated").
var pronounRE = regexp.MustCompile(`^\s*["“]?(He|She)\b|["”]\s*(he|she)\s+(?:said|says|stated|added|told|warned|insisted|remarked|noted|explained)\b`)

// pronounSubject returns the name the pronoun subject of sentence stands
// for, when the question's relation holds between it and the question's
// entity (roleHolds with the name in the pronoun's place), or, asked who
// said something (says), when the pronoun says it ("“… not from the lad
// himself,” he said"): the first name of the sentence before it (prev)
// that the question does not give.
func pronounSubject(sentence, prev string, rel map[string]bool, parties []focusTerm, question map[string]bool, subject, says bool) (string, bool) {
	loc := pronounRE.FindStringSubmatchIndex(sentence)
	if loc == nil || prev == "" {
		return "", false
	}
	names, _ := personAnswer.typedValues(prev, question)
	if len(names) == 0 {
		return "", false
	}
	name := strings.TrimRight(names[0], ".,;:")
	at, end := loc[2], loc[3]
	if at < 0 {
		at, end = loc[4], loc[5]
	}
	read := sentence[:at] + name + sentence[end:]
	if v, ok := roleHolds(read, rel, parties, []string{name}, subject, false); ok {
		return v, true
	}
	if _, ok := sayerName(read, []string{name}); ok && says {
		return name, true
	}
	// The pronoun is the nearest subject of a relation word no other name
	// stands before: "He went further, cautioning that …".
	if !subject || at > 1 {
		return "", false
	}
	first := -1
	for _, w := range roleWordRE.FindAllStringIndex(sentence, -1) {
		word := sentence[w[0]:w[1]]
		if low := strings.ToLower(word); negations[low] || strings.HasSuffix(low, "n't") {
			return "", false // "He did not caution …"
		}
		if anyToken(rel, localembed.Tokens(normalizeEntities(word))) {
			first = w[0]
			break
		}
	}
	if first < 0 {
		return "", false
	}
	others, _ := personAnswer.typedValues(sentence, question)
	for _, o := range others {
		if i := strings.Index(sentence, o); i >= 0 && i < first {
			return "", false
		}
	}
	return name, true
}

// orphanRE matches a sentence whose subject points back to something it
// does not name: a pronoun ("It was eventually released …"), a
// demonstrative ("That represents an 81 percent increase …", "This
// musical is …") or a common noun with "the" right before its verb ("The
// game was released on …", "The company posted …").
var orphanRE = regexp.MustCompile(`^\s*(?:It|He|She|They|(?:That|This)\s+(?:(?:is|was|has|had|will|would|means|marks)\b|\p{Ll}+\b(?:\s+\p{Ll}+)?\s+(?:is|was|has|had|will|would|\p{Ll}+ed)\b)|The\s+\p{Ll}+\s+(?:is|was|has|had|will|would|\p{Ll}+ed)\b)`)

// orphanTimeRE matches a demonstrative that points at a time, not a
// thing: "This week", "That year".
var orphanTimeRE = regexp.MustCompile(`^\s*(?:That|This)\s+(?:week|weekend|month|year|season|morning|afternoon|evening|night|time|summer|winter|spring|autumn|fall)\b`)

// orphanPronoun reports whether c opens its report with a subject that
// points back (orphanRE) while the report names none of the focus (hits
// all 0): the passage begins mid-story and what it points back to is not
// in it. Sentences scored without their passage (ScoreSentences) open
// none.
func orphanPronoun(c candidate, focus []focusTerm, hits []float64) bool {
	if len(focus) == 0 || c.result.Chunk.ID == "" || c.sent != 0 || c.result.Chunk.Index != 0 || !orphanRE.MatchString(c.text) || orphanTimeRE.MatchString(c.text) {
		return false
	}
	for _, h := range hits {
		if h > 0 {
			return false
		}
	}
	return true
}

// pronounSaysRE matches a sentence that opens with "he" or "she" saying
// something: "She said that …", "He told reporters …".
var pronounSaysRE = regexp.MustCompile(`^\s*(?:He|She)\s+(?:\pL+ly\s+)?` + sayingVerbs + `\b`)

// whoSaidRE matches a question asking who said something, in a
// relative clause too, perhaps after an aside or a place the sayer is
// at: "Who was the spokesperson who said …", "who warned that …", "who
// at the White House said …".
var whoSaidRE = regexp.MustCompile(`(?i)\bwho(?:\s*,[^,?]*,|\s+(?:at|in|from|inside|within)\s+(?:[\pL'’.-]+\s+){0,3}?[\pL'’.-]+)?\s+(?:\pL+ly\s+)?` + sayingVerbs + `\b`)

// sayerAfterRE matches a verb of saying right after a name, perhaps after
// an aside ("Trump, speaking in Washington, warned"), and sayerBeforeRE
// one right before it, perhaps with a title in lower case between ("said
// envoy Tom Hale").
var (
	sayerAfterRE  = regexp.MustCompile(`^(?:,\s+(?:speaking|writing)\b[^,"“”]{0,40},)?\s+(?:\pL+ly\s+)?` + sayingVerbs + `\b`)
	sayerBeforeRE = regexp.MustCompile(`\b` + sayingVerbs + `\s+(?:\p{Ll}+\s+){0,2}$`)
)

// saysItself reports whether speaker (the stems of whom a question asks
// what they said) is the sayer of a verb of saying in sentence, named
// right before or after it: "… not suitable for us,” Ushakov remarked",
// not "Macron said with Zelensky that …".
func saysItself(sentence string, speaker map[string]bool) bool {
	for _, loc := range roleWordRE.FindAllStringIndex(sentence, -1) {
		if anyToken(speaker, localembed.Tokens(sentence[loc[0]:loc[1]])) && saysAt(sentence, loc[0], loc[1]) {
			return true
		}
	}
	return false
}

// saysAt reports whether the words of sentence from start to end are the
// sayer of a verb of saying right after or before them (sayerAfterRE,
// sayerBeforeRE).
func saysAt(sentence string, start, end int) bool {
	return sayerAfterRE.MatchString(sentence[end:]) || sayerBeforeRE.MatchString(sentence[:start])
}

// sayerName returns the one of values that says something in sentence,
// written right before the verb of saying or right after it ("…,"
// Press Secretary Karoline Leavitt told reporters", "said Ana Ruiz").
func sayerName(sentence string, values []string) (string, bool) {
	for _, v := range values {
		if i := strings.Index(sentence, v); i >= 0 && saysAt(sentence, i, i+len(v)) {
			return v, true
		}
	}
	return "", false
}

// quotationReach is how many quotations standing alone may follow the
// one whose sayer is named (quotationSayer).
const quotationReach = 3

// quotationSayer returns, for the last of cands, a quotation standing
// alone (it opens with a quotation mark and no one says it), the sayer
// named in the sentence its run of quotations goes on from, and where
// that sentence is in cands: "“Exports slowed …,” said Hiromichi
// Shirakawa, chief economist at UBS Securities. “Personal consumption
// looks good … “The amber light is flashing.”" Cands are in passage
// order.
func quotationSayer(cands []candidate, question map[string]bool) (string, int, bool) {
	i := len(cands) - 1
	for j := i; j > 0 && j >= i-quotationReach; j-- {
		c, prev := cands[j], cands[j-1]
		text := strings.TrimSpace(c.text)
		if !strings.HasPrefix(text, `"`) && !strings.HasPrefix(text, "“") || saidVerbRE.MatchString(text) ||
			prev.result.Chunk.ID != c.result.Chunk.ID || prev.sent+1 != c.sent {
			return "", 0, false
		}
		names, _ := personAnswer.typedValues(prev.text, question)
		if name, ok := sayerName(prev.text, names); ok {
			return name, j - 1, true
		}
	}
	return "", 0, false
}
