package bot_test

import (
	"context"
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/bot/discordtest"
	"github.com/newsbot/newsbot/rag/answer"
)

// blockingAnswerer streams delta1, then waits for release before finishing.
func blockingAnswerer(release <-chan struct{}) *fakeAnswerer {
	ans := newFakeAnswerer()
	ans.ask = func(ctx context.Context, req answer.Request) (answer.Answer, error) {
		req.OnDelta(delta1)
		select {
		case <-release:
		case <-ctx.Done():
			return answer.Answer{}, ctx.Err()
		}
		req.OnDelta(delta2)
		return defaultAnswer(req.Question), nil
	}
	return ans
}

func TestGatewayDropMidAnswerResumes(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	h := start(t, blockingAnswerer(release), nil)
	sent := h.ask(userA, channelID, "What happened?")
	h.ans.next(t, h.ctx)

	if !h.srv.DropConnection() {
		t.Fatal("no gateway connection to drop")
	}
	// An event sent while the bot is away is replayed on resume.
	help := h.interact(discordtest.Interaction{Name: "help", GuildID: guildID, ChannelID: channelID, UserID: userB})
	if err := h.srv.WaitResumes(h.ctx, 1); err != nil {
		t.Fatal(err)
	}
	h.ephemeralReply(help, "/ask")

	close(release)
	h.finalEdit(sent, "**Sources**")
	if identifies, resumes, _ := h.srv.Gateway(); identifies != 1 || resumes != 1 {
		t.Errorf("gateway saw %d IDENTIFYs and %d RESUMEs; want 1 and 1", identifies, resumes)
	}
	// Events after the resume still arrive.
	after := h.ask(userB, channelID, "still there?")
	h.finalEdit(after, "**Sources**")
}

func TestREST429IsRetriedOrGivenUp(t *testing.T) {
	t.Parallel()
	// No streaming: the only edit of the response is the final answer, so
	// the two rate-limited edits below are its first two attempts.
	ans := newFakeAnswerer()
	ans.ask = func(_ context.Context, req answer.Request) (answer.Answer, error) {
		return defaultAnswer(req.Question), nil
	}
	h := start(t, ans, nil)

	// A short Retry-After is waited out and the call retried.
	h.srv.RateLimit("POST", "/callback", 1, 20*time.Millisecond)
	h.srv.RateLimit("PATCH", "/messages/@original", 2, 20*time.Millisecond)
	sent := h.ask(userA, channelID, "rate limited?")
	h.finalEdit(sent, "**Sources**")
	var statuses, edits []int
	for _, c := range h.srv.Calls() {
		switch c.Path {
		case sent.CallbackPath():
			statuses = append(statuses, c.Status)
		case sent.OriginalPath():
			edits = append(edits, c.Status)
		}
	}
	if len(statuses) != 2 || statuses[0] != 429 || statuses[1] != 204 {
		t.Errorf("callback statuses %v, want [429 204]", statuses)
	}
	if len(edits) != 3 || edits[0] != 429 || edits[1] != 429 || edits[2] >= 300 {
		t.Errorf("answer edit statuses %v, want two 429s, then success", edits)
	}

	// A long one is not waited for: the call fails, nothing hangs, and the
	// bot keeps answering.
	h.srv.RateLimit("POST", "/callback", 1, time.Hour)
	gone := h.interact(discordtest.Interaction{Name: "help", GuildID: guildID, ChannelID: channelID, UserID: userB})
	h.waitCall("the rate-limited response", func(c discordtest.Call) bool { return c.Path == gone.CallbackPath() && c.Status == 429 })
	h.logs.waitFor(h.ctx, "reply to interaction")
	again := h.interact(discordtest.Interaction{Name: "help", GuildID: guildID, ChannelID: channelID, UserID: userB})
	h.ephemeralReply(again, "/ask")
}

func TestMalformedEventsDoNotPanic(t *testing.T) {
	t.Parallel()
	h := start(t, nil, nil)
	tests := []struct {
		name string
		in   discordtest.Interaction
		want string // in the ephemeral reply; "" expects no reply
	}{
		{"no member and no user", discordtest.Interaction{Name: "ask", NoUser: true,
			Options: []discordtest.Option{{Name: "question", Value: "who am I?"}}}, "couldn't tell who"},
		{"unknown command", discordtest.Interaction{Name: "frobnicate", UserID: userA}, "don't know that command"},
		{"unknown button", discordtest.Interaction{Type: discordtest.InteractionComponent, CustomID: "nope", UserID: userA}, "doesn't do anything"},
		{"feedback button with a bad direction", discordtest.Interaction{Type: discordtest.InteractionComponent, CustomID: "fb:sideways:1", UserID: userA}, "doesn't do anything"},
		{"null data", discordtest.Interaction{Name: "ask", UserID: userA, Data: json.RawMessage("null")}, "couldn't read that command"},
		{"no data", discordtest.Interaction{Name: "ask", UserID: userA, OmitData: true}, "couldn't read that command"},
		{"empty data", discordtest.Interaction{Name: "ask", UserID: userA, Data: json.RawMessage("{}")}, "couldn't read that command"},
		{"button without data", discordtest.Interaction{Type: discordtest.InteractionComponent, UserID: userA, OmitData: true}, "couldn't read that click"},
		{"ask without a question", discordtest.Interaction{Name: "ask", UserID: userA}, "Please include a question"},
		{"modal", discordtest.Interaction{Type: discordtest.InteractionModal, UserID: userA, Data: json.RawMessage(`{"custom_id":"m"}`)}, "don't know that form"},
		{"DM user instead of member", discordtest.Interaction{Name: "help", UserID: userA, DM: true}, "/ask"},
	}
	for _, tt := range tests {
		tt.in.ChannelID = channelID
		if !tt.in.DM {
			tt.in.GuildID = guildID
		}
		sent := h.interact(tt.in)
		t.Run(tt.name, func(t *testing.T) {
			h := *h
			h.t = t
			h.ephemeralReply(sent, tt.want)
		})
	}
	// Autocomplete gets an (empty) result; a ping-type interaction and
	// broken messages are ignored.
	auto := h.interact(discordtest.Interaction{Type: discordtest.InteractionAutocomplete, Name: "ask", UserID: userA, GuildID: guildID, ChannelID: channelID})
	if c := h.callback(auto); c.CallbackType() != 8 {
		t.Errorf("autocomplete answered with type %d", c.CallbackType())
	}
	for _, raw := range []string{
		`null`,
		`{"id":"7","channel_id":"200","content":"<@100> no author","timestamp":"2025-01-01T00:00:00Z","mentions":[{"id":"100"}]}`,
		`{"id":"8","channel_id":"200","author":{"id":"5"},"content":"<@100> bad time","timestamp":"yesterday","mentions":[{"id":"100"}]}`,
		`{"id":"9","channel_id":"200","guild_id":"1","author":{"id":"5"},"content":"<@100>","timestamp":"2025-01-01T00:00:00Z","mentions":[{"id":"100"}]}`,
	} {
		if err := h.srv.Dispatch("MESSAGE_CREATE", json.RawMessage(raw)); err != nil {
			t.Fatal(err)
		}
	}
	if err := h.srv.Dispatch("INTERACTION_CREATE", json.RawMessage(`{"id":"1","type":1,"application_id":"100"}`)); err != nil {
		t.Fatal(err)
	}
	// The bare mention gets a hint rather than an answer.
	hint, err := h.srv.WaitMessage(h.ctx, func(m discordtest.Message) bool { return m.ReferenceID == "9" })
	if err != nil || !strings.Contains(hint.Content, "Ask me a question") {
		t.Errorf("bare mention: %q, %v", hint.Content, err)
	}
	// Still alive and answering.
	ok := h.ask(userB, channelID, "still fine?")
	h.finalEdit(ok, "**Sources**")
	h.stop()
	if n := len(h.ans.requests()); n != 1 {
		t.Errorf("%d questions reached the answerer, want 1", n)
	}
}

var reRef = regexp.MustCompile(`\(ref ([0-9a-f]{6})\)`)

func TestFailedAnswerGetsFriendlyReplyWithRef(t *testing.T) {
	t.Parallel()
	ans := newFakeAnswerer()
	ans.ask = func(ctx context.Context, req answer.Request) (answer.Answer, error) {
		switch req.Question {
		case "empty corpus?":
			return answer.Answer{}, answer.ErrEmptyCorpus
		default:
			return answer.Answer{}, errors.New("index exploded at /secret/path")
		}
	}
	h := start(t, ans, nil)
	sent := h.ask(userA, channelID, "boom?")
	final := h.finalEdit(sent, "Sorry")
	content, _ := final.Content()
	m := reRef.FindStringSubmatch(content)
	if m == nil || strings.Contains(content, "exploded") || strings.Count(content, ".") > 1 {
		t.Fatalf("want one friendly sentence with a ref, got %q", content)
	}
	if !h.logs.waitFor(h.ctx, `"ref":"`+m[1]+`"`) || !strings.Contains(h.logs.String(), "index exploded") {
		t.Errorf("the cause is not logged under ref %s", m[1])
	}

	empty := h.ask(userA, channelID, "empty corpus?")
	final = h.finalEdit(empty, "articles")
	if content, _ := final.Content(); !strings.Contains(content, "don't have any articles") || reRef.MatchString(content) {
		t.Errorf("empty corpus: %q", content)
	}

	// When even the response edit fails, a follow-up still reaches the user.
	h.srv.RateLimit("PATCH", "/messages/@original", 10, time.Hour)
	lost := h.ask(userB, channelID, "boom again?")
	h.waitCall("the fallback follow-up", func(c discordtest.Call) bool {
		content, _ := c.Content()
		return c.Method == "POST" && c.Path == lost.WebhookPath() && strings.Contains(content, "Sorry")
	})
}

func TestShutdownFinishesInFlightAnswers(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	h := start(t, blockingAnswerer(release), nil)
	sent := h.ask(userA, channelID, "finish me")
	h.ans.next(t, h.ctx)

	stopped := make(chan struct{})
	go func() {
		h.stop()
		close(stopped)
	}()
	if !h.logs.waitFor(h.ctx, "finishing in-flight answers") {
		t.Fatal("shutdown never started")
	}
	select {
	case <-stopped:
		t.Fatal("Run returned while an answer was in flight")
	default:
	}
	close(release)
	<-stopped
	// The answer was posted before Run returned.
	posted := false
	for _, c := range h.srv.Calls() {
		content, _ := c.Content()
		posted = posted || (c.Path == sent.OriginalPath() && strings.Contains(content, "**Sources**"))
	}
	if !posted {
		t.Error("Run returned before the in-flight answer was posted")
	}
}

func TestShutdownDrainTimeoutCancelsAndTells(t *testing.T) {
	t.Parallel()
	never := make(chan struct{})
	h := start(t, blockingAnswerer(never), func(c *bot.Config) { c.DrainTimeout = 50 * time.Millisecond })
	sent := h.ask(userA, channelID, "too slow")
	h.ans.next(t, h.ctx)
	h.stop()
	final := h.finalEdit(sent, "restarting")
	if content, _ := final.Content(); !reRef.MatchString(content) {
		t.Errorf("cancelled answer: %q", content)
	}
}

func TestWrongTokenFailsRunClearly(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(discordtest.Config{Token: testToken})
	defer srv.Close()
	b, err := bot.New(bot.Config{Token: "Bot wrong-" + testToken, APIBase: srv.URL, Answerer: newFakeAnswerer()})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), failAfter)
	defer cancel()
	err = b.Run(ctx)
	if err == nil || !strings.Contains(err.Error(), "token was rejected") || strings.Contains(err.Error(), testToken) {
		t.Errorf("Run = %v", err)
	}
	if err := b.Run(ctx); !errors.Is(err, bot.ErrAlreadyRunning) {
		t.Errorf("second Run = %v", err)
	}
}
