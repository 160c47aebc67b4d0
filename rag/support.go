// Answer support across reports: a value that several reports state in
// sentences about the question is more likely the answer than one that a
// single sentence states, and the report that states it best (the whole
// name, the full date) is the one to quote.

package rag

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/newsbot/newsbot/rag/localembed"
)

const (
	// wSupport weighs how many other reports state a candidate's value.
	wSupport = 0.3
	// maxSupport is the number of other reports beyond which support
	// adds nothing.
	maxSupport = 3
	// supportRelevance is the English-weighted coverage of the question a
	// sentence of another report needs for its value to count as support.
	supportRelevance = 0.6
)

var (
	// dayMonthRE and monthDayRE read the day and month of a date
	// ("3 March", "March 3rd", "19th October").
	dayMonthRE = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(` + monthNames + `)\b`)
	monthDayRE = regexp.MustCompile(`(?i)\b(` + monthNames + `)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b`)
	monthRE    = regexp.MustCompile(`(?i)\b(` + monthNames + `)\b`)
	numberRE   = regexp.MustCompile(`\d[\d,]*(?:\.\d+)?`)
)

// valueKeys returns the keys by which a typed value is compared across
// reports: a date by its month and day (else month and year), a figure by
// its numbers, a name or place by its words that the question does not
// contain. Two values with a key in common state the same answer.
func valueKeys(t answerType, v string, question map[string]bool) []string {
	var keys []string
	switch t {
	case timeAnswer:
		year := yearRE.FindString(v)
		switch m := dayMonthRE.FindStringSubmatch(v); {
		case m != nil:
			keys = append(keys, dateKey(m[2], m[1]))
		default:
			if m := monthDayRE.FindStringSubmatch(v); m != nil && !yearRE.MatchString(m[2]) {
				keys = append(keys, dateKey(m[1], m[2]))
			} else if mo := monthRE.FindString(v); mo != "" && year != "" {
				keys = append(keys, strings.ToLower(mo[:3])+" "+year)
			}
		}
	case quantityAnswer, durationAnswer:
		if len(strings.TrimSpace(v)) == 1 {
			return nil // a bare digit ("7" of a 7-5 set) is stated alike by chance
		}
		for _, n := range numberRE.FindAllString(v, -1) {
			keys = append(keys, strings.ReplaceAll(n, ",", ""))
		}
	case personAnswer, placeAnswer:
		if t == personAnswer && anyToken(question, localembed.Tokens(lastWord(v))) {
			return nil // the question's own subject ("US Secretary of State Marco Rubio" for "Who is Rubio sending?")
		}
		for _, w := range normValue(v) {
			if len(w) >= 3 && !question[w] && !notNames[w] {
				keys = append(keys, w)
			}
		}
	}
	return keys
}

// dateKey is the key of a day of a month: "mar 3".
func dateKey(month, day string) string {
	d, _ := strconv.Atoi(day)
	return strings.ToLower(month[:3]) + " " + strconv.Itoa(d)
}

// support counts, for each candidate, the other reports that state one of
// its values in a sentence about the question (of a sentence that states
// the question's relation, only the value it relates). The value most of
// them state becomes the candidate's principal value, and the candidate
// borrows the focus words they name, the best coverage among them,
// and their naming the question's numbers: "It was released on March 3,
// 2017" answers "When was Breath of the Wild released?" when another
// report says "Breath of the Wild will release on March 3, 2017".
func support(t answerType, cands []candidate, question map[string]bool, focus []focusTerm) {
	if t == anyAnswer || t == yesNoAnswer || t == reasonAnswer {
		return
	}
	type stated struct {
		article string
		i       int
	}
	byKey := map[string][]stated{}
	keys := make([][][]string, len(cands)) // per candidate, per value
	for i, c := range cands {
		if !c.fits || c.quality < minQuality {
			continue
		}
		vals := c.values
		if c.role && len(vals) > 0 {
			// Its relation names the answer: its other values are
			// someone else ("beating Karolina Pliskova").
			vals = vals[:1]
		}
		keys[i] = make([][]string, len(vals))
		for j, v := range vals {
			keys[i][j] = valueKeys(t, v, question)
		}
		if c.english < supportRelevance && !c.role || !c.numbersOK || c.antecedent != "" {
			continue // it may be supported, but it supports nothing (nor does a name read for a pronoun)
		}
		for j := range keys[i] {
			for _, k := range keys[i][j] {
				byKey[k] = append(byKey[k], stated{c.result.Chunk.ArticleID, i})
			}
		}
	}
	type lent struct {
		focus, stable, english float64
		numbersOK              bool
	}
	lend := make([]lent, len(cands))
	best := make([]int, len(cands))
	for i, c := range cands {
		for j := range keys[i] {
			reports := map[string]bool{}
			l := lent{c.focus, c.stable, c.english, c.numbersOK}
			// Together the reports may tie the value to every focus word
			// ("cast as Billy Batson" in one, "Shazam! casts him" in another).
			hits := slices.Clone(c.focusHits)
			for _, k := range keys[i][j] {
				for _, s := range byKey[k] {
					if s.article == c.result.Chunk.ArticleID {
						continue
					}
					reports[s.article] = true
					o := cands[s.i]
					l.stable, l.english = max(l.stable, o.stable), max(l.english, o.english)
					for f, h := range o.focusHits {
						hits[f] = max(hits[f], h)
					}
					l.numbersOK = true // every supporter names the question's numbers
				}
			}
			l.focus = max(c.focus, focusShare(focus, hits))
			if len(reports) > cands[i].support {
				cands[i].support, lend[i], best[i] = len(reports), l, j
			}
		}
	}
	for i := range cands {
		c := &cands[i]
		if c.support == 0 {
			continue
		}
		c.focus, c.stable, c.english, c.numbersOK = lend[i].focus, lend[i].stable, lend[i].english, lend[i].numbersOK
		if j := best[i]; j > 0 {
			v := c.values[j]
			c.values = append([]string{v}, slices.Delete(slices.Clone(c.values), j, j+1)...)
		}
	}
}

// fullestRatio is the share of the lead's score at which a sentence
// stating the lead's value in full ("Ashleigh Barty" for "Barty", "November
// 15, 2020" for "Nov. 15") leads instead.
const fullestRatio = 0.7

// fullest returns the candidate that states the value of cands[lead] in
// its fullest form: one that can lead, scores at least fullestRatio of it
// and whose principal value holds every word of the lead's and more, none
// of them the question's ("Baker Mayfield" for "Mayfield", not "Apple CEO
// Tim Cook Received Nearly" for "Tim Cook").
func fullest(t answerType, cands []candidate, lead int, question map[string]bool) int {
	if t != personAnswer && t != placeAnswer && t != timeAnswer {
		return lead // "1.65 billion dollars" is no fuller than "$1.65 billion"
	}
	lv := principal(t, cands[lead].values)
	n := len(normValue(lv))
	if lv == "" || len(valueKeys(t, lv, question)) == 0 {
		return lead
	}
	best := lead
	for i, c := range cands {
		if c.score < fullestRatio*cands[lead].score {
			break
		}
		v := principal(t, c.values)
		if m := len(normValue(v)); m > n && wordsWithin(lv, v) && !addsQuestionWords(lv, v, question) && c.canLead(t) && c.covered() {
			best, n = i, m
		}
	}
	return best
}

// addsQuestionWords reports whether v, a fuller form of lv, adds words of
// the question (stems) to it.
func addsQuestionWords(lv, v string, question map[string]bool) bool {
	have := map[string]bool{}
	for _, w := range localembed.Tokens(normalizeEntities(lv)) {
		have[w] = true
	}
	for _, w := range localembed.Tokens(normalizeEntities(v)) {
		if question[w] && !have[w] {
			return true
		}
	}
	return false
}

// confirms reports whether c states the lead's answer: one of its values
// has a key (valueKeys) of the lead's principal value, not merely some
// other value in common ("Oklahoma" in "Joe Burrow, Oklahoma" does not
// confirm "Baker Mayfield of Oklahoma").
func confirms(t answerType, lead, c candidate, question map[string]bool) bool {
	keys := valueKeys(t, principal(t, lead.values), question)
	for _, v := range c.values {
		for _, k := range valueKeys(t, v, question) {
			if slices.Contains(keys, k) {
				return true
			}
		}
	}
	return false
}
