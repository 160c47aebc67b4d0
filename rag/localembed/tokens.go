package localembed

import (
	"github.com/newsbot/newsbot/corpus/text"
	"github.com/newsbot/newsbot/rag/localembed/internal/textproc"
)

// Tokens splits text into search tokens: words lowercased (common Latin
// accents folded), English stop words removed, irregular forms mapped to
// their base ("went" → "go", "children" → "child") and the rest reduced
// with the Snowball English stemmer ("rejected" → "reject",
// "negotiations" → "negoti"). Non-Latin words are kept lowercased and
// unstemmed. It returns nil for text with no such words.
func Tokens(text string) []string {
	var out []string
	forEachToken(text, func(tok, _ string) { out = append(out, tok) })
	return out
}

// forEachToken calls fn with each token and the lowercased word it came
// from, in text order.
func forEachToken(s string, fn func(tok, word string)) {
	l := lexicon()
	text.Words(s, func(w string) {
		if tok := textproc.Token(w, l.exc); tok != "" {
			fn(tok, w)
		}
	})
}
