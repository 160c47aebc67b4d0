// Command gen builds the compact lexicon that the local embedder embeds,
// from the WordNet 3.0 database files shipped by Debian's wordnet-base
// package (/usr/share/wordnet). Run it from the localembed folder:
//
//	go run ./internal/gen -wordnet /usr/share/wordnet -out lexicon.txt.gz
//
// The output is a gzip'd text file with three kinds of line:
//
//	n <synsets>                    number of gloss documents the IDF came from
//	x <inflected> <base>           irregular forms (went go, children child)
//	w <stem> <idf*20> [<stem>:<weight*100> ...]
//
// IDF is the document frequency of each stem over WordNet's own glosses
// (definitions and example sentences), so no news text or evaluation data
// goes into it. Related stems are synonyms, derivationally related forms,
// pertainyms, similar adjectives and near hypernyms, weighted by how common
// the sense that links them is (WordNet lists senses most frequent first).
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/newsbot/newsbot/corpus/text"
	"github.com/newsbot/newsbot/rag/localembed/internal/textproc"
)

var poses = []string{"noun", "verb", "adj", "adv"}

type pointer struct {
	sym      string
	offset   string
	pos      byte
	src, dst int
}

type synset struct {
	lexFile int
	words   []string
	lexIDs  []int
	ptrs    []pointer
	gloss   string
}

type params struct {
	maxSenses  int
	maxRelated int
	minWeight  float64
	typeWeight map[string]float64
	// glossK gloss words are kept per stem, each with IDF at least
	// glossMinIDF.
	glossK      int
	glossMinIDF float64
}

func main() {
	dir := flag.String("wordnet", "/usr/share/wordnet", "WordNet database folder")
	out := flag.String("out", "lexicon.txt.gz", "output file")
	maxSenses := flag.Int("senses", 4, "senses of a word that contribute related words")
	maxRelated := flag.Int("related", 12, "most related stems kept per stem")
	minWeight := flag.Float64("min", 0.2, "smallest relation weight kept")
	hyper := flag.Float64("hyper", 0.4, "weight of hypernym links (0 drops them)")
	glossK := flag.Int("gloss", 6, "gloss words kept per stem (0 drops them)")
	glossMinIDF := flag.Float64("gloss-min-idf", 4, "smallest IDF of a gloss word kept")
	flag.Parse()
	p := params{
		maxSenses: *maxSenses, maxRelated: *maxRelated, minWeight: *minWeight,
		glossK: *glossK, glossMinIDF: *glossMinIDF,
		typeWeight: map[string]float64{
			"syn": 1, "+": 0.8, "\\": 0.8, "&": 0.6, "@": *hyper, ">": 0.6, "$": 0.6, "*": 0.5,
		},
	}
	if err := run(*dir, *out, p); err != nil {
		log.Fatal(err)
	}
}

func run(dir, out string, p params) error {
	synsets := map[string]*synset{} // key: pos letter + offset
	for _, pos := range poses {
		if err := readData(filepath.Join(dir, "data."+pos), synsets); err != nil {
			return err
		}
	}
	lemmas := map[string]bool{}
	index := map[string][]sense{} // lemma -> its most frequent senses in each part of speech
	for _, pos := range poses {
		if err := readIndex(filepath.Join(dir, "index."+pos), lemmas, index, p.maxSenses); err != nil {
			return err
		}
	}
	exc := map[string]string{}
	for _, pos := range poses {
		if err := readExc(filepath.Join(dir, pos+".exc"), lemmas, exc); err != nil {
			return err
		}
	}
	counts, err := readCounts(filepath.Join(dir, "cntlist.rev"))
	if err != nil {
		return err
	}
	norm := func(w string) string { return textproc.Token(w, exc) }

	// Document frequency over glosses.
	df := map[string]int{}
	keys := make([]string, 0, len(synsets))
	for k := range synsets {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		seen := map[string]bool{}
		text.Words(synsets[k].gloss, func(w string) {
			if s := norm(w); s != "" && !seen[s] {
				seen[s] = true
				df[s]++
			}
		})
	}
	n := len(synsets)

	// Relations between stems.
	rel := map[string]map[string]float64{}
	add := func(a, b string, w float64) {
		if a == "" || b == "" || a == b || w <= 0 {
			return
		}
		m := rel[a]
		if m == nil {
			m = map[string]float64{}
			rel[a] = m
		}
		if w > m[b] {
			m[b] = w
		}
	}
	// Weight each sense by how often it was tagged in the Semantic
	// Concordance, relative to the most common sense of the lemma; and each
	// lemma by its count relative to the most common lemma of its stem
	// (so "rejected" the adjective, never tagged, weighs little beside
	// "reject" the verb). Untagged words fall back to sense rank.
	type lemmaInfo struct {
		stem    string
		cs      []int
		wordNos []int
		cmax    int
		total   int
	}
	infos := map[string]*lemmaInfo{}
	stemMax := map[string]int{}
	for lemma, senses := range index {
		a := norm(lemma)
		if a == "" {
			continue
		}
		li := &lemmaInfo{stem: a, cs: make([]int, len(senses)), wordNos: make([]int, len(senses))}
		for i, sn := range senses {
			ss := synsets[sn.key]
			if ss == nil {
				continue
			}
			for j, w := range ss.words {
				if w == lemma {
					li.wordNos[i] = j + 1
					li.cs[i] = counts[countKey(lemma, sn.key[:1], ss.lexFile, ss.lexIDs[j])]
				}
			}
			li.cmax = max(li.cmax, li.cs[i])
			li.total += li.cs[i]
		}
		infos[lemma] = li
		stemMax[a] = max(stemMax[a], li.total)
	}
	gloss := map[string]map[string]float64{}
	addGloss := func(a, b string, w float64) {
		m := gloss[a]
		if m == nil {
			m = map[string]float64{}
			gloss[a] = m
		}
		m[b] += w
	}
	lemmaKeys := make([]string, 0, len(index))
	for lemma := range index {
		lemmaKeys = append(lemmaKeys, lemma)
	}
	sort.Strings(lemmaKeys) // fixed order: gloss weights are float sums
	for _, lemma := range lemmaKeys {
		senses := index[lemma]
		li := infos[lemma]
		if li == nil {
			continue
		}
		a := li.stem
		// A rare lemma still counts for something: "talks" (negotiation)
		// is rare beside "talk" but is the sense that matters in news.
		lw := max(0.35, math.Sqrt((float64(li.total)+1)/(float64(stemMax[a])+1)))
		cs, wordNos, cmax := li.cs, li.wordNos, li.cmax
		for i, sn := range senses {
			r := sn.rank
			ss := synsets[sn.key]
			if ss == nil {
				continue
			}
			sw := 1 / (1 + 0.6*float64(r))
			if cmax > 0 {
				sw = math.Sqrt((float64(cs[i]) + 0.1) / (float64(cmax) + 0.1))
			}
			sw *= lw
			if p.glossK > 0 {
				def, _, _ := strings.Cut(ss.gloss, "\"")
				seen := map[string]bool{}
				text.Words(def, func(w string) {
					t := norm(w)
					if t == "" || t == a || seen[t] || len(t) < 2 || t[0] <= '9' {
						return
					}
					seen[t] = true
					idf := idfOf(n, df[t])
					if idf < p.glossMinIDF {
						return
					}
					addGloss(a, t, sw*idf)
				})
			}
			wordNo := wordNos[i]
			for _, w := range ss.words {
				if single(w) {
					add(a, norm(w), sw*p.typeWeight["syn"])
				}
			}
			for _, ptr := range ss.ptrs {
				tw, ok := p.typeWeight[ptr.sym]
				if !ok || tw == 0 {
					continue
				}
				if ptr.src != 0 && ptr.src != wordNo {
					continue
				}
				if ptr.sym == "@" && r > 0 {
					continue // hypernyms only from the most common sense
				}
				t := synsets[string(ptr.pos)+ptr.offset]
				if t == nil {
					continue
				}
				for j, w := range t.words {
					if ptr.dst != 0 && ptr.dst != j+1 {
						continue
					}
					if single(w) {
						add(a, norm(w), sw*tw)
					}
				}
			}
		}
	}
	return write(out, n, df, exc, rel, gloss, p)
}

// topGloss returns the k strongest gloss associations as "stem:weight"
// with weights scaled so that the strongest is 100.
func topGloss(m map[string]float64, k int) []string {
	if len(m) == 0 || k == 0 {
		return nil
	}
	keys := make([]string, 0, len(m))
	for t := range m {
		keys = append(keys, t)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	if len(keys) > k {
		keys = keys[:k]
	}
	top := m[keys[0]]
	var out []string
	for _, t := range keys {
		w := int(math.Round(100 * m[t] / top))
		if w >= 10 {
			out = append(out, fmt.Sprintf("%s:%d", t, w))
		}
	}
	return out
}

// single reports whether a WordNet lemma is one plain word.
func single(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

func idfOf(n, df int) float64 {
	return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
}

func write(out string, n int, df map[string]int, exc map[string]string, rel, gloss map[string]map[string]float64, p params) error {
	f, err := os.Create(out)
	if err != nil {
		return fmt.Errorf("create %s: %w", out, err)
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	fmt.Fprintf(bw, "n %d\n", n)
	inf := make([]string, 0, len(exc))
	for k := range exc {
		inf = append(inf, k)
	}
	sort.Strings(inf)
	for _, k := range inf {
		fmt.Fprintf(bw, "x %s %s\n", k, exc[k])
	}
	stems := map[string]bool{}
	for s := range df {
		stems[s] = true
	}
	for s := range rel {
		stems[s] = true
	}
	all := make([]string, 0, len(stems))
	for s := range stems {
		all = append(all, s)
	}
	sort.Strings(all)
	maxIDF := idfOf(n, 0)
	for _, s := range all {
		idf := idfOf(n, df[s])
		type kv struct {
			s string
			w float64
		}
		var rs []kv
		for t, w := range rel[s] {
			if w >= p.minWeight {
				rs = append(rs, kv{t, w})
			}
		}
		sort.Slice(rs, func(i, j int) bool {
			if rs[i].w != rs[j].w {
				return rs[i].w > rs[j].w
			}
			return rs[i].s < rs[j].s
		})
		if len(rs) > p.maxRelated {
			rs = rs[:p.maxRelated]
		}
		if df[s] == 0 && len(rs) == 0 {
			continue
		}
		if idf >= maxIDF-1e-9 && len(rs) == 0 {
			continue
		}
		fmt.Fprintf(bw, "w %s %d", s, int(math.Round(idf*20)))
		for _, r := range rs {
			fmt.Fprintf(bw, " %s:%d", r.s, int(math.Round(r.w*100)))
		}
		bw.WriteByte('\n')
		if g := topGloss(gloss[s], p.glossK); len(g) > 0 {
			fmt.Fprintf(bw, "g %s %s\n", s, strings.Join(g, " "))
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}
