package discordtest

import (
	"encoding/json"
	"time"
)

// Message types and channel types, as Discord numbers them.
const (
	MessageDefault = 0
	MessageReply   = 19

	ChannelText         = 0
	ChannelDM           = 1
	ChannelPublicThread = 11
)

// Message is a message the server stores: posted by a test (PostMessage,
// AddMessage) or by the bot.
type Message struct {
	ID        string
	ChannelID string
	GuildID   string
	AuthorID  string
	// AuthorName defaults to "user-<AuthorID>".
	AuthorName string
	AuthorBot  bool
	Content    string
	// Mentions are the ids of the users the message mentions.
	Mentions []string
	// Roles are the author's roles (sent as the partial member of a guild
	// message).
	Roles []string
	// ReferenceID is the message this one replies to.
	ReferenceID string
	// Type defaults to MessageReply when ReferenceID is set.
	Type       int
	Flags      int
	Components json.RawMessage
	// Embeds are the message's rich embeds.
	Embeds    []Embed
	rawEmbeds json.RawMessage
	WebhookID string
	// Interaction is the token of the interaction whose response this is.
	Interaction string
	Timestamp   time.Time
	// Edits counts edits.
	Edits int
}

// Channel is a channel the server knows. Channels a test does not add are
// reported as text channels of guild "1".
type Channel struct {
	ID       string
	GuildID  string
	ParentID string
	Name     string
	Type     int
}

// interaction is a dispatched interaction and its response state.
type interaction struct {
	id, token          string
	channelID, guildID string
	responded          bool
	originalID         string
	responseType       int
	followups          []string
}

type wireUser struct {
	ID       string `json:"id"`
	Username string `json:"username"`
	Bot      bool   `json:"bot,omitempty"`
}

// wire renders m as Discord's message object; ref is the referenced
// message (nil for none or unknown).
func (m *Message) wire(ref *Message) map[string]any {
	name := m.AuthorName
	if name == "" {
		name = "user-" + m.AuthorID
	}
	mentions := []wireUser{}
	for _, id := range m.Mentions {
		mentions = append(mentions, wireUser{ID: id, Username: "user-" + id})
	}
	var edited any
	if m.Edits > 0 {
		edited = m.Timestamp.Format(time.RFC3339Nano)
	}
	w := map[string]any{
		"id":               m.ID,
		"channel_id":       m.ChannelID,
		"author":           wireUser{ID: m.AuthorID, Username: name, Bot: m.AuthorBot},
		"content":          m.Content,
		"timestamp":        m.Timestamp.Format(time.RFC3339Nano),
		"edited_timestamp": edited,
		"tts":              false,
		"mention_everyone": false,
		"mentions":         mentions,
		"mention_roles":    []string{},
		"attachments":      []any{},
		"embeds":           json.RawMessage("[]"),
		"pinned":           false,
		"type":             m.Type,
		"flags":            m.Flags,
	}
	if m.GuildID != "" {
		w["guild_id"] = m.GuildID
		if !m.AuthorBot {
			roles := m.Roles
			if roles == nil {
				roles = []string{}
			}
			w["member"] = map[string]any{"roles": roles, "joined_at": m.Timestamp.Format(time.RFC3339Nano)}
		}
	}
	if len(m.Components) > 0 {
		w["components"] = m.Components
	}
	if len(m.rawEmbeds) > 0 {
		w["embeds"] = m.rawEmbeds
	}
	if m.WebhookID != "" {
		w["webhook_id"] = m.WebhookID
	}
	if m.ReferenceID != "" {
		w["message_reference"] = map[string]any{"message_id": m.ReferenceID, "channel_id": m.ChannelID, "guild_id": m.GuildID}
		if ref != nil {
			w["referenced_message"] = ref.wire(nil)
		} else {
			w["referenced_message"] = nil
		}
	}
	return w
}

func (c *Channel) wire() map[string]any {
	w := map[string]any{"id": c.ID, "type": c.Type, "name": c.Name}
	if c.GuildID != "" {
		w["guild_id"] = c.GuildID
	}
	if c.ParentID != "" {
		w["parent_id"] = c.ParentID
	}
	return w
}
