package bot

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/bwmarrin/discordgo"
	"github.com/newsbot/newsbot/rag/answer"
)

// answerCache remembers, for the bot's recent answer messages, the question
// and the answer text (without the sources list), so follow-ups get the whole
// answer however it was split, and the question of a slash command, which
// its response message does not show.
type answerCache struct {
	max int

	mu    sync.Mutex
	m     map[string]cachedAnswer
	order []string
}

type cachedAnswer struct {
	id, question, answer string
}

func newAnswerCache(max int) *answerCache {
	return &answerCache{max: max, m: map[string]cachedAnswer{}}
}

// remember records an answer under each message that shows it.
func (c *answerCache) remember(msgs []*discordgo.Message, id, question, answer string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, m := range msgs {
		if m == nil || m.ID == "" {
			continue
		}
		if _, ok := c.m[m.ID]; !ok {
			c.order = append(c.order, m.ID)
		}
		c.m[m.ID] = cachedAnswer{id: id, question: question, answer: answer}
	}
	for len(c.order) > c.max {
		delete(c.m, c.order[0])
		c.order = c.order[1:]
	}
}

func (c *answerCache) get(id string) (cachedAnswer, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	a, ok := c.m[id]
	return a, ok
}

// replyHistory returns the turns of the reply chain above m, oldest first,
// bounded by the config.
func (b *Bot) replyHistory(ctx context.Context, m *discordgo.Message, botID string) []answer.Turn {
	var newest []answer.Turn // newest first
	next, ref := m.ReferencedMessage, m.MessageReference
	seen := map[string]bool{m.ID: true}
	answers := map[string]bool{}
	for hops := 0; ref != nil && ref.MessageID != "" && hops < b.cfg.MaxHistoryTurns; hops++ {
		if seen[ref.MessageID] {
			break
		}
		seen[ref.MessageID] = true
		msg := next
		if msg == nil || msg.ID != ref.MessageID {
			ch := orDefault(ref.ChannelID, m.ChannelID)
			err := b.call(ctx, true, func(o ...discordgo.RequestOption) (err error) {
				msg, err = b.s.ChannelMessage(ch, ref.MessageID, o...)
				return err
			})
			if err != nil || msg == nil {
				b.log.Debug("reply chain ends at an unreadable message", "message", ref.MessageID, "err", err)
				break
			}
		}
		newest = append(newest, b.turnsOf(msg, botID, answers)...)
		next, ref = msg.ReferencedMessage, msg.MessageReference
	}
	return b.boundHistory(newest)
}

// threadHistory returns the turns of the messages before beforeID (all
// recent ones when empty) in a channel, oldest first, bounded by the config.
func (b *Bot) threadHistory(ctx context.Context, channelID, beforeID, botID string) []answer.Turn {
	var msgs []*discordgo.Message
	err := b.call(ctx, true, func(o ...discordgo.RequestOption) (err error) {
		msgs, err = b.s.ChannelMessages(channelID, min(100, 4*b.cfg.MaxHistoryTurns), beforeID, "", "", o...)
		return err
	})
	if err != nil {
		b.log.Warn("read thread history", "channel", channelID, "err", err)
		return nil
	}
	// Discord lists newest first; be robust to servers that do not (or
	// that send null entries).
	msgs = slices.DeleteFunc(msgs, func(m *discordgo.Message) bool { return m == nil })
	slices.SortStableFunc(msgs, func(x, y *discordgo.Message) int { return compareIDs(y.ID, x.ID) })
	var newest []answer.Turn
	answers := map[string]bool{}
	for _, msg := range msgs {
		newest = append(newest, b.turnsOf(msg, botID, answers)...)
	}
	return b.boundHistory(newest)
}

// turnsOf returns the turns one message contributes, newest first. A
// remembered answer counts once however many messages show it; seen holds
// the answers met so far.
func (b *Bot) turnsOf(m *discordgo.Message, botID string, seen map[string]bool) []answer.Turn {
	if m == nil || m.Author == nil {
		return nil
	}
	if m.Author.ID == botID {
		if a, ok := b.answers.get(m.ID); ok {
			if seen[a.id] {
				return nil
			}
			seen[a.id] = true
			return []answer.Turn{{Role: "assistant", Text: a.answer}, {Role: "user", Text: a.question}}
		}
		text := stripSources(m.Content)
		if text == "" && len(m.Embeds) > 0 && m.Embeds[0] != nil {
			text = stripSources(m.Embeds[0].Description) // an answer shown as an embed
		}
		if text == "" || text == thinking {
			return nil
		}
		return []answer.Turn{{Role: "assistant", Text: text}}
	}
	if m.Author.Bot {
		return nil
	}
	if text := stripMentions(m.Content, botID); text != "" {
		return []answer.Turn{{Role: "user", Text: text}}
	}
	return nil
}

// boundHistory merges consecutive turns of one role (an answer split over
// messages, or the same slash answer met twice), keeps the newest within
// MaxHistoryTurns and MaxHistoryChars, and returns them oldest first.
func (b *Bot) boundHistory(newest []answer.Turn) []answer.Turn {
	var merged []answer.Turn
	for _, t := range newest {
		t.Text = strings.TrimSpace(t.Text)
		if t.Text == "" {
			continue
		}
		if n := len(merged); n > 0 && merged[n-1].Role == t.Role {
			if merged[n-1].Text != t.Text {
				merged[n-1].Text = t.Text + "\n\n" + merged[n-1].Text
			}
			continue
		}
		merged = append(merged, t)
	}
	budget := b.cfg.MaxHistoryChars
	var kept []answer.Turn
	for _, t := range merged {
		if len(kept) >= b.cfg.MaxHistoryTurns || budget <= 0 {
			break
		}
		if len(t.Text) > budget {
			t.Text = truncate(t.Text, budget)
		}
		budget -= len(t.Text)
		kept = append(kept, t)
	}
	slices.Reverse(kept)
	return kept
}

// stripSources cuts the status, warnings and sources list off an answer
// message.
func stripSources(content string) string {
	if i := strings.Index(content, sourcesHeading); i >= 0 {
		content = content[:i]
	}
	if i := strings.Index(content, "\n\n"+trustPrefix); i >= 0 {
		content = content[:i]
	}
	content = strings.TrimSuffix(strings.TrimSpace(content), answerCutNote)
	return strings.TrimSpace(content)
}

// stripMentions removes mentions of the bot from a message.
func stripMentions(content, botID string) string {
	if botID != "" {
		content = strings.NewReplacer("<@"+botID+">", " ", "<@!"+botID+">", " ").Replace(content)
	}
	return strings.TrimSpace(content)
}

// compareIDs orders Discord snowflakes (decimal strings) numerically.
func compareIDs(a, b string) int {
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	return strings.Compare(a, b)
}
