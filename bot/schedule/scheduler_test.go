package schedule

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsbot/newsbot/internal/sqlitedb"
	"github.com/newsbot/newsbot/rag/answer"
)

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Set(t time.Time)     { c.mu.Lock(); c.t = t; c.mu.Unlock() }
func (c *clock) Add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

type post struct {
	channel, key, headline string
}

// poster records posts; fail makes the next posts fail, crash makes the
// next post panic as if the process died inside Post.
type poster struct {
	mu    sync.Mutex
	posts []post
	fail  int
	crash bool
}

var errDiscordDown = errors.New("discord unavailable")

func (p *poster) Post(_ context.Context, channelID string, b answer.Briefing, key string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.crash {
		p.crash = false
		panic("process died inside Post")
	}
	if p.fail > 0 {
		p.fail--
		return errDiscordDown
	}
	h := "(empty)"
	if len(b.Stories) > 0 {
		h = b.Stories[0].Headline
	}
	p.posts = append(p.posts, post{channelID, key, h})
	return nil
}

func (p *poster) all() []post {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]post(nil), p.posts...)
}

// generator numbers the briefings it writes and remembers each "since".
type generator struct {
	mu     sync.Mutex
	n      int
	sinces []time.Time
	empty  bool
}

func (g *generator) generate(_ context.Context, since time.Time) (answer.Briefing, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.n++
	g.sinces = append(g.sinces, since)
	if g.empty {
		return answer.Briefing{Empty: true, Window: answer.Period{From: since}}, answer.ErrNoArticles
	}
	return answer.Briefing{Mode: "extractive", Stories: []answer.Story{{Headline: fmt.Sprintf("briefing #%d", g.n)}}}, nil
}

type env struct {
	t     *testing.T
	db    *sql.DB
	clk   *clock
	post  *poster
	gen   *generator
	logs  *bytes.Buffer
	sched *Scheduler
}

func newEnv(t *testing.T, start time.Time) *env {
	t.Helper()
	db, err := sqlitedb.Open(context.Background(), filepath.Join(t.TempDir(), "sched.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	e := &env{t: t, db: db, clk: &clock{t: start}, post: &poster{}, gen: &generator{}, logs: &bytes.Buffer{}}
	e.restart()
	return e
}

// restart replaces the Scheduler with a new one on the same database, as
// a restarted bot would.
func (e *env) restart() {
	e.t.Helper()
	s, err := New(context.Background(), Config{
		DB: e.db, Poster: e.post, Generate: e.gen.generate, Now: e.clk.Now,
		Catchup: time.Hour, PostLease: 2 * time.Minute,
		Logger: slog.New(slog.NewTextHandler(e.logs, nil)),
	})
	if err != nil {
		e.t.Fatal(err)
	}
	e.sched = s
}

func (e *env) subscribe(at, tz string) Subscription {
	e.t.Helper()
	sub, err := e.sched.Subscribe(context.Background(), SubscribeRequest{GuildID: "g1", ChannelID: "c1", At: at, TZ: tz, CreatedBy: "u1"})
	if err != nil {
		e.t.Fatal(err)
	}
	return sub
}

// tickAt sets the clock and ticks.
func (e *env) tickAt(t time.Time) {
	e.t.Helper()
	e.clk.Set(t)
	if err := e.sched.Tick(context.Background()); err != nil {
		e.t.Fatal(err)
	}
}

// tickEveryMinute ticks once a minute over [from, to).
func (e *env) tickEveryMinute(from, to time.Time) {
	e.t.Helper()
	e.tickEvery(time.Minute, from, to)
}

// tickEvery ticks once per step over [from, to); the tests' schedules fall
// on multiples of 5 minutes, so 5-minute steps keep long spans fast.
func (e *env) tickEvery(step time.Duration, from, to time.Time) {
	e.t.Helper()
	for t := from; t.Before(to); t = t.Add(step) {
		e.tickAt(t)
	}
}

func utc(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.UTC)
}

func (e *env) wantPosts(n int) []post {
	e.t.Helper()
	p := e.post.all()
	if len(p) != n {
		e.t.Fatalf("%d posts, want %d: %+v\nlogs:\n%s", len(p), n, p, e.logs.String())
	}
	return p
}

func TestNormalDays(t *testing.T) {
	e := newEnv(t, utc(2026, 6, 1, 0, 0))
	sub := e.subscribe("08:30", "Europe/Berlin") // 06:30 UTC in summer
	e.tickEvery(5*time.Minute, utc(2026, 6, 1, 0, 0), utc(2026, 6, 3, 0, 0))
	p := e.wantPosts(2)
	if p[0].key != fmt.Sprintf("b%d-20260601", sub.ID) || p[1].key != fmt.Sprintf("b%d-20260602", sub.ID) || len(p[0].key) > 25 {
		t.Errorf("keys %q %q", p[0].key, p[1].key)
	}
	if p[0].channel != "c1" || p[0].headline != "briefing #1" || p[1].headline != "briefing #2" {
		t.Errorf("posts %+v", p)
	}
	// The second briefing covers the articles since the first slot.
	if got := e.gen.sinces[1]; !got.Equal(utc(2026, 6, 1, 6, 30)) {
		t.Errorf("second briefing since %v, want the previous slot", got)
	}
}

func TestSubscribingAfterTheTimeWaitsForTomorrow(t *testing.T) {
	e := newEnv(t, utc(2026, 6, 1, 7, 0))
	e.subscribe("08:30", "Europe/Berlin") // 06:30 UTC: already past, within catch-up
	e.tickEvery(5*time.Minute, utc(2026, 6, 1, 7, 0), utc(2026, 6, 2, 6, 30))
	e.wantPosts(0)
	e.tickAt(utc(2026, 6, 2, 6, 30))
	e.wantPosts(1)
}

func TestRestartSameDayDoesNotPostAgain(t *testing.T) {
	e := newEnv(t, utc(2026, 6, 1, 0, 0))
	e.subscribe("09:00", "UTC")
	e.tickAt(utc(2026, 6, 1, 9, 0))
	e.wantPosts(1)
	for i := range 3 {
		e.restart()
		e.tickAt(utc(2026, 6, 1, 9, 1+i))
	}
	e.tickEveryMinute(utc(2026, 6, 1, 9, 5), utc(2026, 6, 1, 12, 0))
	e.wantPosts(1)
	if e.gen.n != 1 {
		t.Errorf("generated %d times, want 1", e.gen.n)
	}
}

func TestCrashBetweenGenerateAndPost(t *testing.T) {
	e := newEnv(t, utc(2026, 6, 1, 0, 0))
	e.subscribe("09:00", "UTC")
	e.post.fail = 1 // generated and stored, then the post fails: the state a crash leaves
	e.clk.Set(utc(2026, 6, 1, 9, 0))
	_ = e.sched.Tick(context.Background())
	e.wantPosts(0)
	e.restart()
	e.tickAt(utc(2026, 6, 1, 9, 1))
	p := e.wantPosts(1)
	if p[0].headline != "briefing #1" || e.gen.n != 1 {
		t.Errorf("after restart posted %q with %d generations; want the stored briefing #1, generated once", p[0].headline, e.gen.n)
	}
	e.tickEveryMinute(utc(2026, 6, 1, 9, 2), utc(2026, 6, 1, 11, 0))
	e.wantPosts(1)
}

func TestCrashInsidePostRepostsSameContentWithSameKey(t *testing.T) {
	e := newEnv(t, utc(2026, 6, 1, 0, 0))
	e.subscribe("09:00", "UTC")
	e.post.crash = true
	e.clk.Set(utc(2026, 6, 1, 9, 0))
	func() {
		defer func() { _ = recover() }()
		_ = e.sched.Tick(context.Background())
	}()
	e.restart()
	// Within the post lease the delivery may still be in flight: wait.
	e.tickAt(utc(2026, 6, 1, 9, 1))
	e.wantPosts(0)
	e.tickAt(utc(2026, 6, 1, 9, 2))
	p := e.wantPosts(1)
	if p[0].headline != "briefing #1" || p[0].key != "b1-20260601" {
		t.Errorf("re-post %+v, want briefing #1 with key b1-20260601", p[0])
	}
	if !strings.Contains(e.logs.String(), "interrupted while posting") {
		t.Errorf("no log line about the interrupted post:\n%s", e.logs.String())
	}
	e.tickEveryMinute(utc(2026, 6, 1, 9, 3), utc(2026, 6, 1, 10, 30))
	e.wantPosts(1)
}

func TestDownThroughScheduledTime(t *testing.T) {
	cases := []struct {
		name    string
		back    time.Time
		want    int
		wantLog string
	}{
		{"back within the catch-up window", utc(2026, 6, 1, 9, 40), 1, ""},
		{"back after the catch-up window", utc(2026, 6, 1, 10, 30), 0, "briefing skipped"},
		{"back after midnight, yesterday within the window", utc(2026, 6, 2, 0, 20), 1, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := newEnv(t, utc(2026, 5, 31, 12, 0))
			at := "09:00"
			if c.back.Day() == 2 {
				at = "23:45"
			}
			e.subscribe(at, "UTC")
			e.tickAt(utc(2026, 6, 1, 8, 0)) // last tick before going down
			e.restart()
			e.tickEveryMinute(c.back, c.back.Add(30*time.Minute))
			e.wantPosts(c.want)
			if !strings.Contains(e.logs.String(), c.wantLog) {
				t.Errorf("logs lack %q:\n%s", c.wantLog, e.logs.String())
			}
			if c.want == 0 && strings.Count(e.logs.String(), "briefing skipped") != 1 {
				t.Errorf("skip logged %d times, want once", strings.Count(e.logs.String(), "briefing skipped"))
			}
		})
	}
}

func TestPostFailuresRetryThenGiveUp(t *testing.T) {
	e := newEnv(t, utc(2026, 6, 1, 0, 0))
	e.subscribe("09:00", "UTC")
	e.post.fail = 2
	e.tickEveryMinute(utc(2026, 6, 1, 9, 0), utc(2026, 6, 1, 9, 10))
	e.wantPosts(1)
	e.post.fail = 100
	e.tickEveryMinute(utc(2026, 6, 2, 9, 0), utc(2026, 6, 2, 10, 0))
	e.wantPosts(1)
	var state string
	_ = e.db.QueryRow(`SELECT state FROM brief_deliveries WHERE local_date = '2026-06-02'`).Scan(&state)
	if state != stateFailed {
		t.Errorf("state %q after repeated failures, want failed", state)
	}
}

func TestNothingNewIsPostedOnce(t *testing.T) {
	e := newEnv(t, utc(2026, 6, 1, 0, 0))
	e.subscribe("09:00", "UTC")
	e.gen.empty = true
	e.tickEveryMinute(utc(2026, 6, 1, 9, 0), utc(2026, 6, 1, 9, 5))
	p := e.wantPosts(1)
	if p[0].headline != "(empty)" {
		t.Errorf("posted %+v, want the empty briefing", p[0])
	}
}
