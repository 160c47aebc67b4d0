// The sentences of the retrieved passages, and what a passage and its
// report say as a whole.

package rag

import (
	"fmt"
	"regexp"
	"strings"
)

// candidates returns the distinct sentences of the results (chunks overlap,
// so a sentence can appear twice), tokenized.
func candidates(lex lexicon, results []Result) []candidate {
	seen := map[string]bool{}
	var out []candidate
	var starts []int // where each of out starts in its chunk's text
	for _, r := range results {
		for si, sp := range r.Chunk.Sentences {
			key := fmt.Sprintf("%s@%d", r.Chunk.ArticleID, r.Chunk.Start+sp.Start)
			if seen[key] {
				continue
			}
			seen[key] = true
			// Items a page runs together with bullets ("Headline · 2014: A
			// goal by …") are read one by one.
			start := sp.Start
			for _, raw := range strings.Split(r.Chunk.Text[sp.Start:sp.End], bullet) {
				at := start + strings.Index(raw, strings.TrimSpace(raw))
				start += len(raw) + len(bullet)
				text := strings.TrimSpace(raw)
				// A phrasal verb reads as the question's does ("pull out" as
				// "withdraw").
				toks := lex.tokens(phrasalVerbs.Replace(text))
				if len(toks) < minCandidateWords {
					// A short quotation going on from a quoting sentence
					// before it is part of what that one quotes: "“Not an
					// easy situation,” he said. “What a mess.”"
					if n := len(out) - 1; n >= 0 && out[n].result.Chunk.ID == r.Chunk.ID && out[n].sent == si-1 && wholeQuoteRE.MatchString(text) && strings.ContainsAny(out[n].text, `"“”`) {
						out[n].text = r.Chunk.Text[starts[n] : at+len(text)]
						out[n].tokens = lex.tokens(phrasalVerbs.Replace(out[n].text))
					}
					continue // headline fragments, datelines
				}
				if isHeadline(r, at, text) {
					continue
				}
				out = append(out, candidate{result: r, text: text, tokens: toks, sent: si})
				starts = append(starts, at)
			}
		}
	}
	return out
}

// continuesRE matches a sentence that goes on from the one before it:
// one whose subject is a pronoun, perhaps opening a quotation ("He
// strained a muscle …"), or the person's age ("The 23-year-old has …"),
// or a quotation on its own or said by a pronoun ("“Not an easy
// situation,” he said. “What a mess.”").
var continuesRE = regexp.MustCompile(`^\s*(?:["“]?(?:He|She|They|It|This|That|These|His|Her|Their)\b|The \d+-year-old\b|["“][^"“”]*["”]\s*(?:(?:he|she|they) (?:said|added|says|adds|told \w+|warned|insisted)\.?\s*)?(?:["“][^"“”]*["”]\s*)?$)`)

// openQuoteRE matches a sentence that opens a quotation and does not close
// it: the quotation goes on into the next sentence.
var openQuoteRE = regexp.MustCompile(`^\s*[“"][^”"]*$`)

// continueCredit is the share of the coverage of a sentence and the one
// before it, together, that a sentence going on from it (continuesRE)
// counts as its own.
const continueCredit = 0.85

// wholeQuoteRE matches a sentence that is one whole quotation: “What a
// mess.”, not the fragment “The total ….
var wholeQuoteRE = regexp.MustCompile(`^["“][^"“”]*[^.…][.!?]["”]$`)

// bullet separates the items of a list run together in one line.
const bullet = " · "

// isHeadline reports whether text, a sentence starting at offset start of
// r's chunk, is the article's headline rather than its prose: the title
// itself, or an unpunctuated first line. A headline states a topic, not an
// answer ("… lasted almost five hours" is the meeting, not the war).
func isHeadline(r Result, start int, text string) bool {
	t := strings.TrimSpace(text)
	if title := strings.TrimSpace(r.Source.Title); title != "" && strings.EqualFold(strings.TrimRight(t, ".!?:"), strings.TrimRight(title, ".!?:…")) {
		return true
	}
	return r.Chunk.Start+start == 0 && !strings.ContainsAny(t[len(t)-1:], ".!?\"”’»)")
}

// aboutWords holds, worked out once for all their sentences, the words
// (and stems) of each retrieved passage read with its report's headline,
// which says what the whole report is about ("US seeks new $280bn smoker
// ruling" over a passage that no longer says "US"), and of each report:
// its headline and whole text when the answerer has read it
// (Service.withReports), else its retrieved passages.
type aboutWords struct {
	lex      lexicon
	text     map[string]string          // by article: headline and whole text or retrieved passages
	passages map[string]map[string]bool // by chunk
	reports  map[string]map[string]bool // by article
}

// newAboutWords gathers the reports of cands' passages.
func newAboutWords(lex lexicon, cands []candidate) *aboutWords {
	a := &aboutWords{lex: lex, text: map[string]string{}, passages: map[string]map[string]bool{}, reports: map[string]map[string]bool{}}
	seen := map[string]bool{}
	for _, c := range cands {
		id := c.result.Chunk.ArticleID
		if _, ok := a.text[id]; !ok {
			a.text[id] = c.result.Source.Title
			if c.result.report != "" {
				a.text[id] += "\n" + c.result.report // the whole report
			}
		}
		if c.result.report == "" && !seen[c.result.Chunk.ID] {
			seen[c.result.Chunk.ID] = true
			a.text[id] += "\n" + c.result.Chunk.Text
		}
	}
	return a
}

// words returns the words of text and their stems.
func (a *aboutWords) words(text string) map[string]bool {
	out := wordSet(text)
	for _, t := range a.lex.tokens(text) {
		out[t] = true // stems too, for focusShare
	}
	return out
}

// passage returns the words of r's passage and its report's headline.
func (a *aboutWords) passage(r Result) map[string]bool {
	w, ok := a.passages[r.Chunk.ID]
	if !ok {
		w = a.words(r.Chunk.Text + "\n" + r.Source.Title)
		a.passages[r.Chunk.ID] = w
	}
	return w
}

// report returns the words of an article's headline and whole text (or
// retrieved passages), and that text.
func (a *aboutWords) report(articleID string) (map[string]bool, string) {
	w, ok := a.reports[articleID]
	if !ok {
		w = a.words(a.text[articleID])
		a.reports[articleID] = w
	}
	return w, a.text[articleID]
}

// after reports whether c is the sentence right after p in its passage.
func (c candidate) after(p candidate) bool {
	return c.result.Chunk.ID == p.result.Chunk.ID && c.sent == p.sent+1
}
