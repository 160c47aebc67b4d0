package main

import (
	"fmt"
	"strings"

	"github.com/newsbot/newsbot/rag/answer"
)

// briefingText renders a briefing as plain text for a terminal: the
// heading, notes and warnings, then each story with its outlets, summary,
// where sources differ, and a line per cited source.
func briefingText(b answer.Briefing) string {
	if b.Empty {
		return b.EmptyText() + "\n"
	}
	var sb strings.Builder
	sb.WriteString(b.Heading() + "\n")
	for _, n := range b.Notes {
		sb.WriteString("Note: " + n + "\n")
	}
	for _, w := range b.Warnings {
		sb.WriteString("Warning: " + w + "\n")
	}
	if b.Overview != "" {
		sb.WriteString("\n" + b.Overview + "\n")
	}
	for i, s := range b.Stories {
		sb.WriteString("\n" + storyText(s, i+1))
	}
	return sb.String()
}

// storyText renders one story numbered n.
func storyText(s answer.Story, n int) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%d. %s\n", n, s.Headline)
	fmt.Fprintf(&sb, "   %s · %s%s\n", strings.Join(s.Outlets, ", "), s.DateLabel(), prefixed(" · ", s.ReportCount()))
	fmt.Fprintf(&sb, "   %s\n", s.Summary)
	for _, d := range s.Developing {
		parts := make([]string, len(d.Values))
		for i, c := range d.Values {
			parts[i] = fmt.Sprintf("%s (%s [%d])", c.Value, claimWhere(c), c.N)
		}
		fmt.Fprintf(&sb, "   Developing: %s: %s\n", d.Topic, strings.Join(parts, " → "))
	}
	if len(s.Disagreements) > 0 {
		sb.WriteString("   Where sources differ:\n")
		for _, d := range s.Disagreements {
			parts := make([]string, len(d.Claims))
			for i, c := range d.Claims {
				parts[i] = fmt.Sprintf("“%s” (%s [%d])", c.Value, c.Source, c.N)
			}
			more := ""
			if d.More > 0 {
				more = fmt.Sprintf(" (and %d more)", d.More)
			}
			fmt.Fprintf(&sb, "   - %s: %s%s\n", d.Topic, strings.Join(parts, " vs "), more)
		}
	}
	sb.WriteString("   Sources:\n")
	for _, c := range s.Citations {
		line := describe(c.Title, c.Source, c.Published)
		if line == "" {
			line = c.ArticleID
		}
		if c.URL != "" {
			line += " " + c.URL
		}
		fmt.Fprintf(&sb, "   [%d] %s\n", c.N, line)
	}
	return sb.String()
}

// claimWhere names a claim's outlet and, when known, its time: "Harbor
// Wire, Tue 3 Mar 09:00".
func claimWhere(c answer.Claim) string {
	if c.Published.IsZero() {
		return c.Source
	}
	return c.Source + ", " + c.Published.Format("Mon 2 Jan 15:04")
}
