package bot

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/newsbot/newsbot/rag/answer"
)

const (
	// sourcesTimeout bounds listing the articles for /sources.
	sourcesTimeout = 30 * time.Second
	// ackBudget bounds the checks made before acknowledging an interaction.
	ackBudget = 2 * time.Second
)

// onAsk answers /ask: checks first (each refusal an ephemeral sentence),
// then a deferred response that streams into the answer.
func (b *Bot) onAsk(ctx context.Context, i *discordgo.Interaction, data discordgo.ApplicationCommandInteractionData, who asker, log *slog.Logger) {
	text := strings.TrimSpace(stringOption(data, "question"))
	source := strings.TrimSpace(stringOption(data, "source"))
	// Discord wants the first response within 3 s; checks that need a REST
	// call (a thread's parent for the allowlist) must not eat that up.
	actx, cancel := context.WithTimeout(ctx, ackBudget)
	t, refusal := b.admit(actx, i.ChannelID, who, text)
	cancel()
	if refusal != "" {
		if err := b.respondText(ctx, i, refusal, true); err != nil {
			log.Error("reply to interaction", "err", err)
		}
		return
	}
	if err := b.deferResponse(ctx, i, false); err != nil {
		t.leave()
		log.Error("acknowledge /ask", "err", err)
		return
	}
	botID, _ := b.self()
	var history []answer.Turn
	if b.answeredThread(ctx, i.ChannelID, botID) {
		history = b.threadHistory(ctx, i.ChannelID, "", botID)
	}
	q := question{text: text, source: source, history: history, guildID: i.GuildID, channelID: i.ChannelID, userID: who.id}
	b.answer(ctx, q, &interactionReply{b: b, i: i}, t)
}

// admit decides whether a question may be answered. It returns the
// question's place in the gate, or a sentence saying why not: empty or too
// long, not allowed here, asking too fast, or the bot too busy.
func (b *Bot) admit(ctx context.Context, channelID string, who asker, text string) (*ticket, string) {
	switch {
	case text == "":
		return nil, b.userError(answer.ErrEmptyQuestion, "ask", b.log)
	case len(text) > b.cfg.MaxQuestionLen:
		return nil, tooLongText(b.cfg.MaxQuestionLen)
	}
	if r := b.refusal(ctx, channelID, who); r != "" {
		return nil, r
	}
	if wait := b.limiter.take(who.id); wait > 0 {
		return nil, "You're asking faster than I can keep up — please try again " + waitText(wait) + "."
	}
	t, ok := b.gate.enter()
	if !ok {
		return nil, "I'm answering a lot of questions right now — please try again in a minute."
	}
	return t, ""
}

// refusal says why who may not use the bot in a channel, or "".
func (b *Bot) refusal(ctx context.Context, channelID string, who asker) string {
	if !b.channelAllowed(ctx, channelID) {
		return "Sorry, I'm not enabled in this channel."
	}
	if !b.rolesAllowed(who.roles) {
		return "Sorry, only members with certain roles can ask me questions here."
	}
	return ""
}

// onSources answers /sources with the list of known articles.
func (b *Bot) onSources(ctx context.Context, i *discordgo.Interaction, who asker, log *slog.Logger) {
	actx, cancel := context.WithTimeout(ctx, ackBudget)
	r := b.refusal(actx, i.ChannelID, who)
	cancel()
	if r != "" {
		if err := b.respondText(ctx, i, r, true); err != nil {
			log.Error("reply to interaction", "err", err)
		}
		return
	}
	if err := b.deferResponse(ctx, i, false); err != nil {
		log.Error("acknowledge /sources", "err", err)
		return
	}
	sctx, cancel := context.WithTimeout(ctx, sourcesTimeout)
	defer cancel()
	parts := []string{}
	srcs, err := b.cfg.Answerer.Sources(sctx)
	if err != nil {
		parts = append(parts, b.userError(err, "list sources", log))
	} else {
		parts = formatSources(srcs)
	}
	rctx, rcancel := context.WithTimeout(context.WithoutCancel(ctx), replyTimeout)
	defer rcancel()
	if _, err := (&interactionReply{b: b, i: i}).finish(rctx, parts, nil); err != nil {
		log.Error("post /sources", "err", err)
	}
}

// onButton records a 👍 / 👎 click.
func (b *Bot) onButton(ctx context.Context, i *discordgo.Interaction, data discordgo.MessageComponentInteractionData, log *slog.Logger) {
	reply := func(text string) {
		if err := b.respondText(ctx, i, text, true); err != nil {
			log.Error("reply to button", "err", err)
		}
	}
	dir, answerID, _ := strings.Cut(strings.TrimPrefix(data.CustomID, feedbackPrefix), ":")
	value := map[string]int{"up": 1, "down": -1}[dir]
	if !strings.HasPrefix(data.CustomID, feedbackPrefix) || value == 0 || answerID == "" {
		log.Warn("unknown button", "custom_id", data.CustomID)
		reply("Sorry, that button doesn't do anything any more.")
		return
	}
	if b.fb == nil {
		reply("Feedback isn't being recorded here, but thank you!")
		return
	}
	who, ok := interactionAsker(i)
	if !ok {
		reply("Sorry, I couldn't tell who clicked that.")
		return
	}
	v := vote{AnswerID: answerID, UserID: who.id, GuildID: i.GuildID, ChannelID: i.ChannelID, Value: value}
	if i.Message != nil {
		v.MessageID, v.Fallback = i.Message.ID, i.Message.Content
	}
	// The click must be answered within 3 s; a busy database must not stop that.
	vctx, cancel := context.WithTimeout(ctx, ackBudget)
	defer cancel()
	if err := b.fb.saveVote(vctx, v); err != nil {
		reply(b.userError(err, "save feedback", log))
		return
	}
	log.Info("feedback recorded", "answer", answerID, "vote", value, "user", who.id)
	emoji := map[int]string{1: "👍", -1: "👎"}[value]
	reply("Thanks — I recorded your " + emoji + ".")
}
