// Package textproc turns words into the local embedder's search tokens. It
// is shared by the embedder and by the generator of the embedded lexicon,
// so that both see the same tokens; the words themselves, the stop words
// and the stemmer come from package corpus/text.
package textproc

import (
	"strings"

	"github.com/newsbot/newsbot/corpus/text"
)

// Token turns one word from text.Words into a search token: "" for a stop
// word, else the word's base form from exc (irregular inflections, may be
// nil) reduced by the Snowball English stemmer.
func Token(word string, exc map[string]string) string {
	if text.IsStop(word) || text.IsStop(strings.TrimSuffix(word, "'s")) {
		return ""
	}
	if b, ok := exc[word]; ok {
		word = b
		if text.IsStop(word) {
			return ""
		}
	}
	return text.Stem(word)
}
