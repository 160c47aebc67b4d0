package rag

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	textseg "github.com/newsbot/newsbot/corpus/text"
	"github.com/newsbot/newsbot/prompts"
	"github.com/newsbot/newsbot/rag/answer"
	"github.com/newsbot/newsbot/rag/chunk"
	"github.com/newsbot/newsbot/rag/localembed"
)

var (
	// citeGroupRE matches a citation group: [1], [1, 3] or [1][3] (as two).
	citeGroupRE = regexp.MustCompile(`\s?\[(\d+(?:\s*,\s*\d+)*)\]`)
	// trailingMarkersRE matches citation markers written after a
	// sentence's full stop ("… plan. [1] The …"), which would otherwise be
	// read as the start of the next sentence.
	trailingMarkersRE = regexp.MustCompile(`([.!?])((?:\s*\[\d+(?:\s*,\s*\d+)*\])+)`)
	// quotedRE matches text the model puts in double quotes.
	quotedRE = regexp.MustCompile(`“([^”]{3,})”|"([^"]{3,})"`)
)

// minQuoteWords is the length from which quoted text in a model answer is
// checked against the passages (shorter quotes are scare quotes).
const minQuoteWords = 3

// Support check of a model's cited sentence: the share of its content words
// (stemmed; a close synonym counts) that the passages it cites contain
// must be at least minSupport, for sentences of minSupportWords content
// words or more (shorter ones say too little to judge).
const (
	minSupport      = 0.5
	minSupportWords = 4
	// supportSynonyms is how many of a word's related words (the
	// strongest) count as the passage saying it.
	supportSynonyms = 3
)

// verify turns a model's reply into an Answer whose citations can be
// trusted: markers pointing at no passage are removed, the rest are
// renumbered in order of appearance, each citation quotes the passage
// sentence closest to the claims citing it, quotes not found in the cited
// passages lose their quotation marks, and sentences without a citation are
// listed in the warnings.
func verify(question, text string, passages []Result) answer.Answer {
	ans := answer.Answer{Question: question, Mode: "llm", Citations: []answer.Citation{}}
	text = strings.TrimSpace(text)
	if text == "" || prompts.IsRefusal(text) {
		return refuseLLM(ans)
	}
	text = trailingMarkersRE.ReplaceAllString(text, "$2$1")

	renumber := map[int]int{} // passage number → citation number
	claims := map[int][]string{}
	passageWords := map[int]map[string]bool{} // passage number → its tokens
	var out strings.Builder
	last := 0
	for _, sp := range textseg.Sentences(text) {
		out.WriteString(text[last:sp.Start])
		last = sp.End
		sentence := text[sp.Start:sp.End]
		var cited []int
		rewritten := citeGroupRE.ReplaceAllStringFunc(sentence, func(m string) string {
			var kept []string
			for _, f := range strings.Split(citeGroupRE.FindStringSubmatch(m)[1], ",") {
				n, _ := strconv.Atoi(strings.TrimSpace(f))
				if n < 1 || n > len(passages) {
					ans.Warnings = append(ans.Warnings, fmt.Sprintf("removed citation [%d]: there is no passage %d", n, n))
					continue
				}
				if _, ok := renumber[n]; !ok {
					renumber[n] = len(renumber) + 1
				}
				cited = append(cited, n)
				kept = append(kept, fmt.Sprintf("[%d]", renumber[n]))
			}
			if len(kept) == 0 {
				return ""
			}
			return " " + strings.Join(kept, "")
		})
		claim := strings.TrimSpace(citeGroupRE.ReplaceAllString(sentence, ""))
		rewritten = checkQuotes(rewritten, cited, passages, &ans.Warnings)
		if len(cited) == 0 && isClaim(claim) {
			ans.Warnings = append(ans.Warnings, fmt.Sprintf("no citation for: %q", claim))
			ans.AddFlag(answer.FlagUnsupported)
		}
		if len(cited) > 0 && !supported(claim, cited, passages, passageWords) {
			ans.Warnings = append(ans.Warnings, fmt.Sprintf("the cited passage does not support: %q", claim))
			ans.AddFlag(answer.FlagUnsupported)
		}
		for _, n := range cited {
			claims[n] = append(claims[n], claim)
		}
		out.WriteString(rewritten)
	}
	out.WriteString(text[last:])

	ans.Answer = strings.TrimSpace(out.String())
	if len(renumber) == 0 && prompts.IsRefusal(ans.Answer) {
		return refuseLLM(ans)
	}
	ans.Citations = make([]answer.Citation, len(renumber))
	for n, c := range renumber {
		r := passages[n-1]
		ans.Citations[c-1] = citationFor(c, r, bestSentence(r.Chunk, claims[n]))
	}
	return ans
}

// supported reports whether the passages a claim cites contain enough of
// its content words (minSupport) for the claim to come from them; cache
// keeps each passage's words by passage number.
func supported(claim string, cited []int, passages []Result, cache map[int]map[string]bool) bool {
	toks := localembed.Tokens(claim)
	if len(toks) < minSupportWords {
		return true
	}
	have := func(t string) bool {
		for _, n := range cited {
			words, ok := cache[n]
			if !ok {
				words = map[string]bool{}
				for _, w := range localembed.Tokens(passages[n-1].Chunk.Text) {
					words[w] = true
				}
				cache[n] = words
			}
			if words[t] {
				return true
			}
			alt := localembed.Expand(t)
			for _, a := range alt[:min(len(alt), supportSynonyms)] {
				if words[a] {
					return true
				}
			}
		}
		return false
	}
	found := 0
	for _, t := range toks {
		if have(t) {
			found++
		}
	}
	return float64(found) >= minSupport*float64(len(toks))
}

func refuseLLM(a answer.Answer) answer.Answer {
	a = refuse(a)
	a.Mode = "llm"
	return a
}

// isClaim reports whether an uncited sentence states something (rather
// than being a connective like "In short:").
func isClaim(s string) bool {
	return len(strings.Fields(s)) >= 4
}

// bestSentence returns the sentence of c sharing the most words with the
// claims that cite it (the first sentence when none shares any).
func bestSentence(c chunk.Chunk, claims []string) string {
	want := map[string]bool{}
	for _, cl := range claims {
		for _, t := range localembed.Tokens(cl) {
			want[t] = true
		}
	}
	sents := c.SentenceTexts()
	if len(sents) == 0 {
		return ""
	}
	best, bestN := sents[0], 0
	for _, s := range sents {
		n := 0
		for _, t := range localembed.Tokens(s) {
			if want[t] {
				n++
			}
		}
		if n > bestN {
			best, bestN = s, n
		}
	}
	return best
}

// checkQuotes removes the quotation marks from quoted text of at least
// minQuoteWords words that does not appear in any passage the sentence
// cites (or in any passage, when it cites none), so a made-up quote is not
// shown as one.
func checkQuotes(sentence string, cited []int, passages []Result, warnings *[]string) string {
	return quotedRE.ReplaceAllStringFunc(sentence, func(m string) string {
		sub := quotedRE.FindStringSubmatch(m)
		inner := sub[1] + sub[2]
		if len(strings.Fields(inner)) < minQuoteWords {
			return m
		}
		pool := cited
		if len(pool) == 0 {
			for i := range passages {
				pool = append(pool, i+1)
			}
		}
		needle := normalizeQuote(inner)
		for _, n := range pool {
			if strings.Contains(normalizeQuote(passages[n-1].Chunk.Text), needle) {
				return m
			}
		}
		*warnings = append(*warnings, fmt.Sprintf("not a verbatim quote from the cited passage: %q", inner))
		return inner
	})
}

// normalizeQuote lowercases s, straightens quotes and apostrophes, and
// collapses spaces, so that typographic differences do not fail a quote.
func normalizeQuote(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "…", "...").Replace(strings.ToLower(s))
	s = strings.Trim(s, ` .,;:'"`)
	return strings.Join(strings.Fields(s), " ")
}
