package discordtest

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
)

// Interaction types and option types, as Discord numbers them.
const (
	InteractionCommand      = 2
	InteractionComponent    = 3
	InteractionAutocomplete = 4
	InteractionModal        = 5

	OptionString  = 3
	OptionInteger = 4
	OptionBoolean = 5
)

// Interaction describes an INTERACTION_CREATE to send.
type Interaction struct {
	// Type defaults to InteractionCommand.
	Type int
	// Name and Options describe a command.
	Name    string
	Options []Option
	// CustomID and MessageID describe a component click on a stored message.
	CustomID  string
	MessageID string
	GuildID   string
	ChannelID string
	UserID    string
	Roles     []string
	// Permissions is the member's permission bit set.
	Permissions int64
	// DM sends the user as "user" (a direct message) instead of "member".
	DM bool
	// NoUser leaves out both member and user (a malformed event).
	NoUser bool
	// Data, when set, is sent as "data" verbatim; OmitData leaves "data" out.
	Data     json.RawMessage
	OmitData bool
}

// Option is one command option.
type Option struct {
	Name string
	// Type defaults to OptionString.
	Type  int
	Value any
	// Focused marks the option being typed in an autocomplete interaction.
	Focused bool
}

// Sent identifies a dispatched interaction and the REST paths of its
// response.
type Sent struct {
	ID, Token, AppID string
}

// CallbackPath is where the interaction's first response is POSTed.
func (i Sent) CallbackPath() string {
	return "/api/v9/interactions/" + i.ID + "/" + i.Token + "/callback"
}

// OriginalPath is the original response's message, for edits.
func (i Sent) OriginalPath() string {
	return "/api/v9/webhooks/" + i.AppID + "/" + i.Token + "/messages/@original"
}

// WebhookPath is where follow-ups are POSTed.
func (i Sent) WebhookPath() string { return "/api/v9/webhooks/" + i.AppID + "/" + i.Token }

// Interact sends an INTERACTION_CREATE and returns what identifies it.
func (s *Server) Interact(in Interaction) (Sent, error) {
	if in.Type == 0 {
		in.Type = InteractionCommand
	}
	s.mu.Lock()
	id := s.newID()
	token := "itoken-" + id
	s.inters[token] = &interaction{id: id, token: token, channelID: in.ChannelID, guildID: in.GuildID}
	w := map[string]any{
		"id": id, "application_id": s.cfg.AppID, "type": in.Type, "token": token, "version": 1,
		"channel_id": in.ChannelID, "locale": "en-US",
	}
	if in.GuildID != "" {
		w["guild_id"] = in.GuildID
	}
	user := wireUser{ID: in.UserID, Username: "user-" + in.UserID}
	switch {
	case in.NoUser:
	case in.DM:
		w["user"] = user
	default:
		roles := in.Roles
		if roles == nil {
			roles = []string{}
		}
		w["member"] = map[string]any{"user": user, "roles": roles,
			"permissions": strconv.FormatInt(in.Permissions, 10), "joined_at": "2024-01-01T00:00:00Z"}
	}
	switch {
	case in.OmitData:
	case in.Data != nil:
		w["data"] = in.Data
	case in.Type == InteractionComponent:
		w["data"] = map[string]any{"custom_id": in.CustomID, "component_type": 2}
	default:
		opts := []map[string]any{}
		for _, o := range in.Options {
			if o.Type == 0 {
				o.Type = OptionString
			}
			opt := map[string]any{"name": o.Name, "type": o.Type, "value": o.Value}
			if o.Focused {
				opt["focused"] = true
			}
			opts = append(opts, opt)
		}
		w["data"] = map[string]any{"id": "cmd-" + in.Name, "name": in.Name, "type": 1, "options": opts}
	}
	if in.MessageID != "" {
		m := s.messages[in.MessageID]
		if m == nil {
			s.mu.Unlock()
			return Sent{}, fmt.Errorf("%w: %s", errNoMessage, in.MessageID)
		}
		w["message"] = m.wire(nil)
	}
	s.mu.Unlock()
	return Sent{ID: id, Token: token, AppID: s.cfg.AppID}, s.Dispatch("INTERACTION_CREATE", w)
}

// AddChannel makes a channel known (e.g. a thread with its parent).
func (s *Server) AddChannel(c Channel) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cc := c
	s.channels[c.ID] = &cc
}

// Channel returns a channel the server knows (added by a test, or a thread
// the bot started), or false.
func (s *Server) Channel(id string) (Channel, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.channels[id]
	if c == nil {
		return Channel{}, false
	}
	return *c, true
}

// Threads returns the threads started in a channel, oldest first.
func (s *Server) Threads(parentID string) []Channel {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Channel
	for _, c := range s.channels {
		if c.ParentID == parentID && c.Type == ChannelPublicThread {
			out = append(out, *c)
		}
	}
	slices.SortFunc(out, func(a, b Channel) int { return compareIDs(a.ID, b.ID) })
	return out
}

// AddMessage stores a message without telling the bot, and returns it with
// its id and time set.
func (s *Server) AddMessage(m Message) Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	if m.GuildID == "" && m.ChannelID != "" {
		m.GuildID = s.channel(m.ChannelID).GuildID
	}
	stored := m
	s.store(&stored)
	s.notify()
	return stored
}

// PostMessage stores a message and sends MESSAGE_CREATE for it, with the
// replied-to message attached as Discord does. It returns the stored message.
func (s *Server) PostMessage(m Message) (Message, error) {
	stored := s.AddMessage(m)
	s.mu.Lock()
	w := stored.wire(s.messages[stored.ReferenceID])
	s.mu.Unlock()
	return stored, s.Dispatch("MESSAGE_CREATE", w)
}

// Message returns a stored message by id.
func (s *Server) Message(id string) (Message, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.messages[id]
	if m == nil {
		return Message{}, false
	}
	return *m, true
}

// Messages returns a channel's stored messages, oldest first.
func (s *Server) Messages(channelID string) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Message
	for _, m := range s.messages {
		if m.ChannelID == channelID {
			out = append(out, *m)
		}
	}
	slices.SortFunc(out, func(a, b Message) int { return compareIDs(a.ID, b.ID) })
	return out
}

// Original returns the original response message of an interaction.
func (s *Server) Original(token string) (Message, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	in := s.inters[token]
	if in == nil || s.messages[in.originalID] == nil {
		return Message{}, false
	}
	return *s.messages[in.originalID], true
}

// WaitMessage waits until a stored message matches and returns it (the
// lowest id among those that do). It fails when ctx ends first.
func (s *Server) WaitMessage(ctx context.Context, match func(Message) bool) (Message, error) {
	var found *Message
	err := s.wait(ctx, func() bool {
		found = nil
		for _, m := range s.messages {
			if match(*m) && (found == nil || compareIDs(m.ID, found.ID) < 0) {
				found = m
			}
		}
		return found != nil
	})
	if err != nil {
		return Message{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return *found, nil
}
