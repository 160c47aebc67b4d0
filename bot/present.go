package bot

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/newsbot/newsbot/rag/answer"
)

// Embed colours: the side bar of an answer shows its status, and whether it
// is still being written.
const (
	colourStreaming   = 0x5865F2 // blurple: still being written, not yet checked
	colourAnswered    = 0x57F287 // green
	colourUncertain   = 0xFEE75C // yellow
	colourConflict    = 0xE67E22 // orange
	colourUnsupported = 0xED4245 // red
	colourFellBack    = 0x95A5A6 // grey
	colourRefused     = 0x99AAB5 // light grey
)

// statusView is how one answer status reads and looks.
type statusView struct {
	label  string // short, shown as the embed's title or a plain line
	detail string // what it means for the reader
	colour int
}

var statusViews = map[answer.Status]statusView{
	answer.StatusAnswered:    {"✅ Answered", "every sentence is backed by a cited article", colourAnswered},
	answer.StatusUncertain:   {"🟡 Uncertain", "the evidence is weak or the answer was cut short", colourUncertain},
	answer.StatusUnsupported: {"⚠️ Unsupported parts", "some sentences are not backed by the articles they cite", colourUnsupported},
	answer.StatusConflict:    {"↔️ Sources differ", "the articles give different answers", colourConflict},
	answer.StatusFellBack:    {"📄 Quoted the articles", "the model failed, so these are sentences from the articles", colourFellBack},
	answer.StatusRefused:     {"❔ Not covered", "the articles don't cover this", colourRefused},
}

// statusOf returns the answer's status, derived from its flags when the
// Answerer left it empty.
func statusOf(a answer.Answer) answer.Status {
	if a.Status != "" {
		if _, ok := statusViews[a.Status]; ok {
			return a.Status
		}
	}
	return a.DeriveStatus()
}

// viewOf returns how a status reads.
func viewOf(s answer.Status) statusView {
	if v, ok := statusViews[s]; ok {
		return v
	}
	return statusViews[answer.StatusUncertain]
}

// sourceEntry is one cited article, with every sentence quoted from it.
type sourceEntry struct {
	n                           int
	articleID, title, url, date string
	outlet                      string // "" when no outlet is known
	fallback                    string // a short title, when outlet is ""
	quotes                      []string
}

// groupCitations merges citations of the same article into one entry,
// numbered in order of first citation, and returns the map from citation
// numbers to entry numbers.
func groupCitations(cites []answer.Citation) ([]sourceEntry, map[int]int) {
	cites = slices.Clone(cites)
	slices.SortStableFunc(cites, func(x, y answer.Citation) int { return x.N - y.N })
	var entries []sourceEntry
	byKey := map[string]int{}
	renum := map[int]int{}
	for _, c := range cites {
		key := articleKey(c)
		i, ok := byKey[key]
		if !ok {
			i = len(entries)
			byKey[key] = i
			outlet, real := outletOf(c.Source, c.ArticleID, c.URL, c.Title)
			e := sourceEntry{n: i + 1, articleID: c.ArticleID, title: c.Title, url: c.URL, date: c.Published}
			if real {
				e.outlet = outlet
			} else {
				e.fallback = outlet
			}
			entries = append(entries, e)
		}
		renum[c.N] = i + 1
		if q := oneLine(c.Quote); q != "" && !slices.Contains(entries[i].quotes, q) {
			entries[i].quotes = append(entries[i].quotes, q)
		}
		if entries[i].date == "" {
			entries[i].date = c.Published
		}
	}
	return entries, renum
}

// articleKey identifies the article a citation is from.
func articleKey(c answer.Citation) string {
	switch {
	case c.ArticleID != "":
		return "id:" + c.ArticleID
	case c.URL != "":
		return "url:" + c.URL
	case c.Title != "":
		return "title:" + c.Title
	}
	return "n:" + strconv.Itoa(c.N)
}

var (
	reMarkerRun = regexp.MustCompile(`\[\d+(?:\s*,\s*\d+)*\](?:[ \t]*\[\d+(?:\s*,\s*\d+)*\])*`)
	reNumber    = regexp.MustCompile(`\d+`)
)

// renumberMarkers rewrites the [n] and [n, m] markers of text through
// renum (numbers it does not know stay), merging a run of adjacent markers
// into one and dropping repeats: "[1][2]" of one article becomes "[1]".
func renumberMarkers(text string, renum map[int]int) string {
	if len(renum) == 0 {
		return text
	}
	return reMarkerRun.ReplaceAllStringFunc(text, func(run string) string {
		var ns []int
		for _, d := range reNumber.FindAllString(run, -1) {
			n, err := strconv.Atoi(d)
			if err != nil {
				return run
			}
			if m, ok := renum[n]; ok {
				n = m
			}
			if !slices.Contains(ns, n) {
				ns = append(ns, n)
			}
		}
		slices.Sort(ns)
		s := make([]string, len(ns))
		for i, n := range ns {
			s[i] = strconv.Itoa(n)
		}
		return "[" + strings.Join(s, ", ") + "]"
	})
}

var (
	// reHexRun is a run of hex digits long enough to be a hash.
	reHexRun = regexp.MustCompile(`(?i)[0-9a-f]{8,}`)
	// reIDish is a token of digits, hex, dashes, dots and underscores only.
	reIDish = regexp.MustCompile(`(?i)^[0-9a-f_.:#-]+$`)
)

// looksLikeID reports whether an outlet name is really a file or article
// id (such as "000_68b8ef4dfa8c2120") rather than a name people read.
func looksLikeID(s, articleID string) bool {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return true
	case articleID != "" && strings.EqualFold(s, articleID):
		return true
	case strings.ContainsAny(s, " \t"):
		return false
	case reIDish.MatchString(s) && strings.ContainsAny(s, "0123456789"):
		return true
	}
	for _, run := range reHexRun.FindAllString(s, -1) {
		if strings.ContainsAny(run, "0123456789") {
			return true
		}
	}
	return false
}

// outletOf returns the outlet to show for an article: its source when that
// is a name, else its URL's host (real is true for both), else a short
// form of its title (real false), never an id.
func outletOf(source, articleID, rawURL, title string) (name string, real bool) {
	if s := oneLine(source); !looksLikeID(s, articleID) {
		return truncate(s, 80), true
	}
	if h := urlHost(rawURL); h != "" {
		return h, true
	}
	if t := oneLine(title); t != "" && !looksLikeID(t, articleID) {
		return "“" + truncate(t, 48) + "”", false
	}
	return "an unnamed outlet", false
}

// outletName is outletOf's name, whatever it is.
func outletName(source, articleID, rawURL, title string) string {
	n, _ := outletOf(source, articleID, rawURL, title)
	return n
}

// urlHost returns an http(s) URL's host without "www.", or "".
func urlHost(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// entryLine renders a source entry's head: "[1] title — outlet, date".
func entryLine(e sourceEntry) string {
	title := e.title
	if looksLikeID(title, e.articleID) {
		title = orDefault(urlHost(e.url), "Untitled article")
	}
	line := fmt.Sprintf("[%d] %s", e.n, titleLink(title, e.url))
	if meta := joinNonEmpty(", ", safeMarkdown(e.outlet), e.date); meta != "" {
		line += " — " + meta
	}
	return line
}

// entryText renders a source entry with up to maxQuotes quotes under it.
func entryText(e sourceEntry, maxQuotes int) string {
	var b strings.Builder
	b.WriteString(entryLine(e))
	for i, q := range e.quotes {
		if i == maxQuotes {
			fmt.Fprintf(&b, "\n> …and %d more quote%s", len(e.quotes)-i, plural(len(e.quotes)-i))
			break
		}
		b.WriteString("\n> “" + neutralize(truncate(q, maxQuoteLen)) + "”")
	}
	return b.String()
}
