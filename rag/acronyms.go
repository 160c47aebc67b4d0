// Names a question writes as initials that the reports spell out: "RDIF"
// for the "Russian Direct Investment Fund".

package rag

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/newsbot/newsbot/rag/localembed"
)

// acronymRE finds initials in a question: two to six capitals, perhaps
// made plural ("CSOs").
var acronymRE = regexp.MustCompile(`\b([A-Z]{2,6})s?\b`)

// lowerInitialsRE finds a word of two to six lower-case letters.
var lowerInitialsRE = regexp.MustCompile(`\b([a-z]{2,6})\b`)

// runConnectors may stand inside a name without giving it an initial:
// "Office for National Statistics" is the ONS.
var runConnectors = map[string]bool{"of": true, "for": true, "and": true, "the": true, "&": true}

// spelledOut marks as said in other words (focusTerm.word, which need
// not be named again) the focus names that question writes as initials
// and the sentences never do but spell out instead. It returns the
// tokens of those initials, with the initials, for sentences that spell
// them out to count as naming them (spells).
func spelledOut(lex lexicon, question string, focus []focusTerm, sentences []string) ([]focusTerm, map[string]string) {
	spelled := map[string]string{}
	for _, m := range acronymRE.FindAllStringSubmatch(question, -1) {
		initials := strings.ToLower(m[1])
		if toks := lex.tokens(m[0]); len(toks) == 1 && spells(initials, sentences) {
			spelled[toks[0]] = initials
		}
	}
	// Initials typed in lower case: a short word English does not know
	// ("how many public bodies does the foi act cover").
	for _, m := range lowerInitialsRE.FindAllStringSubmatch(question, -1) {
		if toks := lex.tokens(m[0]); len(toks) == 1 && !localembed.Known(toks[0]) && spells(m[1], sentences) {
			spelled[toks[0]] = m[1]
		}
	}
	if len(spelled) == 0 {
		return focus, spelled
	}
	out := slices.Clone(focus)
	for i, f := range out {
		if _, ok := spelled[f.term]; ok {
			out[i].word = true
		}
	}
	return out, spelled
}

// spells reports whether sentences never write initials (lower case) as
// a word but name something whose capitalised words have them as their
// initials, a connecting word's perhaps among them ("Freedom of
// Information" is the FOI, "Office for National Statistics" the ONS).
func spells(initials string, sentences []string) bool {
	found := false
	for _, s := range sentences {
		var run []string // initials of the current run of capitalised words; a connector's ends in "?"
		// match reports whether initials[pos:] begin the run at k.
		var match func(k, pos int) bool
		match = func(k, pos int) bool {
			if pos == len(initials) {
				return true
			}
			if k == len(run) {
				return false
			}
			return run[k][0] == initials[pos] && match(k+1, pos+1) || strings.HasSuffix(run[k], "?") && match(k+1, pos)
		}
		flush := func() {
			for i := range run {
				found = found || !strings.HasSuffix(run[i], "?") && match(i, 0)
			}
			run = run[:0]
		}
		for _, w := range strings.Fields(s) {
			t := strings.Trim(w, `.,;:!?"“”'‘’()[]`)
			if strings.EqualFold(t, initials) || strings.EqualFold(strings.TrimSuffix(t, "s"), initials) {
				return false // written as initials: matched as it is
			}
			switch r := []rune(t + " ")[0]; {
			case unicode.IsUpper(r):
				run = append(run, strings.ToLower(string(r)))
			case len(run) > 0 && runConnectors[strings.ToLower(t)]:
				run = append(run, strings.ToLower(t[:1])+"?")
			default:
				flush()
			}
			if t != w && len(run) > 0 && strings.ContainsAny(w[len(w)-1:], ".,;:!?)") {
				flush() // a run ends at punctuation
			}
		}
		flush()
	}
	return found
}

// initialed returns the names question spells out in capitalised words
// ("Community Support Officers"), by their initials ("cso"), with their
// tokens: a sentence writing the initials ("CSOs") names them.
func initialed(lex lexicon, question string) map[string][]string {
	out := map[string][]string{}
	words := strings.Fields(question)
	for i := 1; i < len(words); i++ { // the first word is capitalised as the question's
		var initials strings.Builder
		var name []string
		for j := i; j < len(words); j++ {
			t := strings.Trim(words[j], `.,;:!?"“”'‘’()[]`)
			r := []rune(t + " ")[0]
			if !unicode.IsUpper(r) {
				if j > i && runConnectors[strings.ToLower(t)] {
					continue
				}
				break
			}
			switch {
			case allCaps(t):
				initials.WriteString(strings.ToLower(t)) // "UK Internet Forum" is the UKIF
			case strings.Contains(t, "-"):
				for part := range strings.SplitSeq(t, "-") {
					if p := []rune(part + " ")[0]; unicode.IsUpper(p) {
						initials.WriteRune(unicode.ToLower(p)) // "Paris Saint-Germain" is PSG
					}
				}
			default:
				initials.WriteRune(unicode.ToLower(r))
			}
			name = append(name, t)
			if len(name) >= 2 {
				out[initials.String()] = lex.tokens(strings.Join(name, " "))
			}
			if t != words[j] {
				break // punctuation ends the name
			}
		}
	}
	return out
}

// initialsIn returns the tokens of the names of initialed whose initials
// sentence writes.
func initialsIn(sentence string, names map[string][]string) []string {
	if !hasInitials(sentence) {
		return nil
	}
	var out []string
	for _, m := range acronymRE.FindAllStringSubmatch(sentence, -1) {
		out = append(out, names[strings.ToLower(m[1])]...)
	}
	return out
}

// hasInitials reports whether s holds two capitals in a row, a cheap test
// before acronymRE.
func hasInitials(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' && s[i-1] >= 'A' && s[i-1] <= 'Z' {
			return true
		}
	}
	return false
}

// allCaps reports whether w is initials itself: two to four capitals.
func allCaps(w string) bool {
	if len(w) < 2 || len(w) > 4 {
		return false
	}
	for _, r := range w {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}
