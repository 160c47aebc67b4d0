package rag

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/corpus/text"
	"github.com/newsbot/newsbot/rag/answer"
	"github.com/newsbot/newsbot/rag/chunk"
	"github.com/newsbot/newsbot/rag/llm"
	"github.com/newsbot/newsbot/rag/openaitest"
)

const testKey = "sk-test-SECRET-0123456789"

// chatWith answers through the model client c, as cmd/newsbot wires it.
func chatWith(c *llm.Client) ChatFunc {
	return func(ctx context.Context, system, user string, onDelta func(string)) (ChatReply, error) {
		r, err := c.Prompt(ctx, system, user, onDelta)
		out := ChatReply{Text: r.Text, Truncated: r.Truncated}
		if r.Usage != nil {
			out.Usage = &answer.Usage{PromptTokens: r.Usage.PromptTokens, CompletionTokens: r.Usage.CompletionTokens, TotalTokens: r.Usage.TotalTokens}
		}
		return out, err
	}
}

// modelService returns a service answering with a chat model on srv (and
// embedding with it when embed is true), with the test articles ingested.
func modelService(t *testing.T, srv *openaitest.Server, embed bool) *Service {
	t.Helper()
	cfg := llm.Config{
		BaseURL: srv.URL(), APIKey: testKey, ChatModel: "test-chat", MaxRetries: 2,
		Timeout: 2 * time.Second, MaxContextTokens: 4000, MaxAnswerTokens: 300,
		Sleep: func(ctx context.Context, d time.Duration) error { return ctx.Err() },
	}
	if embed {
		cfg.EmbedModel = "test-embed"
	}
	client, err := llm.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	rc := Config{DB: openDB(t, filepath.Join(t.TempDir(), "m.db")), Chat: chatWith(client)}
	if embed {
		rc.Embedder = Embedder{Name: "openai:test-embed", Documents: client.Embed}
	}
	s := openTest(t, rc)
	if _, err := s.Ingest(context.Background(), testArticles(), IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestModelAnswerCitationsAreVerified(t *testing.T) {
	reply := `Putin rejected key parts of the plan [1]. The talks lasted five hours [1, 9]. ` +
		`Aides said the proposals “are a gift to the West”. Nobody knows what happens next in this story.`
	srv := openaitest.New(t, openaitest.WithReply(func(openaitest.Request) string { return reply }))
	s := modelService(t, srv, false)

	var streamed strings.Builder
	ans, err := s.Ask(context.Background(), answer.Request{Question: "What did the Kremlin reject?", K: 3, OnDelta: func(d string) { streamed.WriteString(d) }})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Mode != "llm" || ans.Refused {
		t.Fatalf("answer = %+v, want an llm answer", ans)
	}
	if streamed.Len() == 0 {
		t.Error("nothing was streamed")
	}
	if strings.Contains(ans.Answer, "[9]") || !strings.Contains(ans.Answer, "[1]") {
		t.Errorf("answer %q: want [9] removed and [1] kept", ans.Answer)
	}
	if strings.Contains(ans.Answer, "“are a gift") {
		t.Errorf("made-up quote still shown as a quote: %q", ans.Answer)
	}
	want := []string{"removed citation [9]", "not a verbatim quote", "no citation for"}
	for _, w := range want {
		if !strings.Contains(strings.Join(ans.Warnings, "\n"), w) {
			t.Errorf("warnings %q lack %q", ans.Warnings, w)
		}
	}
	if err := s.CheckCitations(context.Background(), ans); err != nil {
		t.Errorf("citations do not check out: %v", err)
	}
	if len(ans.Citations) != 1 || ans.Citations[0].Quote == "" {
		t.Errorf("citations = %+v, want one with a quote", ans.Citations)
	}

	// The prompt carried numbered passages and the question.
	reqs := srv.RequestsTo(openaitest.PathChat)
	if len(reqs) != 1 || !reqs[0].Stream {
		t.Fatalf("chat requests = %d (stream %v), want 1 streamed", len(reqs), len(reqs) > 0 && reqs[0].Stream)
	}
	var prompt string
	for _, m := range reqs[0].Messages {
		prompt += m.Content
	}
	if !strings.Contains(prompt, `<passage n="1"`) || !strings.Contains(prompt, "What did the Kremlin reject?") {
		t.Errorf("prompt lacks numbered passages or the question:\n%s", prompt)
	}
}

func TestModelRefusal(t *testing.T) {
	srv := openaitest.New(t, openaitest.WithReply(func(openaitest.Request) string { return "The articles don't cover this." }))
	s := modelService(t, srv, false)
	ans, err := s.Ask(context.Background(), answer.Request{Question: "Who won the cup final?"})
	if err != nil {
		t.Fatal(err)
	}
	if !ans.Refused || ans.Mode != "llm" || len(ans.Citations) != 0 {
		t.Fatalf("answer = %+v, want a refusal", ans)
	}
}

func TestModelFailureFallsBackToExtractive(t *testing.T) {
	tests := []struct {
		name  string
		fault openaitest.Fault
		note  string
	}{
		{"server error", openaitest.ServerError(), "could not answer"},
		{"html 503", openaitest.HTMLUnavailable(), "could not answer"},
		{"garbage", openaitest.Garbage(), "could not answer"},
		{"cut stream", openaitest.CutStream(2), "could not answer"},
		{"mid-stream error", openaitest.StreamError(1, "overloaded"), "could not answer"},
		{"unauthorized", openaitest.APIError(401, "bad key "+testKey, "invalid_request_error"), "could not answer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := openaitest.New(t)
			f := tt.fault
			srv.SetPersistent(openaitest.PathChat, &f)
			s := modelService(t, srv, false)
			ans, err := s.Ask(context.Background(), answer.Request{Question: "What did Putin reject?", OnDelta: func(string) {}})
			if err != nil {
				t.Fatal(err)
			}
			if ans.Mode != "extractive" || ans.Refused || len(ans.Citations) == 0 {
				t.Fatalf("answer = %+v, want an extractive answer", ans)
			}
			notes := strings.Join(ans.Warnings, "\n")
			if !strings.Contains(notes, tt.note) {
				t.Errorf("warnings %q lack %q", ans.Warnings, tt.note)
			}
			if !ans.Has(answer.FlagFellBack) || ans.Status != answer.StatusFellBack {
				t.Errorf("flags %v, status %q: want fell_back", ans.Flags, ans.Status)
			}
			if strings.Contains(notes+ans.Answer, testKey) {
				t.Error("the API key leaked into the answer")
			}
		})
	}
}

func TestModelTimeoutDoesNotHang(t *testing.T) {
	srv := openaitest.New(t)
	f := openaitest.Hang()
	srv.SetPersistent(openaitest.PathChat, &f)
	s := modelService(t, srv, false)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	ans, err := s.Ask(ctx, answer.Request{Question: "What did Putin reject?"})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Mode != "extractive" || ctx.Err() != nil {
		t.Fatalf("answer mode %q (ctx %v), want an extractive fallback well before the test deadline", ans.Mode, ctx.Err())
	}
}

func TestModelEmbeddingsAreBatchedAndIncremental(t *testing.T) {
	srv := openaitest.New(t)
	s := modelService(t, srv, true)
	first := srv.Count(openaitest.PathEmbeddings)
	if first != 1 {
		t.Errorf("ingesting 3 articles took %d embedding requests, want 1 batch", first)
	}
	if _, err := s.Ingest(context.Background(), testArticles(), IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	if n := srv.Count(openaitest.PathEmbeddings); n != first {
		t.Errorf("re-ingesting an unchanged corpus made %d embedding requests", n-first)
	}

	// A failing query embedding degrades to keyword search, with a note.
	f := openaitest.ServerError()
	srv.SetPersistent(openaitest.PathEmbeddings, &f)
	res, err := s.Search(context.Background(), "football cup final", 3, answer.Filter{})
	if err != nil || len(res) == 0 || res[0].Chunk.ArticleID != "a3" {
		t.Fatalf("keyword-only search = %+v, %v", res, err)
	}
	ans, err := s.Ask(context.Background(), answer.Request{Question: "Who won the cup final?"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(ans.Warnings, "\n"), "keyword search only") {
		t.Errorf("warnings %q do not say retrieval was degraded", ans.Warnings)
	}
}

func TestVerifyMarkersAfterFullStop(t *testing.T) {
	passages := []Result{
		{Chunk: chunk.Chunk{ID: "a#0", ArticleID: "a", Text: "Putin rejected the plan.", Sentences: []text.Span{{Start: 0, End: 24}}}},
		{Chunk: chunk.Chunk{ID: "b#0", ArticleID: "b", Text: "The talks lasted five hours.", Sentences: []text.Span{{Start: 0, End: 28}}}},
	}
	ans := verify("q", "Putin rejected the plan. [1] The talks lasted five hours. [2]", passages)
	if ans.Answer != "Putin rejected the plan [1]. The talks lasted five hours [2]." {
		t.Errorf("answer = %q", ans.Answer)
	}
	if len(ans.Warnings) != 0 || len(ans.Citations) != 2 || ans.Citations[1].ArticleID != "b" || ans.Citations[1].Quote != "The talks lasted five hours." {
		t.Errorf("warnings %q, citations %+v", ans.Warnings, ans.Citations)
	}
}

func TestModelAnswerWithoutCitationsIsFlagged(t *testing.T) {
	srv := openaitest.New(t, openaitest.WithReply(func(openaitest.Request) string {
		return "The Kremlin rejected everything, as everyone knows [7]."
	}))
	s := modelService(t, srv, false)
	ans, err := s.Ask(context.Background(), answer.Request{Question: "What did Putin reject?"})
	if err != nil {
		t.Fatal(err)
	}
	notes := strings.Join(ans.Warnings, "\n")
	if ans.Mode != "llm" || len(ans.Citations) != 0 || strings.Contains(ans.Answer, "[7]") ||
		!strings.Contains(notes, "cites none of the passages") || !strings.Contains(notes, "no citation for") {
		t.Fatalf("answer = %+v, want the model's answer flagged as unsupported", ans)
	}
	if !ans.Has(answer.FlagUnsupported) || ans.Status != answer.StatusUnsupported {
		t.Errorf("flags %v, status %q: want unsupported", ans.Flags, ans.Status)
	}
}
