package rag

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/newsbot/newsbot/rag/localembed"
)

// lexiconVersion names the tokenization of localLexicon; chunks store
// their terms under it (meta 'lexicon'). Change it whenever tokens would
// come out differently, so start-up re-tokenizes instead of trusting
// stored terms.
const lexiconVersion = "local-1"

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

// entityNames maps the usual spellings of entities that news writes in
// several ways ("US", "U.S.", "United States") to one token, so a question
// and a passage that spell them differently still match. "US" in capitals
// only: "us" is a pronoun.
var entityNames = []struct {
	re    *regexp.Regexp
	token string
}{
	{regexp.MustCompile(`\bU\.S\.(A\.)?|\bUSA?\b|(?i:\bunited states( of america)?\b)|(?i:\bamerica\b)`), " usa "},
	{regexp.MustCompile(`\bU\.K\.|\bUK\b|(?i:\bunited kingdom\b|\bbritain\b)`), " britain "},
	{regexp.MustCompile(`\bU\.N\.|\bUN\b|(?i:\bunited nations\b)`), " unitednations "},
	{regexp.MustCompile(`\bEU\b|(?i:\beuropean union\b)`), " europeanunion "},
}

func normalizeEntities(s string) string {
	for _, e := range entityNames {
		s = e.re.ReplaceAllString(s, e.token)
	}
	return s
}

// queryTerms returns the question's tokens (weight 1) and their related
// words (weight expansionWeight), each term once.
func (l lexicon) queryTerms(q string) []queryTerm {
	seen := map[string]bool{}
	var out []queryTerm
	toks := l.tokens(phrasalVerbs.Replace(strings.ToLower(normalizeEntities(q))))
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
