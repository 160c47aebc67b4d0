package bot

import (
	"context"
	"slices"
	"sync"

	"github.com/bwmarrin/discordgo"
)

// maxCachedChannels bounds the channel cache; past it the cache starts over.
const maxCachedChannels = 10000

// channelInfo is what the bot needs to know about a channel.
type channelInfo struct {
	thread   bool
	parentID string
}

// channelCache remembers channel kinds (fetched once each) and the channels
// the bot has answered in.
type channelCache struct {
	mu       sync.Mutex
	info     map[string]channelInfo
	answered map[string]bool // true: the bot posted there; false: checked, it had not
}

func newChannelCache() *channelCache {
	return &channelCache{info: map[string]channelInfo{}, answered: map[string]bool{}}
}

func (c *channelCache) markAnswered(id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.answered) >= maxCachedChannels {
		clear(c.answered)
	}
	c.answered[id] = true
}

// channel returns a channel's kind, asking Discord the first time.
func (b *Bot) channel(ctx context.Context, id string) (channelInfo, error) {
	b.channels.mu.Lock()
	info, ok := b.channels.info[id]
	b.channels.mu.Unlock()
	if ok {
		return info, nil
	}
	var ch *discordgo.Channel
	err := b.call(ctx, true, func(o ...discordgo.RequestOption) (err error) {
		ch, err = b.s.Channel(id, o...)
		return err
	})
	if err != nil {
		return channelInfo{}, err
	}
	if ch != nil {
		info = channelInfo{thread: ch.IsThread(), parentID: ch.ParentID}
	}
	b.channels.mu.Lock()
	if len(b.channels.info) >= maxCachedChannels {
		clear(b.channels.info)
	}
	b.channels.info[id] = info
	b.channels.mu.Unlock()
	return info, nil
}

// answeredThread reports whether id is a thread the bot has answered in,
// looking at its recent messages when the bot does not remember.
func (b *Bot) answeredThread(ctx context.Context, id, botID string) bool {
	info, err := b.channel(ctx, id)
	if err != nil {
		b.log.Warn("look up channel", "channel", id, "err", err)
		return false
	}
	if !info.thread {
		return false
	}
	b.channels.mu.Lock()
	answered, known := b.channels.answered[id]
	b.channels.mu.Unlock()
	if known {
		return answered
	}
	var msgs []*discordgo.Message
	err = b.call(ctx, true, func(o ...discordgo.RequestOption) (err error) {
		msgs, err = b.s.ChannelMessages(id, 50, "", "", "", o...)
		return err
	})
	if err != nil {
		b.log.Warn("read thread messages", "channel", id, "err", err)
		return false
	}
	answered = slices.ContainsFunc(msgs, func(m *discordgo.Message) bool {
		return m != nil && m.Author != nil && m.Author.ID == botID
	})
	b.channels.mu.Lock()
	if !b.channels.answered[id] {
		b.channels.answered[id] = answered
	}
	b.channels.mu.Unlock()
	return answered
}
