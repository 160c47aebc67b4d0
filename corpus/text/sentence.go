package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End).
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Sentences returns the byte spans of the sentences in s, in order, with
// leading and trailing blanks excluded. A line break always ends a
// sentence, and so do the CJK full stops '。', '！' and '？'. Within a line
// a sentence ends at '.', '!', '?' or '…' (with any further terminators
// and closing quotes or brackets) that is followed by a blank and then an
// upper-case letter, a digit, an opening quote or bracket, or the end of
// the line; not when the sentence so far has no letter or digit ("...
// Then"), and not when the full stop ends an abbreviation ("Mr.", "Jan.",
// "U.S.") or an initial ("J. Smith").
func Sentences(s string) []Span {
	var spans []Span
	emit := func(start, end int) {
		for start < end && isBlank(s[start]) {
			start++
		}
		for end > start && isBlank(s[end-1]) {
			end--
		}
		if start < end {
			spans = append(spans, Span{Start: start, End: end})
		}
	}
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n':
			emit(start, i)
			start = i + size
		case r == '。' || r == '！' || r == '？':
			// CJK full stops end a sentence without a following space.
			emit(start, i+size)
			start = i + size
		case isTerminator(r):
			end := i + size
			// Absorb runs of terminators and closing quotes/brackets.
			for end < len(s) {
				r2, s2 := utf8.DecodeRuneInString(s[end:])
				if !isTerminator(r2) && !strings.ContainsRune(closers, r2) {
					break
				}
				end += s2
			}
			if end >= len(s) || !isBoundary(s, start, i, r, end) {
				i = end
				continue
			}
			emit(start, end)
			start = end
			i = end
			continue
		}
		i += size
	}
	emit(start, len(s))
	return spans
}

// closers are the closing quotes and brackets a sentence may end with
// after its terminator; openers are what a sentence may start with
// besides a capital or a digit.
const (
	closers = "\"'”’)]»"
	openers = "\"“'‘([«"
)

func isTerminator(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

func isBlank(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }

// isBoundary reports whether the terminator r at s[i] (with trailing
// punctuation up to end) ends the sentence that began at start.
func isBoundary(s string, start, i int, r rune, end int) bool {
	next, _ := utf8.DecodeRuneInString(s[end:])
	if !unicode.IsSpace(next) {
		return false // "3.5", "U.S.-led", "Yahoo!News"
	}
	if strings.IndexFunc(s[start:i], isLetterOrDigit) < 0 {
		return false // "... Then": nothing to end yet
	}
	// The next non-blank rune must plausibly start a sentence.
	rest := strings.TrimLeft(s[end:], " \t")
	if rest == "" || rest[0] == '\n' || rest[0] == '\r' {
		return true
	}
	first, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) && !strings.ContainsRune(openers, first) {
		return false
	}
	return r != '.' || !isAbbreviation(s[start:i])
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isAbbreviation reports whether the word at the end of before (the text
// up to a full stop) is a known abbreviation, an initialism written with
// full stops ("U.S", "e.g", "a.m") or an initial ("J").
func isAbbreviation(before string) bool {
	word := before
	if i := strings.LastIndexFunc(before, unicode.IsSpace); i >= 0 {
		word = before[i+1:]
	}
	word = strings.TrimRight(strings.TrimLeft(word, openers), ".")
	if word == "" {
		return false
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsUpper(r)
	}
	word = strings.ToLower(word)
	return abbreviations[word] || isInitialism(word)
}

// isInitialism reports whether word is single letters joined by full
// stops: "u.s", "u.s.a", "e.g", "p.m".
func isInitialism(word string) bool {
	parts := strings.Split(word, ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		r, size := utf8.DecodeRuneInString(p)
		if size != len(p) || !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// abbreviations end with a full stop that does not end a sentence: titles
// and ranks, company suffixes, months and a few common short forms.
// Lower-case, without the final full stop.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sr": true, "jr": true,
	"rev": true, "hon": true, "pres": true, "gov": true, "sen": true, "rep": true,
	"gen": true, "col": true, "maj": true, "capt": true, "lt": true, "sgt": true,
	"cmdr": true, "adm": true, "st": true, "mt": true, "ft": true,
	"inc": true, "ltd": true, "co": true, "corp": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"vs": true, "etc": true, "no": true, "vol": true, "fig": true, "approx": true, "est": true,
}
