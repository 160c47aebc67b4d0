package brief

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/newsbot/newsbot/corpus"
	"github.com/newsbot/newsbot/corpus/text"
	"github.com/newsbot/newsbot/rag/answer"
	"github.com/newsbot/newsbot/rag/chunk"
	"github.com/newsbot/newsbot/rag/disagree"
)

// sentence is one sentence of one article, with what scoring needs.
type sentence struct {
	doc     int // index into the briefing's docs
	idx     int // position in the article
	text    string
	start   int // byte offsets in the article text
	end     int
	chunkID string
	tokens  []string           // content tokens
	vec     vector             // TF-IDF, set per story
	facts   *disagree.Sentence // values and attributions stated in the sentence
	// summary is false for boilerplate, headings and fragments, which may
	// still carry facts for the disagreement check.
	summary bool
}

// doc is one article prepared for grouping and summarizing.
type doc struct {
	a      corpus.Article
	outlet string
	sents  []sentence
	tokens []string // content tokens of title (twice) and text
	ents   map[string]int
	emb    []float32
	// terms and entv are the TF-IDF vectors of words and of named
	// entities that grouping compares (indexWords).
	terms, entv sparse
	// vec is the words' TF-IDF vector as a map, set with the sentences'
	// vectors and facts by finishDoc for the docs of shown stories.
	vec      vector
	finished bool
}

// outletName returns the article's outlet, else the URL's host, else a
// short quoted title.
func outletName(a corpus.Article) string {
	if s := strings.TrimSpace(a.Source); s != "" {
		return s
	}
	if u, err := url.Parse(a.URL); err == nil && u.Host != "" {
		return strings.TrimPrefix(u.Host, "www.")
	}
	// No outlet is known: readers get a short title, never a file id.
	if t := strings.TrimSpace(a.Title); t != "" {
		return "“" + cutWords(t, maxOutletTitle) + "”"
	}
	return "an unnamed outlet"
}

// maxOutletTitle bounds the title that stands in for an unknown outlet, in
// bytes.
const maxOutletTitle = 40

// boilerplate marks page furniture that survives cleaning.
var boilerplate = []string{
	"©", "all rights reserved", "sign up", "newsletter", "download our app", "click here",
	"follow us", "subscribe", "cookie", "read more", "getty images", "photo:", "(photo",
	"advertisement", "share this", "terms of use", "privacy policy", "the seed for this crawl",
	"warc files", "wayback machine", "this crawl was run", "story continued below",
}

// isSummarySentence reports whether s reads as a body sentence fit for a
// summary: enough words, ends like a sentence, not page furniture.
func isSummarySentence(s string) bool {
	words := strings.Fields(s)
	if len(words) < 6 || len(words) > 70 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if !strings.ContainsRune(".!?\"”’)", last) {
		return false
	}
	// A quotation opened but cut by the sentence splitter reads as a
	// fragment (“Compromises have not yet been found.).
	if strings.Count(s, "“") > strings.Count(s, "”") || strings.HasPrefix(s, `"`) && strings.Count(s, `"`)%2 != 0 {
		return false
	}
	low := strings.ToLower(s)
	for _, b := range boilerplate {
		if strings.Contains(low, b) {
			return false
		}
	}
	return true
}

// maxDocSentences bounds the sentences of one article that are scored and
// checked for disagreements: both are quadratic in the sentence count, and
// a news article's facts sit in its lead. Without a bound, one huge
// article (the loader accepts 5 MB) needs minutes and gigabytes.
const maxDocSentences = 150

// prepareDoc splits an article into sentences (at most maxDocSentences)
// and reads its words and named entities: what grouping needs. What only
// a shown story needs (sentence vectors, facts, chunk ids) is left to
// finishDoc.
func prepareDoc(i int, a corpus.Article) doc {
	d := doc{a: a, outlet: outletName(a)}
	title := text.ContentStems(a.Title)
	d.tokens = append(append(d.tokens, title...), title...)
	texts := []string{a.Title}
	for j, sp := range text.Sentences(a.Text) {
		st := a.Text[sp.Start:sp.End]
		toks := text.ContentStems(st)
		d.tokens = append(d.tokens, toks...)
		if j >= maxDocSentences {
			continue // still words of the article, not a scored sentence
		}
		d.sents = append(d.sents, sentence{doc: i, idx: j, text: st, start: sp.Start, end: sp.End, tokens: toks})
		texts = append(texts, st)
	}
	d.ents = entities(texts)
	return d
}

// finishDoc sets what a shown story needs of doc i: its TF-IDF vector and
// its sentences' vectors (IDF from w), whether each is fit for a summary,
// the facts each sentence states, and
// the chunk.Article chunk that holds each sentence. It does nothing the
// second time.
func finishDoc(docs []doc, i int, w wordIndex) {
	d := &docs[i]
	if d.finished {
		return
	}
	d.finished = true
	d.vec = w.docIDF.tfidf(d.tokens)
	chunks := chunk.Article(d.a)
	for j := range d.sents {
		s := &d.sents[j]
		s.vec = w.sentIDF.tfidf(s.tokens)
		s.summary = isSummarySentence(s.text)
		s.facts = disagree.Read(i, j, s.text)
		for _, c := range chunks {
			if c.Start <= s.start && s.end <= c.End {
				s.chunkID = c.ID
				break
			}
		}
	}
}

// citation builds the answer.Citation for sentence s numbered n.
func (d doc) citation(n int, s sentence) answer.Citation {
	c := answer.Citation{
		N:         n,
		ArticleID: d.a.ID,
		Title:     d.a.Title,
		Source:    d.a.Source,
		URL:       d.a.URL,
		ChunkID:   s.chunkID,
		Quote:     s.text,
	}
	if knownDate(d.a) {
		c.Published = d.a.Published.Format("2006-01-02")
	}
	return c
}

// knownDate reports whether the article's publication time is its own,
// not the file's modification time.
func knownDate(a corpus.Article) bool {
	return !a.Published.IsZero() && a.PublishedFrom != corpus.FromFileTime
}
