package localembed

import (
	"fmt"
	"hash/fnv"
	"math"
	"sync"

	"github.com/newsbot/newsbot/corpus/text"
)

// Version is bumped whenever features, weights or the lexicon change, so
// that stored vectors are re-embedded.
const Version = 1

// DefaultDim is the vector length of New.
const DefaultDim = 512

// Options tunes the features of a Model. Start from DefaultOptions; a
// Model made with other options has a different Name.
type Options struct {
	// Dim is the vector length (64 to 8192).
	Dim int
	// Bigram, Char and Expand scale word-pair features, character n-gram
	// features and lexicon expansion against single words (weight 1).
	Bigram, Char, Expand float64
	// ExpandDocuments also expands documents, not only queries.
	ExpandDocuments bool
	// CharMin and CharMax bound the character n-gram lengths.
	CharMin, CharMax int
	// Gloss scales "concept" features: each word also adds the words
	// WordNet defines it with ("Kremlin" → citadel, Russian, Moscow), in
	// a space of their own, so that texts sharing no word can still meet.
	Gloss float64
	// IDFPower raises each token's IDF to this power (0 to 2) before
	// weighting; 0.5 makes the dot product of two vectors weigh a shared
	// word by its IDF rather than its IDF squared.
	IDFPower float64
}

// DefaultOptions returns the options of New.
func DefaultOptions() Options {
	return Options{
		Dim: DefaultDim, Bigram: 0.5, Char: 0.3, Expand: 0.4, ExpandDocuments: true,
		Gloss: 0.7, CharMin: 3, CharMax: 5, IDFPower: 0.5,
	}
}

// Model is an offline text embedder: hashed, IDF-weighted stemmed words,
// word pairs and character n-grams, with WordNet expansion of queries. It
// is deterministic and safe for concurrent use.
type Model struct {
	opt  Options
	name string
}

var (
	defaultOnce  sync.Once
	defaultModel *Model
)

// New returns the default model. The embedded lexicon is parsed on the
// first call; later calls return the same model.
func New() *Model {
	defaultOnce.Do(func() {
		m, err := NewWithOptions(DefaultOptions())
		if err != nil {
			panic(err) // DefaultOptions is valid by construction; tests check it
		}
		defaultModel = m
	})
	return defaultModel
}

// NewWithOptions returns a model with the given options, or an error
// wrapping ErrInvalidOptions.
func NewWithOptions(o Options) (*Model, error) {
	switch {
	case o.Dim < 64 || o.Dim > 8192:
		return nil, fmt.Errorf("dim %d not in [64, 8192]: %w", o.Dim, ErrInvalidOptions)
	case o.IDFPower < 0 || o.IDFPower > 2:
		return nil, fmt.Errorf("idf power %g not in [0, 2]: %w", o.IDFPower, ErrInvalidOptions)
	case o.Bigram < 0 || o.Char < 0 || o.Expand < 0 || o.Gloss < 0:
		return nil, fmt.Errorf("negative feature weight: %w", ErrInvalidOptions)
	case o.Char > 0 && (o.CharMin < 1 || o.CharMax < o.CharMin || o.CharMax > 10):
		return nil, fmt.Errorf("char n-gram range [%d, %d]: %w", o.CharMin, o.CharMax, ErrInvalidOptions)
	}
	lexicon()
	name := fmt.Sprintf("local-hash-v%d", Version)
	if o != DefaultOptions() {
		h := fnv.New32a()
		fmt.Fprintf(h, "%+v", o)
		name = fmt.Sprintf("%s-%08x", name, h.Sum32())
	}
	return &Model{opt: o, name: name}, nil
}

// Name identifies the model and its version, e.g. "local-hash-v1"; it is
// stored with each vector so that a change re-embeds.
func (m *Model) Name() string { return m.name }

// Dim returns the vector length.
func (m *Model) Dim() int { return m.opt.Dim }

// EmbedDocument returns the L2-normalised vector of a passage. Text with
// no words (empty, punctuation only) gives the zero vector.
func (m *Model) EmbedDocument(text string) []float32 {
	return m.embed(text, m.opt.ExpandDocuments)
}

// EmbedQuery returns the L2-normalised vector of a question: the
// document features plus, at lower weight, WordNet synonyms and related
// forms of its words. Text with no words gives the zero vector.
func (m *Model) EmbedQuery(text string) []float32 {
	return m.embed(text, true)
}

type tokInfo struct {
	tok, word string
}

func (m *Model) embed(text string, expand bool) []float32 {
	acc := make([]float64, m.opt.Dim)
	var toks []tokInfo
	forEachToken(text, func(tok, word string) { toks = append(toks, tokInfo{tok, word}) })
	if len(toks) == 0 {
		return make([]float32, m.opt.Dim)
	}
	l := lexicon()
	tf := make(map[string]int, len(toks))
	for _, t := range toks {
		tf[t.tok]++
	}
	idfOf := func(tok string) float64 {
		idf := l.maxIDF
		if e, ok := l.entries[tok]; ok {
			idf = float64(e.idf)
		}
		if m.opt.IDFPower != 1 {
			idf = math.Pow(idf, m.opt.IDFPower)
		}
		return idf
	}
	// Words: sublinear term frequency times IDF; each distinct token once,
	// in text order so that float sums are the same on every run.
	done := make(map[string]bool, len(tf))
	for _, t := range toks {
		tok := t.tok
		if done[tok] {
			continue
		}
		done[tok] = true
		w := idfOf(tok) * (1 + math.Log(float64(tf[tok])))
		m.add(acc, "w\x00", tok, "", w)
		if m.opt.Gloss > 0 {
			m.addGloss(acc, l, tok, m.opt.Gloss*w, idfOf)
		}
		if expand && m.opt.Expand > 0 {
			for _, r := range l.expand(tok) {
				if tf[r.Token] > 0 {
					continue
				}
				m.add(acc, "w\x00", r.Token, "", m.opt.Expand*r.Weight*math.Min(w, idfOf(r.Token)))
			}
		}
	}
	// Word pairs, in text order after stop words are removed.
	if m.opt.Bigram > 0 {
		for i := 1; i < len(toks); i++ {
			a, b := toks[i-1].tok, toks[i].tok
			w := m.opt.Bigram * 0.5 * (idfOf(a) + idfOf(b))
			m.add(acc, "b\x00", a, b, w)
		}
	}
	// Character n-grams of each word, sharing the word's weight.
	if m.opt.Char > 0 {
		for _, t := range toks {
			m.addChars(acc, t.word, m.opt.Char*idfOf(t.tok))
		}
	}
	return normalize(acc)
}

// add adds weight w to the hashed slot of feature kind+a+" "+b.
func (m *Model) add(acc []float64, kind, a, b string, w float64) {
	h := uint64(14695981039346656037)
	for _, s := range [...]string{kind, a, "\x00", b} {
		for i := 0; i < len(s); i++ {
			h ^= uint64(s[i])
			h *= 1099511628211
		}
	}
	h = text.Mix(h) // FNV alone leaves the low bits poorly spread
	idx := int(h % uint64(len(acc)))
	if h>>63 == 1 {
		w = -w
	}
	acc[idx] += w
}

// addGloss adds the concept features of tok, weight w in total: the
// token itself and the words of its WordNet definitions.
func (m *Model) addGloss(acc []float64, l *lexiconData, tok string, w float64, idfOf func(string) float64) {
	var gl []Expansion
	if e, ok := l.entries[tok]; ok {
		gl = e.gloss
	}
	norm := 1.0
	for _, g := range gl {
		norm += g.Weight * g.Weight
	}
	each := w / math.Sqrt(norm)
	m.add(acc, "g\x00", tok, "", each)
	for _, g := range gl {
		m.add(acc, "g\x00", g.Token, "", each*g.Weight)
	}
}

// addChars adds the character n-grams of "<word>", weight w in total.
func (m *Model) addChars(acc []float64, word string, w float64) {
	s := "<" + word + ">"
	// offs holds the byte offset of each rune, then len(s), so that
	// n-grams are substrings of s (no allocation per n-gram).
	var buf [64]int
	offs := buf[:0]
	for i := range s {
		offs = append(offs, i)
	}
	runes := len(offs)
	offs = append(offs, len(s))
	n := 0
	for k := m.opt.CharMin; k <= m.opt.CharMax; k++ {
		if runes >= k {
			n += runes - k + 1
		}
	}
	if n == 0 {
		return
	}
	each := w / math.Sqrt(float64(n))
	for k := m.opt.CharMin; k <= m.opt.CharMax; k++ {
		for i := 0; i+k <= runes; i++ {
			m.add(acc, "c\x00", s[offs[i]:offs[i+k]], "", each)
		}
	}
}

func (l *lexiconData) expand(tok string) []Expansion {
	if e, ok := l.entries[tok]; ok {
		return e.related
	}
	return nil
}

func normalize(acc []float64) []float32 {
	var ss float64
	for _, v := range acc {
		ss += v * v
	}
	out := make([]float32, len(acc))
	if ss == 0 {
		return out
	}
	inv := 1 / math.Sqrt(ss)
	for i, v := range acc {
		out[i] = float32(v * inv)
	}
	return out
}

// Normalize returns v scaled to unit length as a new vector, or nil for a
// zero vector (or none).
func Normalize(v []float32) []float32 {
	var ss float64
	for _, x := range v {
		ss += float64(x) * float64(x)
	}
	if ss == 0 {
		return nil
	}
	inv := 1 / math.Sqrt(ss)
	out := make([]float32, len(v))
	for i, x := range v {
		out[i] = float32(float64(x) * inv)
	}
	return out
}

// Cosine returns the cosine similarity of two vectors of equal length
// (their dot product when both are L2-normalised); 0 when either is zero
// or the lengths differ.
func Cosine(a, b []float32) float64 {
	if len(a) != len(b) {
		return 0
	}
	var dot, na, nb float64
	for i := range a {
		dot += float64(a[i]) * float64(b[i])
		na += float64(a[i]) * float64(a[i])
		nb += float64(b[i]) * float64(b[i])
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}
