package rag

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/corpus"
	"github.com/newsbot/newsbot/corpus/text"
	"github.com/newsbot/newsbot/rag/answer"
	"github.com/newsbot/newsbot/rag/chunk"
	"github.com/newsbot/newsbot/rag/llm"
	"github.com/newsbot/newsbot/rag/openaitest"
)

func TestVerifyFlagsClaimsTheCitedPassageDoesNotSupport(t *testing.T) {
	passage := "Putin firmly rejected key parts of the American peace plan on Tuesday. The talks in Moscow lasted five hours."
	passages := []Result{{Chunk: chunk.Chunk{ID: "a#0", ArticleID: "a", Text: passage, Sentences: text.Sentences(passage)}}}
	tests := []struct {
		name, reply string
		unsupported string // the sentence the warning must name; "" for none
	}{
		{"stated by the passage", "Putin rejected key parts of the American plan on Tuesday [1].", ""},
		{"paraphrased closely", "The Moscow talks went on for five hours, and Putin rejected parts of the plan [1].", ""},
		{"not in the passage", "Putin rejected the plan [1]. Ukrainian troops recaptured three villages near Kharkiv overnight [1].", "Ukrainian troops recaptured three villages near Kharkiv overnight."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ans := verify("What did Putin reject?", tt.reply, passages)
			notes := strings.Join(ans.Warnings, "\n")
			if tt.unsupported == "" {
				if ans.Has(answer.FlagUnsupported) {
					t.Errorf("flags %v, warnings %q: want the answer supported", ans.Flags, ans.Warnings)
				}
				return
			}
			if !ans.Has(answer.FlagUnsupported) || !strings.Contains(notes, "does not support") || !strings.Contains(notes, tt.unsupported) {
				t.Errorf("flags %v, warnings %q: want %q named as unsupported", ans.Flags, ans.Warnings, tt.unsupported)
			}
			if strings.Contains(notes, "Putin rejected the plan") {
				t.Errorf("warnings %q name a supported sentence", ans.Warnings)
			}
		})
	}
}

// conflictService answers with a chat model on srv from two reports that
// give different places for one game.
func conflictService(t *testing.T, srv *openaitest.Server) *Service {
	t.Helper()
	client, err := llm.New(llm.Config{
		BaseURL: srv.URL(), APIKey: testKey, ChatModel: "test-chat", MaxRetries: 1,
		Timeout: 2 * time.Second, MaxContextTokens: 4000, MaxAnswerTokens: 300,
		Sleep: func(ctx context.Context, d time.Duration) error { return ctx.Err() },
	})
	if err != nil {
		t.Fatal(err)
	}
	s := openTest(t, Config{DB: openDB(t, filepath.Join(t.TempDir(), "c.db")), Chat: chatWith(client)})
	arts := []corpus.Article{
		{ID: "b1", Title: "Super Bowl LV", Source: "Wire One",
			Text: "Super Bowl LV was played on February 7, 2021, at Raymond James Stadium in Tampa, Florida, the home of the Buccaneers.\nThe halftime show drew a record audience."},
		{ID: "b2", Title: "The 2021 Super Bowl", Source: "Daily Two",
			Text: "The 2021 Super Bowl was played on February 7 at the stadium in Glendale, Arizona, the home of the Cardinals.\nTickets sold out within an hour."},
	}
	for i := range arts {
		arts[i].Hash, arts[i].Origin = "h-"+arts[i].Text, testOrigin
	}
	if _, err := s.Ingest(context.Background(), arts, IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestModelAnswerKeepsTheConflictFinding(t *testing.T) {
	const question = "Where was the 2021 Super Bowl played?"
	tests := []struct {
		name, reply string
		added       bool
	}{
		{"the model drops it", "The 2021 Super Bowl was played in Tampa, Florida [1].", true},
		{"the model keeps it", "Sources differ: one report puts the game in Tampa, Florida [1], another in Glendale, Arizona [2].", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := openaitest.New(t, openaitest.WithReply(func(openaitest.Request) string { return tt.reply }))
			s := conflictService(t, srv)
			ans, err := s.Ask(context.Background(), answer.Request{Question: question})
			if err != nil {
				t.Fatal(err)
			}
			// The finding went into the prompt as data, both sides quoted.
			reqs := srv.RequestsTo(openaitest.PathChat)
			if len(reqs) != 1 {
				t.Fatalf("%d chat requests, want 1", len(reqs))
			}
			var prompt string
			for _, m := range reqs[0].Messages {
				prompt += m.Content
			}
			if !strings.Contains(prompt, "give different answers") || !strings.Contains(prompt, "Tampa, Florida, the home") || !strings.Contains(prompt, "Glendale, Arizona, the home") {
				t.Fatalf("prompt lacks the conflict finding:\n%s", prompt)
			}
			if !ans.Has(answer.FlagConflict) || ans.Status != answer.StatusConflict {
				t.Errorf("flags %v, status %q: want conflict", ans.Flags, ans.Status)
			}
			if !strings.Contains(ans.Answer, "Sources differ:") || !strings.Contains(ans.Answer, "Glendale") || !strings.Contains(ans.Answer, "Tampa") {
				t.Errorf("answer %q does not say where the sources differ", ans.Answer)
			}
			if added := strings.Contains(strings.Join(ans.Warnings, "\n"), "left out that the sources differ"); added != tt.added {
				t.Errorf("warnings %q: note added %v, want %v", ans.Warnings, added, tt.added)
			}
			if len(ans.Citations) != 2 {
				t.Errorf("citations %+v, want both sides", ans.Citations)
			}
			if err := s.CheckCitations(context.Background(), ans); err != nil {
				t.Errorf("citations do not check out: %v", err)
			}
		})
	}
}
