package main

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/bot/discordtest"
	"github.com/newsbot/newsbot/internal/secret"
	"github.com/newsbot/newsbot/internal/sqlitedb"
	"github.com/newsbot/newsbot/rag/answer"
)

// lockedBuffer is a bytes.Buffer safe for the logger and the test to share.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestDiscordCommand runs `newsbot discord` against a fake Discord: the
// shipped corpus is indexed, /ask gets a cited answer, /subscribe stores a
// schedule, and cancelling the context stops the bot cleanly.
func TestDiscordCommand(t *testing.T) {
	const token = "MTAw.cli-token.never-log-me"
	srv := discordtest.NewServer(discordtest.Config{Token: token})
	defer srv.Close()
	c := newCLI(t, "../../corpus")
	c.env["DISCORD_TOKEN"] = token
	c.env["DISCORD_API_BASE"] = srv.URL
	c.env["NEWSBOT_LOG_LEVEL"] = "debug"

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr lockedBuffer
	done := make(chan int, 1)
	go func() {
		done <- Run(ctx, []string{"discord"}, func(k string) string { return c.env[k] }, &stdout, &stderr)
	}()
	wait, waitCancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer waitCancel()
	if _, err := srv.WaitCall(wait, func(c discordtest.Call) bool {
		return c.Method == "PUT" && strings.HasSuffix(c.Path, "/commands") && c.Status == 200
	}); err != nil {
		t.Fatalf("commands never registered: %v\n%s", err, stderr.String())
	}

	ask, err := srv.Interact(discordtest.Interaction{Name: "ask", GuildID: "1", ChannelID: "200", UserID: "501",
		Options: []discordtest.Option{{Name: "question", Type: discordtest.OptionString, Value: "What did the Kremlin reject?"}}})
	if err != nil {
		t.Fatal(err)
	}
	final, err := srv.WaitCall(wait, func(c discordtest.Call) bool {
		content, ok := c.Content()
		return c.Method == "PATCH" && c.Path == ask.OriginalPath() && ok && strings.Contains(content, "[1]") && strings.Contains(content, "reject") && strings.Contains(content, "**Sources**")
	})
	if err != nil {
		t.Fatalf("no cited answer: %v\n%s", err, stderr.String())
	}
	if !final.BlocksAllMentions() {
		t.Error("the answer can ping")
	}

	sub, err := srv.Interact(discordtest.Interaction{Name: "subscribe", GuildID: "1", ChannelID: "200", UserID: "501", Permissions: 1 << 5,
		Options: []discordtest.Option{{Name: "time", Type: discordtest.OptionString, Value: "08:00"}, {Name: "timezone", Type: discordtest.OptionString, Value: "Europe/Berlin"}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srv.WaitCall(wait, func(c discordtest.Call) bool {
		content, ok := c.Content()
		return c.Method == "PATCH" && c.Path == sub.OriginalPath() && ok && strings.Contains(content, "08:00 (Europe/Berlin)")
	}); err != nil {
		t.Fatalf("subscribe was not confirmed: %v", err)
	}

	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d: %s", code, stderr.String())
		}
	case <-wait.Done():
		t.Fatal("newsbot discord did not stop after its context ended")
	}
	if strings.Contains(stderr.String()+stdout.String(), "never-log-me") {
		t.Error("the token appears in the output")
	}
}

func TestDiscordNeedsToken(t *testing.T) {
	c := newCLI(t, "../../corpus")
	code, _, stderr := c.run("discord")
	if code != 2 || !strings.Contains(stderr, "DISCORD_TOKEN is not set") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
}

// noAnswers is an Answerer for a bot that only posts.
type noAnswers struct{}

func (noAnswers) Ask(context.Context, answer.Request) (answer.Answer, error) {
	return answer.Answer{}, nil
}
func (noAnswers) Sources(context.Context) ([]answer.Source, error) { return nil, nil }

// TestBriefingPosterResumes checks that a scheduled briefing whose second
// message fails is completed on retry without posting the first again.
func TestBriefingPosterResumes(t *testing.T) {
	const token = "MTAw.poster-token"
	srv := discordtest.NewServer(discordtest.Config{Token: token})
	defer srv.Close()
	b, err := bot.New(bot.Config{Token: secret.Secret(token), APIBase: srv.URL, Answerer: noAnswers{}, MaxRateLimitWait: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	db, err := sqlitedb.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	p, err := newBriefingPoster(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	p.set(b)
	var stories []answer.Story
	for i := 0; i < 4; i++ {
		stories = append(stories, answer.Story{Headline: fmt.Sprintf("Story %d", i), Summary: strings.Repeat(fmt.Sprintf("Sentence of story %d. ", i), 60)})
	}
	br := answer.Briefing{Mode: "extractive", Stories: stories}
	parts := len(bot.Split(bot.FormatBriefing(br), bot.MaxMessageLen))
	if parts < 3 {
		t.Fatalf("test briefing has %d parts, want several", parts)
	}

	// A previous attempt posted the first part and then failed.
	const key = "b1-20251202"
	if _, err := db.Exec(`INSERT INTO briefing_parts (key, part, posted_at) VALUES (?, 0, 0)`, key); err != nil {
		t.Fatal(err)
	}
	if err := p.Post(ctx, "777", br, key); err != nil {
		t.Fatal(err)
	}
	msgs := srv.Messages("777")
	if len(msgs) != parts-1 || strings.Contains(msgs[0].Content, "Story 0") {
		t.Fatalf("retry posted %d messages (first %.40q), want the %d remaining parts", len(msgs), msgs[0].Content, parts-1)
	}
	if err := p.Post(ctx, "777", br, key); err != nil {
		t.Fatal(err)
	}
	if got := len(srv.Messages("777")); got != parts-1 {
		t.Fatalf("posting a completed delivery again sent %d more messages", got-(parts-1))
	}
}
