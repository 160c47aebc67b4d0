package bot

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// checkParts asserts the splitter's promises for text cut into parts.
func checkParts(t *testing.T, text string, parts []string, limit int) {
	t.Helper()
	for i, p := range parts {
		if len(p) > limit {
			t.Errorf("part %d is %d bytes, over %d", i, len(p), limit)
		}
		if strings.TrimSpace(p) == "" {
			t.Errorf("part %d is blank", i)
		}
		if i > 0 && citationAt(p) > 0 {
			t.Errorf("part %d starts with a citation marker, cut off from the words it cites: %.30q", i, p)
		}
		if n := strings.Count(p, "```"); n%2 != 0 {
			t.Errorf("part %d has an unclosed code fence:\n%s", i, p)
		}
	}
	// Cutting only between words keeps every word, link and marker whole:
	// the words of the parts are the words of the text (fences added when a
	// code block is split aside).
	want := strings.Fields(text)
	var got []string
	for _, p := range parts {
		got = append(got, strings.Fields(p)...)
	}
	if !strings.Contains(text, "```") && strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("words changed by splitting:\n got %q\nwant %q", trimmed(got), trimmed(want))
	}
	// Protected spans appear whole in some part.
	for _, re := range []*regexp.Regexp{reMaskedLink, reAngleLink, reCitation} {
		for _, m := range re.FindAllString(text, -1) {
			found := false
			for _, p := range parts {
				if strings.Contains(p, m) {
					found = true
				}
			}
			if !found {
				t.Errorf("%q was cut", m)
			}
		}
	}
}

func trimmed(s []string) []string {
	if len(s) > 12 {
		return append(s[:6:6], s[len(s)-6:]...)
	}
	return s
}

func TestSplit(t *testing.T) {
	sentence := "The talks in Moscow lasted five hours without a breakthrough [1]. "
	long := strings.Repeat(sentence, 70) // ~4.7 kB, no paragraph breaks
	code := "```go\n" + strings.Repeat("fmt.Println(\"hello, world\") // a line of code\n", 60) + "```"
	tests := []struct {
		name  string
		text  string
		limit int
		parts int // expected number of parts; 0 = don't check
	}{
		{"empty", "   ", 2000, 0},
		{"fits", "Short answer [1].", 2000, 1},
		{"paragraphs", strings.Repeat("Para one sentence. Another sentence [2].\n\n", 80), 2000, 0},
		{"sentences", long, 2000, 3},
		{"markers stay with their words", strings.Repeat("word [12] ", 500), 100, 0},
		{"multi markers", strings.Repeat("claim [1, 2] and more ", 200), 150, 0},
		{"links", strings.Repeat("See [The long title of the article](<https://example.com/a/b/c?d=e>) now. ", 60), 300, 0},
		{"bare links", strings.Repeat("see https://example.com/some/really/long/path?with=query&and=more ok. ", 60), 200, 0},
		{"code block kept whole", "Intro sentence.\n\n```\nshort code\n```\n\n" + long, 2000, 0},
		{"unicode", strings.Repeat("Déjà vu — «quoted» naïve café [3]. ", 150), 500, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts := Split(tt.text, tt.limit)
			if strings.TrimSpace(tt.text) == "" {
				if len(parts) != 0 {
					t.Fatalf("blank text gave %d parts", len(parts))
				}
				return
			}
			if tt.parts > 0 && len(parts) != tt.parts {
				t.Errorf("got %d parts, want %d", len(parts), tt.parts)
			}
			checkParts(t, tt.text, parts, tt.limit)
		})
	}
	t.Run("long code block is closed and reopened", func(t *testing.T) {
		parts := Split("Here is code:\n"+code+"\nDone.", 1000)
		if len(parts) < 3 {
			t.Fatalf("a %d-byte code block came in %d parts of at most 1000 bytes", len(code), len(parts))
		}
		checkParts(t, code, parts, 1000)
		for i, p := range parts[1:] {
			if strings.HasPrefix(p, "```") && !strings.HasPrefix(p, "```go\n") {
				t.Errorf("part %d reopens the fence without its language: %.20q", i+1, p)
			}
		}
		for i, p := range parts {
			if strings.Contains(p, "fmt.Println(\"hello, world\")") && !strings.Contains(p, "```") {
				t.Errorf("part %d holds code outside a fence", i)
			}
		}
	})
	t.Run("prefers paragraph breaks", func(t *testing.T) {
		p1 := strings.Repeat("First paragraph words. ", 50)
		p2 := strings.Repeat("Second paragraph words. ", 50)
		parts := Split(p1+"\n\n"+p2, 2000)
		if len(parts) != 2 || parts[0] != strings.TrimSpace(p1) {
			t.Errorf("did not cut at the paragraph break: %d parts, first ends %q", len(parts), parts[0][max(0, len(parts[0])-30):])
		}
	})
	t.Run("giant word is cut as a last resort", func(t *testing.T) {
		w := strings.Repeat("é", 1500) // 3000 bytes, no space
		parts := Split(w, 2000)
		if strings.Join(parts, "") != w {
			t.Errorf("the %d parts do not join back into the word", len(parts))
		}
		for _, p := range parts {
			if len(p) > 2000 || !strings.HasPrefix(p, "é") {
				t.Errorf("bad part of %d bytes starting %q", len(p), p[:2])
			}
		}
	})
}

// TestSplitRandom checks the promises on generated texts.
func TestSplitRandom(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	words := []string{"the", "minister", "said", "Ukraine", "[1]", "[2, 3]", "talks.", "Moscow,", "“no deal”",
		"[Title of a piece](<https://example.org/x>)", "https://example.com/path", "<https://a.example/b>", "naïve", "\n", "\n\n"}
	for i := range 100 {
		var b strings.Builder
		for range 50 + r.IntN(800) {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteByte(' ')
		}
		limit := 80 + r.IntN(2000)
		text := b.String()
		parts := Split(text, limit)
		t.Run(fmt.Sprint(i), func(t *testing.T) { checkParts(t, text, parts, limit) })
	}
}

func TestCitationAt(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"[1] x", 3}, {"[12, 3]", 7}, {"[1,2]", 5}, {"[]", 0}, {"[a]", 0}, {"[1", 0}, {"[, 1]", 0}, {"x[1]", 0}, {"[1 2]", 0},
	}
	for _, tt := range tests {
		if got := citationAt(tt.s); got != tt.want {
			t.Errorf("citationAt(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

func BenchmarkSplit(b *testing.B) {
	text := strings.Repeat("The talks in Moscow lasted five hours [1]. See [a title](<https://e.com/x>).\n\n", 300)
	for b.Loop() {
		Split(text, MaxMessageLen)
	}
}
