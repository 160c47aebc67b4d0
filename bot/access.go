package bot

import (
	"context"
	"slices"

	"github.com/newsbot/newsbot/rag/answer"
)

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

// channelAllowed reports whether the bot may answer in a channel: it, or
// the parent of the thread it is, is on the allowlist (or there is none).
func (b *Bot) channelAllowed(ctx context.Context, id string) bool {
	if len(b.allowCh) == 0 || b.allowCh[id] {
		return true
	}
	if id == "" {
		return false
	}
	info, err := b.channel(ctx, id)
	if err != nil {
		b.log.Warn("look up channel for the allowlist", "channel", id, "err", err)
		return false
	}
	return info.thread && b.allowCh[info.parentID]
}

// rolesAllowed reports whether a member with these roles may ask.
func (b *Bot) rolesAllowed(roles []string) bool {
	if len(b.allowRol) == 0 {
		return true
	}
	return slices.ContainsFunc(roles, func(r string) bool { return b.allowRol[r] })
}
