package bot_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/bot/discordtest"
	"github.com/newsbot/newsbot/rag/answer"
)

// mention posts "<@bot> text" from a user in a channel.
func (h *harness) mention(user, channel, text string) discordtest.Message {
	h.t.Helper()
	m, err := h.srv.PostMessage(discordtest.Message{ChannelID: channel, AuthorID: user,
		Content: "<@" + h.srv.BotID() + "> " + text, Mentions: []string{h.srv.BotID()}})
	if err != nil {
		h.t.Fatal(err)
	}
	return m
}

// say posts a message that does not mention the bot, replying to replyTo
// when set.
func (h *harness) say(user, channel, text, replyTo string) discordtest.Message {
	h.t.Helper()
	m, err := h.srv.PostMessage(discordtest.Message{ChannelID: channel, AuthorID: user, Content: text, ReferenceID: replyTo})
	if err != nil {
		h.t.Fatal(err)
	}
	return m
}

// botReply waits until the bot's reply to a message is final (carries its
// feedback buttons) and returns it.
func (h *harness) botReply(to discordtest.Message) discordtest.Message {
	h.t.Helper()
	reply, err := h.srv.WaitMessage(h.ctx, func(m discordtest.Message) bool {
		return m.AuthorID == h.srv.BotID() && m.ReferenceID == to.ID && len(m.Components) > 0
	})
	if err != nil {
		h.t.Fatalf("no final reply to %q: %v", to.Content, err)
	}
	return reply
}

func TestMentionThenReplyCarriesHistory(t *testing.T) {
	t.Parallel()
	h := start(t, nil, nil)
	q1 := h.mention(userA, channelID, "What did Putin say?")
	first := h.ans.next(t, h.ctx)
	if first.Question != "What did Putin say?" || len(first.History) != 0 {
		t.Errorf("first question %q with history %v", first.Question, first.History)
	}
	a1 := h.botReply(q1)
	if !strings.Contains(a1.Content, delta1+delta2) || !strings.Contains(a1.Content, "**Sources**") {
		t.Errorf("reply: %q", a1.Content)
	}
	post := h.waitCall("the thinking reply", func(c discordtest.Call) bool {
		return c.Method == "POST" && c.Path == "/api/v9/channels/"+channelID+"/messages"
	})
	if content, _ := post.Content(); content != "thinking…" || a1.Edits < 1 || post.Flags()&4 == 0 {
		t.Errorf("want a \"thinking…\" reply without link previews, then edited; got %q flags %d, %d edits", content, post.Flags(), a1.Edits)
	}

	// A reply to the answer, without a mention, is a follow-up.
	q2 := h.say(userA, channelID, "and what did Ukraine say?", a1.ID)
	second := h.ans.next(t, h.ctx)
	want := []answer.Turn{
		{Role: "user", Text: "What did Putin say?"},
		{Role: "assistant", Text: delta1 + delta2},
	}
	if second.Question != "and what did Ukraine say?" || fmt.Sprint(second.History) != fmt.Sprint(want) {
		t.Errorf("follow-up %q with history\n%v\nwant\n%v", second.Question, second.History, want)
	}
	a2 := h.botReply(q2)

	// And a reply to that one carries both exchanges.
	h.say(userB, channelID, "who else was there?", a2.ID)
	third := h.ans.next(t, h.ctx)
	if len(third.History) != 4 || third.History[2].Text != "and what did Ukraine say?" {
		t.Errorf("third question's history: %v", third.History)
	}
}

func TestThreadFollowUpAndSlashInThread(t *testing.T) {
	t.Parallel()
	h := start(t, nil, nil)
	h.srv.AddChannel(discordtest.Channel{ID: threadID, GuildID: guildID, ParentID: channelID, Type: discordtest.ChannelPublicThread})

	q1 := h.mention(userA, threadID, "What did Putin say?")
	h.ans.next(t, h.ctx)
	h.botReply(q1)

	// Un-mentioned chatter in the thread the bot answered in is a follow-up.
	q2 := h.say(userB, threadID, "and Ukraine?", "")
	second := h.ans.next(t, h.ctx)
	want := []answer.Turn{{Role: "user", Text: "What did Putin say?"}, {Role: "assistant", Text: delta1 + delta2}}
	if second.Question != "and Ukraine?" || fmt.Sprint(second.History) != fmt.Sprint(want) {
		t.Errorf("thread follow-up %q with history %v, want %v", second.Question, second.History, want)
	}
	h.botReply(q2)

	// /ask in the thread sees the thread too.
	sent := h.ask(userC, threadID, "and the Kremlin?")
	third := h.ans.next(t, h.ctx)
	if len(third.History) != 4 || third.History[3].Role != "assistant" {
		t.Errorf("/ask in thread: history %v", third.History)
	}
	h.finalEdit(sent, "**Sources**")
	h.logs.waitCount(h.ctx, `"msg":"answer posted"`, 3) // remembered for follow-ups

	// A reply to the slash answer recovers its question, which the
	// response message itself does not show.
	original, _ := h.srv.Original(sent.Token)
	h.say(userC, threadID, "say more", original.ID)
	fourth := h.ans.next(t, h.ctx)
	if n := len(fourth.History); n < 2 || fourth.History[n-2].Text != "and the Kremlin?" {
		t.Errorf("reply to /ask answer: history %v", fourth.History)
	}
}

func TestUnaddressedMessagesAreIgnored(t *testing.T) {
	t.Parallel()
	h := start(t, nil, nil)
	// Chatter in an ordinary channel, a reply to another user, and a bot's
	// message: none is for the bot.
	other := h.say(userA, channelID, "lunch?", "")
	h.say(userB, channelID, "sure", other.ID)
	if _, err := h.srv.PostMessage(discordtest.Message{ChannelID: channelID, AuthorID: "999", AuthorBot: true,
		Content: "<@" + h.srv.BotID() + "> from a bot", Mentions: []string{h.srv.BotID()}}); err != nil {
		t.Fatal(err)
	}
	q := h.mention(userC, channelID, "What happened?")
	h.botReply(q)
	h.stop() // every handler has finished once Run returns
	reqs := h.ans.requests()
	if len(reqs) != 1 || reqs[0].Question != "What happened?" {
		t.Errorf("answerer got %d questions: %v", len(reqs), reqs)
	}
}
