package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/newsbot/newsbot/rag/answer"
)

// Bounds of the empty-window reply.
const (
	maxNewestListed = 5
	// threadArchiveMinutes is how long a briefing thread stays open
	// without activity (a day).
	threadArchiveMinutes = 1440
)

// brief runs /brief: the last hours, or with latest:True the newest day
// that has articles.
func (b *Bot) brief(ctx context.Context, data discordgo.ApplicationCommandInteractionData) (answer.Briefing, error) {
	if boolOption(data, "latest") {
		if wb, ok := b.cfg.Briefer.(WindowBriefer); ok {
			if day, ok := b.newestDay(ctx); ok {
				return wb.BriefWindow(ctx, day, day.Add(24*time.Hour))
			}
		}
	}
	hours := min(max(intOption(data, "hours", defaultBriefHours), 1), maxBriefHours)
	return b.cfg.Briefer.Brief(ctx, hours)
}

// newestDay returns the start (UTC midnight) of the newest day an article
// was published on.
func (b *Bot) newestDay(ctx context.Context) (time.Time, bool) {
	newest := b.newestSources(ctx, 1)
	if len(newest) == 0 {
		return time.Time{}, false
	}
	return newest[0].Published.UTC().Truncate(24 * time.Hour), true
}

// newestSources returns up to n articles with a date, newest first.
func (b *Bot) newestSources(ctx context.Context, n int) []answer.Source {
	srcs, err := b.knownSources(ctx)
	if err != nil {
		b.log.Warn("list articles for an empty briefing", "err", err)
		return nil
	}
	srcs = slices.DeleteFunc(slices.Clone(srcs), func(s answer.Source) bool { return s.Published.IsZero() })
	slices.SortStableFunc(srcs, func(x, y answer.Source) int { return y.Published.Compare(x.Published) })
	return srcs[:min(n, len(srcs))]
}

// emptyBriefingText says that nothing is new, then what the newest
// stories are and how to get a briefing of them.
func (b *Bot) emptyBriefingText(ctx context.Context, br answer.Briefing, log *slog.Logger) string {
	var sb strings.Builder
	sb.WriteString(br.EmptyText())
	newest := b.newestSources(ctx, maxNewestListed)
	if len(newest) == 0 {
		return sb.String()
	}
	day := newest[0].Published.UTC().Format("Mon 2 Jan 2006")
	fmt.Fprintf(&sb, "\nThe newest articles I have are from %s:", day)
	for _, s := range newest {
		sb.WriteString("\n• " + safeMarkdown(truncate(articleLabel(s), 200)))
	}
	if _, ok := b.cfg.Briefer.(WindowBriefer); ok {
		fmt.Fprintf(&sb, "\nUse `/brief latest:True` for a briefing of %s, or `/ask` about any of them.", day)
	} else {
		sb.WriteString("\nUse `/ask` about any of them.")
	}
	log.Debug("empty briefing; listed the newest articles", "listed", len(newest))
	return Split(sb.String(), MaxMessageLen)[0]
}

// postBriefingReply answers /brief with a short overview (the deferred
// response) and the stories in a thread started from it. Where no thread
// can be started (a direct message, missing permission) the stories follow
// as at most maxFallbackMessages follow-ups.
func (b *Bot) postBriefingReply(ctx context.Context, i *discordgo.Interaction, br answer.Briefing, log *slog.Logger) {
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), replyTimeout+time.Duration(maxThreadMessages)*time.Second)
	defer cancel()
	m, err := b.editOriginal(rctx, i, textReply(briefingOverview(br, threadHint)), nil, true)
	if err != nil {
		log.Error("post briefing overview", "err", err)
		return
	}
	stories := storyMessages(br)
	threadID, err := b.startThread(rctx, i.ChannelID, m.ID, br)
	if err != nil {
		log.Warn("start briefing thread; posting the stories as follow-ups", "err", err)
		for _, s := range capParts(stories, maxFallbackMessages) {
			if _, err := b.followup(rctx, i, textReply(s), nil, false); err != nil {
				log.Error("post briefing story", "err", err)
				return
			}
		}
		return
	}
	for _, s := range stories {
		if _, err := b.send(rctx, threadID, textReply(s), nil, nil); err != nil {
			log.Error("post briefing story in its thread", "thread", threadID, "err", err)
			return
		}
	}
	log.Info("briefing posted", "stories", len(br.Stories), "thread", threadID, "messages", len(stories))
}

// maxFallbackMessages caps the follow-ups of a briefing that has no thread.
const maxFallbackMessages = 3

// startThread starts the thread of a briefing from its overview message
// and remembers the briefing's articles under it.
func (b *Bot) startThread(ctx context.Context, channelID, messageID string, br answer.Briefing) (string, error) {
	if channelID == "" || messageID == "" {
		return "", errors.New("no message to start a thread from")
	}
	name := "Briefing " + br.GeneratedAt.Format("2 Jan 2006")
	if br.GeneratedAt.IsZero() {
		name = "Briefing"
	}
	var ch *discordgo.Channel
	err := b.call(ctx, true, func(o ...discordgo.RequestOption) (err error) {
		ch, err = b.s.MessageThreadStartComplex(channelID, messageID, &discordgo.ThreadStart{
			Name: name, AutoArchiveDuration: threadArchiveMinutes, Type: discordgo.ChannelTypeGuildPublicThread,
		}, o...)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("start thread: %w", err)
	}
	if ch == nil || ch.ID == "" {
		return "", errors.New("start thread: no thread in the response")
	}
	if err := b.threads.remember(ctx, ch.ID, channelID, briefingArticleIDs(br)); err != nil {
		b.log.Error("remember briefing thread", "thread", ch.ID, "err", err)
	}
	return ch.ID, nil
}

// PartLog records which parts of a scheduled delivery were posted under
// its key and posts the rest in order; *schedule.PartLog implements it.
type PartLog interface {
	PostEach(ctx context.Context, key string, n int, send func(ctx context.Context, part int) error) error
}

// PostBriefing posts a scheduled briefing to a channel: a short overview
// message, a thread started from it, and the stories in the thread (at
// most maxThreadMessages). An empty briefing says so and lists the newest
// articles. Each step is recorded in parts under key, and the overview
// message and thread in the bot's database, so a retry after a failure
// resumes where it stopped. Nothing posted can ping and links do not
// unfurl. It returns the first error; it needs Config.DB.
func (b *Bot) PostBriefing(ctx context.Context, channelID string, br answer.Briefing, key string, parts PartLog) error {
	if b.cfg.DB == nil {
		return errors.New("post briefing: the bot has no database")
	}
	if err := Migrate(ctx, b.cfg.DB); err != nil {
		return err
	}
	if br.Empty || len(br.Stories) == 0 {
		msg := b.emptyBriefingText(ctx, br, b.log)
		return parts.PostEach(ctx, key, 1, func(ctx context.Context, _ int) error {
			_, err := b.send(ctx, channelID, textReply(msg), nil, nil)
			return err
		})
	}
	stories := storyMessages(br)
	return parts.PostEach(ctx, key, 2+len(stories), func(ctx context.Context, n int) error {
		post, err := b.threads.loadPost(ctx, key)
		if err != nil {
			return err
		}
		switch {
		case n == 0:
			m, err := b.send(ctx, channelID, textReply(briefingOverview(br, threadHint)), nil, nil)
			if err != nil {
				return fmt.Errorf("post briefing overview: %w", err)
			}
			return b.threads.savePost(ctx, key, briefingPost{channelID: channelID, messageID: m.ID})
		case n == 1:
			threadID, err := b.startThread(ctx, channelID, post.messageID, br)
			if err != nil {
				return err
			}
			post.threadID = threadID
			return b.threads.savePost(ctx, key, post)
		default:
			if post.threadID == "" {
				return errors.New("post briefing story: no thread recorded")
			}
			if _, err := b.send(ctx, post.threadID, textReply(stories[n-2]), nil, nil); err != nil {
				return fmt.Errorf("post briefing story: %w", err)
			}
			return nil
		}
	})
}
