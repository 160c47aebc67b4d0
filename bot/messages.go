package bot

import (
	"context"
	"slices"
	"strings"

	"github.com/bwmarrin/discordgo"
	"github.com/newsbot/newsbot/rag/answer"
)

// onMessage is discordgo's handler for MESSAGE_CREATE.
func (b *Bot) onMessage(_ *discordgo.Session, e *discordgo.MessageCreate) {
	if e == nil || e.Message == nil || e.Author == nil || e.Author.Bot || e.WebhookID != "" {
		return
	}
	if e.Type != discordgo.MessageTypeDefault && e.Type != discordgo.MessageTypeReply {
		return
	}
	if strings.TrimSpace(e.Content) == "" {
		return
	}
	botID, _ := b.self()
	if botID == "" || e.Author.ID == botID {
		return
	}
	ctx, done, ok := b.begin()
	if !ok {
		return
	}
	defer done()
	defer b.recoverPanic(ctx, "message", nil)
	b.handleMessage(ctx, e.Message, botID)
}

// how a message came to be addressed to the bot.
const (
	viaNothing = iota
	viaMention // mentioned, or a direct message
	viaReply   // a reply to one of the bot's messages
	viaThread  // said in a thread the bot answered in
)

// handleMessage answers a message addressed to the bot, with the earlier
// turns of its reply chain or thread as history.
func (b *Bot) handleMessage(ctx context.Context, m *discordgo.Message, botID string) {
	log := b.log.With("message", m.ID, "guild", m.GuildID, "channel", m.ChannelID, "user", m.Author.ID)
	via := b.addressed(ctx, m, botID)
	if via == viaNothing {
		return
	}
	r := &channelReply{b: b, channelID: m.ChannelID, guildID: m.GuildID, replyTo: m.ID}
	say := func(text string) {
		if _, err := b.send(ctx, m.ChannelID, reply{content: text}, r.ref(), nil); err != nil {
			log.Error("reply to message", "err", err)
		}
	}
	who := asker{id: m.Author.ID, dm: m.GuildID == ""}
	if m.Member != nil {
		who.roles = m.Member.Roles
	}
	text := stripMentions(m.Content, botID)
	if text == "" {
		say("Hi! Ask me a question about the news — mention me with it, or use `/ask`. `/help` says more.")
		return
	}
	t, refusal := b.admit(ctx, m.ChannelID, who, text)
	if refusal != "" {
		if via == viaThread && !b.channelAllowed(ctx, m.ChannelID) {
			return // not addressed explicitly; stay quiet
		}
		say(refusal)
		return
	}
	if err := r.start(ctx); err != nil {
		t.leave()
		log.Error("post thinking reply", "err", err)
		return
	}
	var history []answer.Turn
	switch {
	case m.MessageReference != nil:
		history = b.replyHistory(ctx, m, botID)
	case via == viaThread || b.answeredThread(ctx, m.ChannelID, botID):
		history = b.threadHistory(ctx, m.ChannelID, m.ID, botID)
	}
	log.Debug("answering message", "via", via, "history", len(history))
	q := question{text: text, history: history, briefing: b.briefingArticles(ctx, m.ChannelID, log),
		guildID: m.GuildID, channelID: m.ChannelID, userID: m.Author.ID}
	b.answer(ctx, q, r, t)
}

// addressed says whether (and how) m speaks to the bot.
func (b *Bot) addressed(ctx context.Context, m *discordgo.Message, botID string) int {
	if m.GuildID == "" || mentions(m, botID) {
		return viaMention
	}
	if ref := m.MessageReference; ref != nil && ref.MessageID != "" && b.authoredBy(ctx, m, botID) {
		return viaReply
	}
	if b.answeredThread(ctx, m.ChannelID, botID) {
		return viaThread
	}
	return viaNothing
}

// mentions reports whether m mentions the bot.
func mentions(m *discordgo.Message, botID string) bool {
	if slices.ContainsFunc(m.Mentions, func(u *discordgo.User) bool { return u != nil && u.ID == botID }) {
		return true
	}
	return strings.Contains(m.Content, "<@"+botID+">") || strings.Contains(m.Content, "<@!"+botID+">")
}

// authoredBy reports whether the message m replies to is the bot's.
func (b *Bot) authoredBy(ctx context.Context, m *discordgo.Message, botID string) bool {
	ref := m.ReferencedMessage
	if ref == nil {
		var err error
		ch := orDefault(m.MessageReference.ChannelID, m.ChannelID)
		err = b.call(ctx, true, func(o ...discordgo.RequestOption) (err error) {
			ref, err = b.s.ChannelMessage(ch, m.MessageReference.MessageID, o...)
			return err
		})
		if err != nil {
			b.log.Debug("look up replied-to message", "message", m.MessageReference.MessageID, "err", err)
			return false
		}
	}
	return ref != nil && ref.Author != nil && ref.Author.ID == botID
}
