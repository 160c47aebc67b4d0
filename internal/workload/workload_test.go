package workload

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsbot/newsbot/corpus"
)

const bbcDir = "../../../shared/eval/data/bbc-news"

func TestGenerateIsDeterministicAndDated(t *testing.T) {
	o := Options{Articles: 300, ChunksPer: 3, Outlets: 7, Syndicated: 0.2, Seed: 42}
	var first, second []Doc
	Generate(o, func(d Doc) error { first = append(first, d); return nil })
	Generate(o, func(d Doc) error { second = append(second, d); return nil })
	if len(first) != 300 {
		t.Fatalf("%d articles, want 300", len(first))
	}
	outlets, copies := map[string]bool{}, 0
	names := map[string]bool{}
	for i, d := range first {
		if d.Body != second[i].Body || d.Name != second[i].Name || !d.Published.Equal(second[i].Published) {
			t.Fatalf("article %d differs between two runs with the same seed", i)
		}
		base := filepath.Base(d.Name)
		if names[base] {
			t.Fatalf("article id %s repeats", base)
		}
		names[base] = true
		outlets[d.Outlet] = true
		if d.CopyOf != "" {
			copies++
		}
		if d.Published.Year() != 2025 && d.CopyOf == "" {
			t.Errorf("%s published %v, want within 2025", d.Name, d.Published)
		}
	}
	if len(outlets) != 7 {
		t.Errorf("%d outlets, want 7", len(outlets))
	}
	if copies < 30 || copies > 90 {
		t.Errorf("%d syndicated copies of 300 at 0.2", copies)
	}
	var other []Doc
	Generate(Options{Articles: 10, ChunksPer: 3, Seed: 43}, func(d Doc) error { other = append(other, d); return nil })
	if other[0].Body == first[0].Body {
		t.Error("another seed made the same article")
	}
}

// TestWrittenCorpusLoads writes a small workload and loads it as newsbot
// does: every file parses with its outlet and date, about ChunksPer
// chunks of text each.
func TestWrittenCorpusLoads(t *testing.T) {
	dir := t.TempDir()
	st, err := Write(dir, Options{Articles: 60, ChunksPer: 10, Outlets: 5, Syndicated: 0.25, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	arts, errs, err := corpus.LoadDir(dir)
	if err != nil || len(errs) > 0 {
		t.Fatalf("load: %v %v", err, errs)
	}
	if len(arts) != 60 || st.Articles != 60 || st.Syndicated == 0 {
		t.Fatalf("loaded %d, wrote %+v", len(arts), st)
	}
	var text int
	for _, a := range arts {
		if a.Source == "" || a.Published.IsZero() || a.Title == "" {
			t.Fatalf("%s: source %q, published %v, title %q", a.ID, a.Source, a.Published, a.Title)
		}
		text += len(a.Text)
	}
	if avg := text / len(arts); avg < 5500 || avg > 9000 {
		t.Errorf("average article %d bytes, want about 10 chunks of 900", avg)
	}
}

func TestBBC(t *testing.T) {
	if _, err := os.Stat(bbcDir); err != nil {
		t.Skipf("BBC News corpus not found at %s", bbcDir)
	}
	words, err := Vocabulary(bbcDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(words) < 10_000 || words[0] != "the" {
		t.Fatalf("%d words, first %q", len(words), words[:3])
	}
	dst := t.TempDir()
	st, err := BBC(bbcDir, dst, BBCOptions{Syndicated: 0.1, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 2225+st.Syndicated || st.Syndicated < 150 {
		t.Fatalf("%+v", st)
	}
	arts, errs, err := corpus.LoadDir(dst)
	if err != nil {
		t.Fatal(err)
	}
	// The one file that is not valid UTF-8 is copied as it is.
	raw, _ := os.ReadFile(filepath.Join(dst, "sport-199.txt"))
	if utf8.Valid(raw) || !bytes.Contains(raw, []byte("source: ")) {
		t.Error("sport-199.txt should keep its Latin-1 byte under the front matter")
	}
	if len(arts)+len(errs) != st.Articles {
		t.Fatalf("%d loaded + %d errors, wrote %d", len(arts), len(errs), st.Articles)
	}
	for _, a := range arts {
		if a.Source == "" || a.Published.Year() != 2005 || a.Title == "" {
			t.Fatalf("%s: source %q published %v title %q", a.ID, a.Source, a.Published, a.Title)
		}
		if strings.HasSuffix(a.ID, "-copy") && !strings.Contains(a.Text, "This story first ran in") {
			t.Errorf("%s: copy without its credit line", a.ID)
		}
	}
	// With the BBC words, generated text uses them.
	var d Doc
	Generate(Options{Articles: 1, ChunksPer: 2, Vocabulary: words}, func(x Doc) error { d = x; return nil })
	if !strings.Contains(d.Body, " the ") {
		t.Errorf("generated text without 'the': %.200s", d.Body)
	}
}
