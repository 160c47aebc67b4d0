package disagree

import (
	"strings"
	"unicode/utf8"

	"github.com/newsbot/newsbot/corpus/text"
)

// newsFiller are words that every news sentence carries, dropped along
// with the English stop words (text.IsStop): the verbs of reporting and a
// few very common words and honorifics. Keep in step with rag/brief's
// list: both packages read content words the same way.
var newsFiller = toSet(`said says say told according one new also mr mrs ms like get got year years time`)

// isStopword reports whether a lower-case word is not a content word: an
// English stop word or news filler. "yet" stays a content word: "have not
// yet been found" and "have been found" are different quotations.
func isStopword(w string) bool {
	return text.IsStop(w) && w != "yet" || newsFiller[w]
}

func toSet(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// contentTokens returns the stemmed, lower-case content words of s
// (letters and digits of any script; stopwords and one-letter tokens
// dropped).
func contentTokens(s string) []string {
	var out []string
	for _, t := range text.Fields(s) {
		if utf8.RuneCountInString(t) < 2 || isStopword(t) {
			continue
		}
		out = append(out, text.Stem(t))
	}
	return out
}

// jaccard returns |a ∩ b| / |a ∪ b|, 0 when either set is empty.
func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := 0
	for k := range a {
		if b[k] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}
