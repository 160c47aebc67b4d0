package rag

import (
	"strings"
	"testing"

	"github.com/newsbot/newsbot/rag/answer"
	"github.com/newsbot/newsbot/rag/chunk"
)

func TestIsHeadline(t *testing.T) {
	first := Result{Chunk: chunk.Chunk{Start: 0}, Source: answer.Source{Title: "Kremlin meeting lasted almost five hours"}}
	later := Result{Chunk: chunk.Chunk{Start: 400}, Source: answer.Source{Title: "Kremlin meeting lasted almost five hours"}}
	tests := []struct {
		r     Result
		start int
		text  string
		want  bool
	}{
		{first, 0, "Kremlin meeting lasted almost five hours", true},
		{later, 10, "Kremlin meeting lasted almost five hours.", true},
		{first, 0, "The talks lasted five hours.", false},
		{first, 60, "Talks continue on Friday", false},
		{later, 0, "Moscow said the war had lasted nearly four years", false},
	}
	for _, tt := range tests {
		if got := isHeadline(tt.r, tt.start, tt.text); got != tt.want {
			t.Errorf("isHeadline(start %d+%d, %q) = %v, want %v", tt.r.Chunk.Start, tt.start, tt.text, got, tt.want)
		}
	}
}

// TestNormValuePossessive: a possessive makes no value fuller.
func TestNormValuePossessive(t *testing.T) {
	for in, want := range map[string]string{
		"West End's":       "west end",
		"Trump’s":          "trump",
		"Ronan O'Sullivan": "ronan o sullivan",
	} {
		if got := strings.Join(normValue(in), " "); got != want {
			t.Errorf("normValue(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSharedPhrases: a sentence that repeats the question's phrase ("a
// crucial test of") holds its pairs of consecutive words; one that has
// the same words apart holds none.
func TestSharedPhrases(t *testing.T) {
	lex := localLexicon()
	q := "what was the zenda meeting widely seen as a crucial test of"
	pairs := wordPairs(lex.tokens(q), focusTerms(lex, q))
	for s, want := range map[string]int{
		"The meeting was what many viewed as a crucial test of the new government's approach.": 1,
		"The test was crucial, the Zenda envoy said after the meeting.":                        0,
		"Widely seen as a crucial test, the Zenda meeting ended late.":                         4,
	} {
		if got := sharedPhrases(pairs, lex.tokens(s)); got != want {
			t.Errorf("sharedPhrases(%q) = %d, want %d", s, got, want)
		}
	}
}
