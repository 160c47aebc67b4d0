package rag

import (
	"regexp"
	"slices"
	"strings"

	"github.com/newsbot/newsbot/rag/localembed"
)

// What a quantity question asks to be counted or measured: the noun of
// "how many", the word a figure measures, whether it asks for money, and
// whether a duration measures what it asks about.

// countedRE matches what a how-many question counts: the words after
// "how many" up to its verb ("how many davis cup matches did …").
var countedRE = regexp.MustCompile(`(?i)\bhow many\s+((?:[\p{L}'’-]+\s+){0,4}?[\p{L}'’-]+)\s*(?:\b(?:did|does|do|is|are|was|were|will|would|have|has|had|can|could|should|in|on|at|for|of|from|to|according)\b|[?,]|$)`)

// howManyRE matches the words after "how many", up to four.
var howManyRE = regexp.MustCompile(`(?i)\bhow many\s+((?:[\p{L}'’-]+\s*){1,4})`)

// irregularPlurals are plurals that do not end in "s".
var irregularPlurals = map[string]bool{"people": true, "men": true, "women": true, "children": true, "feet": true, "teeth": true, "mice": true, "sheep": true, "fish": true, "staff": true}

// notCounted are words after "how many" that do not name what is
// counted, or name it too loosely for a sentence to repeat it.
var notCounted = map[string]bool{}

func init() {
	for _, w := range strings.Fields("times worldwide nationwide overall altogether total exactly roughly approximately about more less now currently today still already so far") {
		notCounted[w] = true
	}
}

// countedNoun returns the stems of the noun a how-many question counts,
// and of the words related to it: "How many moons does Jupiter have?"
// counts moons, which a sentence counting euros does not give. Nil when
// the question asks no such count.
func countedNoun(lex lexicon, question string) []string {
	var words []string
	if m := countedRE.FindStringSubmatch(question); m != nil {
		words = strings.Fields(strings.ToLower(m[1]))
		// A casual question's clause with no auxiliary ("how many
		// hereditary peers labour left"): the count ends at its last
		// plural before the verb.
		if j := slices.IndexFunc(words[1:], func(w string) bool { return pastVerbs[w] || strings.HasSuffix(w, "ed") }); j >= 0 {
			words = words[:j+1]
		}
		// Nor with a verb in the present ("how many organisations appear
		// on the list"): what is counted is still its last plural.
		for len(words) > 1 && !plural(words[len(words)-1]) && slices.ContainsFunc(words, plural) {
			words = words[:len(words)-1]
		}
	} else if m := howManyRE.FindStringSubmatch(question); m != nil {
		// No verb closes it ("how many people made up the delegation"):
		// what is counted is its first plural.
		for _, w := range strings.Fields(strings.ToLower(m[1])) {
			if plural(w) {
				words = []string{w}
				break
			}
		}
	}
	if len(words) == 0 {
		return nil
	}
	for len(words) > 1 && notCounted[words[len(words)-1]] {
		words = words[:len(words)-1] // "hotspots worldwide"
	}
	if notCounted[words[len(words)-1]] {
		return nil // "how many times": said in other words ("on 18 occasions")
	}
	toks := lex.tokens(words[len(words)-1])
	if len(toks) != 1 {
		return nil
	}
	alt := lex.expand(toks[0])
	out := append([]string{toks[0]}, alt[:min(len(alt), focusAlternatives)]...)
	if people[words[len(words)-1]] {
		out = append(out, lex.tokens(peopleCounted)...)
	} else if g, ok := sameCounted[toks[0]]; ok {
		out = append(out, lex.tokens(g)...) // "four Ukrainian regions" for "how many provinces"
	} else if audiences[words[len(words)-1]] {
		out = append(out, lex.tokens("audience audiences")...) // "an audience of 6.3 million" counts viewers
	} else {
		out = append(out, lex.tokens("units")...) // "sold 19.9 million units" counts consoles
	}
	return out
}

// people are the words that count people in general, which news counts
// by what they are: "five million viewers" says how many people watched.
var people = map[string]bool{"people": true, "ppl": true, "persons": true}

// sameCounted maps the stem of a counted noun to the nouns news counts the
// same things by: provinces are regions and territories.
var sameCounted = map[string]string{}

func init() {
	for _, g := range []string{"province region territory oblast"} {
		for _, w := range strings.Fields(g) {
			for _, t := range localembed.Tokens(w) {
				sameCounted[t] = g
			}
		}
	}
}

// audiences are the people counted as an audience.
var audiences = map[string]bool{"viewers": true, "listeners": true, "spectators": true, "watchers": true}

// peopleCounted are the nouns that count people by what they are.
const peopleCounted = "viewers listeners fans voters workers staff employees residents passengers customers users " +
	"members spectators visitors subscribers readers students pupils patients victims adults children men women " +
	"households families protesters supporters delegates refugees migrants tourists"

// measureReach is how many words after a figure (two before it) the word
// it measures may stand: "£65,000 settlement", "146,000 new jobs".
const measureReach = 3

// measures reports whether one of values (figures) in sentence stands
// within measureReach words of a word of rel (the stems of the question's
// words other than its focus): the figure measures what is asked about.
func measures(sentence string, values []string, rel map[string]bool) bool {
	return slices.ContainsFunc(values, func(v string) bool { return relWordsNear(sentence, v, rel, 2, measureReach) > 0 })
}

// restatesAfter reports whether one of values (counts) in sentence is
// followed, within restateReach words, by restateWords words of rel: the
// count is the subject of the question's own predicate ("1,500 'safety
// whistleblowers' had lost their jobs" for "how many workers lost their
// jobs"), whatever noun it counts.
func restatesAfter(sentence string, values []string, rel map[string]bool) bool {
	return slices.ContainsFunc(values, func(v string) bool { return relWordsNear(sentence, v, rel, 0, restateReach) >= restateWords })
}

const (
	restateReach = 6
	restateWords = 2
)

// relWordsNear counts how many of the before words right before the
// figure v in sentence, and of the after words right after it, are
// words of rel.
func relWordsNear(sentence, v string, rel map[string]bool, before, after int) int {
	at := strings.Index(sentence, v)
	if len(rel) == 0 || at < 0 {
		return 0
	}
	pre := strings.Fields(sentence[:at])
	post := strings.Fields(sentence[at+len(v):])
	n := 0
	for _, w := range append(pre[max(0, len(pre)-before):], post[:min(len(post), after)]...) {
		if anyToken(rel, localembed.Tokens(w)) {
			n++
		}
	}
	return n
}

// relativeTimeRE matches the start of a text that makes the duration
// before it a point in time: "(a day) after", "(two weeks) ago".
var relativeTimeRE = regexp.MustCompile(`(?i)^\s+(after|before|ago|later|earlier|since|previously)\b`)

// forBeforeRE matches "for" or "take" ("take up to") before a duration:
// "out for a month after", "take 15 years before" say how long, not when.
var forBeforeRE = regexp.MustCompile(`(?i)\b(?:for|(?:take|takes|took|taken|taking)(?:\s+(?:up to|about|around|at least|at most|more than|less than|as long as|as much as|another|only|just))?)\s+$`)

// bareTimeRE finds a time written without its unit where a race or a
// record states it: "set an Olympic record of 12.37", "clocked 9.85",
// "won in 2:04:55".
var bareTimeRE = regexp.MustCompile(`(?i)\b(?:record of|(?:a|best|winning|fastest) time of|clocked|clocking|won in|finished in|ran)\s+(\d{1,2}(?::\d{2}){0,2}\.\d{1,3}|\d{1,2}(?::\d{2}){1,2})\b`)

// clockedRE matches the verb of a question asking what time someone
// clocked, which asks how long they took and relates nothing.
var clockedRE = regexp.MustCompile(`(?i)\bclock(?:ed|s)?\b`)

// bareTimes returns the times sentence states without their unit
// (bareTimeRE); one with its unit ("a time of 9.85 seconds") is a
// duration already.
func bareTimes(sentence string) []string {
	if !digitsAround(sentence) {
		return nil // the regular expression is slow to find nothing
	}
	var out []string
	for _, m := range bareTimeRE.FindAllStringSubmatchIndex(sentence, -1) {
		if loc := durationRE.FindStringIndex(sentence[m[2]:]); loc == nil || loc[0] > 0 {
			out = append(out, sentence[m[2]:m[3]])
		}
	}
	return out
}

// inDate reports whether the figure at loc in sentence is part of a date
// (dateRE: "31 December", "December 31"), which says when, not how many.
func inDate(sentence string, loc []int) bool {
	lo, hi := max(0, loc[0]-16), min(len(sentence), loc[1]+16)
	for _, d := range dateRE.FindAllStringIndex(sentence[lo:hi], -1) {
		if lo+d[0] <= loc[0] && loc[1] <= lo+d[1] {
			return true
		}
	}
	return false
}

// digitsAround reports whether s holds a digit, a point or a colon, and
// a digit: "12.37", "2:04".
func digitsAround(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if (s[i] == '.' || s[i] == ':') && '0' <= s[i-1] && s[i-1] <= '9' && '0' <= s[i+1] && s[i+1] <= '9' {
			return true
		}
	}
	return false
}

// modifierRE matches the word after a duration written as a modifier
// ("93 minute film", "10-day event"): a singular unit followed by a word.
var modifierRE = regexp.MustCompile(`^\s+([\p{L}]+)`)

// currencyWords is a pattern of the currencies news writes out in words.
const currencyWords = `(euros?|dollars?|pounds?|yen|kronor|krona|kroner|roubles?|rubles?|yuan|rupees?|francs?|pence)`

// moneyWords are the words of a how-much question that asks for a sum of
// money: "how much did it make", "how much was it sold for".
var moneyWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields("make made earn earned get gets getting got receive receives receiving received gross grossed cost costs pay paid spend spent raise raised sell sold buy bought worth price fetch fetched profit profits revenue lose lost owe owed invest invested fine fined charge charged budget salary fee fees value valued") {
		moneyWords[w] = true
	}
}

// asksMoney reports whether a question (given as its set of lowercased
// words) asks for a sum of money: a how-much question about earning or
// paying, or one that names a sum ("what appearance fee", "how much
// money"), not a count ("how many officials are accused in the salary
// fraud") nor a rate.
func asksMoney(question map[string]bool) bool {
	if question["many"] && !question["much"] || question["rate"] || question["percentage"] || question["percent"] || question["proportion"] {
		return false // a count, or a rate ("what rate of tax do they pay on the money")
	}
	for w := range question {
		if moneyNouns[w] || question["much"] && moneyWords[w] {
			return true
		}
	}
	return false
}

// moneyNouns are the words that ask for a sum of money whatever the
// interrogative: "what appearance fee", "what was her salary".
var moneyNouns = map[string]bool{"money": true, "cash": true, "fee": true, "fees": true, "salary": true, "wage": true, "wages": true, "price": true, "payout": true, "compensation": true, "bonus": true, "fine": true, "financial": true, "prize": true}

// spans are groups of words for one kind of span of time: a duration
// before one of a group measures any other of it ("a five-hour meeting"
// for "how long did the session go on", "a five-year jail term" for
// "what length of prison sentence", "his 18-month partnership with" for
// "how long had he been working with").
var spans []map[string]bool

func init() {
	for _, g := range []string{
		"meet met sit sat meeting meetings session sessions talks talk summit discussion discussions negotiation negotiations dialogue conversation call visit hearing interview",
		"sentence sentenced jail jailed prison imprisonment term custody",
		"partnership relationship association collaboration working worked stint spell tenure reign career",
	} {
		m := map[string]bool{}
		for _, w := range strings.Fields(g) {
			m[w] = true
		}
		spans = append(spans, m)
	}
}

// measuresQuestion reports whether the duration at loc in sentence can
// answer the question: a duration written as a modifier measures the noun
// after it, so it answers only when that noun is one of the question's
// ("the 93 minute film" for "how long is the film", not "the 10-day
// event"; "a seven-second time delay" for "how long a delay"), and an
// age ("the 40-year-old comic") measures no time.
func measuresQuestion(sentence string, loc []int, question map[string]bool) bool {
	unit := sentence[loc[0]:loc[1]]
	if strings.HasSuffix(unit, "s") || !strings.ContainsAny(unit, "0123456789-") && !strings.Contains(unit, " ") {
		return true
	}
	rest := sentence[loc[1]:]
	if long, ok := strings.CutPrefix(rest, "-long"); ok {
		rest = long // "a four-year-long war"
	}
	if strings.HasPrefix(rest, "-old") {
		return false // "the 40-year-old comic": an age
	}
	rest = strings.TrimPrefix(rest, " time") // "a seven-second time delay"
	m := modifierRE.FindStringSubmatch(rest)
	if m == nil {
		return true
	}
	w := strings.ToLower(m[1])
	if question[w] || notNames[w] {
		return true // "the film", or a function word: "lasted five hours in"
	}
	for _, g := range spans {
		if g[w] {
			for q := range question {
				if g[q] {
					return true // "a five-hour meeting" for "how long did the session go on"
				}
			}
		}
	}
	for _, st := range localembed.Tokens(w) {
		if question[st] {
			return true
		}
	}
	return false
}

// fractionRE finds a share said as a fraction: "a quarter stake", "two
// thirds of".
var fractionRE = regexp.MustCompile(`(?i)\b(a|one|two|three)[\s-](half|third|quarter|fifth)s?\s+(stake|share|of|holding|interest)\b`)

// fractionWordRE is a cheap test for a fraction word, before fractionRE.
var fractionWordRE = regexp.MustCompile(`(?i)half|third|quarter|fifth`)

// quantities returns where sentence states quantities (quantityRE), a
// fraction (fractionRE) taking the place of a number word inside it.
func quantities(sentence string) [][]int {
	locs := quantityRE.FindAllStringIndex(sentence, -1)
	if !fractionWordRE.MatchString(sentence) {
		return locs
	}
	fr := fractionRE.FindAllStringIndex(sentence, -1)
	if len(fr) == 0 {
		return locs
	}
	out := slices.Clone(fr)
	for _, l := range locs {
		if !slices.ContainsFunc(fr, func(f []int) bool { return l[0] < f[1] && f[0] < l[1] }) {
			out = append(out, l)
		}
	}
	slices.SortFunc(out, func(a, b []int) int { return a[0] - b[0] })
	return out
}

// plural reports whether w, lower case, is an English plural.
func plural(w string) bool {
	return irregularPlurals[w] || len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}

// countWindow is how many words after a number may name what it counts
// ("50,000 people", "27 England caps").
const countWindow = 3

// countsNoun reports whether one of values, numbers of text, counts one
// of the nouns counted (their stems): "17 organisations", "27 caps",
// "about 1,100 jobs", not "300,000 tenants … their homes".
func countsNoun(lex lexicon, text string, values, counted []string) bool {
	toks := lex.tokens(text)
	for _, v := range values {
		i := strings.Index(text, v)
		if i < 0 {
			continue
		}
		end := len(lex.tokens(text[:i])) + len(lex.tokens(v))
		for j := end; j < min(len(toks), end+countWindow); j++ {
			if slices.Contains(counted, toks[j]) {
				return true
			}
		}
	}
	return false
}
