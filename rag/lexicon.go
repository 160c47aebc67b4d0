package rag

import (
	"strings"
	"unicode"

	"github.com/newsbot/newsbot/rag/localembed"
)

// lexiconVersion names the tokenization of localLexicon; chunks store
// their terms under it (meta 'lexicon'). Change it whenever tokens would
// come out differently, so start-up re-tokenizes instead of trusting
// stored terms.
const lexiconVersion = "local-2"

// lexicon tokenizes text for BM25 and expands question words.
type lexicon struct {
	tokens func(string) []string
	expand func(string) []string
}

// localLexicon is the lexicon of the local embedder: stemmed words without
// stop words, expanded through its WordNet-derived table, with the common
// spellings of a few entities made one word.
func localLexicon() lexicon {
	return lexicon{
		tokens: func(s string) []string { return localembed.Tokens(normalizeEntities(s)) },
		expand: localembed.Expand,
	}
}

// The tokens normalizeEntities writes, spaced so they stand as words.
const (
	tokUSA     = " usa "
	tokBritain = " britain "
	tokUN      = " unitednations "
	tokEU      = " europeanunion "
	tokIT      = " infotech "
)

// entityNames lists the tokens of normalizeEntities.
var entityNames = []struct{ token string }{{tokUSA}, {tokBritain}, {tokUN}, {tokEU}, {tokIT}}

// normalizeEntities replaces the usual spellings of entities that news
// writes in several ways ("US", "U.S.", "United States") with one token
// each, so a question and a passage that spell them differently still
// match:
//
//	U.S.  U.S.A.  US  USA  united states [of america]  america  → " usa "
//	U.K.  UK  united kingdom  britain                        → " britain "
//	U.N.  UN  united nations                                 → " unitednations "
//	EU  european union                                       → " europeanunion "
//	IT  information technology                               → " infotech "
//
// The abbreviations are matched in capitals only ("us" and "it" are pronouns), the
// names in any case (with Unicode's simple case folding, so "ſ" is an s
// and the Kelvin sign a k). Each spelling starts at a word boundary, and
// all but the dotted ones end at one, where word characters are ASCII
// letters, digits and "_". It is one pass over s with no allocation when
// nothing matches; it gives exactly what the regular expressions it
// replaced gave, applied in turn (see lexicon_test.go).
func normalizeEntities(s string) string {
	var b []byte
	last := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 'U', 'u', 'E', 'e', 'A', 'a', 'B', 'b', 'I', 'i':
		default:
			continue
		}
		if i > 0 && isASCIIWord(s[i-1]) {
			continue
		}
		end, token := matchEntity(s, i)
		if end < 0 {
			continue
		}
		if b == nil {
			b = make([]byte, 0, len(s)+16)
		}
		b = append(b, s[last:i]...)
		b = append(b, token...)
		last = end
		i = end - 1
	}
	if b == nil {
		return s
	}
	return string(append(b, s[last:]...))
}

// matchEntity returns the end of the entity spelling starting at s[i] (a
// word boundary) and its token, or -1. Spellings are tried in the order
// the regular expressions had them.
func matchEntity(s string, i int) (int, string) {
	rest := s[i:]
	// Capitals only.
	switch {
	case strings.HasPrefix(rest, "U.S."):
		if strings.HasPrefix(rest[4:], "A.") {
			return i + 6, tokUSA
		}
		return i + 4, tokUSA
	case strings.HasPrefix(rest, "USA") && boundaryAt(s, i+3):
		return i + 3, tokUSA
	case strings.HasPrefix(rest, "US") && boundaryAt(s, i+2):
		return i + 2, tokUSA
	}
	if e := foldPrefix(s, i, "united states"); e >= 0 {
		if e2 := foldPrefix(s, e, " of america"); e2 >= 0 && boundaryAt(s, e2) {
			return e2, tokUSA
		}
		if boundaryAt(s, e) {
			return e, tokUSA
		}
	}
	if e := foldPrefix(s, i, "america"); e >= 0 && boundaryAt(s, e) {
		return e, tokUSA
	}
	switch {
	case strings.HasPrefix(rest, "U.K."):
		return i + 4, tokBritain
	case strings.HasPrefix(rest, "UK") && boundaryAt(s, i+2):
		return i + 2, tokBritain
	}
	if e := foldPrefix(s, i, "united kingdom"); e >= 0 && boundaryAt(s, e) {
		return e, tokBritain
	}
	if e := foldPrefix(s, i, "britain"); e >= 0 && boundaryAt(s, e) {
		return e, tokBritain
	}
	switch {
	case strings.HasPrefix(rest, "U.N."):
		return i + 4, tokUN
	case strings.HasPrefix(rest, "UN") && boundaryAt(s, i+2):
		return i + 2, tokUN
	}
	if e := foldPrefix(s, i, "united nations"); e >= 0 && boundaryAt(s, e) {
		return e, tokUN
	}
	if strings.HasPrefix(rest, "EU") && boundaryAt(s, i+2) {
		return i + 2, tokEU
	}
	if e := foldPrefix(s, i, "european union"); e >= 0 && boundaryAt(s, e) {
		return e, tokEU
	}
	if strings.HasPrefix(rest, "IT") && boundaryAt(s, i+2) {
		return i + 2, tokIT
	}
	if e := foldPrefix(s, i, "information technology"); e >= 0 && boundaryAt(s, e) {
		return e, tokIT
	}
	return -1, ""
}

// foldPrefix returns the end of lit (lower-case ASCII letters and spaces)
// at s[i:] under simple case folding, or -1.
func foldPrefix(s string, i int, lit string) int {
	for k := 0; k < len(lit); k++ {
		if i >= len(s) {
			return -1
		}
		c, r := lit[k], s[i]
		switch {
		case r == c || (r == c-'a'+'A' && c >= 'a' && c <= 'z'):
			i++
		case c == 's' && strings.HasPrefix(s[i:], "\u017f"): // ſ
			i += len("\u017f")
		case c == 'k' && strings.HasPrefix(s[i:], "\u212a"): // Kelvin sign
			i += len("\u212a")
		default:
			return -1
		}
	}
	return i
}

// boundaryAt reports whether a match ending at s[i], whose last character
// is a word character, ends at a word boundary.
func boundaryAt(s string, i int) bool { return i >= len(s) || !isASCIIWord(s[i]) }

// isASCIIWord reports whether c is a word character of \b in Go's regular
// expressions: an ASCII letter, digit or underscore (any byte of a
// multi-byte rune is not).
func isASCIIWord(c byte) bool {
	return c == '_' || ('0' <= c && c <= '9') || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

// queryTerms returns the question's tokens (weight 1) and their related
// words (weight expansionWeight), each term once.
func (l lexicon) queryTerms(q string) []queryTerm {
	seen := map[string]bool{}
	var out []queryTerm
	toks := l.tokens(phrasalVerbs.Replace(uncasual(strings.ToLower(normalizeEntities(q)))))
	for _, t := range toks {
		if !seen[t] {
			seen[t] = true
			out = append(out, queryTerm{term: t, weight: 1})
		}
	}
	for _, t := range toks {
		for _, e := range l.expand(t) {
			if !seen[e] {
				seen[e] = true
				out = append(out, queryTerm{term: e, weight: expansionWeight, of: t})
			}
		}
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
