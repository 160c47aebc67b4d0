// What a question says to name its story rather than to ask: the clause
// that places what it asks ("as he prepares for talks with Juventus"),
// which the report answering it tells but the answering sentence need not
// repeat.

package rag

import (
	"regexp"
	"slices"
	"strings"
)

// contextClauseRE finds a clause with which a question goes on, after what
// it asks, to place it in its story: "who is now representing Mutu as he
// prepares for talks with Juventus", "how many journalists do they have
// now they're cutting 90 jobs", "how much did Metallica earn according to
// the Rolling Stone list", "where are Nato ministers meeting in the same
// week as the Putin-Witkoff talks".
var contextClauseRE = regexp.MustCompile(`(?i)\s(?:as (?:he|she|they|it|we)|when|while|after (?:he|she|they|it|the)|now (?:that|they|he|she|it)|according to|ahead of|amid|despite|even with|following|(?:in|on|at|during) the same (?:week|day|night|weekend|month|year|time) as)\b[^?]*`)

// beforeClauseRE finds a clause placing what a question asks before an
// event of its story: "which city did he claim the day before the talks".
var beforeClauseRE = regexp.MustCompile(`(?i)\s(?:(?:just|right|shortly|(?:the|a|one|two|three|few) (?:day|days|night|week|weeks|hours?|months?))\s+)?before (?:the|his|her|their|going)\b[^?]*`)

// appositiveRE finds a clause between commas that says who or what a name
// of the question is: "what did jerry scoggins, the guy who sang the
// beverly hillbillies theme, die of".
var appositiveRE = regexp.MustCompile(`(?i),\s*(?:the (?:one|guy|man|woman|person|firm|company|player|team|club|band|singer)\s+)?(?:who|which|that|whose)\b[^,?]*,`)

// trailingAppositiveRE finds a description of a name of the question
// that closes it after a comma: "how many quarries does Aggregate
// Industries operate, the Leicestershire firm Holcim agreed to take over".
var trailingAppositiveRE = regexp.MustCompile(`(?i),\s*(?:the|a|an)\s[^,?]+\??\s*$`)

// whereClauseRE finds a relative clause with which a question places a
// name of what it asks at an event: "at the awards where Schalk Burger was
// named player of the year", "the annual meeting at which …". Its first
// word (the clause's subject) and the word before it say whether it is one
// (placeClause).
var whereClauseRE = regexp.MustCompile(`(?i)(\S+)\s+(?:where|at which|in which)\s+(\S+)[^?]*`)

// notBeforePlace lists words after which "where" asks rather than places:
// "how did they describe where the peace process is".
var notBeforePlace = map[string]bool{"describe": true, "described": true, "describes": true, "up": true, "say": true, "said": true,
	"know": true, "tell": true, "explain": true, "show": true, "see": true, "decide": true, "decided": true, "wonder": true, "ask": true}

// placeClause returns the span of the relative clause (whereClauseRE)
// with which ask places one of its names, or nil: not when "where" asks
// (its subject is an auxiliary or it follows a verb of saying or
// knowing) nor when the clause holds what is asked ("a scheme where
// entitlement depends on what").
func placeClause(ask string) []int {
	m := whereClauseRE.FindStringSubmatchIndex(ask)
	if m == nil {
		return nil
	}
	before, subject := strings.ToLower(ask[m[2]:m[3]]), strings.ToLower(ask[m[4]:m[5]])
	if notBeforePlace[before] || auxiliaries[subject] || subject == "exactly" || whWordsRE.MatchString(ask[m[4]:m[1]]) {
		return nil
	}
	return []int{m[3], m[1]}
}

// splitContext splits question into what it asks and the context with
// which it places that in its story (whSplit's context, an appositive, a
// clause after contextClauseRE, a closing description, a clause placing
// it before an event unless the question asks how long before).
func splitContext(question string) (ask, context string) {
	ask, context = whSplit(question)
	clauses := []*regexp.Regexp{appositiveRE, contextClauseRE, trailingAppositiveRE}
	if !intervalRE.MatchString(question) {
		clauses = append(clauses, beforeClauseRE) // "how long before the talks" asks it
	}
	if loc := placeClause(ask); loc != nil {
		context += " " + ask[loc[0]:loc[1]]
		ask = ask[:loc[0]] + " " + ask[loc[1]:]
	}
	for _, re := range clauses {
		if loc := re.FindStringIndex(ask); loc != nil {
			context += " " + ask[loc[0]:loc[1]]
			ask = ask[:loc[0]] + " " + ask[loc[1]:]
		}
	}
	return ask, context
}

// contextWords returns the stems of the words with which question places
// what it asks in its story (whSplit's context, an appositive, a clause
// after contextClauseRE, a closing description) and does not use in what
// it asks.
func contextWords(lex lexicon, question string) map[string]bool {
	ask, context := splitContext(question)
	if strings.TrimSpace(context) == "" {
		return nil
	}
	asked := map[string]bool{}
	for _, t := range lex.tokens(ask) {
		asked[t] = true
	}
	out := map[string]bool{}
	for _, t := range lex.tokens(context) {
		if !asked[t] {
			out[t] = true
		}
	}
	return out
}

// accordingRE finds the source a question names ("according to the
// Office for National Statistics"), which the sentence stating the figure
// usually names too ("…, the ONS said").
var accordingRE = regexp.MustCompile(`(?i)\s*,?\s*according to\b[^?,]*`)

// minStory is how many words a question's context must have to tell a
// story of its own: "Rather than a temporary pause, what sort of peace …"
// qualifies what it asks.
const minStory = 3

// storyWords returns the words of question's context (contextWords) that
// tell its story, which the report answering it tells and the sentence
// answering need not: nil when the context is only a source or a short
// qualification.
func storyWords(lex lexicon, question string) map[string]bool {
	w := contextWords(lex, accordingRE.ReplaceAllString(question, " "))
	if len(w) < minStory {
		return nil
	}
	return w
}

// askedSentenceRE matches a question that tells its story in sentences of
// its own and asks in its last one (not after an ellipsis: "I'm a
// Celebrity... Get Me Out of Here?" is one title).
var askedSentenceRE = regexp.MustCompile(`(?s)^.*[^.\s][.!]\s+(\p{Lu}[^.!?]*\?)\s*$`)

// casualAskedRE matches a question that tells its story first and asks
// after a full stop or a dash in lower case, with a wh-word, the story
// four words or more (not a topic: "territorial divisions - how big a
// challenge"): "alastair
// campbell is going with woodward's lions to nz.. where's the first test
// against the all blacks being played?".
var casualAskedRE = regexp.MustCompile(`(?s)^\s*(?:\S+\s+){3,}\S*[^.\s](?:[.!]+|\s[-–—])\s+((?:who|whom|whose|what|when|where|which|why|how)\b[^.!?]*\?)\s*$`)

// refersRE finds a pronoun or a demonstrative: a question holding one
// refers to its story and is not read without it.
var refersRE = regexp.MustCompile(`(?i)\b(?:he|she|it|they|him|her|his|its|their|them|this|that|these|those)\b`)

// pointsBackRE finds a pronoun, or a demonstrative before a noun, that
// refers to something told before.
var pointsBackRE = regexp.MustCompile(`(?i)\b(?:he|she|it|they|him|her|his|its|their|them|this|these|those|that\s+(?:\pL+\s+)?(?:criticism|decision|plan|deal|move|man|woman|report|claim|statement|meeting|proposal|company|firm|offer|case|event|game|match|film|show|album|song|book|year|day|time|system|programme|program|software|virus|player|team|club|party|group|fund|bank|theatre|building))\b`)

// innerCapitalRE finds a capitalised word after a sentence's first.
var innerCapitalRE = regexp.MustCompile(`\s\p{Lu}`)

// askedSentence returns the last sentence of a question that tells its
// story first ("Hollywood's Academy Awards grew from a $5-a-ticket dinner
// … . Who designed the Oscar trophy itself?"), which the answer is scored
// against, when it says enough on its own (seven words or a name; not
// "What is the criticism about?"); otherwise question. The whole question
// still finds the passages. So is a question that asks first and tells
// its story after (askedFirstRE), or says after a comma which of several
// it means (theOneRE).
func askedSentence(question string) string {
	m := askedSentenceRE.FindStringSubmatch(question)
	if m == nil {
		if m = casualAskedRE.FindStringSubmatch(question); m != nil && refersRE.MatchString(m[1]) {
			m = nil // "… - who's her husband again?": the story says whose
		}
	}
	if m == nil {
		m = theOneRE.FindStringSubmatch(question)
	}
	if m == nil {
		m = askedFirstRE.FindStringSubmatch(question)
		if m == nil || whWordsRE.MatchString(m[2]) || !questionStartRE.MatchString(leadingFillerRE.ReplaceAllString(m[1], "$1")) {
			return question
		}
	}
	if len(strings.Fields(m[1])) < 7 && !innerCapitalRE.MatchString(m[1]) {
		return question
	}
	if at := strings.LastIndex(question, m[1]); at > 0 {
		return namedPronoun(question[:at], m[1])
	}
	return m[1]
}

// namedPronoun returns asked with its "he", "she", "his", "it" or "its"
// replaced by the name that opens story, the sentences told before it:
// whom or what the question asks about ("Zelensky cautioned allies about
// how Russia might read a deal. What did he say Russia must not see
// anything as?", "Yuganskneftegaz … was seized and sold in December. Who
// was it sold to?"). News names a person again by the last word of their
// name ("Did Kushner …", not "Jared Kushner"), a thing by all of it.
func namedPronoun(story, asked string) string {
	m := storySubjectRE.FindStringSubmatch(story)
	found := storyPronounRE.FindAllString(asked, -1)
	// A name possessed ("NATO's foreign ministers") or one of a pair
	// ("Anil and Mukesh Ambani") is no subject.
	if m == nil || storyOpeners[strings.ToLower(strings.Fields(m[1])[0])] || len(found) == 0 ||
		m[2] == "and" || m[2] == "or" || strings.HasSuffix(m[1], "'s") || strings.HasSuffix(m[1], "’s") {
		return asked
	}
	// Beside a person, "it" is something else ("What did he say it
	// must not be?").
	person := slices.ContainsFunc(found, func(p string) bool { return personal[p] })
	name := m[1]
	if person {
		words := strings.Fields(name)
		name = strings.TrimRight(words[len(words)-1], "'’")
	}
	return storyPronounRE.ReplaceAllStringFunc(asked, func(p string) string {
		switch {
		case personal[p] != person:
			return p
		case p == "his" || p == "its":
			return name + "'s"
		}
		return name
	})
}

// storySubjectRE matches the name that opens a story and the verb after
// it, perhaps after a comma: "Bridgewell's Richard Jeffrey expects",
// "Chris Rock, known for his strong language".
var storySubjectRE = regexp.MustCompile(`^\s*((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’-]*),?\s+(\p{Ll}+)`)

// storyPronounRE finds a "he", "she", "his", "it" or "its" in the middle of
// a question; personal marks those that stand for a person.
var (
	storyPronounRE = regexp.MustCompile(`\b(?:he|she|his|it|its)\b`)
	personal       = map[string]bool{"he": true, "she": true, "his": true}
)

// storyOpeners open a story's first sentence without naming its subject.
var storyOpeners = map[string]bool{}

func init() {
	for _, w := range strings.Fields("the a an in on at after before during when while with as even now last this that these those hours days since despite although though once both its his her their our my it he she they we i you there here what who why how one two three some many most all no not for from by of to and but or so then meanwhile earlier later yesterday today tonight according") {
		storyOpeners[w] = true
	}
}

// askedFirstRE matches a question that asks first and tells where its
// story came from after: "what kinda diplomacy is kushner supposed to
// have lots of experience in? came up in the putin moscow talks
// coverage".
var askedFirstRE = regexp.MustCompile(`(?s)^\s*([^?]+\?)\s+([^?]*[^?\s])\s*$`)

// theOneRE matches a question that asks first and, after a comma or a
// dash, says which of several it means: "how much did the greens spend
// on their euro election campaign, the one where ukip outspent labour".
var theOneRE = regexp.MustCompile(`(?is)^\s*(.*\S)\s*(?:,|\s[-–—])\s*(?:you know,?\s+)?the (?:one|time|year|match|game|case|deal|story) (?:where|when|that|with|in which|who)\b.*$`)
