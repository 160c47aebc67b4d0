package bot

import (
	"context"
	"errors"
	"time"

	"github.com/bwmarrin/discordgo"
)

// maxRateLimitRetries bounds retries of one rate-limited REST call.
const maxRateLimitRetries = 3

// call runs one discordgo REST call with a deadline. A call Discord
// rate-limits (429) is retried after its Retry-After when retry is set and
// the wait is at most Config.MaxRateLimitWait; otherwise the
// *discordgo.RateLimitError is returned, so nothing waits forever.
func (b *Bot) call(ctx context.Context, retry bool, fn func(opts ...discordgo.RequestOption) error) error {
	for attempt := 0; ; attempt++ {
		cctx, cancel := context.WithTimeout(ctx, b.cfg.RESTTimeout)
		err := fn(discordgo.WithContext(cctx), discordgo.WithRetryOnRatelimit(false))
		cancel()
		wait, limited := retryAfter(err)
		if !limited || !retry || attempt >= maxRateLimitRetries || wait > b.cfg.MaxRateLimitWait {
			return nameHost(err, b.cfg.APIBase)
		}
		b.log.Debug("discord rate limit; retrying", "wait", wait)
		t := time.NewTimer(max(wait, 10*time.Millisecond))
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return nameHost(err, b.cfg.APIBase)
		}
	}
}

// retryAfter reports whether err is a rate limit and how long it asks to wait.
func retryAfter(err error) (time.Duration, bool) {
	var rl *discordgo.RateLimitError
	if errors.As(err, &rl) && rl.RateLimit != nil && rl.TooManyRequests != nil {
		return rl.RetryAfter, true
	}
	return 0, false
}

// respond answers an interaction (the first, required response).
func (b *Bot) respond(ctx context.Context, i *discordgo.Interaction, r *discordgo.InteractionResponse) error {
	if r.Data == nil {
		r.Data = &discordgo.InteractionResponseData{}
	}
	r.Data.AllowedMentions = noMentions()
	return b.call(ctx, true, func(o ...discordgo.RequestOption) error {
		return b.s.InteractionRespond(i, r, o...)
	})
}

// respondText answers an interaction at once with a message; ephemeral ones
// only the asker sees.
func (b *Bot) respondText(ctx context.Context, i *discordgo.Interaction, text string, ephemeral bool) error {
	flags := discordgo.MessageFlagsSuppressEmbeds
	if ephemeral {
		flags |= discordgo.MessageFlagsEphemeral
	}
	return b.respond(ctx, i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Content: text, Flags: flags},
	})
}

// deferResponse acknowledges an interaction; Discord shows "thinking…" until
// the response is edited. In embed mode the response must not suppress
// embeds (an edit cannot clear that flag, and it would hide the answer's
// embed); links in text are wrapped in <...> instead.
func (b *Bot) deferResponse(ctx context.Context, i *discordgo.Interaction, ephemeral bool) error {
	var flags discordgo.MessageFlags
	if b.cfg.PlainText {
		flags = discordgo.MessageFlagsSuppressEmbeds
	}
	if ephemeral {
		flags |= discordgo.MessageFlagsEphemeral
	}
	return b.respond(ctx, i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Flags: flags},
	})
}

// createFlags are the flags of a new message: link previews suppressed
// unless it carries embeds of its own, or may be edited to carry them.
func (b *Bot) createFlags(r reply, editable bool) discordgo.MessageFlags {
	if len(r.embeds) > 0 || (editable && !b.cfg.PlainText) {
		return 0
	}
	return discordgo.MessageFlagsSuppressEmbeds
}

// embedsOf returns r's embeds for an edit: never nil, so an edit to text
// clears the embeds a streamed answer showed.
func embedsOf(r reply) *[]*discordgo.MessageEmbed {
	e := r.embeds
	if e == nil {
		e = []*discordgo.MessageEmbed{}
	}
	return &e
}

// editOriginal replaces the interaction's response; comps nil keeps its
// components.
func (b *Bot) editOriginal(ctx context.Context, i *discordgo.Interaction, r reply, comps []discordgo.MessageComponent, retry bool) (*discordgo.Message, error) {
	content := r.content
	e := &discordgo.WebhookEdit{Content: &content, Embeds: embedsOf(r), AllowedMentions: noMentions()}
	if comps != nil {
		e.Components = &comps
	}
	var m *discordgo.Message
	err := b.call(ctx, retry, func(o ...discordgo.RequestOption) (err error) {
		m, err = b.s.InteractionResponseEdit(i, e, o...)
		return err
	})
	return m, err
}

// followup adds a message to an interaction's response.
func (b *Bot) followup(ctx context.Context, i *discordgo.Interaction, r reply, comps []discordgo.MessageComponent, ephemeral bool) (*discordgo.Message, error) {
	p := &discordgo.WebhookParams{
		Content:         r.content,
		Embeds:          r.embeds,
		Components:      comps,
		AllowedMentions: noMentions(),
		Flags:           b.createFlags(r, false),
	}
	if ephemeral {
		p.Flags |= discordgo.MessageFlagsEphemeral
	}
	var m *discordgo.Message
	err := b.call(ctx, true, func(o ...discordgo.RequestOption) (err error) {
		m, err = b.s.FollowupMessageCreate(i, true, p, o...)
		return err
	})
	return m, err
}

// send posts a message to a channel, as a reply when ref is set.
func (b *Bot) send(ctx context.Context, channelID string, r reply, ref *discordgo.MessageReference, comps []discordgo.MessageComponent) (*discordgo.Message, error) {
	return b.sendMessage(ctx, channelID, r, ref, comps, b.createFlags(r, false))
}

// sendMessage posts a message with the given flags.
func (b *Bot) sendMessage(ctx context.Context, channelID string, r reply, ref *discordgo.MessageReference, comps []discordgo.MessageComponent, flags discordgo.MessageFlags) (*discordgo.Message, error) {
	ms := &discordgo.MessageSend{
		Content:         r.content,
		Embeds:          r.embeds,
		Components:      comps,
		AllowedMentions: noMentions(),
		Reference:       ref,
		Flags:           flags,
	}
	var m *discordgo.Message
	err := b.call(ctx, true, func(o ...discordgo.RequestOption) (err error) {
		m, err = b.s.ChannelMessageSendComplex(channelID, ms, o...)
		return err
	})
	if err == nil {
		b.channels.markAnswered(channelID)
	}
	return m, err
}

// edit replaces a message's content and embeds; comps nil keeps its
// components.
func (b *Bot) edit(ctx context.Context, channelID, messageID string, r reply, comps []discordgo.MessageComponent, retry bool) (*discordgo.Message, error) {
	content := r.content
	e := &discordgo.MessageEdit{
		ID:              messageID,
		Channel:         channelID,
		Content:         &content,
		Embeds:          embedsOf(r),
		AllowedMentions: noMentions(),
	}
	if b.cfg.PlainText {
		e.Flags = discordgo.MessageFlagsSuppressEmbeds
	}
	if comps != nil {
		e.Components = &comps
	}
	var m *discordgo.Message
	err := b.call(ctx, retry, func(o ...discordgo.RequestOption) (err error) {
		m, err = b.s.ChannelMessageEditComplex(e, o...)
		return err
	})
	return m, err
}
