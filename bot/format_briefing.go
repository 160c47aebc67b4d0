package bot

import (
	"fmt"
	"strings"

	"github.com/newsbot/newsbot/rag/answer"
)

// FormatBriefing renders a briefing as Discord Markdown: a bold heading,
// notes and warnings in italics, then each story (see formatStory). Text
// from articles and models is neutralized and escaped, so nothing in it can
// ping, format or hide a link.
func FormatBriefing(b answer.Briefing) string {
	if b.Empty {
		return b.EmptyText()
	}
	var sb strings.Builder
	sb.WriteString("**" + escapeMarkdown(b.Heading()) + "**\n")
	for _, n := range b.Notes {
		sb.WriteString("*Note: " + safeMarkdown(n) + "*\n")
	}
	for _, w := range b.Warnings {
		sb.WriteString("*Warning: " + safeMarkdown(w) + "*\n")
	}
	if b.Overview != "" {
		sb.WriteString("\n" + safeMarkdown(b.Overview) + "\n")
	}
	for i, s := range b.Stories {
		sb.WriteString("\n" + formatStory(s, i+1))
	}
	return sb.String()
}

// formatStory renders one story numbered n. Each story stands alone, so a
// briefing can be posted one story per message.
func formatStory(s answer.Story, n int) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "**%d. %s**\n", n, safeMarkdown(s.Headline))
	fmt.Fprintf(&sb, "*%s · %s*\n", safeMarkdown(strings.Join(s.Outlets, ", ")), s.DateLabel())
	sb.WriteString(safeMarkdown(s.Summary) + "\n")
	if len(s.Disagreements) > 0 {
		sb.WriteString("__Where sources differ__\n")
		for _, d := range s.Disagreements {
			parts := make([]string, len(d.Claims))
			for i, c := range d.Claims {
				parts[i] = fmt.Sprintf("%s (%s [%d])", safeMarkdown("“"+c.Value+"”"), safeMarkdown(c.Source), c.N)
			}
			fmt.Fprintf(&sb, "• %s: %s\n", safeMarkdown(d.Topic), strings.Join(parts, " vs "))
		}
	}
	for _, c := range s.Citations {
		line := safeMarkdown(joinNonEmpty(" — ", c.Source, truncate(c.Title, 100), c.Published))
		if line == "" {
			line = safeMarkdown(c.ArticleID)
		}
		if u, ok := safeURL(c.URL); ok {
			line += " <" + u + ">"
		}
		fmt.Fprintf(&sb, "-# [%d] %s\n", c.N, line)
	}
	return sb.String()
}

// safeMarkdown neutralizes untrusted text and escapes what Discord reads as
// formatting.
func safeMarkdown(s string) string { return escapeMarkdown(neutralize(s)) }
