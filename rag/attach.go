package rag

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/newsbot/newsbot/rag/localembed"
)

// A where- or when-question asks where or when its event happened ("Where
// did the talks take place?": the talks; "When was Xenoblade Chronicles 2
// released?": the release of the game). A sentence answers it when a place
// or date it states is attached to that event ("a nearly five-hour meeting
// in Moscow", "released on December 1, 2017"), not when it merely holds a
// place and the event's words ("Witkoff heads to Moscow … for talks" is
// weaker; "rhetoric preceding the talks, wherein he dismissed amendments
// from Ukrainian leaders" says nothing of where the talks were).

// attachWindow is how many words apart an event word and the place or date
// attached to it may be, words in a short aside between commas ("Jared
// Kushner, son-in-law of US President Donald Trump, at the Kremlin") not
// counted.
const attachWindow = 18

// asideWords is the most words a comma-enclosed aside may have.
const asideWords = 8

// frontedWords is how many words after a place opening a sentence its
// comma may come ("In Kyiv and Brussels, officials …"); the event it
// places is told in the first frontedClause words of the clause it opens.
const (
	frontedWords  = 3
	frontedClause = 8
)

// hardBreakRE matches what separates clauses more firmly than a comma.
var hardBreakRE = regexp.MustCompile(`[;:()"“”]|\s[–—-]\s|[.!?]\s`)

// clauseOpeners begin a clause of their own: a value and an event word
// on the two sides of one belong to different clauses.
var clauseOpeners = map[string]bool{"that": true, "which": true, "who": true, "whom": true, "whether": true, "if": true}

// endPrepRE matches a where-question ending in a preposition: "where's
// India sending her back to?", "where is the site run from?". Its event
// key (the preposition in brackets, no word's stem) lets the preposition
// place the answer: "sent back to Norway", "run from Romania".
var endPrepRE = regexp.MustCompile(`(?i)\bwhere\b.*\s(to|into|from)\s*\??\s*$`)

// lastTimeRE matches a when-question asking when something last
// happened; its event key asksLast lets "the first time since 1925" date
// it.
var lastTimeRE = regexp.MustCompile(`(?i)\bwhen\b[^.!?]*\blast\b|\bthe last time\b`)

const asksLast = "(last)"

// lastSaidRE finds what says when something last happened: "was last
// held", "the first time since".
var lastSaidRE = regexp.MustCompile(`(?i)\b(?:last|since|previous|previously|ago)\b`)

// plannedOnly reports whether sentence tells of something planned or
// expected and not of when it last happened ("Reports that Tony Blair is
// planning a snap general election for February 2005"), which is no
// answer to when it last happened.
func plannedOnly(sentence string) bool {
	return futureRE.MatchString(sentence) && !lastSaidRE.MatchString(sentence)
}

// firstSinceRE ends the text before a date that says when something last
// happened: "allowing cameras into courts for the first time since 1925",
// "has not laid off a worker since 1945".
var firstSinceRE = regexp.MustCompile(`(?i)(?:\bfirst time|\bnot\b|\bnever\b|n't\b|n’t\b)[^.;:!?]{0,60}?\bsince\s+$`)

// dateOfRE finds the event a when-question names in its interrogative
// phrase: "What is the release date of …?".
var dateOfRE = regexp.MustCompile(`(?i)\b([a-z]{3,})\s+date\b`)

// subordinators begin a clause of its own after a comma ("the talks,
// wherein he dismissed …"): a value in it is not attached to the event
// before the comma.
var subordinators = map[string]bool{"which": true, "who": true, "whom": true, "where": true, "wherein": true, "whereas": true,
	"while": true, "but": true, "although": true, "though": true, "because": true, "since": true, "after": true, "before": true,
	"when": true, "as": true, "yet": true, "so": true, "amid": true}

// placePrepositions and timePrepositions introduce a value that says where
// or when something happened (not "from Ukrainian leaders", "to Moscow").
var (
	placePrepositions = map[string]bool{"in": true, "at": true, "inside": true, "near": true, "hosted": true, "held": true, "outside": true, "during": true}
	timePrepositions  = map[string]bool{"on": true, "in": true, "at": true, "during": true, "since": true, "until": true, "by": true, "from": true, "of": true, "before": true, "after": true}
)

// prepositions open a phrase that a following place may belong to.
var prepositions = map[string]bool{"in": true, "at": true, "on": true, "of": true, "for": true, "between": true, "with": true,
	"from": true, "to": true, "into": true, "over": true, "about": true, "against": true, "by": true, "near": true, "under": true}

// questionEvent returns the stems naming the event of a where- or
// when-question (eventStems), with the word of its interrogative phrase
// that names it ("the release date").
func questionEvent(lex lexicon, question string, relation []queryTerm, focus []focusTerm) map[string]bool {
	event := eventStems(relation, focus)
	for _, t := range lex.tokens(question) {
		if spinOffs[t] {
			event[t] = true // "When was the trailer released?" asks of the trailer
		}
	}
	if m := endPrepRE.FindStringSubmatch(question); m != nil {
		event["("+strings.ToLower(m[1])+")"] = true
	}
	if lastTimeRE.MatchString(question) {
		event[asksLast] = true
	}
	if m := dateOfRE.FindStringSubmatch(question); m != nil {
		for _, t := range lex.tokens(m[1]) {
			for e := range eventStems([]queryTerm{{term: t, weight: 1}}, nil) {
				event[e] = true
			}
		}
	}
	return event
}

// eventStems returns the stems that name the question's event: its
// relation words (relation, the question's words that are not its focus)
// with their relationSynonyms group, not the looser WordNet-derived
// relatives ("speak" for "talks"), and its focus with its spellings
// ("Super Bowl" in "Where was Super Bowl 2021 held?").
func eventStems(relation []queryTerm, focus []focusTerm) map[string]bool {
	out := map[string]bool{}
	known := false
	for _, q := range relation {
		if q.of != "" || notRelation[q.term] || strings.ContainsFunc(q.term, unicode.IsDigit) {
			continue
		}
		out[q.term] = true
		known = known || len(relationIndex[q.term]) > 0
		addSynonyms(out, q.term)
		for _, g := range sameVerbParts {
			if slices.ContainsFunc(g, func(m []string) bool { return slices.Contains(m, q.term) }) {
				for _, m := range g {
					if len(m) == 1 {
						out[m[0]] = true // "insisted" for "say"
					}
				}
			}
		}
	}
	if known {
		return out // "released": the focus is what was released, not the event
	}
	for _, f := range focus {
		out[f.term] = true
		for _, a := range f.alt {
			out[a] = true
		}
	}
	return out
}

// approximately are the words that may stand between a preposition and
// the time it gives: "at about 1230 GMT", "by around March".
var approximately = map[string]bool{"about": true, "around": true, "approximately": true, "roughly": true, "circa": true}

// placeBasedRE matches a place that says where someone is based:
// "Houston-based Continental", "a New York-based fund"; basedStem is the
// stem of "based", which a question asking it holds.
var (
	placeBasedRE = regexp.MustCompile(`(\p{Lu}[\p{L}’'.]*(?:\s+\p{Lu}[\p{L}’'.]*)*)-based\b`)
	basedStem    = localembed.Tokens("based")[0]
)

// attachedValue returns the first of values (places or dates that
// sentence states) attached to an event word (event, from eventStems):
// introduced by a preposition of place or time (a date may also stand
// bare before the event: "Tuesday's meeting"), within attachWindow words
// of the event word, no negation and no firmer break than a comma between
// them, and no comma opening a clause of its own. It returns the attached
// values in sentence order; none when the sentence does not say where or
// when the event happened.
func attachedValue(sentence string, t answerType, event map[string]bool, values []string) []string {
	if len(event) == 0 || len(values) == 0 || (t != placeAnswer && t != timeAnswer) {
		return nil
	}
	if t == placeAnswer && event[basedStem] {
		// "Houston-based Continental" says where the airline is based.
		if based := slices.DeleteFunc(slices.Clone(values), func(v string) bool { return !strings.Contains(sentence, v+"-based") }); len(based) > 0 {
			return based
		}
	}
	if t == timeAnswer && event[asksLast] {
		// "for the first time since 1925" says when it last happened, and
		// so does "has not laid off a worker since 1945".
		if since := slices.DeleteFunc(slices.Clone(values), func(v string) bool {
			i := strings.Index(sentence, v)
			return i <= 0 || !firstSinceRE.MatchString(sentence[:i])
		}); len(since) > 0 {
			return since
		}
	}
	locs := roleWordRE.FindAllStringIndex(sentence, -1)
	if len(locs) == 0 {
		return nil
	}
	type word struct {
		low      string
		isEvent  bool
		value    int // 1 + index into values
		hard     bool
		paren    bool // the break before it is only a parenthesis opening or closing
		comma    bool
		stop     bool // a sentence or a parenthesis ends before it
		negation bool
		pos      int // position counting no aside words
	}
	words := make([]word, len(locs))
	for i, loc := range locs {
		w := &words[i]
		w.low = strings.ToLower(sentence[loc[0]:loc[1]])
		w.negation = negations[w.low] || strings.HasSuffix(w.low, "n't") || strings.HasSuffix(w.low, "n’t")
		if i > 0 {
			gap := sentence[locs[i-1][1]:loc[0]]
			w.hard = hardBreakRE.MatchString(gap)
			w.paren = strings.ContainsAny(gap, "()") && strings.Trim(gap, " ()") == ""
			w.comma = strings.Contains(gap, ",")
			w.stop = stopRE.MatchString(gap)
		}
		for _, s := range localembed.Tokens(normalizeEntities(w.low)) {
			w.isEvent = w.isEvent || event[s]
		}
	}
	// Value words, at each place a value is named ("Athens 2004 …, held
	// in Athens"); an event word inside a value is the value's.
	for vi, v := range values {
		if v == "" {
			continue
		}
		for from := 0; ; {
			at := strings.Index(sentence[from:], v)
			if at < 0 {
				break
			}
			at += from
			from = at + len(v)
			if m := placeKindBeforeRE.FindStringIndex(sentence[:at]); t == placeAnswer && m != nil {
				at = m[0] // "in the south-western city of Ibadan": the preposition introduces the place
			} else if m := determinerBeforeRE.FindStringIndex(sentence[:at]); t == placeAnswer && m != nil && occasionHeadRE.MatchString(v) {
				at = m[0] // "during his Kremlin briefing": the preposition introduces the occasion
			}
			for i, loc := range locs {
				if loc[0] >= at && loc[0] < from && words[i].value == 0 { // "Tuesday’s" holds "Tuesday"
					words[i].value = vi + 1
					words[i].isEvent = false
				}
			}
		}
	}
	asideEnd := func(i int) int {
		for j := i + 1; j < len(words) && j <= i+asideWords; j++ {
			if words[j].hard {
				return -1
			}
			if words[j].comma {
				return j
			}
		}
		return -1
	}
	// Positions: a short aside between commas takes no room.
	pos := 0
	for i := 0; i < len(words); i++ {
		if words[i].comma && !words[i].hard && !subordinators[words[i].low] {
			if end := asideEnd(i); end > 0 {
				for j := i; j < end; j++ {
					words[j].pos = pos
				}
				i = end - 1
				continue
			}
		}
		words[i].pos = pos
		pos++
	}
	// dateLabel reports whether word i starts a value labelled as a date
	// ("release date - 16 July", "premiere date: May 4").
	dateLabel := func(words []word, i int) bool {
		return t == timeAnswer && i > 0 && words[i].value > 0 && (words[i-1].low == "date" || words[i-1].low == "dates")
	}
	prepositionsBetween := func(words []word, e, v int) int {
		n := 0
		for i := e + 1; i < v-1; i++ {
			// A preposition opening a date ("played on February 7 at the
			// stadium in Glendale") does not take the place from the event.
			if words[i].pos != words[i+1].pos && prepositions[words[i].low] && !dateWord(words[i+1].low) {
				n++
			}
		}
		return n
	}
	isSpinOff := func(w string) bool {
		if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
			return false // "the show's opening night": the show itself
		}
		for _, t := range localembed.Tokens(w) {
			if spinOffs[t] && !event[t] {
				return true
			}
		}
		return false
	}
	// spinOffBefore reports whether a spin-off the question does not name
	// stands before the event word at e in its clause, a title's colon
	// aside ("A second soundtrack album featuring … Chronicles: Definitive
	// Edition was released") but not as a label ("Update: the season will
	// premiere …"), or just after it.
	spinOffBefore := func(e int) bool {
		// The event word modifies a spin-off after it: "the NBA Draft
		// Preview show will air on …".
		for i := e + 1; i < len(words) && i <= e+2 && !words[i].comma && !words[i].hard; i++ {
			if isSpinOff(words[i].low) {
				return true
			}
		}
		for i := e - 1; i >= 0; i-- {
			if words[i+1].stop || words[i+1].comma {
				return false
			}
			if i == 0 && words[1].hard {
				return false // a label
			}
			if isSpinOff(words[i].low) {
				return true
			}
		}
		return false
	}
	attached := func(v, e int) bool {
		lo, hi := min(v, e), max(v, e)
		if words[hi].pos-words[lo].pos > attachWindow {
			return false
		}
		if t == timeAnswer && spinOffBefore(e) {
			return false // "a soundtrack album featuring the game was released on …"
		}
		if e > 0 && words[e-1].negation || e > 1 && words[e-2].negation && !words[e-1].comma {
			return false // "the meeting was not held on Monday"
		}
		for i := lo; i <= hi; i++ {
			if words[i].negation || i > lo && i < hi && clauseOpeners[words[i].low] {
				return false // "said on Monday that preparations for a summit …"
			}
			// A date in parentheses beside another ("on Monday (Dec 1)
			// insisted") breaks nothing.
			aside := i > 0 && words[i].paren && (words[i].value > 0 || words[i-1].value > 0)
			if i > lo && (words[i].hard && !dateLabel(words, i) && !aside || words[i].comma && subordinators[words[i].low]) {
				return false
			}
		}
		return true
	}
	var out []string
	seen := map[int]bool{}
	lastEnd := -2 // the last word of the last attached value
	for v := range words {
		vi := words[v].value
		if vi == 0 || seen[vi] || v > 0 && words[v-1].value == vi {
			continue // only a value's first word
		}
		end := v
		for end+1 < len(words) && words[end+1].value == vi {
			end++
		}
		if lastEnd == v-1 && !words[v].negation {
			// A date in apposition to an attached one: "on Tuesday
			// (December 2, 2025)", "on Tuesday, December 2, 2025".
			seen[vi], lastEnd = true, end
			out = append(out, values[vi-1])
			continue
		}
		prep := v > 0 && (t == placeAnswer && (placePrepositions[words[v-1].low] || event["("+words[v-1].low+")"]) || t == timeAnswer && (timePrepositions[words[v-1].low] || dateLabel(words, v)))
		if !prep && v > 1 && (words[v-1].low == "the" || t == timeAnswer && approximately[words[v-1].low]) { // "at about 1230 GMT"
			prep = t == placeAnswer && placePrepositions[words[v-2].low] || t == timeAnswer && timePrepositions[words[v-2].low]
		}
		bare := t == timeAnswer && !prep // "Tuesday's meeting", "December 2 talks"
		for e := range words {
			if !words[e].isEvent || !attached(v, e) {
				continue
			}
			// A bare date modifies the event word after it ("Tuesday's
			// meeting") or follows its verb ("launches March 20, 2020").
			if bare && !(e > end && e-end <= 3 && possessiveOrAdjacent(values[vi-1], sentence) || e < v && v-e <= 2 && !words[v].comma) {
				continue
			}
			if !prep && !bare {
				continue
			}
			// A place that opens the sentence before a comma places its
			// clause: "In Kyiv, officials accused Putin of feigning
			// interest".
			fronted := false
			for j := end + 1; prep && v == 1 && j < len(words) && j <= end+frontedWords && !words[j].hard; j++ {
				if words[j].comma {
					// "In Kyiv and Brussels, officials accused Putin of
					// feigning interest …": the clause it opens states the
					// event, in more than one of its words.
					n := 0
					for k := j; k < min(len(words), j+frontedClause); k++ {
						if words[k].isEvent {
							n++
						}
					}
					fronted = e >= j && e < j+frontedClause && n >= 2
					break
				}
			}
			if t == placeAnswer && !fronted && (e > v && e != end+1 || prepositionsBetween(words, e, v) > 1) {
				// A place follows its event, or stands right before it
				// ("experience in Middle Eastern diplomacy"), and is not
				// the object of a nearer noun: "talks between the US and
				// Russia on ending the war in Ukraine" are not in Ukraine.
				continue
			}
			seen[vi], lastEnd = true, end
			out = append(out, values[vi-1])
			break
		}
	}
	return out
}

// spinOffs are things released, aired or launched alongside a title (its
// trailer, soundtrack, update, preview show) whose dates are not the
// title's own.
var spinOffs = map[string]bool{}

func init() {
	for _, w := range strings.Fields("trailer teaser soundtrack album update patch version expansion dlc demo sequel prequel preview show remaster remake port spinoff spin-off pack beta") {
		for _, t := range localembed.Tokens(w) {
			spinOffs[t] = true
		}
	}
}

// stopRE matches what ends the stretch of a sentence in which a spin-off
// may be the subject of an event word: the end of a sentence or a
// parenthesis (not a title's colon: "Xenoblade Chronicles: Definitive
// Edition").
var stopRE = regexp.MustCompile(`[;()]|[.!?]\s`)

// dateStrength grades a date value as typedValues does: 1 for day, month
// and year, 0.8 for a month or day name with a number, else 0.5.
func dateStrength(v string) float64 {
	switch {
	case fullDateRE.MatchString(v):
		return 1
	case monthDateRE.MatchString(v):
		return 0.8
	}
	return 0.5
}

// possessiveOrAdjacent reports whether a date value stands as a modifier
// of what follows ("Tuesday's", "the December 2 talks"): a weekday or date
// written before the event word rather than after a preposition.
func possessiveOrAdjacent(v, sentence string) bool {
	i := strings.Index(sentence, v)
	if i < 0 {
		return false
	}
	rest := sentence[i+len(v):]
	if strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") {
		return true
	}
	rest = strings.TrimLeft(rest, " ")
	return rest != "" && unicode.IsLower([]rune(rest)[0])
}

// dateWord reports whether a word opens a date: a number, a month or a
// weekday.
func dateWord(w string) bool {
	return w != "" && (unicode.IsDigit([]rune(w)[0]) || isMonthOrDay(w))
}

// vagueTimeWords are words, one of which a time without a date
// (vagueTimeRE) holds, capitalised too where they may open it ("Early
// March"); they are looked for first, since most sentences hold none.
var vagueTimeWords = []string{"spring", "summer", "autumn", "fall", "winter", "week", "month", "year", "season", "end of", "start of", "beginning of", "middle of", "turn of",
	" late", "Late", " early", "Early", " earlier", "Earlier", " mid", "Mid"}

// vagueTimes returns the times sentence gives without a date (vagueTimeRE).
func vagueTimes(sentence string) []string {
	if !slices.ContainsFunc(vagueTimeWords, func(w string) bool { return strings.Contains(sentence, w) }) {
		return nil
	}
	return vagueTimeRE.FindAllString(sentence, -1)
}
