package bot

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/newsbot/newsbot/rag/answer"
)

const (
	// sourcesHeading starts the list of cited sources under an answer; the
	// history reader cuts an earlier answer there.
	sourcesHeading = "**Sources**"
	// maxQuoteLen bounds a quoted sentence under an answer, in bytes.
	maxQuoteLen = 300
	// maxSourceParts bounds the messages /sources posts.
	maxSourceParts = 3
	// thinking is what a reply shows before the answer starts to stream.
	thinking = "thinking…"
)

// formatSources renders the article list for /sources, newest first, in at
// most maxSourceParts messages.
func formatSources(srcs []answer.Source) []string {
	if len(srcs) == 0 {
		return []string{"I don't know any articles yet."}
	}
	srcs = slices.Clone(srcs)
	slices.SortStableFunc(srcs, func(x, y answer.Source) int { return y.Published.Compare(x.Published) })
	lines := make([]string, 0, len(srcs))
	for _, s := range srcs {
		date := ""
		if !s.Published.IsZero() {
			date = s.Published.UTC().Format(time.DateOnly)
		}
		line := "• " + titleLink(orDefault(s.Title, s.ID), s.URL)
		if meta := joinNonEmpty(", ", neutralize(oneLine(s.Source)), date); meta != "" {
			line += " — " + meta
		}
		lines = append(lines, line)
	}
	head := fmt.Sprintf("I answer from %d article%s:", len(srcs), plural(len(srcs)))
	parts := Split(head+"\n"+strings.Join(lines, "\n"), MaxMessageLen)
	if len(parts) <= maxSourceParts {
		return parts
	}
	// Keep whole lines that fit, and say how many were left out.
	budget := maxSourceParts*(MaxMessageLen-100) - len(head)
	shown := 0
	for _, l := range lines {
		if budget -= len(l) + 1; budget < 0 {
			break
		}
		shown++
	}
	text := head + "\n" + strings.Join(lines[:shown], "\n") +
		fmt.Sprintf("\n…and %d more.", len(lines)-shown)
	parts = Split(text, MaxMessageLen)
	return parts[:min(len(parts), maxSourceParts)]
}

// helpText says what the bot can do.
func helpText(briefs bool, feedback bool) string {
	var b strings.Builder
	b.WriteString("**I answer questions about the news articles I know, citing my sources.**\n")
	b.WriteString("• `/ask question:<text> [source:<outlet>]` — ask a question, optionally only from one outlet.\n")
	b.WriteString("• Mention me with a question, reply to one of my answers, or keep asking in a thread I answered in — I use the earlier messages as context, so follow-ups like “and what did Ukraine say?” work.\n")
	b.WriteString("• `/sources` — list the articles I know.\n")
	if briefs {
		b.WriteString("• `/brief [hours]` — a briefing of the latest news.\n")
		b.WriteString("• `/subscribe time:<HH:MM> timezone:<zone> [channel]`, `/unsubscribe`, `/subscriptions` — a daily briefing in a channel (needs Manage Server).\n")
	}
	b.WriteString("• `/help` — this message.\n")
	b.WriteString("Every claim is marked [n] and the sources are listed under the answer. ")
	if feedback {
		b.WriteString("Use 👍 / 👎 under an answer to tell the operators whether it helped. ")
	}
	b.WriteString("When the articles don't cover a question, I say so instead of guessing.")
	return b.String()
}

// titleLink renders an untrusted title, linked when url is an http(s) URL
// that can sit safely inside <...>.
func titleLink(title, rawURL string) string {
	t := escapeMarkdown(neutralize(oneLine(truncate(title, 200))))
	s, ok := safeURL(rawURL)
	if !ok || strings.ContainsAny(s, "()") {
		return "**" + t + "**"
	}
	return "[" + t + "](<" + s + ">)"
}

// markdownEscaper backslash-escapes the characters Discord reads as
// inline formatting: emphasis, code, spoilers, and "[" and "]" so that text
// cannot end a link's label or hide a target as [text](url). It leaves "<"
// and ">" alone: neutralize wraps links and defuses mentions with them.
var markdownEscaper = strings.NewReplacer(`\`, `\\`, `[`, `\[`, `]`, `\]`, `*`, `\*`, `_`, `\_`, "`", "\\`", `~`, `\~`, `|`, `\|`)

// escapeMarkdown backslash-escapes Discord formatting characters in s.
func escapeMarkdown(s string) string { return markdownEscaper.Replace(s) }

// waitText renders a wait in words: "in 12 seconds", "in 3 minutes".
func waitText(d time.Duration) string {
	switch s := int((d + time.Second - 1) / time.Second); {
	case s <= 1:
		return "in a second"
	case s < 90:
		return fmt.Sprintf("in %d seconds", s)
	default:
		m := (s + 59) / 60
		return fmt.Sprintf("in %d minutes", m)
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func orDefault(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

func joinNonEmpty(sep string, parts ...string) string {
	return strings.Join(slices.DeleteFunc(parts, func(s string) bool { return s == "" }), sep)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// truncate cuts s to at most n bytes at a word boundary, adding "…".
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n-len("…")], ' ')
	if cut <= 0 {
		cut = n - len("…")
		for cut > 0 && (s[cut]&0xC0) == 0x80 {
			cut--
		}
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}
