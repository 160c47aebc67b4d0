package discordtest

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

var reAPIPrefix = regexp.MustCompile(`^/api/v\d+/`)

// reply is what a REST handler answers: a status and a JSON body (nil for
// none).
type reply struct {
	status int
	body   any
}

func ok(body any) reply { return reply{http.StatusOK, body} }

func apiError(status, code int, msg string) reply {
	return reply{status, map[string]any{"message": msg, "code": code}}
}

var noContent = reply{status: http.StatusNoContent}

// serveREST records a REST call, applies injected rate limits and routes it.
func (s *Server) serveREST(w http.ResponseWriter, r *http.Request) {
	raw, _ := io.ReadAll(r.Body)
	var body json.RawMessage
	if len(bytes.TrimSpace(raw)) > 0 {
		body = raw
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	call := Call{N: len(s.calls) + 1, Method: r.Method, Path: r.URL.Path, Query: r.URL.Query(), Body: body}

	var rep reply
	seg := strings.Split(reAPIPrefix.ReplaceAllString(r.URL.Path, ""), "/")
	authOptional := len(seg) > 0 && (seg[0] == "webhooks" || seg[0] == "interactions")
	if rule := s.rateLimited(r.Method, r.URL.Path); rule != nil {
		secs := rule.retryAfter.Seconds()
		w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(secs))))
		w.Header().Set("X-RateLimit-Scope", "user")
		rep = reply{http.StatusTooManyRequests, map[string]any{
			"message": "You are being rate limited.", "retry_after": secs, "global": rule.global,
		}}
	} else if !reAPIPrefix.MatchString(r.URL.Path) {
		rep = apiError(http.StatusNotFound, 0, "404: Not Found")
	} else if got := r.Header.Get("Authorization"); got != "Bot "+s.cfg.Token && !(authOptional && got == "") {
		rep = apiError(http.StatusUnauthorized, 0, "401: Unauthorized")
	} else {
		rep = s.route(r, seg, body)
	}
	call.Status = rep.status
	s.calls = append(s.calls, call)
	s.notify()

	if rep.body == nil {
		w.WriteHeader(rep.status)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(rep.status)
	_ = json.NewEncoder(w).Encode(rep.body)
}

// route dispatches a REST call by its path segments; s.mu is held.
func (s *Server) route(r *http.Request, seg []string, body json.RawMessage) reply {
	m := r.Method
	n := len(seg)
	switch {
	case m == "GET" && (seg[0] == "gateway"):
		return ok(map[string]any{"url": "ws://" + r.Host + "/gw", "shards": 1})
	case m == "GET" && n == 2 && seg[0] == "users" && seg[1] == "@me":
		return ok(wireUser{ID: s.cfg.BotID, Username: s.cfg.BotName, Bot: true})
	case m == "PUT" && seg[0] == "applications" && n == 3 && seg[2] == "commands":
		return s.overwriteCommands("global", body)
	case m == "PUT" && seg[0] == "applications" && n == 5 && seg[2] == "guilds" && seg[4] == "commands":
		return s.overwriteCommands(seg[3], body)
	case m == "POST" && seg[0] == "interactions" && n == 4 && seg[3] == "callback":
		return s.callback(seg[1], seg[2], body)
	case seg[0] == "webhooks" && n == 3 && m == "POST":
		return s.followup(seg[2], r.URL.Query().Get("wait") == "true", body)
	case seg[0] == "webhooks" && n == 5 && seg[3] == "messages":
		return s.webhookMessage(m, seg[2], seg[4], body)
	case seg[0] == "channels" && n == 2 && m == "GET":
		return ok(s.channel(seg[1]).wire())
	case seg[0] == "channels" && n == 3 && seg[2] == "typing" && m == "POST":
		return noContent
	case seg[0] == "channels" && n == 3 && seg[2] == "messages" && m == "GET":
		return s.listMessages(seg[1], r)
	case seg[0] == "channels" && n == 3 && seg[2] == "messages" && m == "POST":
		return s.createMessage(seg[1], body)
	case seg[0] == "channels" && n == 4 && seg[2] == "messages":
		return s.channelMessage(m, seg[1], seg[3], body)
	case seg[0] == "channels" && n == 5 && seg[2] == "messages" && seg[4] == "threads" && m == "POST":
		return s.startThread(seg[1], seg[3], body)
	}
	return apiError(http.StatusNotFound, 0, "404: Not Found")
}

func (s *Server) overwriteCommands(scope string, body json.RawMessage) reply {
	var cmds []map[string]any
	if err := json.Unmarshal(body, &cmds); err != nil {
		return apiError(http.StatusBadRequest, 50035, "Invalid Form Body")
	}
	for _, c := range cmds {
		c["id"] = s.newID()
		c["application_id"] = s.cfg.AppID
		c["version"] = s.newID()
		if scope != "global" {
			c["guild_id"] = scope
		}
	}
	s.commands[scope] = body
	return ok(cmds)
}

// messageBody is the part of a create or edit body the server keeps.
type messageBody struct {
	Content    *string         `json:"content"`
	Flags      *int            `json:"flags"`
	Components json.RawMessage `json:"components"`
	Embeds     json.RawMessage `json:"embeds"`
	Reference  *struct {
		MessageID string `json:"message_id"`
	} `json:"message_reference"`
}

func (s *Server) callback(id, token string, body json.RawMessage) reply {
	in := s.inters[token]
	if in == nil || in.id != id {
		return apiError(http.StatusNotFound, 10062, "Unknown interaction")
	}
	if in.responded {
		return apiError(http.StatusBadRequest, 40060, "Interaction has already been acknowledged.")
	}
	var cb struct {
		Type int         `json:"type"`
		Data messageBody `json:"data"`
	}
	if err := json.Unmarshal(body, &cb); err != nil || cb.Type == 0 {
		return apiError(http.StatusBadRequest, 50035, "Invalid Form Body")
	}
	in.responded, in.responseType = true, cb.Type
	if cb.Type == 4 || cb.Type == 5 {
		msg := s.store(&Message{ChannelID: in.channelID, GuildID: in.guildID, AuthorID: s.cfg.BotID,
			AuthorName: s.cfg.BotName, AuthorBot: true, Interaction: token, WebhookID: s.cfg.AppID})
		if cb.Type == 4 {
			applyEdit(msg, cb.Data)
			msg.Edits = 0
		} else {
			msg.Flags = 1 << 7 // LOADING, until the response is edited
			if cb.Data.Flags != nil {
				msg.Flags |= *cb.Data.Flags
			}
		}
		in.originalID = msg.ID
	}
	return noContent
}

// startThread starts a public thread from a message; as on Discord, the
// thread's id is the message's id.
func (s *Server) startThread(channelID, messageID string, body json.RawMessage) reply {
	msg := s.messages[messageID]
	if msg == nil || msg.ChannelID != channelID {
		return apiError(http.StatusNotFound, 10008, "Unknown Message")
	}
	var ts struct {
		Name string `json:"name"`
	}
	if err := json.Unmarshal(body, &ts); err != nil || strings.TrimSpace(ts.Name) == "" || len([]rune(ts.Name)) > 100 {
		return apiError(http.StatusBadRequest, 50035, "Invalid Form Body")
	}
	if s.channels[messageID] != nil {
		return apiError(http.StatusBadRequest, 160004, "A thread has already been created for this message")
	}
	parent := s.channel(channelID)
	th := &Channel{ID: messageID, GuildID: parent.GuildID, ParentID: channelID, Name: ts.Name, Type: ChannelPublicThread}
	s.channels[th.ID] = th
	return reply{http.StatusCreated, th.wire()}
}

func (s *Server) followup(token string, wait bool, body json.RawMessage) reply {
	in := s.inters[token]
	if in == nil || !in.responded {
		return apiError(http.StatusNotFound, 10015, "Unknown Webhook")
	}
	var mb messageBody
	if err := json.Unmarshal(body, &mb); err != nil {
		return apiError(http.StatusBadRequest, 50035, "Invalid Form Body")
	}
	msg := s.store(&Message{ChannelID: in.channelID, GuildID: in.guildID, AuthorID: s.cfg.BotID,
		AuthorName: s.cfg.BotName, AuthorBot: true, Interaction: token, WebhookID: s.cfg.AppID})
	applyEdit(msg, mb)
	msg.Edits = 0
	in.followups = append(in.followups, msg.ID)
	if !wait {
		return noContent
	}
	return ok(msg.wire(nil))
}

func (s *Server) webhookMessage(method, token, id string, body json.RawMessage) reply {
	in := s.inters[token]
	if in == nil {
		return apiError(http.StatusNotFound, 10015, "Unknown Webhook")
	}
	if id == "@original" {
		id = in.originalID
	}
	msg := s.messages[id]
	if msg == nil || msg.Interaction != token {
		return apiError(http.StatusNotFound, 10008, "Unknown Message")
	}
	switch method {
	case "GET":
		return ok(msg.wire(nil))
	case "PATCH":
		var mb messageBody
		if err := json.Unmarshal(body, &mb); err != nil {
			return apiError(http.StatusBadRequest, 50035, "Invalid Form Body")
		}
		applyEdit(msg, mb)
		msg.Flags &^= 1 << 7
		return ok(msg.wire(nil))
	case "DELETE":
		delete(s.messages, id)
		return noContent
	}
	return apiError(http.StatusMethodNotAllowed, 0, "405: Method Not Allowed")
}

func (s *Server) createMessage(channelID string, body json.RawMessage) reply {
	var mb messageBody
	if err := json.Unmarshal(body, &mb); err != nil {
		return apiError(http.StatusBadRequest, 50035, "Invalid Form Body")
	}
	ch := s.channel(channelID)
	msg := &Message{ChannelID: channelID, GuildID: ch.GuildID, AuthorID: s.cfg.BotID, AuthorName: s.cfg.BotName, AuthorBot: true}
	if mb.Reference != nil && mb.Reference.MessageID != "" {
		msg.ReferenceID = mb.Reference.MessageID
	}
	s.store(msg)
	applyEdit(msg, mb)
	msg.Edits = 0
	return ok(msg.wire(s.messages[msg.ReferenceID]))
}

func (s *Server) channelMessage(method, channelID, id string, body json.RawMessage) reply {
	msg := s.messages[id]
	if msg == nil || msg.ChannelID != channelID {
		return apiError(http.StatusNotFound, 10008, "Unknown Message")
	}
	switch method {
	case "GET":
		return ok(msg.wire(s.messages[msg.ReferenceID]))
	case "PATCH":
		if msg.AuthorID != s.cfg.BotID {
			return apiError(http.StatusForbidden, 50005, "Cannot edit a message authored by another user")
		}
		var mb messageBody
		if err := json.Unmarshal(body, &mb); err != nil {
			return apiError(http.StatusBadRequest, 50035, "Invalid Form Body")
		}
		applyEdit(msg, mb)
		return ok(msg.wire(s.messages[msg.ReferenceID]))
	}
	return apiError(http.StatusMethodNotAllowed, 0, "405: Method Not Allowed")
}

func (s *Server) listMessages(channelID string, r *http.Request) reply {
	q := r.URL.Query()
	limit := 50
	if l, err := strconv.Atoi(q.Get("limit")); err == nil && l > 0 {
		limit = min(l, 100)
	}
	before, after := q.Get("before"), q.Get("after")
	var list []*Message
	for _, m := range s.messages {
		if m.ChannelID != channelID ||
			(before != "" && compareIDs(m.ID, before) >= 0) ||
			(after != "" && compareIDs(m.ID, after) <= 0) {
			continue
		}
		list = append(list, m)
	}
	slices.SortFunc(list, func(a, b *Message) int { return compareIDs(b.ID, a.ID) })
	out := []any{}
	for _, m := range list[:min(limit, len(list))] {
		out = append(out, m.wire(s.messages[m.ReferenceID]))
	}
	return ok(out)
}

// applyEdit applies the fields present in a create or edit body.
func applyEdit(m *Message, mb messageBody) {
	if mb.Content != nil {
		m.Content = *mb.Content
	}
	if mb.Flags != nil {
		m.Flags = *mb.Flags
	}
	if len(mb.Components) > 0 && string(mb.Components) != "null" {
		m.Components = mb.Components
	}
	if len(mb.Embeds) > 0 && string(mb.Embeds) != "null" {
		m.Embeds = parseEmbeds(mb.Embeds)
		m.rawEmbeds = mb.Embeds
	}
	m.Edits++
}

// store gives m an id and a time and keeps it; s.mu is held.
func (s *Server) store(m *Message) *Message {
	if m.ID == "" {
		m.ID = s.newID()
	}
	if m.Timestamp.IsZero() {
		m.Timestamp = time.Now().UTC()
	}
	if m.Type == 0 && m.ReferenceID != "" {
		m.Type = MessageReply
	}
	s.messages[m.ID] = m
	return m
}

// channel returns a known channel or a default text channel; s.mu is held.
func (s *Server) channel(id string) *Channel {
	if c := s.channels[id]; c != nil {
		return c
	}
	return &Channel{ID: id, GuildID: "1", Name: "channel-" + id, Type: ChannelText}
}

// compareIDs orders snowflakes (decimal strings) numerically.
func compareIDs(a, b string) int {
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	return strings.Compare(a, b)
}
