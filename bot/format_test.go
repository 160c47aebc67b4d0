package bot

import (
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/rag/answer"
)

func TestFormatAnswer(t *testing.T) {
	a := answer.Answer{
		Answer: "Putin met the envoys [1]. No deal was reached [2]. @everyone see https://evil.example/x.",
		Citations: []answer.Citation{
			{N: 2, Title: "Talks [live]", Source: "Gulf News", Published: "2025-12-03", Quote: "No   agreement\nwas reached."},
			{N: 1, Title: "Moscow talks end", Source: "Reuters", URL: "https://example.com/a?b=1", Published: "2025-12-02", Quote: "Putin met Witkoff."},
		},
	}
	got := formatAnswer(a)
	for _, want := range []string{
		"Putin met the envoys [1]. No deal was reached [2].",
		"@\u200beveryone",
		"<https://evil.example/x>.",
		"**Sources**\n[1] [Moscow talks end](<https://example.com/a?b=1>) — Reuters, 2025-12-02\n> “Putin met Witkoff.”\n[2] **Talks \\[live\\]** — Gulf News, 2025-12-03\n> “No agreement was reached.”",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("formatted answer lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "@everyone") {
		t.Errorf("a mention survived:\n%s", got)
	}

	refused := formatAnswer(answer.Answer{Answer: "The articles do not cover that.", Refused: true, Citations: a.Citations})
	if strings.Contains(refused, sourcesHeading) {
		t.Errorf("refusal lists sources:\n%s", refused)
	}
}

func TestTitleLink(t *testing.T) {
	tests := []struct{ title, url, want string }{
		{"Plain", "https://example.com/x", "[Plain](<https://example.com/x>)"},
		{"No URL", "", "**No URL**"},
		{"Bad scheme", "javascript:alert(1)", "**Bad scheme**"},
		{"Brackets ] [", "http://e.com", `[Brackets \] \[](<http://e.com>)`},
		{"Ping <@123>", "https://e.com/a)b", "**Ping <\u200b@123>**"},
	}
	for _, tt := range tests {
		if got := titleLink(tt.title, tt.url); got != tt.want {
			t.Errorf("titleLink(%q, %q) = %q, want %q", tt.title, tt.url, got, tt.want)
		}
	}
}

func TestWrapURLs(t *testing.T) {
	tests := []struct{ in, want string }{
		{"see https://a.example/b, then", "see <https://a.example/b>, then"},
		{"kept <https://a.example/b> as is", "kept <https://a.example/b> as is"},
		{"[masked](https://a.example/c) stays", "[masked](<https://a.example/c>) stays"},
	}
	for _, tt := range tests {
		if got := wrapURLs(tt.in); got != tt.want {
			t.Errorf("wrapURLs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFormatSources(t *testing.T) {
	day := time.Date(2025, 12, 3, 10, 0, 0, 0, time.UTC)
	srcs := []answer.Source{
		{ID: "a", Title: "Older", Source: "Reuters", URL: "https://e.com/a", Published: day.Add(-48 * time.Hour)},
		{ID: "b", Title: "Newer", Source: "AP", Published: day},
		{ID: "c"},
	}
	parts := formatSources(srcs)
	if len(parts) != 1 {
		t.Fatalf("got %d parts", len(parts))
	}
	want := "I answer from 3 articles:\n• **Newer** — AP, 2025-12-03\n• [Older](<https://e.com/a>) — Reuters, 2025-12-01\n• **c**"
	if parts[0] != want {
		t.Errorf("got\n%s\nwant\n%s", parts[0], want)
	}

	many := make([]answer.Source, 500)
	for i := range many {
		many[i] = answer.Source{ID: "x", Title: strings.Repeat("A long title ", 4), URL: "https://example.com/article/" + strings.Repeat("p", 20)}
	}
	parts = formatSources(many)
	if len(parts) > maxSourceParts || !strings.Contains(parts[len(parts)-1], "more.") {
		t.Errorf("500 sources: %d parts, last ends %q", len(parts), parts[len(parts)-1][max(0, len(parts[len(parts)-1])-40):])
	}
	for _, p := range parts {
		if len(p) > MaxMessageLen {
			t.Errorf("part of %d bytes", len(p))
		}
	}
}

func TestWaitText(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{300 * time.Millisecond, "in a second"},
		{12*time.Second + time.Millisecond, "in 13 seconds"},
		{time.Hour, "in 60 minutes"},
	}
	for _, tt := range tests {
		if got := waitText(tt.d); got != tt.want {
			t.Errorf("waitText(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}
