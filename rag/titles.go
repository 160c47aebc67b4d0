package rag

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsbot/newsbot/rag/localembed"
)

// The role reader (role.go) also reads a relation from how news writes a
// name with its title: "White House Press Secretary Karoline Leavitt",
// "director Garry Marshall", "Steve Jobs is Apple's CEO", "Avatar:
// Directed by …", and headlines written in capitals.

// titledName returns the name that a title saying the relation introduces
// within one value (the words at in), as the positions of its first and
// last word: "Karoline Leavitt" in "White House Press Secretary Karoline
// Leavitt". The name is the two or three words after the title, or one
// word rare in English (not "Director's Cut"); after a longer run, its last
// two words when the last is rare in English ("Direct Investment Fund CEO
// Kirill Dmitriev"), or in a headline written in capitals the two words
// after the title, one rare in English, when an ordinary word follows them
// ("Google CEO Sundar Pichai Appointed To …").
func titledName(words []roleWord, in []int, rel map[string]bool) (int, int, bool) {
	t := -1
	for k, i := range in {
		if anyToken(rel, words[i].stems) && !words[i].entity {
			t = k
		}
	}
	if t < 0 || t == len(in)-1 || words[in[len(in)-1]].entity {
		return 0, 0, false
	}
	name := in[t+1:]
	for _, i := range name[:min(len(name), 3)] {
		if titleParticles[strings.ToLower(words[i].raw)] {
			return 0, 0, false // "Director Christophe Gans On The Way"
		}
	}
	switch {
	case len(name) == 2 || len(name) == 3:
	case len(name) == 1 && isNameLike(words[name[0]].raw):
	case len(name) > 3 && isNameLike(words[name[len(name)-1]].raw):
		name = name[len(name)-2:] // "Direct Investment Fund CEO Kirill Dmitriev"
	case len(name) > 3 && !isNameLike(words[name[2]].raw) && (isNameLike(words[name[0]].raw) || isNameLike(words[name[1]].raw)):
		name = name[:2]
	default:
		return 0, 0, false
	}
	return name[0], name[len(name)-1], true
}

// titleHolder returns the body whose title the question's entity holds
// within one value (the words at in), as the positions of its first and
// last word: "Russian Direct Investment Fund" in "Russian Direct Investment
// Fund CEO Kirill Dmitriev" for "Dmitriev is the chief executive of which
// organisation?". The title is the relation word just before the entity's
// name, which closes the value; the body, before it, names no entity.
func titleHolder(words []roleWord, in []int, rel map[string]bool) (int, int, bool) {
	t := slices.IndexFunc(in, func(i int) bool { return words[i].entity })
	if t < 2 || !anyToken(rel, words[in[t-1]].stems) {
		return 0, 0, false
	}
	for _, i := range in[t:] {
		if !words[i].entity {
			return 0, 0, false
		}
	}
	for _, i := range in[:t-1] {
		if anyToken(rel, words[i].stems) {
			return 0, 0, false
		}
	}
	return in[0], in[t-2], true
}

// titledBefore reports whether the word before words[at] (the first word
// of a name) is a relation noun used as a title, lowercase or followed by a
// colon: "director Garry Marshall", "Director: Bryan Singer", not the verb
// of "met Ukrainian negotiators".
func titledBefore(words []roleWord, at int, rel map[string]bool) bool {
	if at == 0 {
		return false
	}
	w := words[at-1]
	return anyToken(rel, w.stems) && !w.entity && !w.negation && w.name == 0 && titleNoun(w.raw)
}

// labelReach is how many words before a colon a label may hold.
const labelReach = 8

// labelled reports whether the name at words[at] follows a colon that ends
// a label stating the relation about the entity (or, with free, about
// whatever the passage is on): "Walter Camp Award for player of the
// year: Joe Burrow".
func labelled(words []roleWord, at int, rel map[string]bool, free bool) bool {
	if at == 0 || !strings.Contains(words[at].gap, ":") {
		return false
	}
	if last := strings.ToLower(words[at-1].raw); strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") {
		return false // a list: "Heisman Trophy Winners: D. Henry, B. Sanders, …"
	}
	related, entity := false, free
	for i := at - 1; i >= 0 && i >= at-labelReach; i-- {
		w := words[i]
		if w.negation {
			return false
		}
		related = related || anyToken(rel, w.stems)
		entity = entity || w.entity
		if w.brk {
			break
		}
	}
	return related && entity
}

// titleNoun reports whether w may be a title: an agent noun or a word
// ending as one ("secretary", "president", "spokesman").
func titleNoun(w string) bool {
	low := strings.ToLower(w)
	if agentNouns[low] {
		return true
	}
	for _, suf := range []string{"er", "or", "ist", "ent", "ant", "ary", "man", "woman"} {
		if strings.HasSuffix(low, suf) {
			return true
		}
	}
	return false
}

// titleUse reports whether the relation word words[i] is part of a title
// for the name after it rather than a verb of the name before it:
// followed by another relation word ("Hollywood film director James
// Cameron") or an agent noun followed by a capitalised word ("Avatar
// director James Cameron").
func titleUse(words []roleWord, i int, rel map[string]bool) bool {
	if i+1 >= len(words) || words[i+1].brk {
		return false
	}
	next := words[i+1]
	if anyToken(rel, next.stems) {
		return true
	}
	return agentNouns[strings.ToLower(words[i].raw)] && unicode.IsUpper([]rune(next.raw)[0])
}

// agentNouns are relation words that name the one who holds the relation
// and are written before a name as titles.
var agentNouns = map[string]bool{}

func init() {
	for _, w := range strings.Fields("director producer writer winner champion founder cofounder co-founder chairman chairwoman chair president ceo chief head leader captain host owner buyer manager coach editor author creator") {
		agentNouns[w] = true
	}
}

// heading returns the number of words of a sentence's heading, the
// capitalised words before a colon that opens it ("Avatar: Directed by
// …"), or 0: the heading names what the rest is about.
func heading(words []roleWord) int {
	for i, w := range words {
		if w.brk {
			if i > 0 && strings.TrimSpace(w.gap) == ":" {
				return i
			}
			return 0
		}
		if !unicode.IsUpper([]rune(w.raw)[0]) && !titleParticles[strings.ToLower(w.raw)] {
			return 0
		}
	}
	return 0
}

// headlineSubject reads a value written in title case that holds a verb of
// the relation ("Ashleigh Barty Wins Wimbledon Women's Singles Title"):
// the words before the verb, two or more, are its subject.
func headlineSubject(words []roleWord, in []int, rel map[string]bool, value string) (string, bool) {
	for k := 2; k < len(in)-1; k++ {
		w := words[in[k]]
		if !anyToken(rel, w.stems) || agentNouns[strings.ToLower(w.raw)] {
			continue
		}
		end := strings.Index(value, w.raw)
		if end <= 0 {
			return "", false
		}
		return strings.TrimSpace(value[:end]), true
	}
	return "", false
}

// copulaWindow is how many words (determiners, qualifiers, the entity)
// may stand between a copula and the title it gives a name.
const copulaWindow = 3

// copulas link a name to a title: "Steve Jobs is Apple's CEO", "Tim Cook
// became CEO".
var copulas = map[string]bool{"is": true, "was": true, "became": true, "becomes": true, "remains": true, "remained": true}

// copulaOf reports whether the name ending at words[last] is linked by a
// copula to an agent noun of the relation within copulaWindow words, in
// the same clause: "Steve Jobs is Apple's CEO", "Tim Cook became the chief
// executive"; or given it as a title after a comma ("Niels Christiansen,
// CEO of the Lego Group").
func copulaOf(words []roleWord, last int, rel map[string]bool) bool {
	c := last + 1
	if c >= len(words) {
		return false
	}
	if strings.TrimSpace(words[c].gap) == "," {
		return titleFrom(words, c, rel)
	}
	if words[c].brk || !copulas[strings.ToLower(words[c].raw)] || c+1 >= len(words) || words[c+1].brk {
		return false
	}
	return titleFrom(words, c+1, rel)
}

// copulaBefore reports whether the name starting at words[first] follows a
// copula that follows an agent noun of the relation, in the same clause:
// "The current president is Gianni Infantino", "the winner was Tadej
// Pogačar".
func copulaBefore(words []roleWord, first int, rel map[string]bool) bool {
	c := first - 1
	if c < 1 || words[first].brk || words[c].brk || !copulas[strings.ToLower(words[c].raw)] {
		return false
	}
	for i := c - 1; i >= 0 && i >= c-1-copulaWindow; i-- {
		w := words[i]
		if w.negation || words[i+1].brk {
			return false
		}
		low := strings.ToLower(w.raw)
		if anyToken(rel, w.stems) && !w.entity {
			return agentNouns[low]
		}
		if !determiners[low] && low != "of" && !notRelation[firstStem(w)] && !w.entity {
			return false
		}
	}
	return false
}

// titleFrom reports whether, from words[from] on, within copulaWindow
// words of determiners, qualifiers and the entity, an agent noun of the
// relation stands in the same clause ("the chief executive", "Apple's
// CEO").
func titleFrom(words []roleWord, from int, rel map[string]bool) bool {
	for i := from; i < len(words) && i <= from+copulaWindow; i++ {
		w := words[i]
		if i > from && w.brk || w.negation {
			return false
		}
		low := strings.ToLower(w.raw)
		if anyToken(rel, w.stems) && !w.entity {
			return agentNouns[low]
		}
		if !determiners[low] && !notRelation[firstStem(w)] && !w.entity {
			return false
		}
	}
	return false
}

// firstStem returns the first stem of w, or "".
func firstStem(w roleWord) string {
	if len(w.stems) == 0 {
		return ""
	}
	return w.stems[0]
}

// describedRE matches a question about what a named person is or does:
// "Who is Jared Kushner?", "who's kushner again?" (whoIsRE, casualName),
// "ushakov's job?", "What is Kirill Dmitriev's role?".
var describedRE = regexp.MustCompile(`(?i)([\p{L}’'.-]+)['’]s?\s+(?:official\s+|government\s+|exact\s+|actual\s+)*(?:job|role|title|position|post|occupation)\b`)

// askedAgainRE matches a clause after a name that asks again what the
// person is: ", like what is his job", "- what's her role?".
var askedAgainRE = regexp.MustCompile(`(?i)\s*[,;:-]+\s*(?:like\s+|i mean\s+)?(?:what|wat)(?:['’]s|\s+is|\s+was)\s+(?:his|her|their)\s+(?:official\s+|exact\s+|actual\s+)?(?:job|role|title|position|post|occupation)\b.*$`)

// describedName returns the stems of the name a question asks to be
// described, or nil.
func describedName(question string) map[string]bool {
	// "ok so who is ushakov exactly, like what's his job": what opens and
	// what follows the name ask the same.
	question = leadingFillerRE.ReplaceAllString(question, "$1")
	question = askedAgainRE.ReplaceAllString(question, "")
	var name string
	switch {
	case whoIsRE.MatchString(question):
		name = strings.Join(strings.Fields(question)[2:], " ")
	case casualName(question):
		name = casualWhoIsRE.FindStringSubmatch(casualFiller.ReplaceAllString(question, " "))[1]
	default:
		m := describedRE.FindStringSubmatch(question)
		if m == nil {
			return nil
		}
		name = m[1]
	}
	out := map[string]bool{}
	for _, w := range strings.Fields(name) {
		if notNames[strings.ToLower(w)] || whWordRE.MatchString(w) {
			continue
		}
		for _, t := range localembed.Tokens(w) {
			out[t] = true
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// introduces reports whether sentence names a person of name (stems)
// with what they are: a title or relation before the name ("Trump's
// son-in-law Jared Kushner", "presidential aide Yuri Ushakov", "Secretary
// of State Marco Rubio") or an apposition after it ("Jared Kushner,
// son-in-law of …", "Yuri Ushakov, Putin's chief foreign policy
// adviser,").
func introduces(sentence string, name map[string]bool) bool {
	locs := roleWordRE.FindAllStringIndex(sentence, -1)
	for i := 0; i < len(locs); i++ {
		if !anyToken(name, localembed.Tokens(sentence[locs[i][0]:locs[i][1]])) {
			continue
		}
		first, last := i, i
		for first > 0 && isNameWord(sentence, locs, first-1) && !strings.Contains(sentence[locs[first-1][1]:locs[first][0]], ",") {
			first--
		}
		for last+1 < len(locs) && isNameWord(sentence, locs, last+1) && strings.TrimSpace(sentence[locs[last][1]:locs[last+1][0]]) == "" {
			last++
		}
		// The whole word before the name, hyphens and all ("son-in-law").
		if f := strings.Fields(sentence[:locs[first][0]]); first > 0 && strings.TrimSpace(sentence[locs[first-1][1]:locs[first][0]]) == "" && describes(f[len(f)-1]) {
			return true
		}
		if last+1 < len(locs) && strings.TrimSpace(sentence[locs[last][1]:locs[last+1][0]]) == "," {
			next := strings.Trim(strings.Fields(sentence[locs[last+1][0]:])[0], `.,;:"“”()`)
			if low := strings.ToLower(next); determiners[low] || describes(next) || strings.HasSuffix(low, "'s") || strings.HasSuffix(low, "’s") {
				return true
			}
		}
		i = last
	}
	return false
}

// isNameWord reports whether word i of sentence (at locs) is capitalised.
func isNameWord(sentence string, locs [][]int, i int) bool {
	r, _ := utf8.DecodeRuneInString(sentence[locs[i][0]:])
	return unicode.IsUpper(r)
}

// describes reports whether w is a word that says what someone is: a
// title (titleNoun), or a kinship or staff word.
func describes(w string) bool {
	low := strings.ToLower(w)
	return titleNoun(low) && !notNames[low] || describers[low]
}

// describers are words, besides titleNoun's, that say what someone is.
var describers = map[string]bool{}

func init() {
	for _, w := range strings.Fields("aide envoy son-in-law daughter-in-law wife husband son daughter brother sister father mother deputy chief head boss official minister secretary spokesman spokeswoman adviser advisor negotiator diplomat lawyer candidate star actor actress singer rapper striker captain coach founder tycoon billionaire businessman businesswoman executive analyst economist") {
		describers[w] = true
	}
}
