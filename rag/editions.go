// Which edition or year of a thing a sentence is about: "the tenth
// season", "Splatoon 2", "the 2018 edition", against the question's.

package rag

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// editionNouns name the numbered instalments of a series or an event:
// "season 4", "the 93rd Academy Awards".
var editionNouns = map[string]bool{"season": true, "series": true, "episode": true, "edition": true, "academy": true, "annual": true, "chapter": true, "part": true, "round": true, "stage": true, "game": true}

// editionRE finds an ordinal or a number next to a word: "fourth season",
// "tenth and final season", "93rd Academy", "season 4".
var editionRE = regexp.MustCompile(`(?i)\b(\d{1,3}(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\s+(?:and\s+\w+\s+)?(\w+)|\b(\w+)\s+(\d{1,3})\b`)

// editions returns the edition numbers text gives its edition nouns and
// titles, as word → numbers: "fourth season" and "season 4" both give
// season → 4, "Splatoon 2" splatoon → 2.
func editions(text string) map[string][]int {
	out := map[string][]int{}
	for _, m := range editionRE.FindAllStringSubmatch(text, -1) {
		num, noun := m[1], m[2]
		if num == "" {
			num, noun = m[4], m[3]
		}
		title := m[1] == "" && unicode.IsUpper([]rune(noun)[0]) && !isMonthOrDay(noun) && !strings.EqualFold(noun, "no") // "Splatoon 2", not "No 1"
		noun = strings.ToLower(noun)
		if !title && !editionNouns[noun] && !editionNouns[strings.TrimSuffix(noun, "s")] {
			continue
		}
		noun = strings.TrimSuffix(noun, "s")
		n, err := strconv.Atoi(strings.TrimRight(strings.ToLower(num), "stndrh"))
		if err != nil {
			n = slices.Index(ordinals, strings.ToLower(num))
		}
		if n > 0 {
			out[noun] = append(out[noun], n)
		}
	}
	return out
}

// isEdition reports whether the question's number n (digits, perhaps
// with an ordinal ending) numbers one of its editions.
func isEdition(qEditions map[string][]int, n string) bool {
	v, err := strconv.Atoi(strings.TrimRight(strings.ToLower(n), "stndrh"))
	if err != nil {
		return false
	}
	for _, ns := range qEditions {
		if slices.Contains(ns, v) {
			return true
		}
	}
	return false
}

// editionClash reports whether sentence numbers an edition of the
// question's (questionEditions, from editions) otherwise and never as the
// question does: "the tenth season premiered" does not answer "When will
// the first season premiere?".
func editionClash(sentence string, questionEditions map[string][]int) bool {
	if len(questionEditions) == 0 {
		return false
	}
	for noun, ns := range editions(sentence) {
		want, ok := questionEditions[noun]
		if ok && !slices.ContainsFunc(ns, func(n int) bool { return slices.Contains(want, n) }) {
			return true
		}
	}
	return false
}

// sequelRE finds a title word numbered as a sequel: "Odyssey 2", not a
// score ("Chelsea 2-1") or a figure ("The 5,808 Academy voters").
var sequelRE = regexp.MustCompile(`\b(\p{Lu}[\p{L}']+) ([2-9])\b(?:[^-–:.,\d]|,\D)`)

// sequelClash reports whether sentence numbers a title word of the
// question's as a sequel the question does not name: "if Super Mario
// Odyssey 2 does come out" is not about "Super Mario Odyssey". A question
// asking which one ("which Sakhalin field") asks for the number.
func sequelClash(sentence, question string) bool {
	ms := sequelRE.FindAllStringSubmatch(sentence+" ", -1)
	if ms == nil {
		return false
	}
	words := strings.Fields(question)
	for i := range words {
		words[i] = strings.Trim(words[i], `?.,;:!"'’()`)
	}
	for _, m := range ms {
		for i, w := range words {
			if strings.EqualFold(w, m[1]) && (i+1 == len(words) || !unicode.IsDigit([]rune(words[i+1] + " ")[0])) && !asksWhich(words[:i]) {
				return true
			}
		}
	}
	return false
}

// asksWhich reports whether before, the words before a title word, end
// in "which" or "what" and the title's other words: "which Sakhalin",
// "What Starfall".
func asksWhich(before []string) bool {
	for i := len(before) - 1; i >= 0; i-- {
		switch w := strings.ToLower(before[i]); {
		case w == "which" || w == "what":
			return true
		case w == "" || !unicode.IsUpper([]rune(before[i])[0]):
			return false
		}
	}
	return false
}

// yearClash reports whether sentence names a year while the question names
// others (questionYears): a sentence about the 2018 edition does not
// answer a question about 2019.
func yearClash(sentence string, questionYears []string) bool {
	if len(questionYears) == 0 {
		return false
	}
	var ys []string
	for _, loc := range yearRE.FindAllStringIndex(sentence, -1) {
		if !clockZoneRE.MatchString(sentence[loc[1]:]) && !comparedRE.MatchString(sentence[max(0, loc[0]-comparedReach):loc[0]]) {
			ys = append(ys, sentence[loc[0]:loc[1]])
		}
	}
	for _, y := range ys {
		for _, q := range questionYears {
			if y == q {
				return false
			}
		}
	}
	return len(ys) > 0
}

// comparedRE matches the end of a text after which a year is what a
// figure is compared with, not when it is: "up from $66m in the same
// period in 2003", "the first gain since 2000".
var comparedRE = regexp.MustCompile(`(?i)\b(?:since|than(?: in)?|compared (?:with|to)|(?:same|corresponding) (?:period|quarter|month|time)(?: of| in| last)?|(?:up|down) from\b[^.;]*?\bin)\s+(?:the\s+)?(?:end of\s+)?$`)

// comparedReach is how far before a year comparedRE looks.
const comparedReach = 40

// clockZoneRE matches a time zone after a number, which makes it a time
// of day, not a year: "broadcast at 2010 GMT".
var clockZoneRE = regexp.MustCompile(`^\s*(?:GMT|BST|UTC|CET|EST|EDT|PST|PDT|hrs|hours)\b`)
