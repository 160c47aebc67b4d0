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

// replyTimeout bounds posting a reply after its answer's context ended
// (timed out or cancelled), so the asker still hears back.
const replyTimeout = 10 * time.Second

// question is one question with where it came from.
type question struct {
	text    string
	filter  answer.Filter
	history []answer.Turn
	// briefing is the article ids of the briefing whose thread the
	// question was asked in: tried first, widened when they do not cover it.
	briefing                   []string
	guildID, channelID, userID string
}

// replier is where an answer goes: an interaction's response or a reply
// message in a channel.
type replier interface {
	// progress shows the answer so far.
	progress(ctx context.Context, r reply) error
	// finish shows the final messages, comps under the last; it returns the
	// messages that hold them.
	finish(ctx context.Context, msgs []reply, comps []discordgo.MessageComponent) ([]*discordgo.Message, error)
}

// answer runs a question through the Answerer, streaming it into out, and
// finishes with the formatted answer or one friendly sentence. t is the
// question's place in the gate, which answer waits for and gives back.
func (b *Bot) answer(ctx context.Context, q question, out replier, t *ticket) {
	defer t.leave()
	ctx, cancel := context.WithTimeout(ctx, b.cfg.AnswerTimeout)
	defer cancel()
	log := b.log.With("guild", q.guildID, "channel", q.channelID, "user", q.userID)
	if err := t.wait(ctx); err != nil {
		b.finishError(ctx, out, log, fmt.Errorf("wait for a free answer slot: %w", err))
		return
	}
	st := newStreamer(b.cfg.EditInterval)
	stop := st.start(ctx, func(ctx context.Context, text string) time.Duration {
		err := out.progress(ctx, b.renderProgress(text))
		if wait, limited := retryAfter(err); limited {
			return wait
		}
		if err != nil {
			log.Debug("streaming edit failed", "err", err)
		}
		return 0
	})
	started := time.Now()
	ans, scope, err := b.ask(ctx, q, st)
	stop()
	if err != nil {
		b.finishError(ctx, out, log, err)
		return
	}
	log.Info("answered", "mode", ans.Mode, "status", statusOf(ans), "refused", ans.Refused, "citations", len(ans.Citations),
		"history", len(q.history), "briefing", len(q.briefing) > 0, "took", time.Since(started).Round(time.Millisecond))
	if len(ans.Warnings) > 0 {
		log.Debug("answer warnings", "warnings", ans.Warnings)
	}
	msgs := b.renderAnswer(ans, scope)
	var comps []discordgo.MessageComponent
	id := newID()
	if b.fb != nil {
		rec := answerRecord{ID: id, GuildID: q.guildID, ChannelID: q.channelID, UserID: q.userID, Question: q.text, Answer: ans}
		if err := b.fb.saveAnswer(ctx, rec); err != nil {
			log.Error("save answer for feedback", "err", err)
		} else {
			comps = feedbackButtons(id)
		}
	}
	fctx, fcancel := context.WithTimeout(context.WithoutCancel(ctx), replyTimeout)
	defer fcancel()
	posted, err := out.finish(fctx, msgs, comps)
	if err != nil {
		log.Error("post answer", "ref", newRef(), "err", err)
	}
	b.answers.remember(posted, id, q.text, ans.Answer)
	log.Debug("answer posted", "answer", id, "messages", len(posted))
}

// ask runs q through the Answerer, streaming into st. A question asked in
// a briefing's thread is answered from that briefing's articles first, and
// from all articles when they do not cover it; scope says which it was.
func (b *Bot) ask(ctx context.Context, q question, st *streamer) (answer.Answer, string, error) {
	req := answer.Request{Question: q.text, History: q.history, OnDelta: st.add, Filter: q.filter}
	if len(q.briefing) == 0 || len(q.filter.ArticleIDs) > 0 || len(q.filter.Sources) > 0 {
		ans, err := b.cfg.Answerer.Ask(ctx, req)
		return ans, "", err
	}
	req.Filter.ArticleIDs = q.briefing
	ans, err := b.cfg.Answerer.Ask(ctx, req)
	if err != nil || !ans.Refused {
		return ans, fmt.Sprintf("From this briefing's %d article%s", len(q.briefing), plural(len(q.briefing))), err
	}
	st.reset()
	req.Filter.ArticleIDs = nil
	ans, err = b.cfg.Answerer.Ask(ctx, req)
	return ans, "This briefing's stories don't cover it, so this is from all articles", err
}

// finishError tells the asker, in one sentence, that the answer failed.
func (b *Bot) finishError(ctx context.Context, out replier, log *slog.Logger, err error) {
	msg := b.userError(err, "answer", log)
	fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), replyTimeout)
	defer cancel()
	if _, ferr := out.finish(fctx, []reply{textReply(msg)}, nil); ferr != nil {
		log.Error("post error reply", "err", ferr, "cause", err)
	}
}

// userError turns err into one friendly sentence. Errors the user can act
// on are explained; others get a short reference id, and the cause is logged
// under it.
func (b *Bot) userError(err error, what string, log *slog.Logger) string {
	switch {
	case errors.Is(err, answer.ErrEmptyQuestion):
		return "Please include a question — for example `/ask question: What was agreed in Moscow?`"
	case errors.Is(err, answer.ErrQuestionTooLong):
		return tooLongText(b.cfg.MaxQuestionLen)
	case errors.Is(err, answer.ErrEmptyCorpus):
		return "I don't have any articles to answer from yet — please try again once some have been added."
	}
	ref := newRef()
	log.Error(what+" failed", "ref", ref, "err", err)
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Sprintf("Sorry — that took too long, so I stopped; please try again in a moment (ref %s).", ref)
	case errors.Is(err, context.Canceled):
		return fmt.Sprintf("Sorry — I'm restarting and couldn't finish this; please ask again in a minute (ref %s).", ref)
	default:
		return fmt.Sprintf("Sorry — something went wrong on my side; please try again later (ref %s).", ref)
	}
}

func tooLongText(limit int) string {
	return fmt.Sprintf("That question is too long — please keep it under %d characters.", limit)
}

// preview renders a partly generated answer for a streaming edit.
func preview(text string) string {
	t := strings.TrimSpace(neutralize(text))
	if t == "" {
		return thinking
	}
	return Split(t, MaxMessageLen-len(" …"))[0] + " …"
}

// feedbackButtons are the 👍 / 👎 buttons under an answer.
func feedbackButtons(answerID string) []discordgo.MessageComponent {
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Style: discordgo.SecondaryButton, Emoji: &discordgo.ComponentEmoji{Name: "👍"}, CustomID: feedbackPrefix + "up:" + answerID},
		discordgo.Button{Style: discordgo.SecondaryButton, Emoji: &discordgo.ComponentEmoji{Name: "👎"}, CustomID: feedbackPrefix + "down:" + answerID},
	}}}
}

// feedbackPrefix starts the custom id of a feedback button.
const feedbackPrefix = "fb:"

// interactionReply sends an answer as an interaction's (deferred) response
// plus follow-ups.
type interactionReply struct {
	b         *Bot
	i         *discordgo.Interaction
	ephemeral bool // follow-ups only the asker sees
}

func (r *interactionReply) progress(ctx context.Context, msg reply) error {
	_, err := r.b.editOriginal(ctx, r.i, msg, nil, false)
	return err
}

func (r *interactionReply) finish(ctx context.Context, parts []reply, comps []discordgo.MessageComponent) ([]*discordgo.Message, error) {
	return postParts(parts, comps,
		func(part reply, c []discordgo.MessageComponent) (*discordgo.Message, error) {
			m, err := r.b.editOriginal(ctx, r.i, part, c, true)
			if err != nil {
				// The response may be gone; a follow-up still reaches the asker.
				return r.b.followup(ctx, r.i, part, c, r.ephemeral)
			}
			return m, nil
		},
		func(part reply, c []discordgo.MessageComponent) (*discordgo.Message, error) {
			return r.b.followup(ctx, r.i, part, c, r.ephemeral)
		})
}

// postParts posts an answer's parts: the first with first (usually an edit
// of the "thinking…" message), the rest with next; the components (the
// feedback buttons) go on the last part.
func postParts(parts []reply, comps []discordgo.MessageComponent, first, next func(reply, []discordgo.MessageComponent) (*discordgo.Message, error)) ([]*discordgo.Message, error) {
	var msgs []*discordgo.Message
	for n, part := range parts {
		var c []discordgo.MessageComponent
		if n == len(parts)-1 {
			c = comps
		}
		post := next
		if n == 0 {
			post = first
		}
		m, err := post(part, c)
		if err != nil {
			return msgs, err
		}
		msgs = append(msgs, m)
	}
	return msgs, nil
}

// channelReply sends an answer as a reply to a message: a "thinking…"
// message edited as the answer streams, and more messages if it is long.
type channelReply struct {
	b                  *Bot
	channelID, guildID string
	replyTo, messageID string
}

func (r *channelReply) ref() *discordgo.MessageReference {
	no := false
	return &discordgo.MessageReference{MessageID: r.replyTo, ChannelID: r.channelID, GuildID: r.guildID, FailIfNotExists: &no}
}

// start posts the "thinking…" reply.
func (r *channelReply) start(ctx context.Context) error {
	m, err := r.b.sendMessage(ctx, r.channelID, textReply(thinking), r.ref(), nil, r.b.createFlags(reply{}, true))
	if err != nil {
		return err
	}
	r.messageID = m.ID
	return nil
}

func (r *channelReply) progress(ctx context.Context, msg reply) error {
	if r.messageID == "" {
		return nil
	}
	_, err := r.b.edit(ctx, r.channelID, r.messageID, msg, nil, false)
	return err
}

func (r *channelReply) finish(ctx context.Context, parts []reply, comps []discordgo.MessageComponent) ([]*discordgo.Message, error) {
	send := func(part reply, c []discordgo.MessageComponent) (*discordgo.Message, error) {
		return r.b.send(ctx, r.channelID, part, r.ref(), c)
	}
	return postParts(parts, comps,
		func(part reply, c []discordgo.MessageComponent) (*discordgo.Message, error) {
			if r.messageID == "" {
				return send(part, c)
			}
			m, err := r.b.edit(ctx, r.channelID, r.messageID, part, c, true)
			if err != nil {
				// The "thinking…" message may be gone; post anew.
				return send(part, c)
			}
			return m, nil
		}, send)
}
