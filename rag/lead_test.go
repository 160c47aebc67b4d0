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
