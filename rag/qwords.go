// The words of a question as a set, with keys for what its wording asks
// beyond its words ("how long before", "what year"), and the numbers an
// answer must keep.

package rag

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/newsbot/newsbot/rag/localembed"
)

// orgSuffixes are the words a company's full name adds to how it is
// known: "Circuit City Stores" is the "Circuit City" a question names.
var orgSuffixes = map[string]bool{"stores": true, "inc": true, "ltd": true, "plc": true, "corp": true, "corporation": true, "group": true, "holdings": true, "limited": true, "llc": true}

// inQuestion reports whether every word of value occurs in the question
// (given as a set of lowercased words), so the value restates the
// question rather than answering it. The words of a company's full name
// after its first (orgSuffixes) need not occur.
func inQuestion(value string, question map[string]bool) bool {
	ws := strings.FieldsFunc(strings.ToLower(value), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(ws) == 0 {
		return true
	}
	for i, w := range ws {
		if question[w] || i > 0 && orgSuffixes[w] {
			continue
		}
		st := localembed.Tokens(w)
		if len(st) != 1 || !question[st[0]] {
			return false
		}
	}
	return true
}

// questionWords returns the lowercased words of q and their stems,
// as a set for inQuestion.
func questionWords(q string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(q), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		out[w] = true
	}
	for _, st := range localembed.Tokens(q) {
		out[st] = true // stems too: "Acquire" restates "acquired"
	}
	if intervalRE.MatchString(q) {
		out[asksInterval] = true
	}
	if yearAskedRE.MatchString(q) {
		out[asksYear] = true
	}
	if sinceRE.MatchString(q) {
		out[asksSince] = true
	}
	if weekdayAskedRE.MatchString(q) {
		out[asksWeekday] = true
	}
	if timeUnitsRE.MatchString(q) {
		out[asksTimeUnits] = true
	}
	if shareAskedRE.MatchString(q) {
		out[asksShare] = true
	}
	for _, m := range howMeasureRE.FindAllStringSubmatch(q, -1) {
		out["how "+strings.ToLower(m[1])] = true
	}
	return out
}

// howMeasureRE matches a question asking for a measure by its adjective:
// "how tall", "how heavy"; not "high-definition" or "wide-ranging".
// questionWords sets "how tall" and the like (asksMeasure).
var howMeasureRE = regexp.MustCompile(`(?i)\bhow\s+(tall|high|deep|wide|heavy)\b`)

// asksShare is the key questionWords sets for a question asking what
// share of something ("what share of the price of every ticket"), which
// "10% of every ticket" answers and a sum does not.
const asksShare = "what share"

// shareAskedRE matches a question asking for a share.
var shareAskedRE = regexp.MustCompile(`(?i)\b(?:what|which|how big an?|how large an?)\s+(?:share|proportion|portion|percentage|fraction|stake)\b`)

// asksTimeUnits is the key questionWords sets for a question counting
// units of time ("how many days did the strike last"), not one that names
// a month elsewhere ("…, the month before he was drafted in").
const asksTimeUnits = "how many days"

// timeUnitsRE matches a question counting units of time.
var timeUnitsRE = regexp.MustCompile(`(?i)\bhow (?:many|much)\s+(?:[\p{L}-]+\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|time)\b`)

// asksInterval is the key questionWords sets (no word has a space) for a
// question that asks how long one thing came before or after another
// ("how long before the talks?"), which "a day after" answers.
const asksInterval = "how long before"

// asksSince is the key questionWords sets for a question asking how long
// something has gone on ("how long had the studio been going"), which
// "opened 37 years ago" answers.
const asksSince = "how long has"

// sinceRE matches a question asking how long something has gone on.
var sinceRE = regexp.MustCompile(`(?i)\bhow long (?:has|had|have)\b`)

// agoRE matches what follows a span of time counted back from now.
var agoRE = regexp.MustCompile(`(?i)^\s+ago\b`)

// asksYear is the key questionWords sets for a question asking which
// year ("what year did …?").
const asksYear = "what year"

// asksWeekday is the key questionWords sets for a question asking which
// day of the week ("what day of the week did …?").
const asksWeekday = "what weekday"

// weekdayAskedRE matches a question asking which day of the week.
var weekdayAskedRE = regexp.MustCompile(`(?i)\b(day of the week|weekday)\b`)

// yearAskedRE matches a question asking which year.
var yearAskedRE = regexp.MustCompile(`(?i)\b(what|which) year\b`)

// intervalRE matches a question asking how long before or after.
var intervalRE = regexp.MustCompile(`(?i)\bhow (long|many (hours|days|weeks|months|years)|much time)\s+(before|after|earlier|later|ago|b4)\b`)

// mustNumbers returns the numbers and years a question names ("in
// 2019", "season 11", "Q1"): a sentence answering it must not be about
// another one.
func mustNumbers(q string) []string {
	return questionNumberRE.FindAllString(q, -1)
}

// sharedWords returns how many of the question's own terms (not their
// related words) tokens hold.
func sharedWords(qterms []queryTerm, tokens []string) int {
	n := 0
	for _, q := range qterms {
		if q.of == "" && slices.Contains(tokens, q.term) {
			n++
		}
	}
	return n
}

// ifClauseRE finds a condition: from "if" or "unless" to the next comma,
// semicolon or colon, or the sentence's end.
var ifClauseRE = regexp.MustCompile(`(?i)\b(?:if|unless)\b[^,;:]*`)

// stated returns the figures or dates that sentence states outright, not
// one it only supposes ("if the score reaches 5-4, I send them back"),
// with their strength: 0 when it supposes every one it has. (A name in a
// condition may be what is asked: "if the teenage Michael Howard were
// applying to Cambridge today".)
func stated(sentence string, values []string, strength float64) ([]string, float64) {
	conds := ifClauseRE.FindAllStringIndex(sentence, -1)
	if len(conds) == 0 || len(values) == 0 {
		return values, strength
	}
	out := slices.DeleteFunc(slices.Clone(values), func(v string) bool {
		i := strings.Index(sentence, v)
		return i >= 0 && slices.ContainsFunc(conds, func(c []int) bool { return i >= c[0] && i < c[1] })
	})
	if len(out) == 0 {
		return nil, 0
	}
	return out, strength
}

// nextRE matches a question about another instance of what happened: "the
// next round of talks", "meet again", "return to Moscow".
var nextRE = regexp.MustCompile(`(?i)\b(next|again|another|return|returning)\b`)

// nextOnlyRE matches a question asking about what comes next in so many
// words ("where will the next round be held").
var nextOnlyRE = regexp.MustCompile(`(?i)\bnext\b`)

// recallRE matches a question in the past tense that ends with "again":
// the reader asks to be reminded ("when did he do his bicep in again?"),
// not about another time. Its group is the question without it.
var recallRE = regexp.MustCompile(`(?i)^(.*\b(?:did|was|were|had)\b.*?)\s+again\s*\??\s*$`)

// futureRE matches a sentence that speaks of what is yet to happen ("next
// week", not "agreed next steps").
var futureRE = regexp.MustCompile(`(?i)\b(will|would|next (?:week|weekend|month|year|round|meeting|talks|summit|session|visit|trip|time|season|\w+day|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)|expected|scheduled|set to|due|plans?|planned|planning|to be held|is to|are to|upcoming|later this|coming)\b`)
