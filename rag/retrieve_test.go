package rag

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/corpus"
	"github.com/newsbot/newsbot/rag/answer"
)

// TestSearchKeepsFocus: a name every article about the story shares
// ("Zelensky") weighs little in BM25, so passages that share only the
// question's common word ("refused"), over and over, would outrank the
// story's passages; the fused ranking keeps those naming the question's
// focus first.
func TestSearchKeepsFocus(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, Config{})
	var arts []corpus.Article
	add := func(id, text string) {
		arts = append(arts, corpus.Article{ID: id, Title: "Report " + id, Source: "Post", Origin: testOrigin, Hash: id, Text: text})
	}
	for i, text := range []string{
		"Zelensky met European leaders in Paris on Monday.",
		"Zelensky thanked Berlin for new air defence systems.",
		"In Rome, Zelensky spoke with the Pope about prisoners of war.",
		"Zelensky visited troops near the front line last week.",
		"Zelensky named a new defence minister after a reshuffle.",
		"Polish farmers blocked the border, Zelensky complained to Warsaw.",
	} {
		add(fmt.Sprintf("z%d", i), text)
	}
	add("z9", "Zelensky refused to give up land in the east.")
	for i, who := range []string{"union", "club", "council"} {
		add(fmt.Sprintf("d%d", i), fmt.Sprintf("The %s refused the offer. It refused again on Friday, and refused a third time, as it had refused before.", who))
	}
	if _, err := s.Ingest(ctx, arts, IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	res, err := s.Search(ctx, "What has Zelensky refused to do?", 3, answer.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) == 0 || res[0].Chunk.ArticleID != "z9" {
		t.Fatalf("first result %v, want z9", res)
	}
	for _, r := range res {
		if !strings.Contains(r.Chunk.Text, "Zelensky") {
			t.Errorf("rank %d is %s (%q), which does not name Zelensky", r.Rank, r.Chunk.ArticleID, r.Chunk.Text)
		}
	}
}

// TestSearchIgnoresIndexOrder: the same story filed twice scores the same;
// which copy is returned, and the order of the results, do not depend on
// the order the articles were indexed in.
func TestSearchIgnoresIndexOrder(t *testing.T) {
	ctx := context.Background()
	texts := map[string]string{
		"sport/101": "Anna Kovac beat Mira Sol to win the Zenda Open on Sunday.",
		"sport/205": "Anna Kovac beat Mira Sol to win the Zenda Open on Sunday.",
		"sport/150": "Mira Sol reached the Zenda Open final for the first time.",
		"news/007":  "The Zenda Open drew a record crowd of 20,000 on Sunday.",
	}
	search := func(order []string) []string {
		s := openTest(t, Config{})
		for _, id := range order { // one ingest each: the index takes them in this order
			art := corpus.Article{ID: id, Title: "Report " + id, Source: "Post", Origin: testOrigin, Hash: id, Text: texts[id]}
			if _, err := s.Ingest(ctx, []corpus.Article{art}, IngestOptions{}); err != nil {
				t.Fatal(err)
			}
		}
		res, err := s.Search(ctx, "Who won the Zenda Open?", 3, answer.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, r := range res {
			ids = append(ids, r.Chunk.ArticleID)
		}
		return ids
	}
	a := search([]string{"sport/101", "sport/205", "sport/150", "news/007"})
	b := search([]string{"news/007", "sport/205", "sport/150", "sport/101"})
	if strings.Join(a, " ") != strings.Join(b, " ") || len(a) == 0 || a[0] != "sport/101" {
		t.Errorf("results %v and %v, want the same, sport/101 first (the copy with the lower id)", a, b)
	}
}

// TestSearchPrefersTheQuestionsPhrase: among passages that hold the
// question's words apart ("the Home Secretary told the House … the
// press … a white paper"), the one that holds them as the question writes
// them ("White House press secretary") comes first.
func TestSearchPrefersTheQuestionsPhrase(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, Config{})
	var arts []corpus.Article
	for i, who := range []string{"Home", "Foreign", "Culture", "Health", "Transport", "Defence"} {
		arts = append(arts, corpus.Article{ID: fmt.Sprintf("d%d", i), Title: "Report", Source: "Post", Origin: testOrigin, Hash: fmt.Sprint(i),
			Text: fmt.Sprintf("The %s Secretary told the House that the press had been unfair. The secretary said a white paper would follow, and the House agreed.", who)})
	}
	arts = append(arts, corpus.Article{ID: "leavitt", Title: "Talks", Source: "Post", Origin: testOrigin, Hash: "l",
		Text: "Speaking before the talks in Moscow, White House press secretary Ana Ruiz told reporters the administration was optimistic."})
	if _, err := s.Ingest(ctx, arts, IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	res, err := s.Search(ctx, "who's the white house press secretary", 3, answer.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) == 0 || res[0].Chunk.ArticleID != "leavitt" {
		t.Fatalf("first result %v, want leavitt", res)
	}
}

// TestSearchReturnsK: a search for more passages than are re-ranked
// still returns k of them.
func TestSearchReturnsK(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, Config{})
	var arts []corpus.Article
	words := strings.Fields("apple birch cedar dune ember fjord grove heath inlet juniper kelp lagoon marsh nettle oak pine quarry reed sedge tundra")
	for i := range 40 {
		var own []string // eight words of its own, so no two passages are near-duplicates
		for j := range 8 {
			own = append(own, fmt.Sprintf("%s%d", words[(i+j*3)%len(words)], i))
		}
		arts = append(arts, corpus.Article{ID: fmt.Sprintf("a%d", i), Title: "Report", Source: "Post", Origin: testOrigin, Hash: fmt.Sprint(i),
			Text: "The ferry timetable was discussed. " + strings.Join(own, " ") + "."})
	}
	if _, err := s.Ingest(ctx, arts, IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	res, err := s.Search(ctx, "ferry timetable of the harbour council", 30, answer.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 30 {
		t.Errorf("%d results, want 30", len(res))
	}
}
