package bot

import (
	"strings"
	"testing"

	"github.com/newsbot/newsbot/rag/answer"
)

func TestLooksLikeID(t *testing.T) {
	for _, tt := range []struct {
		s, id string
		want  bool
	}{
		{"000_68b8ef4dfa8c2120", "", true},
		{"68b8ef4dfa8c2120", "", true},
		{"art-1", "art-1", true},
		{"", "", true},
		{"Reuters", "", false},
		{"Gulf News", "", false},
		{"BBC", "", false},
		{"abc123", "", true},
		{"nytimes.com", "", false},
	} {
		if got := looksLikeID(tt.s, tt.id); got != tt.want {
			t.Errorf("looksLikeID(%q, %q) = %v, want %v", tt.s, tt.id, got, tt.want)
		}
	}
}

func TestRenumberMarkers(t *testing.T) {
	renum := map[int]int{1: 1, 2: 1, 3: 2}
	for in, want := range map[string]string{
		"A [1]. B [2]. C [3].": "A [1]. B [1]. C [2].",
		"A [1][2].":            "A [1].",
		"A [1, 3] and [2] [3]": "A [1, 2] and [1, 2]",
		"keeps [9] unknown":    "keeps [9] unknown",
	} {
		if got := renumberMarkers(in, renum); got != want {
			t.Errorf("renumberMarkers(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDifferTextInPlainWords(t *testing.T) {
	s := answer.Story{
		Citations: []answer.Citation{{N: 1, ArticleID: "a", Source: "AP"}, {N: 2, ArticleID: "b", Source: "0a1b2c3d4e5f6a7b", URL: "https://www.bbc.co.uk/x"}},
		Disagreements: []answer.Disagreement{{Topic: "the death toll", Claims: []answer.Claim{
			{ArticleID: "a", Source: "AP", Value: "12", N: 1}, {ArticleID: "b", Source: "0a1b2c3d4e5f6a7b", Value: "15", N: 2}}}},
	}
	got := formatStory(s, 1)
	if want := "On the death toll, AP says “12” [1], while bbc.co.uk says “15” [2]."; !strings.Contains(got, want) {
		t.Errorf("story lacks %q:\n%s", want, got)
	}
	if strings.Contains(got, "0a1b2c3d") {
		t.Errorf("story shows an id as an outlet:\n%s", got)
	}
}
