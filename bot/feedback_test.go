package bot_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/bot/discordtest"
	"github.com/newsbot/newsbot/internal/secret"
	"github.com/newsbot/newsbot/rag/answer"
)

func TestFeedbackButtonStoresARow(t *testing.T) {
	t.Parallel()
	h := start(t, nil, nil)
	sent := h.ask(userA, channelID, "What happened in Moscow?")
	final := h.finalEdit(sent, "**Sources**")
	ids := customIDs(t, final)
	if len(ids) != 2 {
		t.Fatalf("buttons: %v", ids)
	}
	original, _ := h.srv.Original(sent.Token)

	click := func(user, id string) {
		t.Helper()
		c := h.interact(discordtest.Interaction{Type: discordtest.InteractionComponent, CustomID: id, MessageID: original.ID,
			GuildID: guildID, ChannelID: channelID, UserID: user})
		h.ephemeralReply(c, "recorded your")
	}
	click(userB, ids[0]) // 👍
	click(userC, ids[1]) // 👎
	click(userB, ids[1]) // userB changes their mind

	got := h.rows(`SELECT user_id || ' ' || vote || ' ' || question || ' ' || chunk_ids FROM feedback ORDER BY user_id`)
	want := []string{
		userB + ` -1 What happened in Moscow? ["a#0","b#3"]`,
		userC + ` -1 What happened in Moscow? ["a#0","b#3"]`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("feedback rows:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if answers := h.rows(`SELECT answer FROM feedback`); len(answers) != 2 || answers[0] != delta1+delta2 {
		t.Errorf("stored answers: %q", answers)
	}
}

func TestNoDatabaseMeansNoButtons(t *testing.T) {
	t.Parallel()
	h := start(t, nil, func(c *bot.Config) { c.DB = nil })
	sent := h.ask(userA, channelID, "q?")
	if ids := customIDs(t, h.finalEdit(sent, "**Sources**")); len(ids) != 0 {
		t.Errorf("buttons without a database: %v", ids)
	}
}

// fakeBriefer records what the briefing commands asked for.
type fakeBriefer struct {
	mu    sync.Mutex
	hours []int
	subs  []bot.Subscription
}

func (f *fakeBriefer) Brief(_ context.Context, hours int) (answer.Briefing, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.hours = append(f.hours, hours)
	return answer.Briefing{Mode: answer.ModeExtractive, Stories: []answer.Story{{
		Headline: "Talks", Summary: "Talks ended [1]. See https://example.com/brief",
		Citations: []answer.Citation{{N: 1, ArticleID: "a", Title: "Talks end", Source: "AP", URL: "https://example.com/a"}},
	}}}, nil
}

func (f *fakeBriefer) Subscribe(_ context.Context, s bot.Subscription) error {
	if s.TZ == "Mars/Olympus" {
		return &bot.InvalidRequestError{Message: "Unknown time zone \"Mars/Olympus\"."}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.subs = append(f.subs, s)
	return nil
}

func (f *fakeBriefer) Unsubscribe(context.Context, string, string) error { return bot.ErrNotSubscribed }

func (f *fakeBriefer) Subscriptions(context.Context, string) ([]bot.Subscription, error) {
	return nil, errors.New("store down")
}

func TestBrieferHook(t *testing.T) {
	t.Parallel()
	br := &fakeBriefer{}
	h := start(t, nil, func(c *bot.Config) { c.Briefer = br })
	if cmds := string(h.srv.Commands("")); !strings.Contains(cmds, `"brief"`) || !strings.Contains(cmds, `"subscribe"`) {
		t.Fatalf("briefing commands not registered: %s", cmds)
	}

	brief := h.interact(discordtest.Interaction{Name: "brief", GuildID: guildID, ChannelID: channelID, UserID: userA,
		Options: []discordtest.Option{{Name: "hours", Type: discordtest.OptionInteger, Value: 6}}})
	h.finalEdit(brief, "Briefing")
	story, err := h.srv.WaitMessage(h.ctx, func(m discordtest.Message) bool { return strings.Contains(m.Content, "Talks ended") })
	if err != nil {
		t.Fatalf("no story posted: %v", err)
	}
	if !strings.Contains(story.Content, "<https://example.com/brief>") {
		t.Errorf("story: %q", story.Content)
	}

	at := []discordtest.Option{{Name: "time", Type: discordtest.OptionString, Value: "07:30"}, {Name: "timezone", Type: discordtest.OptionString, Value: "Europe/Berlin"}}
	denied := h.interact(discordtest.Interaction{Name: "subscribe", GuildID: guildID, ChannelID: channelID, UserID: userA, Options: at})
	h.ephemeralReply(denied, "Manage Server")
	const manageServer = 1 << 5
	sub := h.interact(discordtest.Interaction{Name: "subscribe", GuildID: guildID, ChannelID: channelID, UserID: userA, Permissions: manageServer, Options: at})
	h.finalEdit(sub, "daily briefing at 07:30 (Europe/Berlin)")
	bad := h.interact(discordtest.Interaction{Name: "subscribe", GuildID: guildID, ChannelID: channelID, UserID: userA, Permissions: manageServer,
		Options: []discordtest.Option{{Name: "time", Type: discordtest.OptionString, Value: "07:30"}, {Name: "timezone", Type: discordtest.OptionString, Value: "Mars/Olympus"}}})
	h.finalEdit(bad, "Unknown time zone")
	unsub := h.interact(discordtest.Interaction{Name: "unsubscribe", GuildID: guildID, ChannelID: channelID, UserID: userA, Permissions: manageServer})
	h.finalEdit(unsub, "wasn't getting briefings")
	list := h.interact(discordtest.Interaction{Name: "subscriptions", GuildID: guildID, ChannelID: channelID, UserID: userA, Permissions: manageServer})
	h.finalEdit(list, "(ref ")

	br.mu.Lock()
	defer br.mu.Unlock()
	if len(br.hours) != 1 || br.hours[0] != 6 || len(br.subs) != 1 || br.subs[0].ChannelID != channelID || br.subs[0].UserID != userA || br.subs[0].At != "07:30" || br.subs[0].TZ != "Europe/Berlin" {
		t.Errorf("briefer saw hours %v, subscriptions %+v", br.hours, br.subs)
	}
}

func TestPostSplitsAndBlocksMentions(t *testing.T) {
	t.Parallel()
	h := start(t, nil, nil)
	b, err := bot.New(bot.Config{Token: secret.Secret(testToken), APIBase: h.srv.URL, Answerer: h.ans})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("A story about the talks [1]. @everyone look: https://example.com/x\n\n", 60)
	if err := b.Post(h.ctx, "777", text); err != nil {
		t.Fatal(err)
	}
	msgs := h.srv.Messages("777")
	if len(msgs) < 2 {
		t.Fatalf("a %d-byte briefing came in %d messages", len(text), len(msgs))
	}
	for _, m := range msgs {
		if len(m.Content) > bot.MaxMessageLen || strings.Contains(m.Content, " https://") {
			t.Errorf("message of %d bytes with an unwrapped link: %.60q", len(m.Content), m.Content)
		}
	}
}
