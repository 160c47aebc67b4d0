package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/bot/discordtest"
	"github.com/newsbot/newsbot/rag/answer"
)

// ephemeralReply asserts that an interaction was answered at once (type 4),
// privately, with text containing want.
func (h *harness) ephemeralReply(s discordtest.Sent, want string) {
	h.t.Helper()
	c := h.callback(s)
	content, _ := c.Content()
	if c.CallbackType() != 4 || c.Flags()&64 == 0 || !strings.Contains(content, want) {
		h.t.Errorf("want an ephemeral reply containing %q; got type %d flags %d: %q", want, c.CallbackType(), c.Flags(), content)
	}
}

func TestUserRateLimitRepliesPolitely(t *testing.T) {
	t.Parallel()
	h := start(t, nil, func(c *bot.Config) { c.UserBurst, c.UserInterval = 1, time.Hour })
	a := h.ask(userA, channelID, "first?")
	b := h.ask(userA, channelID, "second?")
	ca, cb := h.callback(a), h.callback(b)
	// Events are handled concurrently: either may be the one answered.
	limited := b
	if ca.CallbackType() == 4 {
		ca, cb, limited = cb, ca, a
	}
	if ca.CallbackType() != 5 {
		t.Fatalf("neither question was answered: types %d and %d", ca.CallbackType(), cb.CallbackType())
	}
	h.ephemeralReply(limited, "please try again in 60 minutes")

	other := h.ask(userB, channelID, "someone else?")
	if c := h.callback(other); c.CallbackType() != 5 {
		t.Errorf("another user was limited too: type %d", c.CallbackType())
	}
}

func TestQueueFullSaysBusy(t *testing.T) {
	t.Parallel()
	ans := newFakeAnswerer()
	release := make(chan struct{})
	ans.ask = func(ctx context.Context, req answer.Request) (answer.Answer, error) {
		if req.Question == "slow" {
			select {
			case <-release:
			case <-ctx.Done():
				return answer.Answer{}, ctx.Err()
			}
		}
		return defaultAnswer(req.Question), nil
	}
	h := start(t, ans, func(c *bot.Config) { c.MaxConcurrent, c.MaxQueue = 1, 1 })
	slow := h.ask(userA, channelID, "slow")
	h.ans.next(t, h.ctx) // running: holds the only slot
	queued := h.ask(userB, channelID, "queued")
	h.callback(queued) // acknowledged: holds the only queue place
	busy := h.ask(userC, channelID, "one too many")
	h.ephemeralReply(busy, "answering a lot of questions right now")
	close(release)
	h.finalEdit(slow, "**Sources**")
	h.finalEdit(queued, "**Sources**")
}

func TestQuestionTooLong(t *testing.T) {
	t.Parallel()
	h := start(t, nil, func(c *bot.Config) { c.MaxQuestionLen = 50 })
	s := h.ask(userA, channelID, strings.Repeat("why ", 20))
	h.ephemeralReply(s, "too long — please keep it under 50 characters")
	m := h.mention(userA, channelID, strings.Repeat("why ", 20))
	reply, err := h.srv.WaitMessage(h.ctx, func(x discordtest.Message) bool { return x.ReferenceID == m.ID })
	if err != nil || !strings.Contains(reply.Content, "too long") {
		t.Errorf("mention reply %q, %v", reply.Content, err)
	}
}

func TestAllowlistsRefuse(t *testing.T) {
	t.Parallel()
	h := start(t, nil, func(c *bot.Config) {
		c.AllowedChannelIDs = []string{channelID}
		c.AllowedRoleIDs = []string{"r-news"}
	})
	h.srv.AddChannel(discordtest.Channel{ID: threadID, GuildID: guildID, ParentID: channelID, Type: discordtest.ChannelPublicThread})

	elsewhere := h.interact(discordtest.Interaction{Name: "ask", GuildID: guildID, ChannelID: "999", UserID: userA,
		Roles: []string{"r-news"}, Options: []discordtest.Option{{Name: "question", Value: "hi?"}}})
	h.ephemeralReply(elsewhere, "not enabled in this channel")

	noRole := h.ask(userA, channelID, "hi?")
	h.ephemeralReply(noRole, "only members with certain roles")

	inThread := h.interact(discordtest.Interaction{Name: "ask", GuildID: guildID, ChannelID: threadID, UserID: userA,
		Roles: []string{"r-news"}, Options: []discordtest.Option{{Name: "question", Value: "allowed?"}}})
	if c := h.callback(inThread); c.CallbackType() != 5 {
		t.Errorf("a thread under an allowed channel was refused: type %d", c.CallbackType())
	}
	h.finalEdit(inThread, "**Sources**")

	m, err := h.srv.PostMessage(discordtest.Message{ChannelID: "999", AuthorID: userB, Roles: []string{"r-news"},
		Content: "<@" + h.srv.BotID() + "> hello?", Mentions: []string{h.srv.BotID()}})
	if err != nil {
		t.Fatal(err)
	}
	reply, err := h.srv.WaitMessage(h.ctx, func(x discordtest.Message) bool { return x.ReferenceID == m.ID })
	if err != nil || !strings.Contains(reply.Content, "not enabled in this channel") {
		t.Errorf("mention in a disallowed channel: %q, %v", reply.Content, err)
	}
	h.stop()
	if reqs := h.ans.requests(); len(reqs) != 1 || reqs[0].Question != "allowed?" {
		t.Errorf("refused questions reached the answerer: %v", reqs)
	}
}

func TestSubscribeAllowlistChecksTargetChannel(t *testing.T) {
	t.Parallel()
	br := &fakeBriefer{}
	h := start(t, nil, func(c *bot.Config) {
		c.AllowedChannelIDs = []string{channelID}
		c.Briefer = br
	})
	const manageServer = 1 << 5
	sub := h.interact(discordtest.Interaction{Name: "subscribe", GuildID: guildID, ChannelID: channelID, UserID: userA, Permissions: manageServer,
		Options: []discordtest.Option{{Name: "time", Type: discordtest.OptionString, Value: "07:30"}, {Name: "channel", Type: discordtest.OptionString, Value: "999"}}})
	h.ephemeralReply(sub, "not enabled in this channel")
	br.mu.Lock()
	defer br.mu.Unlock()
	if len(br.subs) != 0 {
		t.Errorf("a channel outside the allowlist was subscribed: %+v", br.subs)
	}
}
