package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/newsbot/newsbot/rag/answer"
)

// Briefer writes briefings and keeps channel subscriptions; the scheduler
// that posts subscribed briefings lives elsewhere (bot/schedule) and can post
// through (*Bot).Post. When Config.Briefer is nil the briefing commands are
// not registered.
type Briefer interface {
	// Brief returns a briefing of the last hours. An error wrapping
	// answer.ErrNoArticles comes with a usable, empty briefing.
	Brief(ctx context.Context, hours int) (answer.Briefing, error)
	// Subscribe starts daily briefings in a channel.
	Subscribe(ctx context.Context, sub Subscription) error
	// Unsubscribe stops them; it returns ErrNotSubscribed when there were none.
	Unsubscribe(ctx context.Context, guildID, channelID string) error
	// Subscriptions lists a guild's subscribed channels.
	Subscriptions(ctx context.Context, guildID string) ([]Subscription, error)
}

// Subscription is one channel that receives a daily briefing.
type Subscription struct {
	GuildID   string
	ChannelID string
	// At is the local time of day, "HH:MM", and TZ the IANA time zone.
	At string
	TZ string
	// UserID is who subscribed the channel.
	UserID  string
	Created time.Time
}

// WindowBriefer is a Briefer that can also brief any window; with it,
// /brief latest:True briefs the newest day that has articles, however old.
type WindowBriefer interface {
	Briefer
	// BriefWindow returns a briefing of the articles published in
	// [from, to); like Brief it may return an error wrapping
	// answer.ErrNoArticles with a usable, empty briefing.
	BriefWindow(ctx context.Context, from, to time.Time) (answer.Briefing, error)
}

// Briefing command bounds.
const (
	defaultBriefHours = 24
	maxBriefHours     = 168
)

// briefTimeout bounds writing one briefing.
const briefTimeout = 2 * time.Minute

// onBriefing answers /brief, /subscribe, /unsubscribe and /subscriptions.
func (b *Bot) onBriefing(ctx context.Context, i *discordgo.Interaction, data discordgo.ApplicationCommandInteractionData, who asker, log *slog.Logger) {
	actx, cancel := context.WithTimeout(ctx, ackBudget)
	// The allowlist applies to the channel a command acts on: the target
	// of /subscribe and /unsubscribe, else the one it was typed in.
	refusal := b.refusal(actx, optionOr(data, "channel", i.ChannelID), who)
	cancel()
	if refusal != "" {
		if err := b.respondText(ctx, i, refusal, true); err != nil {
			log.Error("reply to interaction", "err", err)
		}
		return
	}
	if data.Name != cmdBrief && !canManage(who) {
		if err := b.respondText(ctx, i, "Sorry, you need the Manage Server permission for that.", true); err != nil {
			log.Error("reply to interaction", "err", err)
		}
		return
	}
	if data.Name == cmdBrief {
		if wait := b.limiter.take(who.id); wait > 0 {
			if err := b.respondText(ctx, i, "You're asking faster than I can keep up — please try again "+waitText(wait)+".", true); err != nil {
				log.Error("reply to interaction", "err", err)
			}
			return
		}
	}
	ephemeral := data.Name != cmdBrief
	if err := b.deferResponse(ctx, i, ephemeral); err != nil {
		log.Error("acknowledge briefing command", "err", err)
		return
	}
	bctx, cancel := context.WithTimeout(ctx, briefTimeout)
	defer cancel()
	var parts []string
	switch data.Name {
	case cmdBrief:
		br, err := b.brief(bctx, data)
		switch {
		case err != nil && !errors.Is(err, answer.ErrNoArticles):
			parts = []string{b.userError(err, "brief", log)}
		case br.Empty || len(br.Stories) == 0:
			parts = []string{b.emptyBriefingText(bctx, br, log)}
		default:
			b.postBriefingReply(ctx, i, br, log)
			return
		}
	case cmdSubscribe:
		sub := Subscription{
			GuildID: i.GuildID, ChannelID: optionOr(data, "channel", i.ChannelID),
			At: strings.TrimSpace(stringOption(data, "time")), TZ: optionOr(data, "timezone", "UTC"),
			UserID: who.id, Created: time.Now().UTC(),
		}
		err := b.cfg.Briefer.Subscribe(bctx, sub)
		var invalid *InvalidRequestError
		switch {
		case errors.As(err, &invalid):
			parts = []string{invalid.Message}
		case err != nil:
			parts = []string{b.userError(err, "subscribe", log)}
		default:
			parts = []string{fmt.Sprintf("Done — <#%s> will get a daily briefing at %s (%s).", sub.ChannelID, sub.At, sub.TZ)}
		}
	case cmdUnsubscribe:
		err := b.cfg.Briefer.Unsubscribe(bctx, i.GuildID, optionOr(data, "channel", i.ChannelID))
		switch {
		case errors.Is(err, ErrNotSubscribed):
			parts = []string{"That channel wasn't getting briefings."}
		case err != nil:
			parts = []string{b.userError(err, "unsubscribe", log)}
		default:
			parts = []string{"Done — no more briefings in this channel."}
		}
	case cmdSubscriptions:
		subs, err := b.cfg.Briefer.Subscriptions(bctx, i.GuildID)
		switch {
		case err != nil:
			parts = []string{b.userError(err, "list subscriptions", log)}
		case len(subs) == 0:
			parts = []string{"No channel here gets briefings yet. Use `/subscribe` in one."}
		default:
			lines := []string{"Channels that get a daily briefing:"}
			for _, s := range subs {
				lines = append(lines, fmt.Sprintf("• <#%s> at %s (%s)", s.ChannelID, s.At, s.TZ))
			}
			parts = Split(strings.Join(lines, "\n"), MaxMessageLen)
		}
	}
	rctx, rcancel := context.WithTimeout(context.WithoutCancel(ctx), replyTimeout)
	defer rcancel()
	r := &interactionReply{b: b, i: i, ephemeral: ephemeral}
	if _, err := r.finish(rctx, texts(parts), nil); err != nil {
		log.Error("post briefing reply", "err", err)
	}
}

// canManage reports whether the asker may change the server's
// subscriptions (Manage Server, or Administrator).
func canManage(who asker) bool {
	return who.perms&(discordgo.PermissionManageGuild|discordgo.PermissionAdministrator) != 0
}

// optionOr returns a string option's trimmed value, or def when absent.
func optionOr(data discordgo.ApplicationCommandInteractionData, name, def string) string {
	if v := strings.TrimSpace(stringOption(data, name)); v != "" {
		return v
	}
	return def
}
