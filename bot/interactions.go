package bot

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
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
	// Discord wants the first response within 3 s; checks that need a REST
	// call (a thread's parent for the allowlist) must not eat that up.
	actx, cancel := context.WithTimeout(ctx, ackBudget)
	filter, refusal := b.questionFilter(actx, data, log)
	var t *ticket
	if refusal == "" {
		t, refusal = b.admit(actx, i.ChannelID, who, text)
	}
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
	q := question{text: text, filter: filter, history: history, briefing: b.briefingArticles(ctx, i.ChannelID, log),
		guildID: i.GuildID, channelID: i.ChannelID, userID: who.id}
	b.answer(ctx, q, &interactionReply{b: b, i: i}, t)
}

// questionFilter turns /ask's source: and article: options into a filter,
// or a refusal the asker can act on ("no articles from 'Reuterz' (known:
// Reuters, …)"). When the article list cannot be read in time, the outlet
// is passed on unchecked.
func (b *Bot) questionFilter(ctx context.Context, data discordgo.ApplicationCommandInteractionData, log *slog.Logger) (answer.Filter, string) {
	source := strings.TrimSpace(stringOption(data, "source"))
	article := strings.TrimSpace(stringOption(data, "article"))
	if source == "" && article == "" {
		return answer.Filter{}, ""
	}
	srcs, err := b.knownSources(ctx)
	if err != nil {
		log.Warn("list articles to check /ask options", "err", err)
		return answer.Filter{Sources: nonEmpty(source)}, ""
	}
	var f answer.Filter
	if source != "" {
		var refusal string
		if f, refusal = resolveOutlet(srcs, source); refusal != "" {
			return f, refusal
		}
	}
	if article != "" {
		ids, refusal := resolveArticle(srcs, article)
		if refusal != "" {
			return f, refusal
		}
		f.ArticleIDs = intersectOr(f.ArticleIDs, ids)
		if len(f.ArticleIDs) == 0 {
			return f, "That article isn't from that outlet — leave out one of the two."
		}
	}
	return f, ""
}

// intersectOr returns the ids in both lists, or b when a is empty.
func intersectOr(a, b []string) []string {
	if len(a) == 0 {
		return b
	}
	var out []string
	for _, id := range b {
		if slices.Contains(a, id) {
			out = append(out, id)
		}
	}
	return out
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// briefingArticles returns the article ids of the briefing whose thread
// channelID is, or nil.
func (b *Bot) briefingArticles(ctx context.Context, channelID string, log *slog.Logger) []string {
	ids, err := b.threads.articles(ctx, channelID)
	if err != nil {
		log.Warn("look up briefing thread", "err", err)
	}
	return ids
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
	var parts []string
	srcs, err := b.cfg.Answerer.Sources(sctx)
	if err != nil {
		parts = append(parts, b.userError(err, "list sources", log))
	} else {
		parts = formatSources(srcs)
	}
	rctx, rcancel := context.WithTimeout(context.WithoutCancel(ctx), replyTimeout)
	defer rcancel()
	if _, err := (&interactionReply{b: b, i: i}).finish(rctx, texts(parts), nil); err != nil {
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

// asker is who sent an interaction.
type asker struct {
	id    string
	roles []string
	perms int64
	dm    bool
}

// interactionAsker returns who sent i, or false when the event carries no
// user at all.
func interactionAsker(i *discordgo.Interaction) (asker, bool) {
	switch {
	case i.Member != nil && i.Member.User != nil && i.Member.User.ID != "":
		return asker{id: i.Member.User.ID, roles: i.Member.Roles, perms: i.Member.Permissions}, true
	case i.User != nil && i.User.ID != "":
		return asker{id: i.User.ID, dm: true}, true
	}
	return asker{}, false
}

// onInteraction is discordgo's handler for INTERACTION_CREATE.
func (b *Bot) onInteraction(_ *discordgo.Session, e *discordgo.InteractionCreate) {
	if e == nil || e.Interaction == nil || e.ID == "" || e.Token == "" {
		b.log.Warn("ignored an interaction that cannot be answered")
		return
	}
	i := e.Interaction
	ctx, done, ok := b.begin()
	if !ok {
		ctx, cancel := context.WithTimeout(context.Background(), replyTimeout)
		defer cancel()
		if i.Type == discordgo.InteractionApplicationCommand || i.Type == discordgo.InteractionMessageComponent {
			_ = b.respondText(ctx, i, "I'm restarting — please ask again in a minute.", true)
		}
		return
	}
	defer done()
	defer b.recoverPanic(ctx, "interaction", i)
	b.handleInteraction(ctx, i)
}

// recoverPanic turns a panic in a handler into a log record and, for an
// interaction, a friendly reply, so one bad event cannot stop the bot.
func (b *Bot) recoverPanic(ctx context.Context, what string, i *discordgo.Interaction) {
	p := recover()
	if p == nil {
		return
	}
	msg := b.userError(fmt.Errorf("panic: %v", p), what, b.log)
	if i == nil {
		return
	}
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), replyTimeout)
	defer cancel()
	if err := b.respondText(rctx, i, msg, true); err != nil {
		_, _ = b.followup(rctx, i, textReply(msg), nil, true)
	}
}

// handleInteraction dispatches an interaction by type and command name.
func (b *Bot) handleInteraction(ctx context.Context, i *discordgo.Interaction) {
	log := b.log.With("interaction", i.ID, "type", int(i.Type), "guild", i.GuildID, "channel", i.ChannelID)
	reply := func(text string) {
		if err := b.respondText(ctx, i, text, true); err != nil {
			log.Error("reply to interaction", "err", err)
		}
	}
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
	case discordgo.InteractionMessageComponent:
		data, ok := i.Data.(discordgo.MessageComponentInteractionData)
		if !ok {
			log.Warn("component interaction without data")
			reply("Sorry, I couldn't read that click.")
			return
		}
		b.onButton(ctx, i, data, log)
		return
	case discordgo.InteractionApplicationCommandAutocomplete:
		b.onAutocomplete(ctx, i, log)
		return
	case discordgo.InteractionModalSubmit:
		reply("Sorry, I don't know that form.")
		return
	default:
		log.Warn("ignored interaction of unknown type")
		return
	}
	data, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
	if !ok || data.Name == "" {
		log.Warn("command interaction without data")
		reply("Sorry, I couldn't read that command. Try `/help`.")
		return
	}
	who, ok := interactionAsker(i)
	if !ok {
		log.Warn("command interaction without member or user")
		reply("Sorry, I couldn't tell who sent that, so I can't answer it.")
		return
	}
	log = log.With("command", data.Name, "user", who.id)
	switch data.Name {
	case cmdAsk:
		b.onAsk(ctx, i, data, who, log)
	case cmdSources:
		b.onSources(ctx, i, who, log)
	case cmdHelp:
		reply(helpText(b.cfg.Briefer != nil, b.fb != nil))
	case cmdBrief, cmdSubscribe, cmdUnsubscribe, cmdSubscriptions:
		if b.cfg.Briefer == nil {
			reply("Briefings are not enabled here.")
			return
		}
		b.onBriefing(ctx, i, data, who, log)
	default:
		log.Warn("unknown command")
		reply("Sorry, I don't know that command. Try `/help`.")
	}
}
