package rag

import (
	"slices"
	"strings"
	"unicode"
)

// How the role reader (role.go) reads a clause around a name: whether the
// name is the subject of the relation's verb, across an appositive or a
// participle clause; what a verb of saying holds; a name after its
// organisation.

// participles reports whether the words between a relation word v and
// the name at n > v are a list of past participles ending in "by", which
// its commas do not break: "directed, written, produced, and co-edited by
// Joss Whedon".
func participles(words []roleWord, v, n int) bool {
	if n <= v+1 || !strings.EqualFold(words[n-1].raw, "by") {
		return false
	}
	for i := v + 1; i < n-1; i++ {
		low := strings.ToLower(words[i].raw)
		if words[i].negation || !(low == "and" || low == "co" || strings.HasSuffix(low, "ed") || strings.HasSuffix(low, "en")) {
			return false
		}
	}
	return true
}

// subjectOf reports whether the name ending at words[last] is the subject
// of a relation verb that follows it at once, or after one or two
// auxiliaries or an adverb ("Raducanu defeated", "Disney has bought",
// "Urtubey has been named", "Morris has already accused"), in the same
// clause, an appositive or a relative clause between commas aside.
func subjectOf(words []roleWord, last int, rel map[string]bool) bool {
	if last+2 < len(words) && strings.EqualFold(words[last+1].raw, "who") && strings.TrimSpace(words[last+1].gap) == "," {
		if verbAfter(words, last+1, rel, false) {
			return true // "James Cameron, who directed"
		}
		// "Tom Kenny, who provides the voice for SpongeBob SquarePants,
		// hosted Sunday's ceremony"
		end := clauseEnd(words, last+1)
		return end > 0 && verbAfter(words, end, rel, true)
	}
	if end := appositive(words, last); end > 0 {
		return verbAfter(words, end, rel, true) // "Juliana Urtubey, a teacher in Las Vegas, has been named"
	}
	if n := aside(words, last+1); n > 0 {
		return verbAfter(words, last+n, rel, true) // "Zelensky, for his part, warned"
	}
	return verbAfter(words, last, rel, false)
}

// verbAfter reports whether a relation verb follows words[last] at once,
// or after one or two auxiliaries or an adverb, in the same clause; after
// an appositive (apposed), the comma closing it does not break the clause.
func verbAfter(words []roleWord, last int, rel map[string]bool, apposed bool) bool {
	for d := 1; d <= 3 && last+d < len(words); d++ {
		w := words[last+d]
		if w.brk && !quoteGap(w.gap) && !(apposed && d == 1) || w.negation {
			return false
		}
		if anyToken(rel, w.stems) && !w.entity {
			return !negated(words, last+d) && !titleUse(words, last+d, rel)
		}
		if !auxiliaries[strings.ToLower(w.raw)] && !verbAdverbs[strings.ToLower(w.raw)] {
			return false
		}
	}
	return false
}

// aside returns how many words, from words[i] on, make a phrase that
// stands between a subject and its verb without being either ("for his
// part", "in turn", "meanwhile"); 0 when there is none.
func aside(words []roleWord, i int) int {
	at := func(k int, w ...string) bool {
		return i+k < len(words) && slices.Contains(w, strings.ToLower(words[i+k].raw))
	}
	switch {
	case at(0, "for") && at(1, "his", "her", "their", "its", "our", "my") && at(2, "part"):
		return 3
	case at(0, "in") && at(1, "turn", "response", "return"):
		return 2
	case at(0, "meanwhile", "however", "though", "too", "likewise"):
		return 1
	}
	return 0
}

// verbAdverbs stand between an auxiliary and its verb: "has already
// accused", "has also been named".
var verbAdverbs = map[string]bool{"already": true, "also": true, "first": true, "originally": true, "initially": true, "once": true, "now": true, "just": true, "since": true, "recently": true, "finally": true,
	"reportedly": true, "previously": true, "officially": true, "formally": true, "still": true, "repeatedly": true}

// apposedNouns open an appositive without a determiner.
var apposedNouns = map[string]bool{"part": true, "one": true, "head": true, "chief": true, "son": true, "daughter": true, "wife": true, "husband": true,
	"brother": true, "sister": true, "father": true, "mother": true, "member": true, "former": true, "deputy": true, "co-founder": true, "founder": true, "boss": true, "owner": true}

// appositiveReach is how many words an appositive between commas may hold.
const appositiveReach = 14

// appositive returns the last word of an appositive that follows the name
// ending at words[last] between commas and opens with a determiner ("…,
// an elementary school teacher in Las Vegas, has been named") or a noun
// news opens one with without it (apposedNouns: "…, part of the family
// that controls the firm, will take on the role"), or 0.
func appositive(words []roleWord, last int) int {
	a := last + 1
	if a+1 >= len(words) || strings.TrimSpace(words[a].gap) != "," || !determiners[strings.ToLower(words[a].raw)] && !apposedNouns[strings.ToLower(words[a].raw)] {
		return 0
	}
	return clauseEnd(words, a)
}

// clauseEnd returns the last word of the phrase that opens at words[a]
// and a comma closes within appositiveReach words, or 0.
func clauseEnd(words []roleWord, a int) int {
	for j := a + 1; j < len(words) && j <= a+appositiveReach; j++ {
		if words[j].brk {
			if strings.TrimSpace(words[j].gap) == "," {
				return j - 1
			}
			return 0
		}
	}
	return 0
}

// speechVerb reports whether w is a verb of saying ("said", "told",
// "noted").
func speechVerb(w roleWord) bool {
	for _, st := range w.stems {
		if slices.Contains(sayWords, st) {
			return true
		}
	}
	return false
}

// nameAfterEntity returns the first of the last two words of a value
// (the words at in) that holds the question's entity, when both come
// after the entity's last word and look like a name: "Karoline Leavitt"
// in "White House Press Secretary Karoline Leavitt".
func nameAfterEntity(words []roleWord, in []int) (int, bool) {
	n := len(in)
	if n < 3 {
		return 0, false
	}
	for _, i := range in[n-2:] {
		if words[i].entity {
			return 0, false
		}
	}
	if !isNameLike(words[in[n-1]].raw) {
		return 0, false
	}
	for _, i := range in[:n-2] {
		if words[i].entity {
			return in[n-2], true
		}
	}
	return 0, false
}

// participleClause reports whether the relation word words[v] opens,
// after a comma and perhaps an adverb, a participle clause whose subject
// is that of the clause before it, where the entity words[e] stands:
// "Rubio is skipping the talks, instead sending his deputy".
func participleClause(words []roleWord, e, v int) bool {
	if e > v || !strings.HasSuffix(strings.ToLower(words[v].raw), "ing") {
		return false
	}
	start := v
	if v > 0 && !words[v].brk && strings.HasSuffix(strings.ToLower(words[v-1].raw), "ly") || v > 0 && strings.EqualFold(words[v-1].raw, "instead") {
		start = v - 1 // "instead sending", "quickly adding"
	}
	if start <= e || strings.TrimSpace(words[start].gap) != "," {
		return false
	}
	return !blocked(words, e, start-1, true)
}

// quoteGap reports whether gap is only a closing quotation mark and
// spaces ("“Toy Story 2” won"), which does not end a clause.
func quoteGap(gap string) bool {
	g := strings.TrimSpace(gap)
	return g == "”" || g == "\"" || g == "’"
}

// mainVerbOf reports whether words[v] is the main verb of a sentence that
// opens with its subject, words[e], an appositive between them: "Mutu,
// 25, sacked by Chelsea and banned for seven months, is now represented by
// Alessandro Moggi". The verb follows an auxiliary (perhaps one adverb
// between) that ends the appositive after a comma.
func mainVerbOf(words []roleWord, e, v int) bool {
	if e != 0 || v < 3 || words[v].brk {
		return false
	}
	a := v - 1
	if !auxiliaries[strings.ToLower(words[a].raw)] && !words[a].brk && !unicode.IsUpper([]rune(words[a].raw)[0]) {
		a-- // "is now represented"
	}
	if !auxiliaries[strings.ToLower(words[a].raw)] {
		return false
	}
	for a > 1 && !words[a].brk && auxiliaries[strings.ToLower(words[a-1].raw)] {
		a-- // "has been named"
	}
	return strings.TrimSpace(words[a].gap) == ","
}

// firstTo returns the name opening the sentence when a relation verb
// follows "the first … to" (or "the only", "the youngest" …) with the
// question's entity after it: the record is the subject's, "Hideki
// Matsuyama made history on Sunday, becoming the first Japanese golfer to
// win the Masters Tournament".
func firstTo(words []roleWord, rel map[string]bool, values []string) (string, bool) {
	if len(words) == 0 || words[0].name <= 0 {
		return "", false
	}
	for v := 2; v < len(words); v++ {
		if !strings.EqualFold(words[v-1].raw, "to") || !anyToken(rel, words[v].stems) || words[v].entity || negated(words, v) {
			continue
		}
		record := false
		for i := v - 2; i >= max(0, v-6) && !words[i+1].brk; i-- {
			record = record || recordWords[strings.ToLower(words[i].raw)]
		}
		if !record {
			continue
		}
		for e := v + 1; e < len(words) && e <= v+roleWindow; e++ {
			if words[e].entity && !blocked(words, v, e, true) {
				return values[words[0].name-1], true
			}
		}
	}
	return "", false
}

// recordWords say that who did something was the first or only one to.
var recordWords = map[string]bool{"first": true, "only": true, "last": true, "youngest": true, "oldest": true, "second": true, "third": true}

// pluralAgent reports whether word is a plural agent noun ("negotiators",
// "investors"): other people than a name beside it, not its verb ("Putin
// failed to reach agreement with American negotiators"). One of them is
// read as a title before a name ("negotiator Rustem Umerov").
func pluralAgent(word string) bool {
	w := strings.ToLower(word)
	return len(w) >= 8 && strings.HasSuffix(w, "ors")
}

// agentReach is how many words a passive verb and the "by" naming who did
// it may stand apart: "introduced to the crowd by".
const agentReach = 5

// agentOf reports whether the name at words[at] follows "by", perhaps
// after a possessive and a noun in lower case ("by his son Nick"), after
// a relation verb in the same clause, not the first word of a headline
// ("Won by …"): "were introduced to the crowd by Mick Jones", "It was
// led by Digby Jones". Unless free, the verb does not open its clause:
// in "represented by Ana Ruiz, sacked by Northwind" it was she who was
// sacked.
func agentOf(words []roleWord, at int, rel map[string]bool, free bool) bool {
	by := at - 1
	for by > 0 && by >= at-3 && !strings.EqualFold(words[by].raw, "by") && unicode.IsLower([]rune(words[by].raw)[0]) && !words[by+1].brk {
		by--
	}
	if by <= 0 || !strings.EqualFold(words[by].raw, "by") || words[by+1].brk {
		return false
	}
	for v := by - 1; v > 0 && v >= by-agentReach; v-- {
		if words[v+1].brk || words[v].negation {
			return false
		}
		if anyToken(rel, words[v].stems) && !words[v].entity && words[v].name == 0 {
			return !negated(words, v) && (free || !words[v].brk)
		}
	}
	return false
}
