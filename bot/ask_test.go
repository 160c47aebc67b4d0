package bot_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/bot/discordtest"
	"github.com/newsbot/newsbot/rag/answer"
)

func TestAskDefersStreamsAndCitesSources(t *testing.T) {
	t.Parallel()
	ans := newFakeAnswerer()
	var h *harness
	ans.ask = func(ctx context.Context, req answer.Request) (answer.Answer, error) {
		// Stream the first sentence and hold the rest back until the user
		// has seen it, so the streamed edit is observed deterministically.
		req.OnDelta(delta1)
		h.waitCall("a streamed edit", func(c discordtest.Call) bool {
			content, _ := c.Content()
			return c.Method == "PATCH" && strings.Contains(content, "five hours [1]")
		})
		req.OnDelta(delta2)
		return defaultAnswer(req.Question), nil
	}
	h = start(t, ans, nil)
	sent := h.ask(userA, channelID, "What happened in Moscow?", discordtest.Option{Name: "source", Value: "Reuters"})

	final := h.finalEdit(sent, "**Sources**")
	req := ans.requests()[0]
	if req.Question != "What happened in Moscow?" || !slices.Equal(req.Filter.Sources, []string{"Reuters"}) || len(req.History) != 0 {
		t.Errorf("answerer got question %q, sources %v, history %v", req.Question, req.Filter.Sources, req.History)
	}

	// The interaction was acknowledged first, with a deferred response.
	var mine []discordtest.Call
	for _, c := range h.srv.Calls() {
		if strings.Contains(c.Path, sent.Token) {
			mine = append(mine, c)
		}
	}
	if len(mine) < 3 || mine[0].CallbackType() != 5 {
		t.Fatalf("want a deferred response (type 5) first, then edits; got %d calls, first type %d", len(mine), mine[0].CallbackType())
	}
	if mine[0].Flags()&4 == 0 {
		t.Error("the response does not suppress link previews")
	}
	streamed, _ := mine[1].Content()
	if !strings.Contains(streamed, "five hours [1]") || strings.Contains(streamed, "No agreement") {
		t.Errorf("first edit should show only the streamed part, got %q", streamed)
	}

	content, _ := final.Content()
	for _, want := range []string{
		delta1 + delta2,
		"**Sources**",
		"[1] [Moscow talks end](<https://example.com/a>) — Gulf News, 2025-12-03\n> “The meeting lasted five hours.”",
		"[2] **No deal** — Reuters, 2025-12-02\n> “No agreement was reached.”",
	} {
		if !strings.Contains(content, want) {
			t.Errorf("final answer lacks %q:\n%s", want, content)
		}
	}
	if ids := customIDs(t, final); len(ids) != 2 {
		t.Errorf("want 👍/👎 buttons under the answer, got %v", ids)
	}
	if m, ok := h.srv.Original(sent.Token); !ok || m.Content != content {
		t.Errorf("the response message does not hold the answer: %q", m.Content)
	}
}

func TestLongAnswerIsSplitIntoFollowUps(t *testing.T) {
	t.Parallel()
	ans := newFakeAnswerer()
	sentence := "Officials said the talks covered security guarantees, sanctions and a ceasefire line [1]. "
	// Long enough for three messages, the most one answer posts.
	long := strings.Repeat(sentence, 30) + "\n\n" + strings.Repeat("A second paragraph about reactions in Kyiv follows here [2]. ", 20)
	ans.ask = func(ctx context.Context, req answer.Request) (answer.Answer, error) {
		a := defaultAnswer(req.Question)
		a.Answer = long
		req.OnDelta(long)
		return a, nil
	}
	h := start(t, ans, nil)
	sent := h.ask(userA, channelID, "Tell me everything")

	last := h.waitCall("the last part", func(c discordtest.Call) bool {
		return c.Method == "POST" && c.Path == sent.WebhookPath() && c.HasComponents()
	})
	var parts []string
	for _, c := range h.srv.Calls() {
		content, ok := c.Content()
		if !ok || c.Status >= 300 {
			continue
		}
		if utf8.RuneCountInString(content) > bot.MaxMessageLen || len(content) > bot.MaxMessageLen {
			t.Errorf("call %d sends %d bytes", c.N, len(content))
		}
		if c.Path == sent.WebhookPath() {
			parts = append(parts, content)
			if c.Flags()&4 == 0 {
				t.Errorf("follow-up %d does not suppress link previews", c.N)
			}
		}
		if c.N == last.N {
			break
		}
	}
	original, _ := h.srv.Original(sent.Token)
	all := append([]string{original.Content}, parts...)
	if len(all) < 3 {
		t.Fatalf("a %d-byte answer came in %d messages", len(long), len(all))
	}
	joined := strings.Join(all, " ")
	if got, want := strings.Count(joined, "[1]"), strings.Count(long, "[1]")+1; got != want {
		t.Errorf("[1] appears %d times across the parts, want %d (answer + source list)", got, want)
	}
	for i, p := range all {
		if strings.HasPrefix(p, "[1]") && i > 0 && !strings.HasPrefix(p, "[1] [Moscow") {
			t.Errorf("part %d starts with a marker cut off its sentence: %.40q", i, p)
		}
	}
	if !strings.Contains(all[len(all)-1], "**Sources**") && !strings.Contains(all[len(all)-1], "[2] **No deal**") {
		t.Errorf("the sources should end the last part: %.80q", all[len(all)-1])
	}
}

func TestSourcesAndHelp(t *testing.T) {
	t.Parallel()
	ans := newFakeAnswerer()
	ans.sources = []answer.Source{{ID: "a", Title: "Moscow talks end", Source: "Gulf News", URL: "https://example.com/a"}}
	h := start(t, ans, func(c *bot.Config) { c.GuildIDs = []string{"1", "2"} })

	for _, g := range []string{"1", "2"} {
		h.waitCall("commands in guild "+g, func(c discordtest.Call) bool {
			return c.Method == "PUT" && strings.HasSuffix(c.Path, "/guilds/"+g+"/commands")
		})
		var cmds []struct{ Name string }
		if err := json.Unmarshal(h.srv.Commands(g), &cmds); err != nil || len(cmds) != 3 {
			t.Errorf("guild %s commands: %v %v", g, cmds, err)
		}
	}
	if h.srv.Commands("") != nil {
		t.Error("commands registered globally although guilds were given")
	}

	src := h.interact(discordtest.Interaction{Name: "sources", GuildID: guildID, ChannelID: channelID, UserID: userA})
	list := h.finalEdit(src, "Moscow talks end")
	if content, _ := list.Content(); !strings.Contains(content, "[Moscow talks end](<https://example.com/a>) — Gulf News") {
		t.Errorf("/sources: %q", content)
	}

	help := h.interact(discordtest.Interaction{Name: "help", GuildID: guildID, ChannelID: channelID, UserID: userA})
	c := h.callback(help)
	content, _ := c.Content()
	if c.CallbackType() != 4 || !strings.Contains(content, "/ask") || c.Flags()&64 == 0 {
		t.Errorf("/help answered with type %d flags %d: %q", c.CallbackType(), c.Flags(), content)
	}
	if strings.Contains(content, "/brief") {
		t.Error("/help mentions /brief without a Briefer")
	}
	if _, _, intents := h.srv.Gateway(); intents&(1<<15) == 0 {
		t.Errorf("intents %b lack message content although configured", intents)
	}
}
