// Command workload writes a benchmark corpus of issue 14 into a folder:
//
//	go run ./internal/workload/cmd/workload -out /tmp/year -articles 30000
//	go run ./internal/workload/cmd/workload -out /tmp/bbc -bbc ../shared/eval/data/bbc-news
//
// With -bbc and -articles 0 it copies the BBC News corpus (with outlets
// and dates); with -bbc and -articles N it generates N articles from the
// BBC corpus's words; without -bbc, from a built-in word list. It refuses
// a folder that already holds files.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/newsbot/newsbot/internal/workload"
)

func main() {
	out := flag.String("out", "", "folder to write the corpus into (new or empty)")
	articles := flag.Int("articles", 30000, "articles to generate (0 with -bbc: copy the BBC corpus)")
	chunks := flag.Int("chunks", 10, "chunks per generated article")
	outlets := flag.Int("outlets", 50, "outlets")
	syndicated := flag.Float64("syndicated", 0.1, "share of syndicated near-copies")
	seed := flag.Uint64("seed", 1, "random seed")
	bbc := flag.String("bbc", "", "the BBC News corpus folder")
	flag.Parse()
	if err := run(*out, *articles, *chunks, *outlets, *syndicated, *seed, *bbc); err != nil {
		fmt.Fprintln(os.Stderr, "workload:", err)
		os.Exit(1)
	}
}

func run(out string, articles, chunks, outlets int, syndicated float64, seed uint64, bbc string) error {
	if out == "" {
		return fmt.Errorf("-out is required")
	}
	if ents, err := os.ReadDir(out); err == nil && len(ents) > 0 {
		return fmt.Errorf("%s is not empty", out)
	}
	if bbc != "" && articles == 0 {
		st, err := workload.BBC(bbc, out, workload.BBCOptions{Outlets: outlets, Syndicated: syndicated, Seed: seed})
		fmt.Printf("%d articles (%d syndicated copies), %d bytes\n", st.Articles, st.Syndicated, st.Bytes)
		return err
	}
	o := workload.Options{Articles: articles, ChunksPer: chunks, Outlets: outlets, Syndicated: syndicated, Seed: seed}
	if bbc != "" {
		words, err := workload.Vocabulary(bbc)
		if err != nil {
			return err
		}
		o.Vocabulary = words
	}
	st, err := workload.Write(out, o)
	fmt.Printf("%d articles (%d syndicated copies), %d bytes\n", st.Articles, st.Syndicated, st.Bytes)
	return err
}
