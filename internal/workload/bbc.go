package workload

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// BBCCategories are the folders of the BBC News corpus.
var BBCCategories = []string{"business", "entertainment", "politics", "sport", "tech"}

// BBCOptions describes a copy of the BBC News corpus.
type BBCOptions struct {
	// Outlets is the number of made-up outlets the articles are spread
	// over (default 20).
	Outlets int
	// Syndicated is the share of articles also run, lightly edited, by a
	// second outlet (default 0: none).
	Syndicated float64
	// Seed makes the outlets, dates and copies (default 1).
	Seed uint64
}

// BBC copies the BBC News corpus at src (category folders of files whose
// first line is the headline) into dst, one file per article named
// "<category>-<number>.txt" (the numbers repeat across categories, and an
// article's id is its base name), each with front matter giving an outlet
// and a publication date spread over 2005. The file that is not valid
// UTF-8 is copied as it is, so loaders meet it. It returns what it wrote,
// or an error if src is not the corpus or a file cannot be written.
func BBC(src, dst string, o BBCOptions) (Stats, error) {
	if o.Outlets <= 0 {
		o.Outlets = 20
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	files, err := bbcFiles(src)
	if err != nil {
		return Stats{}, err
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return Stats{}, err
	}
	r := rand.New(rand.NewPCG(o.Seed, 0xbbc))
	start := time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC)
	var st Stats
	write := func(name string, outlet string, at time.Time, title string, body []byte) error {
		var b bytes.Buffer
		fmt.Fprintf(&b, "---\nsource: %s\npublished: %s\n", outlet, at.Format(time.RFC3339))
		if title != "" {
			fmt.Fprintf(&b, "title: %q\n", title)
		}
		b.WriteString("---\n")
		b.Write(body)
		if err := os.WriteFile(filepath.Join(dst, name), b.Bytes(), 0o644); err != nil {
			return err
		}
		st.Articles++
		st.Bytes += int64(b.Len())
		return nil
	}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			return st, err
		}
		name := strings.ReplaceAll(strings.TrimSuffix(f, ".txt"), "/", "-")
		outlet := outletName(r.IntN(o.Outlets))
		at := start.Add(time.Duration(r.IntN(365*86400)) * time.Second)
		if err := write(name+".txt", outlet, at, "", data); err != nil {
			return st, err
		}
		if r.Float64() < o.Syndicated {
			other := outletName(r.IntN(o.Outlets))
			title, body, _ := bytes.Cut(data, []byte("\n"))
			t := strings.TrimSpace(string(title))
			if !utf8.Valid(title) {
				t = ""
			}
			body = append(bytes.TrimSpace(body), []byte("\n\nThis story first ran in "+outlet+".\n")...)
			if err := write(name+"-copy.txt", other, at.Add(time.Duration(1+r.IntN(36))*time.Hour), t, body); err != nil {
				return st, err
			}
			st.Syndicated++
		}
	}
	return st, nil
}

// bbcFiles lists the corpus's article files as "category/NNN.txt", sorted.
func bbcFiles(src string) ([]string, error) {
	var files []string
	for _, c := range BBCCategories {
		ents, err := os.ReadDir(filepath.Join(src, c))
		if err != nil {
			return nil, fmt.Errorf("BBC News corpus: %w", err)
		}
		for _, e := range ents {
			if e.Type().IsRegular() && strings.HasSuffix(e.Name(), ".txt") {
				files = append(files, c+"/"+e.Name())
			}
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("BBC News corpus: no articles under %s", src)
	}
	slices.Sort(files)
	return files, nil
}

// Vocabulary returns the words of the BBC News corpus at src, most
// frequent first (ties in byte order), each in its most frequent spelling
// (so names keep their capital and "the" is lower case); words of files
// that are not valid UTF-8 are left out. It returns an error if src is
// not the corpus.
func Vocabulary(src string) ([]string, error) {
	files, err := bbcFiles(src)
	if err != nil {
		return nil, err
	}
	type count struct {
		total int
		forms map[string]int
	}
	counts := map[string]*count{}
	for _, f := range files {
		data, err := fs.ReadFile(os.DirFS(src), f)
		if err != nil {
			return nil, err
		}
		if !utf8.Valid(data) {
			continue
		}
		for _, w := range strings.FieldsFunc(string(data), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
			w = strings.Trim(w, "'")
			if w == "" {
				continue
			}
			k := strings.ToLower(w)
			c := counts[k]
			if c == nil {
				c = &count{forms: map[string]int{}}
				counts[k] = c
			}
			c.total++
			c.forms[w]++
		}
	}
	type entry struct {
		word string
		n    int
	}
	out := make([]entry, 0, len(counts))
	for _, c := range counts {
		best, bn := "", 0
		for f, n := range c.forms {
			if n > bn || (n == bn && f < best) {
				best, bn = f, n
			}
		}
		out = append(out, entry{best, c.total})
	}
	slices.SortFunc(out, func(a, b entry) int {
		if a.n != b.n {
			return b.n - a.n
		}
		return strings.Compare(a.word, b.word)
	})
	words := make([]string, len(out))
	for i, e := range out {
		words[i] = e.word
	}
	return words, nil
}
