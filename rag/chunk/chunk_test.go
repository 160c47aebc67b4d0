package chunk

import (
	"strconv"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/corpus"
)

func TestArticle(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 60; i++ {
		b.WriteString("This is sentence number ")
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteString(" of a long article about talks. ")
	}
	a := corpus.Article{ID: "a1", Text: b.String()}
	chunks := Article(a)
	if len(chunks) < 3 {
		t.Fatalf("got %d chunks, want several", len(chunks))
	}
	for i, c := range chunks {
		if c.ID != "a1#"+strconv.Itoa(i) || c.Index != i {
			t.Errorf("chunk %d has id %q", i, c.ID)
		}
		if a.Text[c.Start:c.End] != c.Text {
			t.Errorf("chunk %d offsets do not match its text", i)
		}
		if len(c.Text) > TargetBytes {
			t.Errorf("chunk %d is %d bytes", i, len(c.Text))
		}
		for _, s := range c.SentenceTexts() {
			if !strings.HasPrefix(s, "This is sentence") || !strings.HasSuffix(s, "talks.") {
				t.Errorf("chunk %d has a broken sentence %q", i, s)
			}
		}
		if i > 0 {
			prev := chunks[i-1].SentenceTexts()
			if prev[len(prev)-1] != c.SentenceTexts()[0] {
				t.Errorf("chunk %d does not overlap the previous one", i)
			}
		}
	}
	again := Article(a)
	if len(again) != len(chunks) || again[2].ID != chunks[2].ID || again[2].Text != chunks[2].Text {
		t.Error("chunking is not stable across runs")
	}
	if Article(corpus.Article{ID: "e"}) != nil {
		t.Error("empty article should have no chunks")
	}
}
