package main

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"regexp"
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

	bot := startDiscord(t, c, srv, 60*time.Second)
	wait, stdout, stderr := bot.wait, bot.stdout, bot.stderr

	ask, err := srv.Interact(discordtest.Interaction{Name: "ask", GuildID: "1", ChannelID: "200", UserID: "501",
		Options: []discordtest.Option{{Name: "question", Type: discordtest.OptionString, Value: "What did the Kremlin reject?"}}})
	if err != nil {
		t.Fatal(err)
	}
	final, err := srv.WaitCall(wait, func(c discordtest.Call) bool {
		text := c.Text()
		return c.Method == "PATCH" && c.Path == ask.OriginalPath() && len(c.Embeds()) > 0 && strings.Contains(text, "[1]") && strings.Contains(text, "reject") && strings.Contains(text, "Sources")
	})
	if err != nil {
		t.Fatalf("no cited answer: %v\n%s", err, stderr.String())
	}
	if !final.BlocksAllMentions() {
		t.Error("the answer can ping")
	}
	if e := final.Embeds()[0]; e.Color == 0 || e.Title == "" {
		t.Errorf("the answer's embed shows no status: %+v", e)
	}
	if id := reFileID.FindString(final.Text()); id != "" {
		t.Errorf("the answer shows the file id %q as an outlet or title:\n%s", id, final.Text())
	}

	// /brief latest:True briefs the newest day that has articles (the
	// shipped ones are old): an overview in the channel, the stories in a
	// thread.
	latest, err := srv.Interact(discordtest.Interaction{Name: "brief", GuildID: "1", ChannelID: "200", UserID: "503",
		Options: []discordtest.Option{{Name: "latest", Type: discordtest.OptionBoolean, Value: true}}})
	if err != nil {
		t.Fatal(err)
	}
	overview, err := srv.WaitCall(wait, func(c discordtest.Call) bool {
		content, _ := c.Content()
		return c.Method == "PATCH" && c.Path == latest.OriginalPath() && c.Status == 200 && strings.Contains(content, "**1.**")
	})
	if err != nil {
		t.Fatalf("/brief latest:True posted no overview: %v\n%s", err, stderr.String())
	}
	var thread discordtest.Channel
	if err := waitFor(wait, func() bool {
		ths := srv.Threads("200")
		if len(ths) == 0 || len(srv.Messages(ths[0].ID)) == 0 {
			return false
		}
		thread = ths[0]
		return true
	}); err != nil {
		t.Fatalf("no briefing thread with stories: %v", err)
	}
	content, _ := overview.Content()
	if id := reFileID.FindString(content); id != "" {
		t.Errorf("the overview names the outlet %q:\n%s", id, content)
	}
	if n := len(srv.Messages("200")); n > 4 {
		t.Errorf("the briefings posted %d channel messages", n)
	}
	for _, m := range srv.Messages(thread.ID) {
		if id := reFileID.FindString(m.Content); id != "" {
			t.Errorf("a story names the outlet %q:\n%s", id, m.Content)
		}
	}
	inThread, err := srv.Interact(discordtest.Interaction{Name: "ask", GuildID: "1", ChannelID: thread.ID, UserID: "504",
		Options: []discordtest.Option{{Name: "question", Type: discordtest.OptionString, Value: "What happened in Moscow?"}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srv.WaitCall(wait, func(c discordtest.Call) bool {
		return c.Method == "PATCH" && c.Path == inThread.OriginalPath() && strings.Contains(c.Text(), "briefing")
	}); err != nil {
		t.Fatalf("a question in the briefing's thread was not answered from it: %v\n%s", err, stderr.String())
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

	bot.stop(t)
	if strings.Contains(stderr.String()+stdout.String(), "never-log-me") {
		t.Error("the token appears in the output")
	}
}

// runningBot is `newsbot discord` running in this process.
type runningBot struct {
	// wait ends at the test's deadline for the bot.
	wait           context.Context
	stdout, stderr *lockedBuffer
	cancel         context.CancelFunc
	done           chan int
}

// startDiscord runs `newsbot discord` with c's environment against srv
// and waits until it has registered its commands; the test fails when
// that does not happen within timeout, which also bounds the whole run.
func startDiscord(t *testing.T, c *cli, srv *discordtest.Server, timeout time.Duration) *runningBot {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	wait, waitCancel := context.WithTimeout(context.Background(), timeout)
	bot := &runningBot{wait: wait, stdout: &lockedBuffer{}, stderr: &lockedBuffer{}, cancel: cancel, done: make(chan int, 1)}
	t.Cleanup(func() { cancel(); waitCancel() })
	go func() {
		bot.done <- Run(ctx, []string{"discord"}, func(k string) string { return c.env[k] }, bot.stdout, bot.stderr)
	}()
	if _, err := srv.WaitCall(wait, func(c discordtest.Call) bool {
		return c.Method == "PUT" && strings.HasSuffix(c.Path, "/commands") && c.Status == 200
	}); err != nil {
		t.Fatalf("commands never registered: %v\n%s", err, bot.stderr.String())
	}
	return bot
}

// stop ends the bot's context and checks that it exits cleanly in time.
func (b *runningBot) stop(t *testing.T) {
	t.Helper()
	b.cancel()
	select {
	case code := <-b.done:
		if code != 0 {
			t.Errorf("exit %d: %s", code, b.stderr.String())
		}
	case <-b.wait.Done():
		t.Fatal("newsbot discord did not stop after its context ended")
	}
}

func TestDiscordNeedsToken(t *testing.T) {
	c := newCLI(t, "../../corpus")
	code, _, stderr := c.run("discord")
	if code != 2 || !strings.Contains(stderr, "DISCORD_TOKEN is not set") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
}

// reFileID matches the shipped articles' file ids, which must never be
// shown as outlets or titles.
var reFileID = regexp.MustCompile(`\b\d{3}_[0-9a-f]{16}\b`)

// waitFor polls cond until it holds or ctx ends.
func waitFor(ctx context.Context, cond func() bool) error {
	for !cond() {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
	return nil
}

// noAnswers is an Answerer for a bot that only posts.
type noAnswers struct{}

func (noAnswers) Ask(context.Context, answer.Request) (answer.Answer, error) {
	return answer.Answer{}, nil
}
func (noAnswers) Sources(context.Context) ([]answer.Source, error) { return nil, nil }

// TestBriefingPosterResumes checks that a scheduled briefing is posted as
// an overview message with its stories in a thread, and that a delivery
// whose thread could not be started is completed on retry without posting
// the overview again.
func TestBriefingPosterResumes(t *testing.T) {
	const token = "MTAw.poster-token"
	srv := discordtest.NewServer(discordtest.Config{Token: token})
	defer srv.Close()
	ctx := context.Background()
	db, err := sqlitedb.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	b, err := bot.New(bot.Config{Token: secret.Secret(token), APIBase: srv.URL, Answerer: noAnswers{}, DB: db, MaxRateLimitWait: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	p, err := newBriefingPoster(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	p.set(b)
	var stories []answer.Story
	for i := 0; i < 4; i++ {
		stories = append(stories, answer.Story{Headline: fmt.Sprintf("Story %d", i), Summary: strings.Repeat(fmt.Sprintf("Sentence of story %d. ", i), 60),
			ArticleIDs: []string{fmt.Sprintf("art-%d", i)}})
	}
	br := answer.Briefing{Mode: "extractive", Stories: stories}

	// The first attempt posts the overview, then starting the thread fails.
	const key = "b1-20251202"
	srv.RateLimit("POST", "/threads", 1, time.Hour)
	if err := p.Post(ctx, "777", br, key); err == nil {
		t.Fatal("the first attempt should fail when the thread cannot be started")
	}
	if err := p.Post(ctx, "777", br, key); err != nil {
		t.Fatal(err)
	}
	msgs := srv.Messages("777")
	if len(msgs) != 1 || !strings.Contains(msgs[0].Content, "**1.** Story 0") || strings.Contains(msgs[0].Content, "Sentence of story") {
		t.Fatalf("the channel got %d messages (first %.80q), want one overview", len(msgs), msgs[0].Content)
	}
	threads := srv.Threads("777")
	if len(threads) != 1 || threads[0].ID != msgs[0].ID {
		t.Fatalf("threads %+v, want one started from the overview", threads)
	}
	inThread := srv.Messages(threads[0].ID)
	for i := range stories {
		n := 0
		for _, m := range inThread {
			n += strings.Count(m.Content, fmt.Sprintf("**%d. Story %d**", i+1, i))
		}
		if n != 1 {
			t.Errorf("story %d posted %d times in the thread", i, n)
		}
	}
	if err := p.Post(ctx, "777", br, key); err != nil {
		t.Fatal(err)
	}
	if got := len(srv.Messages("777")) + len(srv.Messages(threads[0].ID)); got != 1+len(inThread) {
		t.Fatalf("posting a completed delivery again sent %d more messages", got-1-len(inThread))
	}
	var ids string
	if err := db.QueryRow(`SELECT article_ids FROM briefing_threads WHERE thread_id = ?`, threads[0].ID).Scan(&ids); err != nil || !strings.Contains(ids, "art-3") {
		t.Errorf("the thread's articles were not remembered: %q, %v", ids, err)
	}
}
