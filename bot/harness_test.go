package bot_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"log/slog"
	"os"
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

// testToken is the bot token; no log line may contain it.
const testToken = "MTAw.test-token.never-log-me"

// failAfter bounds every wait in these tests: a failure timeout, never a
// synchronisation.
const failAfter = 15 * time.Second

// Ids the tests use.
const (
	guildID   = "1"
	channelID = "200"
	threadID  = "300"
	userA     = "501"
	userB     = "502"
	userC     = "503"
)

// fakeAnswerer is a scripted Answerer. By default it streams two deltas and
// returns an answer citing two chunks.
type fakeAnswerer struct {
	// ask, when set, replaces the default behaviour.
	ask     func(ctx context.Context, req answer.Request) (answer.Answer, error)
	sources []answer.Source

	mu    sync.Mutex
	reqs  []answer.Request
	calls chan answer.Request // every request, for tests to wait on
}

func newFakeAnswerer() *fakeAnswerer {
	return &fakeAnswerer{calls: make(chan answer.Request, 64)}
}

func (f *fakeAnswerer) Ask(ctx context.Context, req answer.Request) (answer.Answer, error) {
	f.mu.Lock()
	f.reqs = append(f.reqs, req)
	f.mu.Unlock()
	f.calls <- req
	if f.ask != nil {
		return f.ask(ctx, req)
	}
	return streamDefault(req), nil
}

func (f *fakeAnswerer) Sources(context.Context) ([]answer.Source, error) { return f.sources, nil }

func (f *fakeAnswerer) requests() []answer.Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]answer.Request(nil), f.reqs...)
}

// next waits for the next question the answerer receives.
func (f *fakeAnswerer) next(t *testing.T, ctx context.Context) answer.Request {
	t.Helper()
	select {
	case req := <-f.calls:
		return req
	case <-ctx.Done():
		t.Fatalf("no question reached the answerer: %v", ctx.Err())
		return answer.Request{}
	}
}

const (
	delta1 = "Putin met the US envoys for five hours [1]. "
	delta2 = "No agreement on Ukraine was reached [2]."
)

func defaultAnswer(q string) answer.Answer {
	return answer.Answer{
		Question: q, Answer: delta1 + delta2, Mode: "extractive",
		Citations: []answer.Citation{
			{N: 1, ArticleID: "a", Title: "Moscow talks end", Source: "Gulf News", URL: "https://example.com/a",
				Published: "2025-12-03", ChunkID: "a#0", Quote: "The meeting lasted five hours."},
			{N: 2, ArticleID: "b", Title: "No deal", Source: "Reuters", Published: "2025-12-02", ChunkID: "b#3",
				Quote: "No agreement was reached."},
		},
	}
}

func streamDefault(req answer.Request) answer.Answer {
	if req.OnDelta != nil {
		req.OnDelta(delta1)
		req.OnDelta(delta2)
	}
	return defaultAnswer(req.Question)
}

// logBuffer collects log output and lets tests wait for a line.
type logBuffer struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	changed chan struct{}
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	close(l.changed)
	l.changed = make(chan struct{})
	return l.buf.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// waitFor waits until the log contains s.
func (l *logBuffer) waitFor(ctx context.Context, s string) bool { return l.waitCount(ctx, s, 1) }

// waitCount waits until the log contains s n times.
func (l *logBuffer) waitCount(ctx context.Context, s string, n int) bool {
	for {
		l.mu.Lock()
		found, ch := strings.Count(l.buf.String(), s) >= n, l.changed
		l.mu.Unlock()
		if found {
			return true
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return false
		}
	}
}

// TestMain raises the default -parallel: these tests mostly wait on
// sockets (and discordgo sleeps a second when closing a gateway), so more
// of them than there are CPUs can run at once.
func TestMain(m *testing.M) {
	flag.Parse()
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == "test.parallel" })
	if !set {
		_ = flag.Set("test.parallel", "16")
	}
	os.Exit(m.Run())
}

// harness is a running Bot connected to a fake Discord.
type harness struct {
	t    *testing.T
	ctx  context.Context // fails the test's waits after failAfter
	srv  *discordtest.Server
	ans  *fakeAnswerer
	db   *sql.DB
	logs *logBuffer

	cancel  context.CancelFunc
	runErr  chan error
	stopped bool
}

// start runs a Bot against a new fake Discord; mod adjusts its config. The
// cleanup stops it and checks what must hold in every test: Run returned
// nil, every message the fake received blocks all mentions, and the token
// never reached the logs.
func start(t *testing.T, ans *fakeAnswerer, mod func(*bot.Config)) *harness {
	t.Helper()
	if ans == nil {
		ans = newFakeAnswerer()
	}
	srv := discordtest.NewServer(discordtest.Config{Token: testToken})
	db, err := sqlitedb.Open(context.Background(), filepath.Join(t.TempDir(), "bot.db"))
	if err != nil {
		t.Fatal(err)
	}
	logs := &logBuffer{changed: make(chan struct{})}
	cfg := bot.Config{
		Token:          secret.Secret(testToken),
		APIBase:        srv.URL,
		Answerer:       ans,
		DB:             db,
		MessageContent: true,
		// Most tests read the answer as plain text; the embed tests
		// (embed_test.go) turn this off.
		PlainText:    true,
		Logger:       slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		EditInterval: time.Millisecond,
		DrainTimeout: failAfter,
	}
	if mod != nil {
		mod(&cfg)
	}
	b, err := bot.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), failAfter)
	runCtx, stop := context.WithCancel(context.Background())
	h := &harness{t: t, ctx: ctx, srv: srv, ans: ans, db: db, logs: logs, cancel: stop, runErr: make(chan error, 1)}
	go func() { h.runErr <- b.Run(runCtx) }()
	t.Cleanup(func() {
		h.stop()
		for _, c := range srv.Calls() {
			if c.SendsMessage() && !c.BlocksAllMentions() {
				t.Errorf("call %d %s %s does not block mentions: %s", c.N, c.Method, c.Path, c.Body)
			}
		}
		if strings.Contains(logs.String(), testToken) || strings.Contains(logs.String(), "never-log-me") {
			t.Error("the token appears in the logs")
		}
		if t.Failed() {
			t.Logf("logs:\n%s", logs.String())
		}
		cancel()
		srv.Close()
		db.Close()
	})
	if _, err := srv.WaitCall(ctx, func(c discordtest.Call) bool {
		return c.Method == "PUT" && strings.HasSuffix(c.Path, "/commands") && c.Status == 200
	}); err != nil {
		t.Fatalf("commands never registered: %v", err)
	}
	return h
}

// stop cancels Run and waits for it to return nil.
func (h *harness) stop() {
	h.t.Helper()
	if h.stopped {
		return
	}
	h.stopped = true
	h.cancel()
	select {
	case err := <-h.runErr:
		if err != nil {
			h.t.Errorf("Run = %v", err)
		}
	case <-h.ctx.Done():
		h.t.Error("Run did not return after its context ended")
	}
}

// ask sends /ask from a user in a channel.
func (h *harness) ask(user, channel, question string, opts ...discordtest.Option) discordtest.Sent {
	h.t.Helper()
	in := discordtest.Interaction{Name: "ask", GuildID: guildID, ChannelID: channel, UserID: user,
		Options: append([]discordtest.Option{{Name: "question", Value: question}}, opts...)}
	sent, err := h.srv.Interact(in)
	if err != nil {
		h.t.Fatal(err)
	}
	return sent
}

// interact sends any interaction.
func (h *harness) interact(in discordtest.Interaction) discordtest.Sent {
	h.t.Helper()
	sent, err := h.srv.Interact(in)
	if err != nil {
		h.t.Fatal(err)
	}
	return sent
}

// waitCall waits for a call matching match.
func (h *harness) waitCall(what string, match func(discordtest.Call) bool) discordtest.Call {
	h.t.Helper()
	c, err := h.srv.WaitCall(h.ctx, match)
	if err != nil {
		h.t.Fatalf("waiting for %s: %v", what, err)
	}
	return c
}

// callback waits for an interaction's first response.
func (h *harness) callback(s discordtest.Sent) discordtest.Call {
	h.t.Helper()
	return h.waitCall("the response to "+s.ID, func(c discordtest.Call) bool {
		return c.Path == s.CallbackPath() && c.Status < 300
	})
}

// finalEdit waits for a successful edit of an interaction's response whose
// text (content and embeds) contains contains (an edit the fake refused, such as a 429, does
// not count).
func (h *harness) finalEdit(s discordtest.Sent, contains string) discordtest.Call {
	h.t.Helper()
	return h.waitCall("the final answer to "+s.ID, func(c discordtest.Call) bool {
		_, ok := c.Content()
		return c.Method == "PATCH" && c.Path == s.OriginalPath() && c.Status < 300 && ok && strings.Contains(c.Text(), contains)
	})
}

// rows runs a query returning one string per row.
func (h *harness) rows(query string) []string {
	h.t.Helper()
	rs, err := h.db.QueryContext(h.ctx, query)
	if err != nil {
		h.t.Fatal(err)
	}
	defer rs.Close()
	var out []string
	for rs.Next() {
		var s string
		if err := rs.Scan(&s); err != nil {
			h.t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

// customIDs returns the custom ids of the buttons a call sets.
func customIDs(t *testing.T, c discordtest.Call) []string {
	t.Helper()
	var body struct {
		Components []struct {
			Components []struct {
				CustomID string `json:"custom_id"`
			} `json:"components"`
		} `json:"components"`
	}
	if err := json.Unmarshal(c.Body, &body); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, row := range body.Components {
		for _, b := range row.Components {
			ids = append(ids, b.CustomID)
		}
	}
	return ids
}
