package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsbot/newsbot/corpus/text"
)

// Limits for derived titles.
const (
	// maxHeadlineRunes is the longest first line taken as a headline.
	maxHeadlineRunes = 150
	// maxTitleRunes is where a first sentence used as title is cut.
	maxTitleRunes = 100
)

// deriveTitle makes a title for an article without one in its front
// matter, from its cleaned lines.
//
// When the first line looks like a headline (see isHeadline) and more text
// follows, the first line is the title. Otherwise the title is the first
// sentence, without its full stop, cut at a word boundary near
// maxTitleRunes runes and marked with "…".
//
// The headline stays in the article text: it often states a fact
// ("Kremlin meeting ... lasted almost five hours") that answers should be
// able to cite, and Text stays a faithful copy of the article body.
func deriveTitle(lines []string) string {
	if len(lines) == 0 {
		return ""
	}
	first := lines[0]
	if len(lines) > 1 && isHeadline(first) {
		return first
	}
	s := strings.TrimSpace(firstSentence(first))
	if n := utf8.RuneCountInString(s); n <= maxTitleRunes {
		if strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "..") {
			s = strings.TrimSuffix(s, ".")
		}
	} else {
		s = truncateWords(s, maxTitleRunes)
	}
	if !hasLetterOrDigit(s) {
		// Defensive: a first line of punctuation that survived cleaning.
		return truncateWords(first, maxTitleRunes)
	}
	return s
}

// isHeadline reports whether line reads like a headline: at most
// maxHeadlineRunes runes, at least three words, one sentence, not ending
// with a full stop, an ellipsis or a colon. A question or exclamation
// ("Will the talks resume?") still counts.
func isHeadline(line string) bool {
	if utf8.RuneCountInString(line) > maxHeadlineRunes || len(strings.Fields(line)) < 3 {
		return false
	}
	if strings.HasSuffix(line, ".") || strings.HasSuffix(line, "…") || strings.HasSuffix(line, ":") {
		return false
	}
	return len(firstSentence(line)) == len(line)
}

// firstSentence returns the first sentence of s, up to its terminator and
// any closing quotes (see text.Sentences), or all of s when s holds one
// sentence or none.
func firstSentence(s string) string {
	if sents := text.Sentences(s); len(sents) > 1 {
		return s[:sents[0].End]
	}
	return s
}

// truncateWords cuts s to at most max runes at a word boundary and adds
// "…".
func truncateWords(s string, max int) string {
	runes := []rune(s)
	if len(runes) <= max {
		return s
	}
	cut := string(runes[:max])
	if i := strings.LastIndexFunc(cut, unicode.IsSpace); i > len(cut)/2 {
		cut = cut[:i]
	}
	cut = strings.TrimRightFunc(cut, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:-–—(\"'“‘", r)
	})
	return cut + "…"
}
