package bot

import (
	"context"
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/newsbot/newsbot/corpus/text"
	"github.com/newsbot/newsbot/rag/answer"
)

// sourcesTTL is how long the article list is reused for autocomplete and
// outlet checks before the Answerer is asked again.
const sourcesTTL = 30 * time.Second

// maxChoices is the most suggestions Discord takes in one autocomplete.
const maxChoices = 25

// sourcesCache keeps the Answerer's article list for a short while:
// autocomplete asks on every keystroke.
type sourcesCache struct {
	mu   sync.Mutex
	at   time.Time
	srcs []answer.Source
}

// knownSources returns the articles the Answerer answers from, at most
// sourcesTTL old.
func (b *Bot) knownSources(ctx context.Context) ([]answer.Source, error) {
	c := &b.sources
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.srcs != nil && time.Since(c.at) < sourcesTTL {
		return c.srcs, nil
	}
	srcs, err := b.cfg.Answerer.Sources(ctx)
	if err != nil {
		return nil, err
	}
	if srcs == nil {
		srcs = []answer.Source{}
	}
	c.srcs, c.at = srcs, time.Now()
	return srcs, nil
}

// sourceOutlet is the outlet an article is shown under, and whether it is
// a real name (its source, or its URL's host).
func sourceOutlet(s answer.Source) (string, bool) { return outletOf(s.Source, s.ID, s.URL, s.Title) }

// outlets returns the distinct real outlets of srcs, most articles first.
func outlets(srcs []answer.Source) []string {
	count := map[string]int{}
	var names []string
	for _, s := range srcs {
		name, real := sourceOutlet(s)
		if !real {
			continue
		}
		if count[name] == 0 {
			names = append(names, name)
		}
		count[name]++
	}
	slices.SortStableFunc(names, func(a, b string) int {
		if d := count[b] - count[a]; d != 0 {
			return d
		}
		return strings.Compare(strings.ToLower(a), strings.ToLower(b))
	})
	return names
}

// resolveOutlet turns the outlet a user typed into a filter: by source
// name when an article's source matches it, else by the ids of the
// articles shown under that outlet (a URL host). It returns a refusal that
// names the known outlets when none matches, and lets the name through
// unchecked when no outlet is known at all.
func resolveOutlet(srcs []answer.Source, typed string) (answer.Filter, string) {
	typed = strings.TrimSpace(typed)
	known := outlets(srcs)
	var ids []string
	for _, s := range srcs {
		if strings.EqualFold(strings.TrimSpace(s.Source), typed) {
			return answer.Filter{Sources: []string{typed}}, ""
		}
		if name, real := sourceOutlet(s); real && strings.EqualFold(name, typed) {
			ids = append(ids, s.ID)
		}
	}
	switch {
	case len(ids) > 0:
		return answer.Filter{ArticleIDs: ids}, ""
	case len(known) == 0:
		return answer.Filter{Sources: []string{typed}}, ""
	}
	return answer.Filter{}, fmt.Sprintf("I have no articles from “%s” (known: %s).",
		safeMarkdown(oneLine(truncate(typed, 100))), safeMarkdown(strings.Join(closest(known, typed, 8), ", ")))
}

// closest returns up to n of names, the most like typed first: names
// containing it, then by edit distance.
func closest(names []string, typed string, n int) []string {
	t := strings.ToLower(typed)
	ranked := slices.Clone(names)
	score := func(s string) int {
		l := strings.ToLower(s)
		if strings.HasPrefix(l, t) || strings.Contains(l, t) {
			return 0
		}
		return 1 + text.EditDistance(l, t)
	}
	slices.SortStableFunc(ranked, func(a, b string) int { return score(a) - score(b) })
	if len(ranked) > n {
		ranked = append(ranked[:n], "…")
	}
	return ranked
}

// choice is one autocomplete suggestion.
type choice struct{ name, value string }

// match keeps the items whose label starts with typed, then those that
// contain it (case-insensitively), at most maxChoices.
func match[T any](items []T, label func(T) string, typed string) []T {
	t := strings.ToLower(strings.TrimSpace(typed))
	var prefix, inside []T
	for _, it := range items {
		l := strings.ToLower(label(it))
		switch {
		case strings.HasPrefix(l, t):
			prefix = append(prefix, it)
		case strings.Contains(l, t):
			inside = append(inside, it)
		}
	}
	out := append(prefix, inside...)
	return out[:min(len(out), maxChoices)]
}

// outletChoices suggests known outlets for /ask source:.
func outletChoices(srcs []answer.Source, typed string) []choice {
	var out []choice
	for _, o := range match(outlets(srcs), func(s string) string { return s }, typed) {
		out = append(out, choice{name: choiceText(o), value: choiceText(o)})
	}
	return out
}

// articleChoices suggests recent articles (newest first) by title for an
// option that takes a story; the value is the article id.
func articleChoices(srcs []answer.Source, typed string) []choice {
	srcs = slices.Clone(srcs)
	slices.SortStableFunc(srcs, func(x, y answer.Source) int { return y.Published.Compare(x.Published) })
	label := func(s answer.Source) string { return articleLabel(s) }
	var out []choice
	for _, s := range match(srcs, label, typed) {
		if len(s.ID) > 100 {
			continue // Discord caps a choice's value at 100 characters
		}
		out = append(out, choice{name: choiceText(label(s)), value: s.ID})
	}
	return out
}

// articleLabel is how an article reads in a list of choices: its title
// (never an id), outlet and date.
func articleLabel(s answer.Source) string {
	title := oneLine(s.Title)
	if looksLikeID(title, s.ID) {
		title = "Untitled article"
	}
	outlet, real := sourceOutlet(s)
	label := title
	if real {
		label += " — " + outlet
	}
	if !s.Published.IsZero() {
		label += ", " + s.Published.UTC().Format("2 Jan 2006")
	}
	return label
}

// resolveArticle returns the article ids an /ask article: value names: the
// id picked from the suggestions, else the articles whose title contains
// the typed text, or a refusal.
func resolveArticle(srcs []answer.Source, typed string) ([]string, string) {
	typed = strings.TrimSpace(typed)
	for _, s := range srcs {
		if s.ID == typed {
			return []string{s.ID}, ""
		}
	}
	var ids []string
	for _, s := range match(srcs, func(s answer.Source) string { return s.Title }, typed) {
		ids = append(ids, s.ID)
	}
	if len(ids) == 0 {
		return nil, fmt.Sprintf("I have no article titled like “%s” — pick one from the suggestions, or use `/sources`.", safeMarkdown(oneLine(truncate(typed, 100))))
	}
	return ids, ""
}

//go:embed zones.txt
var zonesFile string

// zones are the IANA time zone names /subscribe suggests.
var zones = func() []string {
	var out []string
	for _, l := range strings.Split(zonesFile, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}()

// zoneChoices suggests IANA zones matching typed ("berl", "new_york",
// "new york").
func zoneChoices(typed string) []choice {
	typed = strings.ReplaceAll(strings.TrimSpace(typed), " ", "_")
	var out []choice
	for _, z := range match(zones, func(z string) string { return z }, typed) {
		out = append(out, choice{name: z, value: z})
	}
	return out
}

// choiceText fits untrusted text in a choice (1 to 100 characters, one
// line, nothing that pings).
func choiceText(s string) string {
	s = oneLine(neutralize(s))
	if len([]rune(s)) > 100 {
		r := []rune(s)
		s = string(r[:99]) + "…"
	}
	if s == "" {
		s = "?"
	}
	return s
}
