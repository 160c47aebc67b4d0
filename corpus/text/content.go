package text

import (
	"strings"
	"unicode/utf8"
)

// newsFiller are words that nearly every news sentence carries: the verbs
// of reporting and a few very common words and honorifics.
var newsFiller = WordSet(`said says say told according one new also mr mrs ms like get got year years time`)

// WordSet returns the space-separated words of list as a set.
func WordSet(list string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}

// IsNewsStop reports whether a lower-case word carries no content in news
// text: an English stop word or news filler ("said", "told", "year"...).
// "yet" stays a content word: "have not yet been found" and "have been
// found" are different statements.
func IsNewsStop(w string) bool {
	return IsStop(w) && w != "yet" || newsFiller[w]
}

// ContentStems returns the stemmed, lower-case content words of s:
// letters and digits of any script, without news stop words and one-letter
// tokens. It keeps non-ASCII letters, so an article in Russian or one
// naming "Mazón" still has words to compare.
func ContentStems(s string) []string {
	var out []string
	for _, t := range Fields(s) {
		if utf8.RuneCountInString(t) < 2 || IsNewsStop(t) {
			continue
		}
		out = append(out, Stem(t))
	}
	return out
}
