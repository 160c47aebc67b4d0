package bot_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/bot/discordtest"
	"github.com/newsbot/newsbot/rag/answer"
)

// embeds runs the bot in its default mode: answers in embeds.
func embeds(c *bot.Config) { c.PlainText = false }

// finalEmbed waits for the edit of an interaction's response that carries
// the finished answer (an embed that is no longer "writing…").
func (h *harness) finalEmbed(s discordtest.Sent) discordtest.Call {
	h.t.Helper()
	return h.waitCall("the finished answer to "+s.ID, func(c discordtest.Call) bool {
		es := c.Embeds()
		return c.Method == "PATCH" && c.Path == s.OriginalPath() && c.Status < 300 && len(es) > 0 && es[0].Title != ""
	})
}

func TestUncitedModelAnswerShowsUnsupported(t *testing.T) {
	t.Parallel()
	ans := newFakeAnswerer()
	var h *harness
	ans.ask = func(_ context.Context, req answer.Request) (answer.Answer, error) {
		req.OnDelta("Putin agreed to everything.")
		// While it streams, the embed says it is not yet checked.
		h.waitCall("a streamed edit", func(c discordtest.Call) bool {
			es := c.Embeds()
			return c.Method == "PATCH" && len(es) > 0 && strings.Contains(es[0].Footer, "not yet checked") && strings.Contains(es[0].Description, "Putin agreed")
		})
		a := answer.Answer{Question: req.Question, Answer: "Putin agreed to everything.", Mode: answer.ModeLLM,
			Flags: []answer.Flag{answer.FlagUnsupported}, Warnings: []string{"1 sentence cites no article"}}
		a.Status = a.DeriveStatus()
		return a, nil
	}
	h = start(t, ans, embeds)
	sent := h.ask(userA, channelID, "What did Putin agree to?")
	final := h.finalEmbed(sent)
	e := final.Embeds()[0]
	if !strings.Contains(e.Title, "Unsupported") || e.Color != 0xED4245 {
		t.Errorf("status title %q colour %#x, want a red “Unsupported” embed", e.Title, e.Color)
	}
	if text := final.Text(); !strings.Contains(text, "1 sentence cites no article") || !strings.Contains(text, "Putin agreed to everything.") {
		t.Errorf("the answer or its warning is hidden:\n%s", text)
	}
	streamed := h.waitCall("a streamed edit", func(c discordtest.Call) bool {
		es := c.Embeds()
		return c.Path == sent.OriginalPath() && len(es) > 0 && strings.Contains(es[0].Footer, "not yet checked")
	})
	if es := streamed.Embeds(); es[0].Color == e.Color {
		t.Error("the streaming embed has the final colour")
	}
	if final.Flags()&4 != 0 {
		t.Error("the answer suppresses its own embeds")
	}
}

func TestConflictAnswerSaysSourcesDiffer(t *testing.T) {
	t.Parallel()
	ans := newFakeAnswerer()
	ans.ask = func(_ context.Context, req answer.Request) (answer.Answer, error) {
		a := defaultAnswer(req.Question)
		a.Flags = []answer.Flag{answer.FlagConflict}
		a.Status = answer.StatusConflict
		return a, nil
	}
	for _, plain := range []bool{false, true} {
		t.Run(fmt.Sprint("plain=", plain), func(t *testing.T) {
			h := start(t, ans, func(c *bot.Config) { c.PlainText = plain })
			sent := h.ask(userA, channelID, "How long did the meeting last?")
			text := h.finalEdit(sent, "Sources").Text()
			if !strings.Contains(text, "Sources differ") {
				t.Errorf("a conflicting answer does not say so:\n%s", text)
			}
		})
	}
}

func TestSourcesListEachArticleOnce(t *testing.T) {
	t.Parallel()
	ans := newFakeAnswerer()
	ans.ask = func(_ context.Context, req answer.Request) (answer.Answer, error) {
		// Three citations of one article (as `ask -k 1` gives), one of another.
		c := func(n int, id, quote string) answer.Citation {
			return answer.Citation{N: n, ArticleID: id, Title: "Title of " + id, Source: "Outlet " + id, ChunkID: id + "#0", Quote: quote}
		}
		return answer.Answer{Question: req.Question, Mode: answer.ModeExtractive, Status: answer.StatusAnswered,
			Answer:    "It lasted five hours [1]. Nothing was agreed [2]. Talks go on [3]. Kyiv objected [4].",
			Citations: []answer.Citation{c(1, "a", "Five hours."), c(2, "a", "Nothing agreed."), c(3, "a", "Five hours."), c(4, "b", "Kyiv objected.")}}, nil
	}
	for _, plain := range []bool{false, true} {
		t.Run(fmt.Sprint("plain=", plain), func(t *testing.T) {
			h := start(t, ans, func(c *bot.Config) { c.PlainText = plain })
			sent := h.ask(userA, channelID, "What happened?")
			text := h.finalEdit(sent, "Title of b").Text()
			if n := strings.Count(text, "Title of a"); n != 1 {
				t.Errorf("article a is listed %d times:\n%s", n, text)
			}
			if !strings.Contains(text, "It lasted five hours [1]. Nothing was agreed [1]. Talks go on [1]. Kyiv objected [2].") {
				t.Errorf("markers do not point at the article entries:\n%s", text)
			}
			if n := strings.Count(text, "“Five hours.”"); n != 1 {
				t.Errorf("a quote is repeated %d times:\n%s", n, text)
			}
			if !strings.Contains(text, "[2] **Title of b**") {
				t.Errorf("article b is not entry [2]:\n%s", text)
			}
		})
	}
}

func TestOutletsAreNeverFileIDs(t *testing.T) {
	t.Parallel()
	ans := newFakeAnswerer()
	ans.ask = func(_ context.Context, req answer.Request) (answer.Answer, error) {
		return answer.Answer{Question: req.Question, Mode: answer.ModeExtractive, Answer: "Talks ended [1]. Prices rose [2].",
			Citations: []answer.Citation{
				{N: 1, ArticleID: "000_68b8ef4dfa8c2120", Source: "000_68b8ef4dfa8c2120", Title: "Moscow talks end", URL: "https://www.gulfnews.com/a", Quote: "Talks ended."},
				{N: 2, ArticleID: "002_e373de4a0ca40ca8", Source: "", Title: "Prices rise again", Quote: "Prices rose."},
			}}, nil
	}
	h := start(t, ans, embeds)
	text := h.finalEmbed(h.ask(userA, channelID, "What happened?")).Text()
	if regexp.MustCompile(`\d{3}_[0-9a-f]{16}`).MatchString(text) {
		t.Errorf("a file id is shown:\n%s", text)
	}
	if !strings.Contains(text, "gulfnews.com") {
		t.Errorf("the URL host is not shown as the outlet:\n%s", text)
	}
}

func TestHugeAnswerIsOneBoundedReply(t *testing.T) {
	t.Parallel()
	huge := strings.Repeat("The talks went on and on without any result at all [1]. ", 2000) // ~110 kB
	ans := newFakeAnswerer()
	ans.ask = func(_ context.Context, req answer.Request) (answer.Answer, error) {
		a := defaultAnswer(req.Question)
		a.Answer = huge
		return a, nil
	}
	for _, plain := range []bool{false, true} {
		t.Run(fmt.Sprint("plain=", plain), func(t *testing.T) {
			h := start(t, ans, func(c *bot.Config) { c.PlainText = plain })
			sent := h.ask(userA, channelID, "Tell me everything")
			last := h.waitCall("the buttons", func(c discordtest.Call) bool { return strings.Contains(c.Path, sent.Token) && c.HasComponents() })
			var msgs []discordtest.Call
			for _, c := range h.srv.Calls() {
				if c.Path == sent.WebhookPath() && c.Method == "POST" {
					msgs = append(msgs, c)
				}
				if c.N == last.N {
					break
				}
			}
			if n := 1 + len(msgs); n > 3 {
				t.Errorf("one answer posted %d messages", n)
			}
			all := last.Text()
			for _, c := range msgs {
				if size := embedsSize(c.Embeds()); size > 6000 || len(c.Embeds()) > 10 {
					t.Errorf("message %d has %d embeds of %d bytes", c.N, len(c.Embeds()), size)
				}
				if content, _ := c.Content(); len(content) > bot.MaxMessageLen {
					t.Errorf("message %d has %d bytes of content", c.N, len(content))
				}
			}
			original, _ := h.srv.Original(sent.Token)
			all = original.Text() + "\n" + all
			for _, c := range msgs {
				all += "\n" + c.Text()
			}
			if !strings.Contains(all, "(answer cut)") {
				t.Error("the cut answer does not say so")
			}
			if !strings.Contains(all, "No deal") {
				t.Error("the sources were cut with the answer")
			}
			stored := h.rows(`SELECT answer FROM feedback_answers`)
			if len(stored) != 1 || len(stored[0]) > 20<<10 {
				t.Errorf("stored %d answers, the first of %d bytes", len(stored), len(stored[0]))
			}
		})
	}
}

func embedsSize(es []discordtest.Embed) int {
	n := 0
	for _, e := range es {
		n += e.Size()
		if len(e.Description) > 4096 || len(e.Fields) > 25 {
			n += 1 << 20
		}
	}
	return n
}

func TestAutocompleteSuggestsKnownValues(t *testing.T) {
	t.Parallel()
	ans := newFakeAnswerer()
	ans.sources = []answer.Source{
		{ID: "a", Title: "Moscow talks end", Source: "Reuters", Published: time.Date(2025, 12, 3, 0, 0, 0, 0, time.UTC)},
		{ID: "b", Title: "Gas prices", Source: "Gulf News", Published: time.Date(2025, 12, 2, 0, 0, 0, 0, time.UTC)},
		{ID: "000_68b8ef4dfa8c2120", Title: "Ceasefire holds", URL: "https://www.apnews.com/x", Published: time.Date(2025, 12, 4, 0, 0, 0, 0, time.UTC)},
	}
	h := start(t, ans, nil)
	suggest := func(cmd, opt, typed string) []string {
		t.Helper()
		s := h.interact(discordtest.Interaction{Type: discordtest.InteractionAutocomplete, Name: cmd, GuildID: guildID, ChannelID: channelID, UserID: userA,
			Options: []discordtest.Option{{Name: opt, Value: typed, Focused: true}}})
		var names []string
		for _, c := range h.callback(s).Choices() {
			names = append(names, c.Name)
		}
		return names
	}
	if got := suggest("ask", "source", ""); !slices.Contains(got, "Reuters") || !slices.Contains(got, "Gulf News") || !slices.Contains(got, "apnews.com") {
		t.Errorf("outlets: %q", got)
	}
	if got := suggest("ask", "source", "gul"); !slices.Equal(got, []string{"Gulf News"}) {
		t.Errorf("outlets for “gul”: %q", got)
	}
	if got := suggest("ask", "article", "cease"); len(got) != 1 || !strings.Contains(got[0], "Ceasefire holds") {
		t.Errorf("articles for “cease”: %q", got)
	}
	if got := suggest("subscribe", "timezone", "berl"); !slices.Equal(got, []string{"Europe/Berlin"}) {
		t.Errorf("zones for “berl”: %q", got)
	}
	if got := suggest("subscribe", "timezone", "new_y"); !slices.Contains(got, "America/New_York") {
		t.Errorf("zones for “new_y”: %q", got)
	}

	// A typo'd outlet is refused with the known ones, closest first.
	typo := h.ask(userA, channelID, "What happened?", discordtest.Option{Name: "source", Value: "Reuterz"})
	h.ephemeralReply(typo, "no articles from “Reuterz” (known: Reuters, ")
	// An outlet known only by its URL host filters by article.
	host := h.ask(userA, channelID, "What happened?", discordtest.Option{Name: "source", Value: "apnews.com"})
	h.finalEdit(host, "Sources")
	reqs := ans.requests()
	if last := reqs[len(reqs)-1]; !slices.Equal(last.Filter.ArticleIDs, []string{"000_68b8ef4dfa8c2120"}) {
		t.Errorf("filter for apnews.com: %+v", last.Filter)
	}
}
