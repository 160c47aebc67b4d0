package llm

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsbot/newsbot/rag/openaitest"
)

// tenMB is a 10 MB answer in 4 KiB words: the test server streams one
// word per event.
func tenMB(openaitest.Request) string {
	return strings.Repeat(strings.Repeat("w", 4095)+" ", 10<<20/4096)
}

func TestChatAnswerIsBounded(t *testing.T) {
	for _, stream := range []bool{true, false} {
		t.Run(map[bool]string{true: "stream", false: "json"}[stream], func(t *testing.T) {
			h := newHarness(t, nil, openaitest.WithReply(tenMB))
			var got strings.Builder
			var onDelta func(string)
			if stream {
				onDelta = func(d string) { got.WriteString(d) }
			}
			r, err := h.c.Chat(context.Background(), question, onDelta)
			if err != nil {
				t.Fatalf("Chat: %v", err)
			}
			if len(r.Text) != DefaultMaxAnswerBytes || !r.Truncated || r.FinishReason != "length" {
				t.Errorf("reply of %d bytes, truncated %v, finish %q; want %d bytes cut by length",
					len(r.Text), r.Truncated, r.FinishReason, DefaultMaxAnswerBytes)
			}
			if stream && got.String() != r.Text {
				t.Errorf("onDelta got %d bytes, Text has %d", got.Len(), len(r.Text))
			}
			if !strings.Contains(h.logs.String(), "cut at its length limit") {
				t.Errorf("the cut is not logged:\n%s", h.logs)
			}
		})
	}
}

func TestChatStopsReadingAnEndlessStream(t *testing.T) {
	// Without the byte limit this call would only end at ChatTimeout,
	// with an error.
	h := newHarness(t, func(c *Config) { c.MaxAnswerBytes = 1000; c.ChatTimeout = 20 * time.Second })
	h.srv.Enqueue(openaitest.PathChat, openaitest.Flood(700))
	r, err := h.c.Chat(context.Background(), question, func(string) {})
	if err != nil || len(r.Text) != 1000 || !r.Truncated {
		t.Errorf("Chat = %d bytes, truncated %v, %v; want 1000 bytes, truncated, no error", len(r.Text), r.Truncated, err)
	}
}

func TestChatCutKeepsWholeCharacters(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.MaxAnswerBytes = 10 },
		openaitest.WithReply(func(openaitest.Request) string { return "é é é é é é é é" }))
	for _, onDelta := range []func(string){nil, func(string) {}} {
		r, err := h.c.Chat(context.Background(), question, onDelta)
		// 10 bytes end inside the fourth "é" (bytes 10 and 11).
		if err != nil || r.Text != "é é é " || !utf8.ValidString(r.Text) || !r.Truncated {
			t.Errorf("Chat = %q, truncated %v, %v; want %q", r.Text, r.Truncated, err, "é é é ")
		}
	}
}

func TestChatTricklingModelEndsAtChatTimeout(t *testing.T) {
	// Each token arrives well within Timeout, so only ChatTimeout ends it.
	h := newHarness(t, func(c *Config) { c.Timeout = 2 * time.Second; c.ChatTimeout = 300 * time.Millisecond },
		openaitest.WithReply(func(openaitest.Request) string { return strings.Repeat("slow ", 100) }))
	h.srv.Enqueue(openaitest.PathChat, openaitest.Fault{ChunkDelay: 50 * time.Millisecond})
	r, err := h.c.Chat(context.Background(), question, func(string) {})
	if !errors.Is(err, ErrTimeout) || !errors.Is(err, ErrTruncated) || errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("error = %v; want ErrTimeout and ErrTruncated, not the caller's deadline", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "no complete answer within 300ms (the chat timeout)") {
		t.Errorf("error %q does not say which limit ended the call", msg)
	}
	if !r.Truncated || !strings.HasPrefix(r.Text, "slow ") || len(r.Text) >= 500 {
		t.Errorf("reply %q (truncated %v); want the partial answer", r.Text, r.Truncated)
	}
}

func TestChatCallerDeadlineIsNotTheChatTimeout(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.Timeout = 2 * time.Second })
	h.srv.Enqueue(openaitest.PathChat, openaitest.Stall(1))
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err := h.c.Chat(ctx, question, func(string) {})
	if !errors.Is(err, context.DeadlineExceeded) || strings.Contains(err.Error(), "chat timeout") {
		t.Errorf("error = %v; want the caller's deadline", err)
	}
}

func TestChatJSONReplyTooLong(t *testing.T) {
	h := newHarness(t, nil, openaitest.WithReply(func(openaitest.Request) string { return strings.Repeat("x", 17<<20) }))
	_, err := h.c.Chat(context.Background(), question, nil)
	if !errors.Is(err, ErrBadResponse) || !strings.Contains(err.Error(), "longer than 16 MiB") {
		t.Errorf("error = %v; want ErrBadResponse for the long reply", err)
	}
}

func TestChatStreamLineTooLong(t *testing.T) {
	h := newHarness(t, nil)
	h.srv.Enqueue(openaitest.PathChat, openaitest.Fault{Handler: func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		w.Write([]byte(`data: {"choices":[{"index":0,"delta":{"content":"` + strings.Repeat("x", 2<<20) + `"}}]}` + "\n\n"))
	}})
	_, err := h.c.Chat(context.Background(), question, func(string) {})
	if !errors.Is(err, ErrBadResponse) || !strings.Contains(err.Error(), "longer than 1024 KiB") {
		t.Errorf("error = %v; want ErrBadResponse for the long line", err)
	}
}
