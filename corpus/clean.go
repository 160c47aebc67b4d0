package corpus

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// cleaned is the result of clean.
type cleaned struct {
	// lines are the article's paragraphs, furniture removed.
	lines []string
	// byline is the author named in a "By ..." line near the top, if any.
	byline string
	// publisher is the holder a copyright notice names, if any.
	publisher string
	// stamp is the date of a "Published ..." line (or, failing that, an
	// "Updated ..." line or a dated byline); zero when there is none.
	stamp time.Time
}

// Limits of the positional rules.
const (
	// bylineWindow is how many leading lines may hold a byline.
	bylineWindow = 6
	// maxFragmentRunes bounds the headline-like lines that the positional
	// rules (trailing runs, link lists) may remove.
	maxFragmentRunes = 150
)

// clean turns an article body into paragraphs with page furniture removed.
//
// Whitespace is normalised in each line (runs of spaces, tabs and
// non-breaking spaces become one space; zero-width characters go), empty
// lines and repeated consecutive lines are dropped. Then a line goes when:
//   - it matches a furniture rule (see furniture.go);
//   - it is a "Published ..."/"Updated ..." line with a date, or a byline
//     in the first lines (both recorded, see cleaned);
//   - it is a headline-like fragment (no sentence-final punctuation)
//     following a link-list heading such as "Related Stories";
//   - it is a fragment sandwiched between two furniture lines (except the
//     first text line, which may be the headline);
//   - it is a one- or two-word fragment above a longer fragment, before
//     the first sentence (section labels such as "World" above the
//     headline);
//   - it belongs to the trailing run of fragments and furniture at the end
//     of the article (link lists, "Network Links", footer menus).
//
// When no line ends like a sentence, the positional rules are skipped, so
// an article written as fragments (a list of bullet points) is kept.
func clean(body string, markdown bool) cleaned {
	lines := splitLines(body, markdown)
	kinds := make([]lineKind, len(lines))
	hasSentence := false
	for i, l := range lines {
		kinds[i] = classify(l, i < bylineWindow)
		if kinds[i] == kindText && endsSentence(l) {
			hasSentence = true
		}
	}
	if hasSentence {
		markPositional(lines, kinds)
	}
	var c cleaned
	var updated, bylineDate time.Time
	for i, l := range lines {
		if kinds[i] != kindText && c.publisher == "" {
			c.publisher = publisherOf(l)
		}
		switch kinds[i] {
		case kindText:
			c.lines = append(c.lines, l)
		case kindByline:
			if c.byline == "" {
				c.byline = bylineName(l)
			}
			if ds := datesIn(l); len(ds) > 0 && bylineDate.IsZero() {
				bylineDate = ds[0]
			}
		case kindStamp:
			ds := datesIn(l)
			if len(ds) == 0 {
				continue
			}
			low := strings.ToLower(l)
			if strings.HasPrefix(low, "updated") || strings.HasPrefix(low, "last updated") || strings.HasPrefix(low, "modified") {
				if updated.IsZero() {
					updated = ds[0]
				}
			} else if c.stamp.IsZero() {
				c.stamp = ds[0]
			}
		}
	}
	if c.stamp.IsZero() {
		c.stamp = bylineDate
	}
	if c.stamp.IsZero() {
		c.stamp = updated
	}
	return c
}

// isFurniture reports whether k is plain furniture or a list heading (not
// a byline or date line, which sit next to headlines).
func isFurniture(k lineKind) bool { return k == kindFurniture || k == kindHeader }

// markPositional applies the rules that depend on a line's neighbours.
func markPositional(lines []string, kinds []lineKind) {
	isFragment := func(i int) bool {
		return kinds[i] == kindText && !endsSentence(lines[i]) && utf8.RuneCountInString(lines[i]) <= maxFragmentRunes
	}
	// Items of a link list follow its heading.
	for i := 0; i < len(lines); i++ {
		if kinds[i] != kindHeader {
			continue
		}
		for j := i + 1; j < len(lines) && isFragment(j); j++ {
			kinds[j] = kindFurniture
		}
	}
	// Section labels ("World", "Middle East") above a headline: short
	// fragments before a longer fragment, all before the first sentence.
	headlineBelow := false
	for i := range lines {
		if kinds[i] != kindText {
			continue
		}
		if !isFragment(i) {
			break
		}
		if len(strings.Fields(lines[i])) > 2 {
			headlineBelow = true
			break
		}
	}
	for i := 0; headlineBelow && i < len(lines); i++ {
		if kinds[i] != kindText {
			continue
		}
		if len(strings.Fields(lines[i])) > 2 {
			break
		}
		kinds[i] = kindFurniture
	}
	// The first text line may be the headline: the rules below never
	// remove it.
	first := -1
	for i, k := range kinds {
		if k == kindText {
			first = i
			break
		}
	}
	// A fragment between two furniture lines is furniture too.
	for i := max(first+1, 1); i+1 < len(lines); i++ {
		if isFragment(i) && isFurniture(kinds[i-1]) && isFurniture(kinds[i+1]) {
			kinds[i] = kindFurniture
		}
	}
	// The trailing run of fragments and furniture.
	for i := len(lines) - 1; i > first; i-- {
		if kinds[i] == kindText && !isFragment(i) {
			break
		}
		if kinds[i] == kindText {
			kinds[i] = kindFurniture
		}
	}
}

var (
	mdHeading  = regexp.MustCompile(`^#{1,6}\s+|\s+#+\s*$`)
	mdImage    = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	mdLink     = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
	mdStrong   = regexp.MustCompile(`(\*\*|__)(\S(?:.*?\S)?)(\*\*|__)`)
	mdQuote    = regexp.MustCompile(`^(>\s?)+`)
	lineBreaks = strings.NewReplacer("\u2028", "\n", "\u2029", "\n", "\u0085", "\n", "\f", "\n", "\v", "\n")
)

// splitLines returns the normalised, non-empty lines of body, with
// repeated consecutive lines dropped and, for Markdown, heading marks,
// images, link targets, bold marks, block quote marks and code fences
// removed.
func splitLines(body string, markdown bool) []string {
	var out []string
	for _, l := range strings.Split(lineBreaks.Replace(body), "\n") {
		if markdown {
			if strings.HasPrefix(strings.TrimSpace(l), "```") || strings.HasPrefix(strings.TrimSpace(l), "<!--") {
				continue
			}
			l = mdQuote.ReplaceAllString(l, "")
			l = mdHeading.ReplaceAllString(l, "")
			l = mdImage.ReplaceAllString(l, "")
			l = mdLink.ReplaceAllString(l, "$1")
			l = mdStrong.ReplaceAllString(l, "$2")
		}
		l = normalizeSpace(l)
		if l == "" || (len(out) > 0 && out[len(out)-1] == l) {
			continue
		}
		out = append(out, l)
	}
	return out
}

// normalizeSpace trims s, collapses each run of white space (including
// non-breaking and other Unicode spaces) to one space, and drops
// zero-width and control characters.
func normalizeSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			pending = b.Len() > 0
		case isInvisible(r) || unicode.IsControl(r):
		default:
			if pending {
				b.WriteByte(' ')
				pending = false
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isInvisible reports zero-width characters that carry no text: zero
// width space, word joiner, byte order mark and soft hyphen.
func isInvisible(r rune) bool {
	return r == '\u200b' || r == '\u2060' || r == '\ufeff' || r == '\u00ad'
}

// endsSentence reports whether line ends like a sentence: with . ! ? or …,
// possibly followed by closing quotes or brackets.
func endsSentence(line string) bool {
	s := strings.TrimRightFunc(line, func(r rune) bool {
		return strings.ContainsRune("\"'”’»)]", r)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}
