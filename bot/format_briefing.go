package bot

import (
	"fmt"
	"slices"
	"strings"

	"github.com/newsbot/newsbot/rag/answer"
)

// Bounds of a posted briefing.
const (
	// maxThreadMessages caps the messages a briefing posts in its thread.
	maxThreadMessages = 10
	// maxOverviewLen bounds the briefing's overview paragraph in the
	// overview message, in bytes.
	maxOverviewLen = 600
	// threadHint ends the overview message when the stories follow in a
	// thread.
	threadHint = "-# The stories, their sources and where the sources differ are in the thread below — ask me about them there."
)

// FormatBriefing renders a whole briefing as Discord Markdown: the
// overview message (heading, notes, warnings, overview, one line per
// story), then each story in full (see formatStory). Text from articles and
// models is neutralized and escaped, so nothing in it can ping, format or
// hide a link.
func FormatBriefing(b answer.Briefing) string {
	if b.Empty {
		return b.EmptyText()
	}
	parts := []string{briefingOverview(b, "")}
	for i, s := range b.Stories {
		parts = append(parts, formatStory(s, i+1))
	}
	return strings.Join(parts, "\n\n")
}

// briefingOverview renders the short message a briefing starts with: the
// heading, notes and warnings, the overview (cut to maxOverviewLen), one
// line per story with its outlets, and hint (when set). It fits in one
// message.
func briefingOverview(b answer.Briefing, hint string) string {
	var head strings.Builder
	head.WriteString("**" + escapeMarkdown(b.Heading()) + "**\n")
	for _, n := range b.Notes {
		head.WriteString("*Note: " + safeMarkdown(oneLine(truncate(n, 300))) + "*\n")
	}
	for _, w := range b.Warnings {
		head.WriteString("*Warning: " + safeMarkdown(oneLine(truncate(w, 300))) + "*\n")
	}
	if b.Overview != "" {
		head.WriteString(safeMarkdown(oneLine(truncate(stripMarkers(b.Overview), maxOverviewLen))) + "\n")
	}
	lines := make([]string, len(b.Stories))
	for i, s := range b.Stories {
		lines[i] = storyLine(s, i+1)
	}
	tail := ""
	if hint != "" {
		tail = "\n" + hint
	}
	budget := MaxMessageLen - head.Len() - len(tail) - 40
	var kept []string
	for i, l := range lines {
		if budget -= len(l) + 1; budget < 0 {
			kept = append(kept, fmt.Sprintf("…and %d more stor%s.", len(lines)-i, pluralY(len(lines)-i)))
			break
		}
		kept = append(kept, l)
	}
	out := head.String() + strings.Join(kept, "\n") + tail
	return Split(out, MaxMessageLen)[0]
}

// storyLine is one story in the overview: headline, how many outlets and
// which, date, and whether the sources differ.
func storyLine(s answer.Story, n int) string {
	outlets := storyOutlets(s)
	line := fmt.Sprintf("**%d.** %s", n, safeMarkdown(oneLine(truncate(s.Headline, 150))))
	if k := len(outlets); k > 0 {
		names := outlets
		if k > 3 {
			names = append(slices.Clone(outlets[:3]), "…")
		}
		line += fmt.Sprintf(" — %d outlet%s (%s)", k, plural(k), safeMarkdown(strings.Join(names, ", ")))
	}
	line += " · " + s.DateLabel()
	if len(s.Disagreements) > 0 {
		line += " · ↔️ sources differ"
	}
	return line
}

// storyOutlets returns the outlets of a story as people read them: the
// story's outlet names, with any that are really ids replaced by the cited
// article's URL host or short title.
func storyOutlets(s answer.Story) []string {
	var out []string
	add := func(name string) {
		if name != "" && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	for _, o := range s.Outlets {
		c, ok := citationFor(s.Citations, o)
		switch {
		case ok && (c.ArticleID == o || looksLikeID(o, c.ArticleID)):
			add(outletName(c.Source, c.ArticleID, c.URL, c.Title))
		case !looksLikeID(o, ""):
			add(oneLine(o))
		}
	}
	if len(s.Outlets) == 0 {
		for _, c := range s.Citations {
			add(outletName(c.Source, c.ArticleID, c.URL, c.Title))
		}
	}
	return out
}

// citationFor finds the citation of the article an article id or outlet
// name stands for, preferring an id match.
func citationFor(cites []answer.Citation, key string) (answer.Citation, bool) {
	for _, c := range cites {
		if c.ArticleID == key {
			return c, true
		}
	}
	for _, c := range cites {
		if c.Source == key {
			return c, true
		}
	}
	return answer.Citation{}, false
}

// formatStory renders one story numbered n: headline, outlets and date,
// the summary with its markers numbered by article, where the sources
// differ in plain words, then one line per cited article. Each story stands
// alone, so a briefing can be posted one story per message.
func formatStory(s answer.Story, n int) string {
	entries, renum := groupCitations(s.Citations)
	byArticle := map[string]sourceEntry{}
	for _, e := range entries {
		if e.articleID != "" {
			byArticle[e.articleID] = e
		}
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "**%d. %s**\n", n, safeMarkdown(oneLine(s.Headline)))
	meta := joinNonEmpty(" · ", safeMarkdown(strings.Join(storyOutlets(s), ", ")), s.DateLabel(), s.ReportCount())
	fmt.Fprintf(&sb, "*%s*\n", meta)
	sb.WriteString(safeMarkdown(renumberMarkers(s.Summary, renum)) + "\n")
	for _, d := range s.Developing {
		sb.WriteString("**Developing:** " + developingText(d, byArticle, renum) + "\n")
	}
	if len(s.Disagreements) > 0 {
		sb.WriteString("__Where sources differ__\n")
		for _, d := range s.Disagreements {
			sb.WriteString("• " + differText(d, byArticle, renum) + "\n")
		}
	}
	for _, e := range entries {
		title := e.title
		if looksLikeID(title, e.articleID) {
			title = ""
		}
		line := safeMarkdown(joinNonEmpty(" — ", orDefault(e.outlet, e.fallback), truncate(oneLine(title), 100), e.date))
		if u, ok := safeURL(e.url); ok {
			line += " <" + u + ">"
		}
		fmt.Fprintf(&sb, "-# [%d] %s\n", e.n, line)
	}
	return strings.TrimRight(sb.String(), "\n")
}

// developingText shows a figure that later reports revised, oldest first:
// "number of people killed: “48” (AP, 3 Mar 09:00) [1] → “73” (Reuters,
// 4 Mar 14:00) [2]".
func developingText(d answer.Development, byArticle map[string]sourceEntry, renum map[int]int) string {
	parts := make([]string, 0, len(d.Values))
	for _, c := range d.Values {
		n := c.N
		who := oneLine(c.Source)
		if e, ok := byArticle[c.ArticleID]; ok {
			n = e.n
			if looksLikeID(who, c.ArticleID) || who == "" {
				who = orDefault(e.outlet, e.fallback)
			}
		} else if m, ok := renum[c.N]; ok {
			n = m
		}
		where := who
		if !c.Published.IsZero() {
			where = joinNonEmpty(", ", who, c.Published.Format("2 Jan 15:04"))
		}
		part := safeMarkdown("“" + oneLine(truncate(c.Value, 100)) + "”")
		if where != "" {
			part += " (" + safeMarkdown(where) + ")"
		}
		if n > 0 {
			part += fmt.Sprintf(" [%d]", n)
		}
		parts = append(parts, part)
	}
	return safeMarkdown(oneLine(d.Topic)) + ": " + strings.Join(parts, " → ")
}

// differText says in plain words what the sources claim about one topic:
// "On the death toll, AP says “12” [1], while Reuters says “15” [2]."
func differText(d answer.Disagreement, byArticle map[string]sourceEntry, renum map[int]int) string {
	claims := make([]string, 0, len(d.Claims))
	for _, c := range d.Claims {
		who := ""
		n := c.N
		if e, ok := byArticle[c.ArticleID]; ok {
			who, n = orDefault(e.outlet, e.fallback), e.n
		} else if m, ok := renum[c.N]; ok {
			n = m
		}
		if !looksLikeID(c.Source, c.ArticleID) {
			who = oneLine(c.Source)
		}
		if who == "" {
			who = "one article"
		}
		claim := fmt.Sprintf("%s says %s", safeMarkdown(who), safeMarkdown("“"+oneLine(truncate(c.Value, 200))+"”"))
		if n > 0 {
			claim += fmt.Sprintf(" [%d]", n)
		}
		claims = append(claims, claim)
	}
	topic := safeMarkdown(oneLine(d.Topic))
	switch len(claims) {
	case 0:
		return "On " + topic + ", the sources differ."
	case 2:
		if d.More == 0 {
			return fmt.Sprintf("On %s, %s, while %s.", topic, claims[0], claims[1])
		}
	}
	more := ""
	if d.More > 0 {
		more = fmt.Sprintf(" (and %d more)", d.More)
	}
	return fmt.Sprintf("On %s: %s%s.", topic, strings.Join(claims, "; "), more)
}

// storyMessages packs the stories into thread messages of at most
// MaxMessageLen, several stories to a message when they fit, at most
// maxThreadMessages; the last says how many stories did not fit.
func storyMessages(b answer.Briefing) []string {
	var msgs []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			msgs = append(msgs, cur.String())
			cur.Reset()
		}
	}
	for i, s := range b.Stories {
		text := formatStory(s, i+1)
		if len(text) > MaxMessageLen {
			text = Split(text, MaxMessageLen-len("\n"+answerCutNote))[0] + "\n" + answerCutNote
		}
		if cur.Len() > 0 && cur.Len()+2+len(text) > MaxMessageLen {
			flush()
		}
		if len(msgs) == maxThreadMessages {
			left := len(b.Stories) - i
			note := fmt.Sprintf("\n-# …and %d more stor%s not shown.", left, pluralY(left))
			last := msgs[len(msgs)-1]
			if len(last)+len(note) > MaxMessageLen {
				last = truncate(last, MaxMessageLen-len(note))
			}
			msgs[len(msgs)-1] = last + note
			return msgs
		}
		if cur.Len() > 0 {
			cur.WriteString("\n\n")
		}
		cur.WriteString(text)
	}
	flush()
	return msgs
}

// briefingArticleIDs lists the articles of a briefing's stories.
func briefingArticleIDs(b answer.Briefing) []string {
	var ids []string
	for _, s := range b.Stories {
		for _, id := range s.ArticleIDs {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
		for _, c := range s.Citations {
			if c.ArticleID != "" && !slices.Contains(ids, c.ArticleID) {
				ids = append(ids, c.ArticleID)
			}
		}
	}
	return ids
}

// stripMarkers removes [n] markers (the overview has no sources list).
func stripMarkers(s string) string {
	return strings.Join(strings.Fields(reMarkerRun.ReplaceAllString(s, "")), " ")
}

func pluralY(n int) string {
	if n == 1 {
		return "y"
	}
	return "ies"
}

// safeMarkdown neutralizes untrusted text and escapes what Discord reads as
// formatting.
func safeMarkdown(s string) string { return escapeMarkdown(neutralize(s)) }
