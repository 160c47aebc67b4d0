package bot_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/bot/discordtest"
	"github.com/newsbot/newsbot/rag/answer"
)

// storyBriefer briefs a fixed number of stories, or nothing (Empty) for
// /brief and the stories for a window.
type storyBriefer struct {
	fakeBriefer
	stories int
	empty   bool

	mu      sync.Mutex
	windows [][2]time.Time
}

func (f *storyBriefer) briefing() answer.Briefing {
	br := answer.Briefing{GeneratedAt: time.Date(2025, 12, 3, 9, 0, 0, 0, time.UTC), Mode: answer.ModeExtractive}
	for i := range f.stories {
		id := fmt.Sprintf("art-%d", i)
		br.Stories = append(br.Stories, answer.Story{
			Headline: fmt.Sprintf("Story number %d", i), Summary: strings.Repeat(fmt.Sprintf("What happened in story %d [1]. ", i), 12),
			Outlets: []string{id, "Reuters"}, ArticleIDs: []string{id},
			Citations: []answer.Citation{{N: 1, ArticleID: id, Source: id, Title: fmt.Sprintf("Title %d", i), URL: fmt.Sprintf("https://news%d.example/x", i)}},
		})
	}
	return br
}

func (f *storyBriefer) Brief(_ context.Context, hours int) (answer.Briefing, error) {
	if f.empty {
		return answer.Briefing{Empty: true, Window: answer.Period{From: time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC)}}, answer.ErrNoArticles
	}
	return f.briefing(), nil
}

func (f *storyBriefer) BriefWindow(_ context.Context, from, to time.Time) (answer.Briefing, error) {
	f.mu.Lock()
	f.windows = append(f.windows, [2]time.Time{from, to})
	f.mu.Unlock()
	return f.briefing(), nil
}

func TestBriefPostsOverviewAndStoriesInThread(t *testing.T) {
	t.Parallel()
	ans := newFakeAnswerer()
	ans.ask = func(_ context.Context, req answer.Request) (answer.Answer, error) {
		// The briefing's articles say nothing about the weather.
		if strings.Contains(req.Question, "weather") && len(req.Filter.ArticleIDs) > 0 {
			return answer.Answer{Question: req.Question, Answer: answer.RefusalText, Refused: true, Mode: answer.ModeExtractive}, nil
		}
		return defaultAnswer(req.Question), nil
	}
	br := &storyBriefer{stories: 9}
	h := start(t, ans, func(c *bot.Config) { c.Briefer = br })
	sent := h.interact(discordtest.Interaction{Name: "brief", GuildID: guildID, ChannelID: channelID, UserID: userA})
	overview := h.finalEdit(sent, "Story number 8")
	text, _ := overview.Content()
	if strings.Contains(text, "What happened") {
		t.Errorf("the overview holds the story texts:\n%s", text)
	}
	if !strings.Contains(text, "**1.** Story number 0 — 2 outlets (news0.example, Reuters)") {
		t.Errorf("the overview's story line lacks the outlets (never ids):\n%s", text)
	}
	last, err := h.srv.WaitMessage(h.ctx, func(m discordtest.Message) bool {
		return m.ChannelID != channelID && strings.Contains(m.Content, "**9. Story number 8**")
	})
	if err != nil {
		t.Fatalf("the last story was never posted: %v", err)
	}
	threads := h.srv.Threads(channelID)
	if len(threads) != 1 || threads[0].ID != last.ChannelID {
		t.Fatalf("threads %+v; the last story is in %s", threads, last.ChannelID)
	}
	if n := len(h.srv.Messages(channelID)); n > 2 {
		t.Errorf("a 9-story briefing posted %d channel messages", n)
	}
	if n := len(h.srv.Messages(threads[0].ID)); n > 9 || n < 1 {
		t.Errorf("the thread holds %d messages", n)
	}

	// A question in the thread is answered from the briefing's articles.
	q, err := h.srv.PostMessage(discordtest.Message{ChannelID: threads[0].ID, AuthorID: userB, Content: "what happened in story 4?"})
	if err != nil {
		t.Fatal(err)
	}
	req := ans.next(t, h.ctx)
	if len(req.Filter.ArticleIDs) != 9 || !slices.Contains(req.Filter.ArticleIDs, "art-8") {
		t.Errorf("the thread question was asked over %v", req.Filter.ArticleIDs)
	}
	if _, err := h.srv.WaitMessage(h.ctx, func(m discordtest.Message) bool {
		return m.ReferenceID == q.ID && strings.Contains(m.Content, "From this briefing's 9 articles") && strings.Contains(m.Content, "Sources")
	}); err != nil {
		t.Fatalf("no cited answer from the briefing: %v", err)
	}

	// A question the briefing does not cover is widened to every article.
	widened := h.ask(userC, threads[0].ID, "and the weather?")
	first, second := ans.next(t, h.ctx), ans.next(t, h.ctx)
	if len(first.Filter.ArticleIDs) != 9 || len(second.Filter.ArticleIDs) != 0 {
		t.Errorf("widening asked over %v then %v", first.Filter.ArticleIDs, second.Filter.ArticleIDs)
	}
	h.finalEdit(widened, "don't cover it, so this is from all articles")
}

func TestEmptyBriefOffersTheNewestStories(t *testing.T) {
	t.Parallel()
	ans := newFakeAnswerer()
	ans.sources = []answer.Source{
		{ID: "a", Title: "Moscow talks end", Source: "Reuters", Published: time.Date(2025, 12, 3, 15, 0, 0, 0, time.UTC)},
		{ID: "b", Title: "Older story", Source: "AP", Published: time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)},
	}
	br := &storyBriefer{stories: 2, empty: true}
	h := start(t, ans, func(c *bot.Config) { c.Briefer = br })
	sent := h.interact(discordtest.Interaction{Name: "brief", GuildID: guildID, ChannelID: channelID, UserID: userA})
	text, _ := h.finalEdit(sent, "Nothing new since").Content()
	for _, want := range []string{"newest articles I have are from Wed 3 Dec 2025", "Moscow talks end — Reuters, 3 Dec 2025", "/brief latest:True"} {
		if !strings.Contains(text, want) {
			t.Errorf("the empty briefing lacks %q:\n%s", want, text)
		}
	}
	latest := h.interact(discordtest.Interaction{Name: "brief", GuildID: guildID, ChannelID: channelID, UserID: userB,
		Options: []discordtest.Option{{Name: "latest", Type: discordtest.OptionBoolean, Value: true}}})
	h.finalEdit(latest, "Story number 1")
	br.mu.Lock()
	defer br.mu.Unlock()
	if want := time.Date(2025, 12, 3, 0, 0, 0, 0, time.UTC); len(br.windows) != 1 || !br.windows[0][0].Equal(want) || !br.windows[0][1].Equal(want.Add(24*time.Hour)) {
		t.Errorf("latest briefed windows %v, want the day of 3 Dec 2025", br.windows)
	}
}

func TestErrorsNameTheAPIHostUsed(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(discordtest.Config{Token: testToken})
	base := srv.URL
	srv.Close() // nothing listens there now
	b, err := bot.New(bot.Config{Token: "MTAw.x", APIBase: base, Answerer: newFakeAnswerer(), RESTTimeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), failAfter)
	defer cancel()
	err = b.Run(ctx)
	if err == nil || strings.Contains(err.Error(), "discord.com") || !strings.Contains(err.Error(), strings.TrimPrefix(base, "http://")) {
		t.Errorf("Run = %v, want an error naming %s", err, base)
	}
}
