package rag

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/newsbot/newsbot/rag/localembed"
)

// A who-question names a relation and an entity ("Who met Putin?": "met",
// "Putin"); the answer is the sentence in which that relation holds between
// the entity and a name the question does not give ("Putin hosted Steve
// Witkoff"), not one that only mentions a meeting and some names ("A
// Trump–Putin meeting has not been scheduled, Ushakov noted").

// roleWindow is how many words apart a relation word and the names it
// joins may be.
const roleWindow = 12

// roleRelated is how many of a relation word's related words (the
// strongest: spellings and close synonyms) say the same relation.
const roleRelated = 3

// relationSynonyms groups the stems of verbs and nouns that news uses for
// one relation between two parties, beyond what the WordNet-derived
// expansion offers ("met" and "hosted", "won" and "beat").
var relationSynonyms = [][]string{
	{"meet", "host", "receiv", "welcom", "talk", "negoti", "summit", "visit", "hold", "held", "session"},
	{"releas", "launch", "premier", "debut", "air", "publish", "unveil", "arriv", "open"},
	{"win", "beat", "defeat", "claim", "clinch", "victori", "champion", "award", "titl", "triumph", "winner"},
	{"acquir", "buy", "purchas", "takeov", "bought", "acquisit", "merg"},
	{"lead", "head", "run", "chair", "chairman", "helm", "led", "captain"},
	{"found", "establish", "creat", "start", "launch", "cofound"},
	{"direct", "director", "film", "helm"},
	{"ceo", "chief", "boss", "head"},
	{"replac", "succeed", "successor"},
	{"transfer", "sell", "sold", "hand"},
	{"sign", "deal", "contract", "agreement"},
	{"kill", "shot", "shoot", "attack", "murder", "stab"},
	{"elect", "vote", "win", "presid"},
	{"actor", "actress", "star", "play", "cast", "perform", "portray", "role"},
	{"score", "goal", "strike", "header", "equalis", "net"},
	{"write", "author", "compos", "pen", "writer", "songwrit"},
	{"partner", "pair", "alongsid"},
	{"face", "play"},
	{"send", "sent", "dispatch", "despatch"},
	{"surgeri", "oper", "procedur"},
	sayWords,
	{"call", "describ", "label", "brand", "dub", "say", "said", "speak", "warn"}, // "who called the figures decent": "said January's figures were …"
}

// sayWords are the stems of the verbs of saying.
var sayWords = []string{"say", "said", "tell", "told", "state", "announc", "note", "claim", "accus"}

// modifierStems returns the stems of the question's words that stand
// right before a word in lower case, neither a stop word nor after
// punctuation: "awards" in "the Annie awards ceremony".
func modifierStems(question string) map[string]bool {
	out := map[string]bool{}
	words := strings.Fields(question)
	for i := 0; i+1 < len(words); i++ {
		if !unicode.IsLower([]rune(words[i+1])[0]) || strings.ContainsAny(words[i], ",;:?!.") {
			continue
		}
		a, b := localembed.Tokens(words[i]), localembed.Tokens(words[i+1])
		if len(a) == 1 && len(b) == 1 {
			out[a[0]] = true
		}
	}
	return out
}

// notRelation are question words that qualify the answer rather than
// relate it to the entity ("the new CEO", "the current president").
var notRelation = map[string]bool{}

func init() {
	for _, w := range strings.Fields("new current former first last next latest late top main year time") {
		for _, t := range localembed.Tokens(w) {
			notRelation[t] = true
		}
	}
}

// converseVerbs maps a stem of a relation to the stems of verbs that
// state it from the other party's side, and the word after which such a
// verb names the answer: "sold … to the Trust" says who bought, "lost … to
// Halep" who won, "collecting his award from model Naomi Campbell" who
// handed it over, "bought … from Vivendi" who sold.
var converseVerbs = map[string]converse{
	"buy": toSeller, "bought": toSeller, "acquir": toSeller, "purchas": toSeller,
	"win": toWinner, "beat": toWinner, "defeat": toWinner,
	"hand": fromGiver, "gave": fromGiver, "give": fromGiver, "present": fromGiver,
	"sold": fromBuyer, "sell": fromBuyer,
}

// converse is how a relation is said from the other party's side: by one
// of verbs, the answer after the word by.
type converse struct {
	by    string
	verbs []string
}

var (
	toSeller  = converse{"to", []string{"sold", "sell"}}
	toWinner  = converse{"to", []string{"lost", "lose", "fell", "fall", "down", "succumb"}} // "went down to fellow Spaniard Guillermo Garcia-Lopez"
	fromGiver = converse{"from", []string{"collect", "receiv", "accept"}}
	fromBuyer = converse{"from", []string{"bought", "buy", "acquir", "purchas"}}
)

// determiners may stand between "to" and a name.
var determiners = map[string]bool{"the": true, "a": true, "an": true}

// converseWindow is how many words after a converse verb its "to" may be.
const converseWindow = 8

// converseHolds reports whether a converse verb of the relation rel
// (converseVerbs) is followed, within converseWindow words and with no
// clause break or negation, by its "to" or "from" and one of the values,
// perhaps after a determiner or a title in lower case ("from model Naomi
// Campbell"), and returns that value.
func converseHolds(words []roleWord, rel map[string]bool, values []string) (string, bool) {
	conv := map[string]string{} // verb stem: the word after which it names the answer
	for r := range rel {
		for _, c := range converseVerbs[r].verbs {
			conv[c] = converseVerbs[r].by
		}
	}
	if len(conv) == 0 {
		return "", false
	}
	for v := range words {
		by := conv[strings.ToLower(words[v].raw)] // "down", a stop word
		for _, s := range words[v].stems {
			if b, ok := conv[s]; ok {
				by = b
			}
		}
		if by == "" || negated(words, v) {
			continue
		}
		for d := 1; d <= converseWindow && v+d+1 < len(words); d++ {
			w := words[v+d]
			if w.brk {
				break
			}
			if strings.EqualFold(w.raw, by) {
				n := v + d + 1
				if n+1 < len(words) && words[n].name == 0 && !words[n+1].brk && (determiners[strings.ToLower(words[n].raw)] || unicode.IsLower([]rune(words[n].raw)[0]) && words[n+1].name > 0) {
					n++ // "to the Marine Heritage Trust", "from model Naomi Campbell"
				}
				if words[n].name > 0 && !words[n].brk {
					return values[words[n].name-1], true
				}
				break
			}
		}
	}
	return "", false
}

// roleWord is one word of a sentence as the role reader sees it.
type roleWord struct {
	raw      string
	stems    []string
	brk      bool   // a clause break (comma, colon, bracket, spaced dash) comes before it
	gap      string // what stands between it and the word before
	negation bool
	name     int // 1 + the index of the answer value it belongs to; 0 when none, -1 in a value that holds the relation
	entity   bool
	joiner   bool // "with", "between", "among"
	agent    bool // "by", "to": what follows is the party ("directed by", "awarded to")
}

// roleWordRE finds words: letters and digits, with inner apostrophes and
// full stops ("Kushner's", "U.S.").
var roleWordRE = regexp.MustCompile(`[\p{L}\p{N}]+(?:['’.&][\p{L}\p{N}]+)*(?:['’]t)?`)

// clauseBreakRE matches what separates clauses between two words.
var clauseBreakRE = regexp.MustCompile(`[,;:()"“”]|\s[–—-]\s`)

// roleHolds reports whether sentence states the relation (rel, stems)
// between the question's entity (one of focus) and one of values (the
// names the question does not give), and returns that value: a relation
// word with, within roleWindow words and no negation between, an entity
// word and a value ("Putin hosted Witkoff", "a meeting between Putin and
// Witkoff"), the value not cut off from the relation word by a clause
// break ("After the meeting, Putin's aide Yuri Ushakov
// said"). With no focus, the value alone must be joined to the relation.
//
// With bare set, the sentence is read without the question's entity (it is
// the topic of the passage, not named again): the forms in which news
// writes who holds a relation count (a title, the subject of the verb, a
// copula), not a headline, and a name near a relation word only when a
// pronoun opening the sentence stands for the entity.
func roleHolds(sentence string, rel map[string]bool, focus []focusTerm, values []string, subject, bare bool) (string, bool) {
	if len(rel) == 0 || len(values) == 0 {
		return "", false
	}
	isFocus := map[string]bool{}
	for _, f := range focus {
		if isMonthOrDay(f.term) {
			continue // "on Monday" dates the relation; it is no party to it
		}
		isFocus[f.term] = true
		for _, a := range f.alt {
			// "award" is related to the focus "prize" but says the
			// relation of "Who was awarded the Nobel Prize?".
			isFocus[a] = !rel[a]
		}
	}
	locs := roleWordRE.FindAllStringIndex(sentence, -1)
	words := make([]roleWord, len(locs))
	opened := false // read bare, a pronoun opening the sentence stands for the entity
	for i, loc := range locs {
		raw := sentence[loc[0]:loc[1]]
		w := &words[i]
		w.raw = raw
		w.stems = localembed.Tokens(normalizeEntities(raw))
		low := strings.ToLower(raw)
		w.joiner = low == "with" || low == "between" || low == "among"
		w.agent = low == "by" || low == "to"
		w.negation = negations[low] || strings.HasSuffix(low, "n't") || strings.HasSuffix(low, "n’t")
		if i > 0 {
			w.gap = sentence[locs[i-1][1]:loc[0]]
			w.brk = clauseBreakRE.MatchString(w.gap)
		}
		for _, s := range w.stems {
			w.entity = w.entity || isFocus[s]
		}
		// Read bare, a pronoun opening the sentence, perhaps after when
		// ("In 2003 it bought …"), stands for the entity: "She faces
		// Marlene Weingartner" in a report on Hingis.
		if bare && subjectPronouns[low] && (i == 0 || i <= 3 && timeOpeners[strings.ToLower(words[0].raw)] && !slices.ContainsFunc(words[1:i], func(w roleWord) bool { return w.brk && !strings.Contains(w.gap, ",") })) {
			w.entity, opened = true, true
		}
	}
	// Mark the words of each value; a value that holds the entity (a
	// longer form of its name) is the entity, not an answer.
	from := 0
	for vi, v := range values {
		at := strings.Index(sentence[from:], v)
		if at < 0 {
			at = strings.Index(sentence, v)
			if at < 0 {
				continue
			}
		} else {
			at += from
		}
		from = at + len(v)
		var in []int
		holdsEntity := false
		for i, loc := range locs {
			if loc[0] >= at && loc[1] <= at+len(v) {
				in = append(in, i)
				holdsEntity = holdsEntity || words[i].entity
			}
		}
		if len(in) == 0 || !unicode.IsUpper([]rune(v)[0]) {
			continue
		}
		if a, b, ok := titledName(words, in, rel); ok && (len(focus) == 0 || bare || holdsEntity || entityNear(words, in[0])) {
			return strings.TrimRight(sentence[locs[a][0]:locs[b][1]], ".,;:"), true // "White House Press Secretary Karoline Leavitt"
		}
		if a, b, ok := titleHolder(words, in, rel); holdsEntity && ok {
			return sentence[locs[a][0]:locs[b][1]], true // "Russian Direct Investment Fund CEO Kirill Dmitriev"
		}
		if !holdsEntity && titledBefore(words, in[0], rel) && (len(focus) == 0 || bare || entityNear(words, in[0])) {
			return v, true // "the movie's director Garry Marshall", "Director: Bryan Singer"
		}
		if !holdsEntity && labelled(words, in[0], rel, len(focus) == 0 || bare) {
			return v, true // "Walter Camp Award for player of the year: Joe Burrow"
		}
		if !holdsEntity && subject && subjectOf(words, in[len(in)-1], rel) && (len(focus) == 0 || bare || anyEntity(words)) {
			return v, true // "Emma Raducanu defeated Serena Williams … at the 2019 US Open"
		}
		if !holdsEntity && subject && agentOf(words, in[0], rel, len(focus) == 0 || bare) {
			return v, true // "were introduced to the crowd by Mick Jones"
		}
		if a, ok := nameAfterEntity(words, in); holdsEntity && ok && subject && subjectOf(words, in[len(in)-1], rel) {
			// "Who from the White House said …?": "White House Press
			// Secretary Karoline Leavitt told reporters".
			return strings.TrimRight(sentence[locs[a][0]:locs[in[len(in)-1]][1]], ".,;:"), true
		}
		if a, ok := nameAfterEntity(words, in); holdsEntity && ok && subject && in[0] > 0 && speechVerb(words[in[0]-1]) && anyToken(rel, words[in[0]-1].stems) && !words[in[0]].brk {
			// A quotation attributed after it: "…," said MSN's Blake Irving.
			return strings.TrimRight(sentence[locs[a][0]:locs[in[len(in)-1]][1]], ".,;:"), true
		}
		if !holdsEntity && (copulaOf(words, in[len(in)-1], rel) || copulaBefore(words, in[0], rel)) && (len(focus) == 0 || bare || anyEntity(words)) {
			return v, true // "Steve Jobs is Apple's CEO", "the current president is Gianni Infantino"
		}
		if name, ok := headlineSubject(words, in, rel, v); ok && subject && !bare && (len(focus) == 0 || anyEntity(words)) {
			return name, true // "Ashleigh Barty Wins Wimbledon Women's Singles Title"
		}
		if r := relationWords(words, in, rel); r == len(in) {
			continue // a capitalised relation word: "Directed by …"
		} else if r > 0 {
			// "CEO of Apple": neither a party nor the relation between them.
			for _, i := range in {
				words[i].name = -1
			}
			continue
		}
		if holdsEntity {
			continue
		}
		for _, i := range in {
			words[i].name = vi + 1
		}
	}
	if bare && !opened {
		return "", false
	}
	if subject {
		if v, ok := converseHolds(words, rel, values); ok {
			return v, true // "was sold at auction to the Marine Heritage Trust"
		}
		if v, ok := firstTo(words, rel, values); ok {
			return v, true // "Matsuyama made history, becoming the first Japanese golfer to win the Masters"
		}
	}
	head := heading(words)
	for v := range words {
		if !anyToken(rel, words[v].stems) || words[v].entity || words[v].name != 0 || negated(words, v) || pluralAgent(words[v].raw) {
			continue
		}
		// The subject stands before the verb, unless an agent follows it
		// ("won by") or it is an infinitive ("the decision to replace Ruiz
		// with Hale").
		before := subject && !(v+1 < len(words) && words[v+1].agent) && !(v > 0 && strings.EqualFold(words[v-1].raw, "to"))
		speech := speechVerb(words[v])
		for _, n := range bySide(len(words), v, before) {
			if words[n].name <= 0 || blocked(words, v, n, true) && !participles(words, v, n) {
				continue
			}
			if speech && subject && n > v+1 {
				continue // what follows "said" is what was said, not who said it ("said Ushakov" aside)
			}
			if len(focus) == 0 {
				return values[words[n].name-1], true
			}
			for e := range words {
				if !words[e].entity || abs(e-v) > 2*roleWindow || blocked(words, v, e, true) && !(e < head && v >= head) && !participleClause(words, e, v) && !mainVerbOf(words, e, v) {
					continue
				}
				// On two sides ("Putin hosted Witkoff", "Witkoff met
				// Putin"), or both after it with a joining word ("talks
				// between Putin and Witkoff"); both before it, the relation
				// word is about them, not between them ("Trump–Putin
				// meeting", "Ushakov said the talks").
				if (e < v) != (n < v) || e > v && n > v && joined(words, v, min(e, n)) {
					return values[words[n].name-1], true
				}
			}
		}
	}
	return "", false
}

// relationWords counts the words at in that say the relation.
func relationWords(words []roleWord, in []int, rel map[string]bool) int {
	n := 0
	for _, i := range in {
		if anyToken(rel, words[i].stems) {
			n++
		}
	}
	return n
}

// anyEntity reports whether one of words is the question's entity.
func anyEntity(words []roleWord) bool {
	for _, w := range words {
		if w.entity {
			return true
		}
	}
	return false
}

// entityNear reports whether an entity word stands within roleWindow
// words of words[at].
func entityNear(words []roleWord, at int) bool {
	for i := max(0, at-roleWindow); i < min(len(words), at+roleWindow); i++ {
		if words[i].entity {
			return true
		}
	}
	return false
}

// bySide returns the positions within roleWindow of v among n words,
// nearest first, those on the side where the answer is expected first:
// before v when the question asks for the subject ("Who won?": "Barty beat
// Pliskova"), else after it ("Who did Putin meet?", "directed by").
func bySide(n, v int, before bool) []int {
	var after, prior []int
	for d := 1; d <= roleWindow; d++ {
		if v+d < n {
			after = append(after, v+d)
		}
		if v-d >= 0 {
			prior = append(prior, v-d)
		}
	}
	if before {
		return append(prior, after...)
	}
	return append(after, prior...)
}

var auxiliaries = map[string]bool{"is": true, "was": true, "are": true, "were": true, "been": true, "did": true, "does": true, "do": true,
	"has": true, "have": true, "had": true, "will": true, "would": true, "can": true, "could": true, "should": true, "may": true, "might": true}

// blocked reports whether a negation lies between words a and b, or, when
// clause is set, a clause break.
func blocked(words []roleWord, a, b int, clause bool) bool {
	lo, hi := min(a, b), max(a, b)
	for i := lo; i <= hi; i++ {
		if words[i].negation {
			return true
		}
		if clause && i > lo && words[i].brk {
			return true
		}
	}
	return false
}

// negationReach is how many words after a relation word a negation of
// its clause may stand ("the meeting has not been scheduled").
const negationReach = 4

// negated reports whether the clause of words[v] denies it: a negation
// just before it or within negationReach words after it, before a clause
// break.
func negated(words []roleWord, v int) bool {
	if v > 0 && words[v-1].negation || v > 1 && words[v-2].negation && !words[v-1].brk {
		return true
	}
	for d := 1; d <= 2 && v-d >= 0 && (d == 1 || !words[v-1].brk); d++ {
		if ended[strings.ToLower(words[v-d].raw)] {
			return true // "former CEO", "resigned as CEO"
		}
	}
	for i := v + 1; i < len(words) && i <= v+negationReach && !words[i].brk; i++ {
		if words[i].negation && !(i+1 < len(words) && strings.EqualFold(words[i+1].raw, "to")) {
			return true // but "warned not to let Russia" negates what was warned of
		}
	}
	return false
}

// joined reports whether a word that joins parties ("with", "between")
// stands after words[v] and before words[to].
func joined(words []roleWord, v, to int) bool {
	for i := v + 1; i < to; i++ {
		if words[i].joiner {
			return true
		}
	}
	return false
}

// subjectPronouns stand for a person or thing named before.
var subjectPronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true}

// timeOpeners open a sentence with when it happened, before its subject:
// "In 2003 it bought …", "Last year she won …".
var timeOpeners = map[string]bool{"in": true, "on": true, "last": true, "earlier": true, "later": true, "since": true, "then": true, "now": true, "by": true}

// ended are the words before a relation that say it no longer holds.
var ended = map[string]bool{"former": true, "ex": true, "resigned": true, "ousted": true, "outgoing": true, "retired": true, "quit": true, "fired": true, "sacked": true, "departing": true}

// negations are the words that deny the relation they stand beside.
var negations = map[string]bool{"not": true, "no": true, "never": true, "without": true, "neither": true, "nor": true, "cannot": true}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
