package discordtest

import (
	"encoding/json"
	"strings"
)

// Embed is the part of a rich embed a reader sees.
type Embed struct {
	Title       string
	Description string
	URL         string
	// Color is the embed's side colour (0 when unset).
	Color  int
	Author string
	Fields []EmbedField
	Footer string
}

// EmbedField is one field of an Embed.
type EmbedField struct {
	Name, Value string
	Inline      bool
}

// wireEmbed is Discord's embed object, as far as the server reads it.
type wireEmbed struct {
	Title       string `json:"title,omitempty"`
	Description string `json:"description,omitempty"`
	URL         string `json:"url,omitempty"`
	Color       int    `json:"color,omitempty"`
	Author      *struct {
		Name string `json:"name"`
	} `json:"author,omitempty"`
	Fields []struct {
		Name   string `json:"name"`
		Value  string `json:"value"`
		Inline bool   `json:"inline,omitempty"`
	} `json:"fields,omitempty"`
	Footer *struct {
		Text string `json:"text"`
	} `json:"footer,omitempty"`
}

func parseEmbeds(raw json.RawMessage) []Embed {
	var ws []wireEmbed
	if json.Unmarshal(raw, &ws) != nil {
		return nil
	}
	out := make([]Embed, 0, len(ws))
	for _, w := range ws {
		e := Embed{Title: w.Title, Description: w.Description, URL: w.URL, Color: w.Color}
		if w.Author != nil {
			e.Author = w.Author.Name
		}
		if w.Footer != nil {
			e.Footer = w.Footer.Text
		}
		for _, f := range w.Fields {
			e.Fields = append(e.Fields, EmbedField{Name: f.Name, Value: f.Value, Inline: f.Inline})
		}
		out = append(out, e)
	}
	return out
}

// Text returns everything a reader sees in the embed, one piece a line:
// author, title, description, each field's name and value, footer.
func (e Embed) Text() string {
	parts := []string{e.Author, e.Title, e.Description}
	for _, f := range e.Fields {
		parts = append(parts, f.Name, f.Value)
	}
	parts = append(parts, e.Footer)
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "\n")
}

// Size is the embed's length as Discord counts it towards its limits
// (title, description, field names and values, footer, author), in bytes,
// which is never less than Discord's count of characters.
func (e Embed) Size() int {
	n := len(e.Title) + len(e.Description) + len(e.Author) + len(e.Footer)
	for _, f := range e.Fields {
		n += len(f.Name) + len(f.Value)
	}
	return n
}

// Embeds returns the embeds the call sets (nil when it sets none).
func (c Call) Embeds() []Embed {
	raw, ok := c.message()["embeds"]
	if !ok {
		return nil
	}
	return parseEmbeds(raw)
}

// Text returns what a reader sees of the message the call sets: its
// content, then the text of each embed.
func (c Call) Text() string {
	content, _ := c.Content()
	return joinText(content, c.Embeds())
}

// Text returns what a reader sees of the message: its content, then the
// text of each embed.
func (m Message) Text() string { return joinText(m.Content, m.Embeds) }

func joinText(content string, embeds []Embed) string {
	parts := []string{}
	if content != "" {
		parts = append(parts, content)
	}
	for _, e := range embeds {
		if t := e.Text(); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, "\n")
}

// Choice is one autocomplete suggestion.
type Choice struct {
	Name  string `json:"name"`
	Value any    `json:"value"`
}

// Choices returns the suggestions of an autocomplete response (callback
// type 8), or nil for other calls.
func (c Call) Choices() []Choice {
	if c.CallbackType() != 8 {
		return nil
	}
	var cb struct {
		Data struct {
			Choices []Choice `json:"choices"`
		} `json:"data"`
	}
	_ = json.Unmarshal(c.Body, &cb)
	return cb.Data.Choices
}
