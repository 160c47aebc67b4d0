package main

import (
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/term"
	"golang.org/x/text/width"
)

// defaultWidth is the wrap column when the output is not a terminal and
// COLUMNS is not set.
const defaultWidth = 80

// minWidth keeps wrapping sane on absurdly narrow terminals.
const minWidth = 20

// termSize returns the size of w when it is a terminal; tests replace it
// to run the CLI as if on a terminal.
var termSize = func(w io.Writer) (cols, rows int, ok bool) {
	f, isFile := w.(*os.File)
	if !isFile || !term.IsTerminal(int(f.Fd())) {
		return 0, 0, false
	}
	cols, rows, err := term.GetSize(int(f.Fd()))
	return cols, rows, err == nil
}

// terminalWidth returns the column count to wrap at: the terminal's width
// when w is one, else $COLUMNS, else defaultWidth.
func terminalWidth(w io.Writer, env Env) int {
	n, _, _ := termSize(w)
	if n <= 0 {
		n, _ = strconv.Atoi(env("COLUMNS"))
	}
	if n <= 0 {
		n = defaultWidth
	}
	return max(n, minWidth)
}

// runeWidth is the number of terminal cells r takes: 2 for East Asian
// wide and fullwidth characters, 0 for combining marks and format
// characters, else 1.
func runeWidth(r rune) int {
	switch {
	case r == '\t':
		return 4
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf), r < 0x20:
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// displayWidth is the number of terminal cells s takes.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

// isWide reports whether r is a wide character, between which lines may
// break without a space (CJK text).
func isWide(r rune) bool { return runeWidth(r) == 2 }

// noLineStart are characters that must not begin a line (closing
// punctuation, small kana); noLineEnd those that must not end one.
const (
	noLineStart = "、。，．：；！？）」』】〕〉》”’ー々ゝゞぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ・"
	noLineEnd   = "（「『【〔〈《“‘"
)

// marker matches a citation marker at the start of a token, "[12]";
// partialMarker one still being streamed at the end of a text.
var (
	marker        = regexp.MustCompile(`^\[\d+\]`)
	partialMarker = regexp.MustCompile(`\s*\[\d*$`)
)

// token is an unbreakable piece of a paragraph; space says whether a
// space separates it from the previous token.
type token struct {
	text  string
	space bool
}

// tokenize splits a paragraph at spaces and between wide characters, and
// glues each citation marker and each no-line-start character to the
// token before it, so no line starts with "[n]" or "。".
func tokenize(para string) []token {
	var toks []token
	for i, word := range strings.Fields(para) {
		space := i > 0
		start := 0
		var prev rune
		for j, r := range word {
			if j > start && (isWide(r) || isWide(prev)) &&
				!strings.ContainsRune(noLineStart, r) && !strings.ContainsRune(noLineEnd, prev) &&
				!marker.MatchString(word[j:]) {
				toks = append(toks, token{word[start:j], space})
				start, space = j, false
			}
			prev = r
		}
		toks = append(toks, token{word[start:], space})
	}
	out := toks[:0]
	for _, t := range toks {
		if len(out) > 0 && (marker.MatchString(t.text) || strings.ContainsRune(noLineStart, firstRune(t.text))) {
			last := &out[len(out)-1]
			if t.space {
				last.text += " "
			}
			last.text += t.text
			continue
		}
		out = append(out, t)
	}
	return out
}

// firstRune returns the first rune of s, 0 for "".
func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// wrapParagraph wraps one paragraph to width cells, each line starting
// with indent. A token wider than the line gets a line of its own.
func wrapParagraph(para, indent string, width int) []string {
	toks := tokenize(para)
	if len(toks) == 0 {
		return []string{indent}
	}
	var lines []string
	line, used, empty := indent, displayWidth(indent), true
	for _, t := range toks {
		w := displayWidth(t.text)
		sep := ""
		if t.space && !empty {
			sep = " "
		}
		if !empty && used+len(sep)+w > width {
			lines = append(lines, line)
			line, used, sep = indent, displayWidth(indent), ""
		}
		line += sep + t.text
		used += len(sep) + w
		empty = false
	}
	return append(lines, line)
}

// wrapText wraps text to width cells, keeping its paragraph breaks.
func wrapText(text, indent string, width int) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		out = append(out, wrapParagraph(para, indent, width)...)
	}
	return out
}

// streamWrapper wraps text written to it in pieces (a streamed answer)
// as it arrives. Lines are printed once they are complete; on a terminal
// the line being written is shown live and rewritten in place when a
// word moves to the next line. It counts the screen rows it used, so the
// whole text can be replaced in place.
type streamWrapper struct {
	w     io.Writer
	width int
	live  bool // the output is a terminal: show the line being written
	para  strings.Builder
	done  int    // lines of the current paragraph already printed in full
	shown string // what is shown of the current, unfinished line
	rows  int    // full rows printed
	text  strings.Builder
}

// Write takes the next piece of text; it never fails on its own.
func (s *streamWrapper) Write(p []byte) (int, error) {
	s.text.Write(p)
	rest := string(p)
	for {
		before, after, nl := strings.Cut(rest, "\n")
		s.para.WriteString(before)
		if !nl {
			break
		}
		s.flushParagraph()
		rest = after
	}
	// A marker still arriving ("[1") would be wrapped as a word of its
	// own, then glued to the word before it once complete: leave it out
	// until then, so no line is finished too early.
	para := partialMarker.ReplaceAllString(s.para.String(), "")
	lines := wrapParagraph(para, "", s.width)
	for s.done < len(lines)-1 {
		s.finishLine(lines[s.done])
	}
	if s.live && utf8.ValidString(lines[len(lines)-1]) {
		s.show(lines[len(lines)-1])
	}
	return len(p), nil
}

// flushParagraph prints the rest of the current paragraph and its line end.
func (s *streamWrapper) flushParagraph() {
	lines := wrapParagraph(s.para.String(), "", s.width)
	for s.done < len(lines) {
		s.finishLine(lines[s.done])
	}
	s.para.Reset()
	s.done = 0
}

// finishLine prints line as the next full line.
func (s *streamWrapper) finishLine(line string) {
	s.show(line)
	io.WriteString(s.w, "\n")
	s.rows += rowsFor(line, s.width)
	s.shown = ""
	s.done++
}

// show makes the unfinished line read line: it appends when line extends
// what is shown, else rewrites the line (on a terminal).
func (s *streamWrapper) show(line string) {
	if rest, ok := strings.CutPrefix(line, s.shown); ok {
		io.WriteString(s.w, rest)
	} else {
		io.WriteString(s.w, "\r\x1b[2K"+line)
	}
	s.shown = line
}

// Close prints what is left of the text.
func (s *streamWrapper) Close() error {
	if s.para.Len() > 0 || s.shown != "" {
		s.flushParagraph()
	}
	return nil
}

// Rows is how many screen rows the text took.
func (s *streamWrapper) Rows() int { return s.rows }

// Text is everything written, as written.
func (s *streamWrapper) Text() string { return s.text.String() }

// rowsFor is how many screen rows a line of text takes at width.
func rowsFor(line string, width int) int {
	w := displayWidth(line)
	if w <= width {
		return 1
	}
	return (w + width - 1) / width
}
