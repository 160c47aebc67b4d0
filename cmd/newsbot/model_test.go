package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/rag/openaitest"
)

func TestAskWithModelServer(t *testing.T) {
	const key = "sk-cli-SECRET-42"
	srv := openaitest.New(t, openaitest.WithReply(func(r openaitest.Request) string {
		return "Putin rejected key parts of the US plan [1]. Made-up claim [7]."
	}))
	c := newCLI(t, "../../corpus")
	c.env["OPENAI_BASE_URL"] = srv.URL()
	c.env["OPENAI_API_KEY"] = key
	c.env["NEWSBOT_CHAT_MODEL"] = "test-chat"
	c.env["NEWSBOT_EMBED_MODEL"] = "test-embed"

	code, out, stderr := c.run("ask", "--json", "What did the Kremlin reject?")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var ans struct {
		Answer    string
		Mode      string
		Warnings  []string
		Citations []struct{ N int }
	}
	if err := json.Unmarshal([]byte(out), &ans); err != nil {
		t.Fatal(err)
	}
	if ans.Mode != "llm" || strings.Contains(ans.Answer, "[7]") || len(ans.Citations) != 1 || len(ans.Warnings) == 0 {
		t.Fatalf("answer = %+v", ans)
	}
	if n := srv.Count(openaitest.PathEmbeddings); n > 3 {
		t.Errorf("ingest + question took %d embedding requests, want a few batches", n)
	}

	// A server that rejects the key: the answer falls back, and the key
	// appears nowhere.
	f := openaitest.APIError(401, "Incorrect API key provided: "+key, "invalid_request_error")
	srv.SetPersistent(openaitest.PathChat, &f)
	code, out, stderr = c.run("ask", "-v", "What did the Kremlin reject?")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Contains(out+stderr, key) {
		t.Fatal("the API key appears in the output")
	}
	if !strings.Contains(out, "could not answer") || !strings.Contains(out, "Sources:") {
		t.Errorf("fallback output = %q", out)
	}
}

// TestModelAnswerIsPlainText: the core returns plain text in every mode;
// Discord escaping (zero-width spaces, <url> wrapping) is the bot's alone.
func TestModelAnswerIsPlainText(t *testing.T) {
	const reply = "Putin rejected the plan [1], said @everyone at https://example.com/plan."
	srv := openaitest.New(t, openaitest.WithReply(func(openaitest.Request) string { return reply }))
	c := newCLI(t, "../../corpus")
	c.env["OPENAI_BASE_URL"] = srv.URL()
	c.env["NEWSBOT_CHAT_MODEL"] = "test-chat"
	code, out, stderr := c.run("ask", "--json", "What did the Kremlin reject?")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var ans struct{ Answer string }
	if err := json.Unmarshal([]byte(out), &ans); err != nil {
		t.Fatal(err)
	}
	if ans.Answer != reply {
		t.Errorf("--json answer = %q, want the model's text unchanged: %q", ans.Answer, reply)
	}
	if code, out, _ = c.run("ask", "What did the Kremlin reject?"); code != 0 || !strings.Contains(out, "said @everyone at https://example.com/plan.") || strings.Contains(out, "\u200b") {
		t.Errorf("terminal answer = %q, want the same plain text", out)
	}
}

func TestChangingEmbedderReembeds(t *testing.T) {
	srv := openaitest.New(t)
	c := newCLI(t, "../../corpus")
	if code, _, stderr := c.run("ask", "What did the Kremlin reject?"); code != 0 {
		t.Fatalf("offline ask: %s", stderr)
	}
	c.env["OPENAI_BASE_URL"] = srv.URL()
	c.env["NEWSBOT_EMBED_MODEL"] = "test-embed"
	code, out, stderr := c.run("ask", "--json", "What did the Kremlin reject?")
	if code != 0 || !strings.Contains(stderr, "re-embedding") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if srv.Count(openaitest.PathEmbeddings) == 0 || strings.Contains(out, "no vectors") {
		t.Fatalf("the new embedder was not used: %d requests, %s", srv.Count(openaitest.PathEmbeddings), out)
	}
}
