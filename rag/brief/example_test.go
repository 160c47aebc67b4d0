package brief_test

import (
	"context"
	"fmt"

	"github.com/newsbot/newsbot/corpus"
	"github.com/newsbot/newsbot/rag/brief"
)

func ExampleBriefer_Brief() {
	articles, _ := corpus.LoadFS(corpus.Shipped)
	b, err := brief.New(brief.Config{}) // offline: local embedder, extractive summaries
	if err != nil {
		panic(err)
	}
	br, err := b.Brief(context.Background(), articles, brief.Window{All: true})
	if err != nil {
		panic(err)
	}
	s := br.Stories[0]
	fmt.Println(len(br.Stories), "story from", len(s.ArticleIDs), "articles")
	for _, d := range s.Disagreements {
		fmt.Println("differ on:", d.Topic) // claims in the order of publication
		for _, c := range d.Claims {
			fmt.Printf("  %q (%s)\n", c.Value, c.ArticleID[:3])
		}
	}
	// Output:
	// 1 story from 5 articles
	// differ on: duration of the war
	//   "nearly three years" (000)
	//   "well over three years" (002)
	//   "nearly four-year-long" (001)
}
