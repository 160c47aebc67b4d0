package rag

import (
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/corpus"
)

// regexpEntities is the entity normalization as it was, four regular
// expressions applied in turn (and one for "IT" since): the reference
// normalizeEntities must match.
var regexpEntities = []struct {
	re    *regexp.Regexp
	token string
}{
	{regexp.MustCompile(`\bU\.S\.(A\.)?|\bUSA?\b|(?i:\bunited states( of america)?\b)|(?i:\bamerica\b)`), " usa "},
	{regexp.MustCompile(`\bU\.K\.|\bUK\b|(?i:\bunited kingdom\b|\bbritain\b)`), " britain "},
	{regexp.MustCompile(`\bU\.N\.|\bUN\b|(?i:\bunited nations\b)`), " unitednations "},
	{regexp.MustCompile(`\bEU\b|(?i:\beuropean union\b)`), " europeanunion "},
	{regexp.MustCompile(`\bIT\b|(?i:\binformation technology\b)`), " infotech "},
}

func regexpNormalize(s string) string {
	for _, e := range regexpEntities {
		s = e.re.ReplaceAllString(s, e.token)
	}
	return s
}

func checkSameEntities(t *testing.T, what, s string) {
	t.Helper()
	if got, want := normalizeEntities(s), regexpNormalize(s); got != want {
		t.Fatalf("%s: normalizeEntities(%.120q)\n got %.200q\nwant %.200q", what, s, got, want)
	}
}

func TestNormalizeEntitiesCases(t *testing.T) {
	for _, s := range []string{
		"", "us", "US", "USA", "U.S.", "U.S.A.", "U.S.A", "USAF", "US_", "_US", "US1", "é US é", "ÉUSÉ",
		"the United States of America's", "united states of americans", "UNITED STATES", "united ſtates", "United \u212Aingdom",
		"America", "Americas", "Latin america.", "U.K.", "UK-based", "the uk", "Britain's", "Great BRITAIN", "britains",
		"U.N.", "UN", "UNESCO", "United Nations", "united  nations", "EU", "EU's", "eu", "European Union", "european unions",
		"U.S.UK", "U.S.U.N.", "UKU.S.", "U.K.U.S.A.", "U.S.A.EU", "America/Britain", "us\xffUS\xffUK", "United States\nof America",
		"IT", "it", "IT's", "ITV", "the IT jobs", "Information Technology", "information  technology", "EUIT", "IT-EU",
	} {
		checkSameEntities(t, "case", s)
	}
	if got := normalizeEntities("talks in the U.S. and the EU"); got != "talks in the  usa  and the  europeanunion " {
		t.Errorf("got %q", got)
	}
}

// TestNormalizeEntitiesRandom compares the two on random strings made of
// the pieces the spellings are made of.
func TestNormalizeEntitiesRandom(t *testing.T) {
	pieces := []string{"U", ".", "S", "A", "K", "N", "E", "US", "UK", "UN", "EU", "USA", "U.S.", "A.", "united", "United", "UNITED",
		" ", " ", "states", "STATES", "ſtates", "kingdom", "\u212Aingdom", " of ", "america", "America", "nations", "european",
		"union", "britain", "IT", "I", "T", "information", " technology", "_", "x", "é", "1", "'s", "-", "\n", "\xff", "s", "k"}
	r := rand.New(rand.NewPCG(3, 4))
	var b strings.Builder
	for range 200_000 {
		b.Reset()
		for range 1 + r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		checkSameEntities(t, "random", b.String())
	}
}

// TestNormalizeEntitiesCorpora compares the two on the shipped articles
// and, when present, the BBC News corpus and the evaluation data.
func TestNormalizeEntitiesCorpora(t *testing.T) {
	arts, _ := corpus.LoadFS(corpus.Shipped)
	for _, a := range arts {
		checkSameEntities(t, a.ID, a.Text)
	}
	dir := "../../shared/eval/data/bbc-news"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("BBC News corpus not found at %s", dir)
	}
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".txt") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		checkSameEntities(t, p, string(data))
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 2225 {
		t.Errorf("compared %d BBC files, want 2,225", n)
	}
}

func BenchmarkNormalizeEntities(b *testing.B) {
	arts, _ := corpus.LoadFS(corpus.Shipped)
	var text strings.Builder
	for _, a := range arts {
		text.WriteString(a.Text)
	}
	s := text.String()
	b.Run("regexp", func(b *testing.B) {
		b.SetBytes(int64(len(s)))
		for b.Loop() {
			regexpNormalize(s)
		}
	})
	b.Run("scan", func(b *testing.B) {
		b.SetBytes(int64(len(s)))
		for b.Loop() {
			normalizeEntities(s)
		}
	})
}

// TestInformationTechnology: "IT" in capitals is a word of its own (not
// the pronoun), so the sentence about IT jobs answers how many IT jobs go.
func TestInformationTechnology(t *testing.T) {
	checkLead(t, "How many IT jobs will Northwind cut?", []string{
		"Northwind, the largest lender in Zenda, is to cut jobs as profits fall. " +
			"About 1,100 jobs will be cut in marketing. A further 1,200 jobs will be cut in IT.",
	}, "1,200")
}
