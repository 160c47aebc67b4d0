package bot

import (
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"
	"github.com/newsbot/newsbot/rag/answer"
)

// Discord's limits on embeds, and the bounds of one answer.
const (
	maxEmbedDescription = 4096
	maxEmbedFields      = 25
	maxEmbedFieldValue  = 1024
	maxEmbedTotal       = 6000
	maxEmbedsPerMessage = 10
	// maxAnswerMessages caps the messages one answer posts, however long
	// the model's text.
	maxAnswerMessages = 3
	// maxWarnings caps the warnings shown one by one; the rest are counted.
	maxWarnings = 5
	// maxQuotesPerSource caps the quotes shown under one article.
	maxQuotesPerSource = 3
	// answerCutNote ends an answer that did not fit.
	answerCutNote = "… (answer cut)"
	// answerDescriptionBudget is the answer text one embed holds, leaving
	// room for the cut note.
	// room for the cut note and, in the same embed, the status and
	// warning fields, within maxEmbedTotal.
	answerDescriptionBudget = 3500
	// maxWarningLen bounds one warning's text.
	maxWarningLen = 300
)

// reply is one message the bot posts: content, embeds, or both.
type reply struct {
	content string
	embeds  []*discordgo.MessageEmbed
}

// textReply is a plain message.
func textReply(s string) reply { return reply{content: s} }

func texts(parts []string) []reply {
	out := make([]reply, len(parts))
	for i, p := range parts {
		out[i] = textReply(p)
	}
	return out
}

// renderAnswer returns the messages that show a finished answer: at most
// maxAnswerMessages, embeds unless Config.PlainText. scope, when set, says
// which articles the answer was drawn from.
func (b *Bot) renderAnswer(a answer.Answer, scope string) []reply {
	if b.cfg.PlainText {
		return texts(plainParts(a, scope))
	}
	return answerEmbeds(a, scope)
}

// plainParts splits a plain answer into at most maxAnswerMessages
// messages. When it needs more, the answer text is cut (with
// answerCutNote) and its status, warnings and sources still follow.
func plainParts(a answer.Answer, scope string) []string {
	parts := Split(formatAnswer(a, scope), MaxMessageLen)
	if len(parts) <= maxAnswerMessages {
		return parts
	}
	body, tail := answerBody(a), answerTail(a, scope)
	tailParts := Split(tail, MaxMessageLen)
	room := max(1, maxAnswerMessages-len(tailParts))
	out := capParts(Split(body, MaxMessageLen), room)
	return capParts(append(out, tailParts...), maxAnswerMessages)
}

// renderProgress returns the message that shows an answer being written.
func (b *Bot) renderProgress(partial string) reply {
	if b.cfg.PlainText {
		return textReply(preview(partial))
	}
	t := strings.TrimSpace(neutralize(partial))
	if t == "" {
		t = thinking
	} else {
		t = Split(t, answerDescriptionBudget)[0] + " …"
	}
	return reply{content: "", embeds: []*discordgo.MessageEmbed{{
		Description: t, Color: colourStreaming,
		Footer: &discordgo.MessageEmbedFooter{Text: "✍️ writing… not yet checked against the articles"},
	}}}
}

// capParts keeps at most n parts; when some are dropped the last kept one
// ends with answerCutNote.
func capParts(parts []string, n int) []string {
	if len(parts) <= n {
		return parts
	}
	parts = parts[:n]
	last := parts[n-1]
	if len(last)+len("\n"+answerCutNote) > MaxMessageLen {
		last = truncate(last, MaxMessageLen-len("\n"+answerCutNote))
	}
	parts[n-1] = last + "\n" + answerCutNote
	return parts
}

// formatAnswer renders an answer as plain Discord Markdown: the text with
// its markers numbered by article, its status and warnings, then one entry
// per cited article (title linked when a URL is known, outlet, date) with
// the sentences quoted from it. Untrusted text is neutralized and links are
// wrapped so they do not unfurl.
func formatAnswer(a answer.Answer, scope ...string) string {
	body, tail := answerBody(a), answerTail(a, strings.Join(scope, " "))
	if tail == "" {
		return body
	}
	return body + "\n\n" + tail
}

// answerBody is the answer's text with its markers numbered by article.
func answerBody(a answer.Answer) string {
	_, renum := groupCitations(a.Citations)
	return strings.TrimSpace(neutralize(renumberMarkers(a.Answer, renum)))
}

// answerTail is what follows a plain answer's text: status, warnings,
// scope, then the sources grouped by article.
func answerTail(a answer.Answer, scope string) string {
	entries, _ := groupCitations(a.Citations)
	var b strings.Builder
	b.WriteString(strings.Join(trustLines(a, scope), "\n"))
	if a.Refused || len(entries) == 0 {
		return b.String()
	}
	b.WriteString("\n\n" + sourcesHeading)
	for _, e := range entries {
		b.WriteString("\n" + entryText(e, maxQuotesPerSource))
	}
	return strings.TrimSpace(b.String())
}

// trustLines are the plain-text status and warning lines under an answer.
// Each starts with "-# " (Discord's small text) so the history reader can
// tell them from the answer.
func trustLines(a answer.Answer, scope string) []string {
	st := statusOf(a)
	var lines []string
	if st != answer.StatusRefused {
		v := viewOf(st)
		if st == answer.StatusAnswered {
			lines = append(lines, trustPrefix+v.label+" — "+v.detail)
		} else {
			lines = append(lines, trustPrefix+"**"+v.label+"** — "+v.detail)
		}
	}
	for i, w := range a.Warnings {
		if i == maxWarnings {
			lines = append(lines, fmt.Sprintf("%s⚠️ …and %d more warning%s", trustPrefix, len(a.Warnings)-i, plural(len(a.Warnings)-i)))
			break
		}
		lines = append(lines, trustPrefix+"⚠️ "+safeMarkdown(oneLine(truncate(w, maxWarningLen))))
	}
	if scope != "" {
		lines = append(lines, trustPrefix+scope)
	}
	return lines
}

// trustPrefix starts every status, warning and scope line of a plain answer.
const trustPrefix = "-# "

// answerEmbeds renders an answer as embeds: the text in one embed (more
// when long) whose title and colour show the status, warnings as fields,
// the sources grouped by article in another embed; packed into at most
// maxAnswerMessages messages within Discord's embed limits.
func answerEmbeds(a answer.Answer, scope string) []reply {
	st := statusOf(a)
	v := viewOf(st)
	entries, renum := groupCitations(a.Citations)
	body := strings.TrimSpace(neutralize(renumberMarkers(a.Answer, renum)))
	if body == "" {
		body = "I have no answer to that."
	}
	chunks := Split(body, answerDescriptionBudget)
	room := maxAnswerMessages
	if !a.Refused && len(entries) > 0 {
		room-- // keep a message for the sources
	}
	cut := false
	if len(chunks) > room {
		chunks, cut = chunks[:room], true
	}
	var embeds []*discordgo.MessageEmbed
	for i, c := range chunks {
		e := &discordgo.MessageEmbed{Description: c, Color: v.colour}
		if i == 0 {
			e.Title = v.label
		}
		embeds = append(embeds, e)
	}
	last := embeds[len(embeds)-1]
	if cut {
		last.Description += "\n" + answerCutNote
	}
	if st != answer.StatusRefused && st != answer.StatusAnswered {
		last.Fields = append(last.Fields, &discordgo.MessageEmbedField{Name: "Status", Value: v.label + " — " + v.detail})
	}
	for i, w := range a.Warnings {
		if i == maxWarnings {
			last.Fields = append(last.Fields, &discordgo.MessageEmbedField{Name: "⚠️ More warnings",
				Value: fmt.Sprintf("…and %d more", len(a.Warnings)-i)})
			break
		}
		last.Fields = append(last.Fields, &discordgo.MessageEmbedField{Name: "⚠️ Warning",
			Value: truncate(safeMarkdown(oneLine(truncate(w, maxWarningLen))), maxEmbedFieldValue)})
	}
	footer := "Answered by quoting the articles"
	if a.Mode == answer.ModeLLM {
		footer = "Written by a model from the articles; every [n] was checked"
	}
	if scope != "" {
		footer = scope + " · " + footer
	}
	if !a.Refused && len(entries) > 0 {
		for i, desc := range sourceDescriptions(entries) {
			e := &discordgo.MessageEmbed{Description: desc, Color: v.colour}
			if i == 0 {
				e.Title = "Sources"
			}
			embeds = append(embeds, e)
		}
	}
	embeds[len(embeds)-1].Footer = &discordgo.MessageEmbedFooter{Text: truncate(footer, 2048)}
	return packEmbeds(embeds, maxAnswerMessages)
}

// sourceDescriptions renders source entries into embed descriptions of at
// most maxEmbedDescription bytes each, cutting none of them in two.
func sourceDescriptions(entries []sourceEntry) []string {
	var out []string
	var cur strings.Builder
	for _, e := range entries {
		t := entryText(e, maxQuotesPerSource)
		if len(t) > maxEmbedDescription-8 {
			t = truncate(t, maxEmbedDescription-8)
		}
		if cur.Len() > 0 && cur.Len()+1+len(t) > maxEmbedDescription {
			out = append(out, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte('\n')
		}
		cur.WriteString(t)
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// embedSize is an embed's length as Discord counts it towards the 6000
// per message, in bytes (never less than Discord's count).
func embedSize(e *discordgo.MessageEmbed) int {
	n := len(e.Title) + len(e.Description)
	if e.Footer != nil {
		n += len(e.Footer.Text)
	}
	if e.Author != nil {
		n += len(e.Author.Name)
	}
	for _, f := range e.Fields {
		n += len(f.Name) + len(f.Value)
	}
	return n
}

// packEmbeds puts embeds in messages of at most maxEmbedsPerMessage and
// maxEmbedTotal, at most maxMsgs messages; embeds that do not fit are
// dropped and the last kept one says the answer was cut. Fields beyond
// maxEmbedFields are dropped first.
func packEmbeds(embeds []*discordgo.MessageEmbed, maxMsgs int) []reply {
	var out []reply
	var cur []*discordgo.MessageEmbed
	size := 0
	for i, e := range embeds {
		if len(e.Fields) > maxEmbedFields {
			e.Fields = e.Fields[:maxEmbedFields]
		}
		n := embedSize(e)
		if len(cur) > 0 && (len(cur) == maxEmbedsPerMessage || size+n > maxEmbedTotal) {
			out = append(out, reply{embeds: cur})
			cur, size = nil, 0
			if len(out) == maxMsgs {
				markCut(out[len(out)-1].embeds, embeds[i:])
				return out
			}
		}
		cur = append(cur, e)
		size += n
	}
	if len(cur) > 0 {
		out = append(out, reply{embeds: cur})
	}
	return out
}

// markCut notes on the last kept embed that the rest was cut, keeping the
// footer of the dropped last embed (it says how the answer was made).
func markCut(kept, dropped []*discordgo.MessageEmbed) {
	last := kept[len(kept)-1]
	note := answerCutNote
	if f := dropped[len(dropped)-1].Footer; f != nil {
		note += " · " + f.Text
	}
	last.Footer = &discordgo.MessageEmbedFooter{Text: truncate(note, 2048)}
}
