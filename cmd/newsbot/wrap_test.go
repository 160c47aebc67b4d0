package main

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/rag/answer"
)

func TestDisplayWidth(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"abc", 3},
		{"“quoted”", 8},       // curly quotes: one cell each, three bytes
		{"日本語", 6},            // CJK: two cells each
		{"ｆｕｌｌ", 8},           // fullwidth Latin
		{"e\u0301", 1},        // combining accent
		{"한국어 text", 11},      // Hangul
		{"Zürich 北京 [1]", 15}, // mixed
	}
	for _, tt := range tests {
		if got := displayWidth(tt.s); got != tt.want {
			t.Errorf("displayWidth(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

func TestWrapParagraph(t *testing.T) {
	tests := []struct {
		name, text string
		width      int
		want       []string
	}{
		{"curly quotes count one cell", "“Talks” “ended” “today”", 16,
			[]string{"“Talks” “ended”", "“today”"}},
		{"marker stays with its word", "the plan was rejected [1] by Moscow", 21,
			[]string{"the plan was", "rejected [1] by", "Moscow"}},
		{"glued marker", "rejected the plan[2][3].", 10,
			[]string{"rejected", "the", "plan[2][3]."}},
		{"CJK breaks between characters, not before 。", "克里姆林宫拒绝了美国的和平计划。", 10,
			[]string{"克里姆林宫", "拒绝了美国", "的和平计", "划。"}},
		{"long word alone", "see https://example.com/a/very/long/path now", 12,
			[]string{"see", "https://example.com/a/very/long/path", "now"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := wrapParagraph(tt.text, "", tt.width)
			if len(tt.want) > 0 && strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			checkWrapped(t, tt.text, got, tt.width)
		})
	}
}

// checkWrapped asserts the wrapping properties: no line wider than width
// unless it is one unbreakable token, none starting with a marker or a
// closing CJK punctuation mark, and no text lost or reordered.
func checkWrapped(t *testing.T, text string, lines []string, width int) {
	t.Helper()
	for i, l := range lines {
		if displayWidth(l) > width && len(tokenize(l)) > 1 {
			t.Errorf("line %d %q is %d cells, over %d", i, l, displayWidth(l), width)
		}
		if i > 0 && (marker.MatchString(l) || strings.ContainsRune(noLineStart, firstRune(l))) {
			t.Errorf("line %d starts with a marker or closing punctuation: %q", i, l)
		}
	}
	strip := func(s string) string { return strings.Join(strings.Fields(s), "") }
	if strip(strings.Join(lines, "")) != strip(text) {
		t.Errorf("text changed by wrapping:\n%q\n%q", text, lines)
	}
}

// TestWrapCJK: Chinese and Japanese text without spaces is broken to the
// width, counting two cells a character.
func TestWrapCJK(t *testing.T) {
	text := "克里姆林宫拒绝了美国和平计划的关键部分[1]。普京与特使会谈了五个小时，但没有达成协议[2]。日本語の文章も、きちんと折り返されるべきです。"
	for _, width := range []int{20, 21, 33, 80} {
		lines := wrapParagraph(text, "  ", width)
		if width < 80 && len(lines) < 3 {
			t.Errorf("width %d: CJK text not broken: %q", width, lines)
		}
		for _, l := range lines {
			if w := displayWidth(l); w > width {
				t.Errorf("width %d: line %q is %d cells", width, l, w)
			}
		}
		checkWrapped(t, text, lines, width)
	}
}

// TestWrapProperties runs the wrapping properties over random mixes of
// words, markers, curly quotes and CJK text.
func TestWrapProperties(t *testing.T) {
	parts := []string{"the", "Kremlin", "rejected", "[1]", "[12].", "“plan”", "北京", "会谈了五个小时", "。", "，", "Zürich", "a", "[3][4]", "东京の会議"}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 500 {
		var b strings.Builder
		for range r.IntN(30) + 1 {
			if r.IntN(3) > 0 {
				b.WriteString(" ")
			}
			b.WriteString(parts[r.IntN(len(parts))])
		}
		text := strings.TrimSpace(b.String())
		width := 8 + r.IntN(40)
		lines := wrapParagraph(text, "", width)
		checkWrapped(t, text, lines, width)
		if t.Failed() {
			t.Fatalf("case %d: %q at %d", i, text, width)
		}
	}
}

// TestStreamWrapperMatchesWrap: streaming in random pieces prints the same
// lines as wrapping the whole text; on a terminal the screen ends the same.
func TestStreamWrapperMatchesWrap(t *testing.T) {
	text := "Putin met Jared Kushner and Steve Witkoff for five hours [1] but rejected key parts of the US plan [2].\n\n克里姆林宫拒绝了美国和平计划的关键部分[1]。“No compromise,” said the aide [3]."
	want := strings.Join(wrapText(text, "", 30), "\n") + "\n"
	r := rand.New(rand.NewPCG(3, 4))
	for _, live := range []bool{false, true} {
		for range 50 {
			var out bytes.Buffer
			s := &streamWrapper{w: &out, width: 30, live: live}
			rest := text
			for rest != "" {
				n := min(len(rest), 1+r.IntN(12))
				// cut on a rune boundary
				for n < len(rest) && (rest[n]&0xC0) == 0x80 {
					n++
				}
				s.Write([]byte(rest[:n]))
				rest = rest[n:]
			}
			s.Close()
			got := out.String()
			if live {
				got = strings.Join(screen(t, got), "\n")
				want := strings.TrimSuffix(want, "\n")
				if got != want {
					t.Fatalf("live stream screen:\n%s\nwant:\n%s", got, want)
				}
				continue
			}
			if got != want {
				t.Fatalf("stream printed:\n%s\nwant:\n%s", got, want)
			}
			if s.Rows() != strings.Count(want, "\n") {
				t.Errorf("Rows() = %d, want %d", s.Rows(), strings.Count(want, "\n"))
			}
		}
	}
}

// TestSourcesGroupedByArticle: citations of one article make one entry,
// with its markers and each distinct quote once.
func TestSourcesGroupedByArticle(t *testing.T) {
	cs := []answer.Citation{
		{N: 1, ArticleID: "a", Title: "Talks end", Source: "Gulf News", Quote: "Putin met envoys."},
		{N: 2, ArticleID: "b", Title: "Other story", Quote: "Kyiv waits."},
		{N: 3, ArticleID: "a", Title: "Talks end", Source: "Gulf News", Quote: "Putin met envoys."},
		{N: 4, ArticleID: "a", Title: "Talks end", Source: "Gulf News", Quote: "No deal was reached."},
	}
	var b bytes.Buffer
	writeSources(&b, 80, cs)
	want := "Sources:\n" +
		"[1][3][4] Talks end — Gulf News\n" +
		"    [1][3] “Putin met envoys.”\n" +
		"    [4] “No deal was reached.”\n" +
		"[2] Other story\n" +
		"    “Kyiv waits.”\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}
