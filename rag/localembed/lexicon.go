package localembed

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
)

// The lexicon is generated from WordNet 3.0 by ./internal/gen; see
// WORDNET-LICENSE for its terms.
//
//go:generate go run ./internal/gen -wordnet /usr/share/wordnet -out lexicon.txt.gz
//go:embed lexicon.txt.gz
var lexiconGz []byte

// Expansion is a token related to another through the lexicon, with the
// strength of the relation in (0, 1].
type Expansion struct {
	Token  string
	Weight float64
}

type lexEntry struct {
	idf     float32
	related []Expansion
	// gloss are the words that define the token in WordNet.
	gloss []Expansion
}

type lexiconData struct {
	entries map[string]*lexEntry
	exc     map[string]string
	maxIDF  float64
}

var (
	lexOnce sync.Once
	lex     *lexiconData
)

// lexicon returns the parsed embedded lexicon, parsing it on first use.
// The embedded file is part of the binary and checked by tests, so a
// parse failure is a build defect and panics.
func lexicon() *lexiconData {
	lexOnce.Do(func() {
		l, err := parseLexicon(lexiconGz)
		if err != nil {
			panic(fmt.Sprintf("localembed: embedded lexicon: %v", err))
		}
		lex = l
	})
	return lex
}

func parseLexicon(gz []byte) (*lexiconData, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("open gzip: %w", err)
	}
	l := &lexiconData{entries: make(map[string]*lexEntry, 64000), exc: make(map[string]string, 4000)}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		fs := strings.Fields(sc.Text())
		if len(fs) == 0 {
			continue
		}
		switch fs[0] {
		case "n":
			if len(fs) != 2 {
				return nil, fmt.Errorf("line %d: bad n line", line)
			}
			n, err := strconv.Atoi(fs[1])
			if err != nil || n <= 0 {
				return nil, fmt.Errorf("line %d: bad document count %q", line, fs[1])
			}
			l.maxIDF = math.Log(1 + (float64(n)+0.5)/0.5)
		case "x":
			if len(fs) != 3 {
				return nil, fmt.Errorf("line %d: bad x line", line)
			}
			l.exc[fs[1]] = fs[2]
		case "w":
			if len(fs) < 3 {
				return nil, fmt.Errorf("line %d: bad w line", line)
			}
			q, err := strconv.Atoi(fs[2])
			if err != nil {
				return nil, fmt.Errorf("line %d: bad idf %q: %w", line, fs[2], err)
			}
			e := &lexEntry{idf: float32(q) / 20}
			for _, r := range fs[3:] {
				tok, ws, ok := strings.Cut(r, ":")
				w, err := strconv.Atoi(ws)
				if !ok || err != nil || w <= 0 || w > 100 {
					return nil, fmt.Errorf("line %d: bad relation %q", line, r)
				}
				e.related = append(e.related, Expansion{Token: tok, Weight: float64(w) / 100})
			}
			l.entries[fs[1]] = e
		case "g":
			e := l.entries[fs[1]]
			if len(fs) < 3 || e == nil {
				return nil, fmt.Errorf("line %d: bad g line", line)
			}
			for _, r := range fs[2:] {
				tok, ws, ok := strings.Cut(r, ":")
				w, err := strconv.Atoi(ws)
				if !ok || err != nil || w <= 0 || w > 100 {
					return nil, fmt.Errorf("line %d: bad gloss word %q", line, r)
				}
				e.gloss = append(e.gloss, Expansion{Token: tok, Weight: float64(w) / 100})
			}
		default:
			return nil, fmt.Errorf("line %d: unknown kind %q", line, fs[0])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if l.maxIDF == 0 || len(l.entries) == 0 {
		return nil, fmt.Errorf("no entries")
	}
	return l, nil
}

// IDF returns the inverse document frequency of a token (as returned by
// Tokens) over WordNet's glosses: small for common words, large for rare
// ones. Tokens the lexicon does not know (names, numbers, rare words) get
// the largest value.
func IDF(token string) float64 {
	l := lexicon()
	if e, ok := l.entries[token]; ok {
		return float64(e.idf)
	}
	return l.maxIDF
}

// Known reports whether the lexicon has token (as returned by Tokens):
// an English word, not a name or a misspelling.
func Known(token string) bool {
	_, ok := lexicon().entries[token]
	return ok
}

// Expand returns the tokens related to token (as returned by Tokens):
// synonyms, derivationally related forms and close hypernyms from
// WordNet, strongest first. It returns nil for an unknown token. The
// result must not be modified.
func Expand(token string) []string {
	rel := ExpandWeighted(token)
	if len(rel) == 0 {
		return nil
	}
	out := make([]string, len(rel))
	for i, r := range rel {
		out[i] = r.Token
	}
	return out
}

// ExpandWeighted is Expand with the strength of each relation, in (0, 1].
// The returned slice is shared and must not be modified.
func ExpandWeighted(token string) []Expansion {
	if e, ok := lexicon().entries[token]; ok {
		return e.related
	}
	return nil
}
