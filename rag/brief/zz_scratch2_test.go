package brief

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/corpus"
	"github.com/newsbot/newsbot/corpus/text"
)

func TestScratchMN(t *testing.T) {
	f, _ := os.Open("../../../shared/eval/data/multinews-leval-sample/news_summ.jsonl")
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var arts []corpus.Article
	var labels []int
	seen := map[string]bool{}
	c := 0
	for sc.Scan() {
		var it struct{ Input string }
		if json.Unmarshal(sc.Bytes(), &it) != nil || seen[it.Input] {
			continue
		}
		seen[it.Input] = true
		var cur strings.Builder
		n := 0
		flush := func() {
			arts = append(arts, corpus.Article{ID: fmt.Sprint(c, len(arts)), Text: cur.String()})
			labels = append(labels, c)
			cur.Reset()
			n = 0
		}
		for _, sp := range text.Sentences(it.Input) {
			s := it.Input[sp.Start:sp.End]
			if n > 0 && n+len(strings.Fields(s)) > 600 {
				flush()
			}
			if n > 0 {
				cur.WriteByte(' ')
			}
			cur.WriteString(s)
			n += len(strings.Fields(s))
		}
		if n > 0 {
			flush()
		}
		c++
	}
	b, _ := New(Config{})
	docs, _ := b.read(arts)
	b.vectorize(context.Background(), docs, nil)
	groups := b.group(docs)
	gof := map[int]int{}
	for k, g := range groups {
		for _, i := range g {
			gof[i] = k
		}
	}
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			if labels[i] != labels[j] {
				continue
			}
			a, bb := &docs[i], &docs[j]
			tf, ent, emb := a.terms.dot(bb.terms), a.entv.dot(bb.entv), dot32(a.emb, bb.emb)
			mark := " "
			if gof[i] != gof[j] {
				mark = "S"
			}
			fmt.Printf("%s c%d tf %.2f ent %.2f emb %.2f sim %.2f\n", mark, labels[i], tf, ent, emb, pairSimilarity(a, bb))
		}
	}
	// cross-cluster max
	best := 0.0
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			if labels[i] != labels[j] {
				best = max(best, pairSimilarity(&docs[i], &docs[j]))
			}
		}
	}
	fmt.Println("cross max", best)
}
