package corpus

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseFrontMatter(t *testing.T) {
	day := time.Date(2025, 12, 2, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		data string
		want Article // only Title, Source, URL, Author, Published are compared
	}{
		{
			name: "bare values",
			data: "---\ntitle: Talks end\nsource: Example News\nurl: https://example.com/a?b=1#c\nauthor: Jane Doe\npublished: 2025-12-02\n---\n" + goodBody,
			want: Article{Title: "Talks end", Source: "Example News", URL: "https://example.com/a?b=1#c", Author: "Jane Doe", Published: day},
		},
		{
			name: "quoted values with colons and escapes",
			data: "---\ntitle: \"Putin: \\\"no compromise\\\"\"\nsource: 'Gulf News'\nauthor: 'O''Brien'\n---\n" + goodBody,
			want: Article{Title: `Putin: "no compromise"`, Source: "Gulf News", Author: "O'Brien"},
		},
		{
			name: "CRLF, BOM, upper-case keys, comments, unknown keys, lists",
			data: "\ufeff---\r\nTITLE: Talks end\r\n# a comment\r\n\r\nTags:\r\n  - ukraine\r\n  - russia\r\nextra: {x: 1}\r\nPublished: \"December 2, 2025\"\r\n---\r\n" + strings.ReplaceAll(goodBody, "\n", "\r\n"),
			want: Article{Title: "Talks end", Published: day},
		},
		{
			name: "date alias, published wins",
			data: "---\ndate: 2020-01-01\npublished: 2025-12-02T15:04:05+04:00\n---\n" + goodBody,
			want: Article{Title: "Talks in Moscow ended without a deal on Tuesday", Published: time.Date(2025, 12, 2, 11, 4, 5, 0, time.UTC)},
		},
		{
			name: "closing delimiter with trailing blanks, empty values",
			data: "---  \ntitle:\nauthor: \"\"\n---\t\n" + goodBody,
			want: Article{Title: "Talks in Moscow ended without a deal on Tuesday"},
		},
		{
			name: "dashes later in the text are not front matter",
			data: "Talks ended on Tuesday.\n---\nMore text here.\n",
			want: Article{Title: "Talks ended on Tuesday"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse("x.md", []byte(tt.data), time.Time{})
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if a.Title != tt.want.Title || a.Source != tt.want.Source || a.URL != tt.want.URL || a.Author != tt.want.Author {
				t.Errorf("got title %q source %q url %q author %q, want %q %q %q %q",
					a.Title, a.Source, a.URL, a.Author, tt.want.Title, tt.want.Source, tt.want.URL, tt.want.Author)
			}
			if !a.Published.Equal(tt.want.Published) {
				t.Errorf("published %v, want %v", a.Published, tt.want.Published)
			}
			if !tt.want.Published.IsZero() && a.PublishedFrom != FromFrontMatter {
				t.Errorf("PublishedFrom = %q", a.PublishedFrom)
			}
			if strings.Contains(a.Text, "---") || strings.Contains(a.Text, "\r") || strings.Contains(strings.ToLower(a.Text), "title:") {
				t.Errorf("front matter or CR left in text: %q", a.Text)
			}
		})
	}
}

func TestParseFrontMatterErrors(t *testing.T) {
	tests := []struct {
		name, data, wantMsg string
	}{
		{"no closing", "---\ntitle: x\n" + goodBody, `line 1: opening "---" has no closing "---"`},
		{"no colon", "---\ntitle: x\n\nsource Reuters\n---\n" + goodBody, `line 4: no colon in "source Reuters"`},
		{"empty key", "---\n: x\n---\n" + goodBody, "line 2: empty key"},
		{"unterminated quote", "---\ntitle: \"Talks end\n---\n" + goodBody, "line 2: unterminated double quote"},
		{"unexpected list", "---\ntitle: x\n- y\n---\n" + goodBody, "line 3: unexpected indented or list line"},
		{"bad date", "---\ntitle: x\npublished: 2025-13-45\n---\n" + goodBody, `line 3: cannot read published date "2025-13-45"`},
		{"bad date after CRLF", "---\r\npublished: soon\r\n---\r\n" + goodBody, `line 2: cannot read published date "soon"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("x.txt", []byte(tt.data), time.Time{})
			if !errors.Is(err, ErrFrontMatter) {
				t.Fatalf("err = %v, want ErrFrontMatter", err)
			}
			if !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("message %q does not contain %q", err, tt.wantMsg)
			}
		})
	}
}

func TestParsePublishedLayouts(t *testing.T) {
	day := time.Date(2025, 12, 2, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2025-12-02", day},
		{"2025/12/02", day},
		{"2025-12-02T10:30:00Z", day.Add(10*time.Hour + 30*time.Minute)},
		{"2025-12-02T10:30", day.Add(10*time.Hour + 30*time.Minute)},
		{"2025-12-02 10:30", day.Add(10*time.Hour + 30*time.Minute)},
		{"Tue, 02 Dec 2025 10:30:00 +0000", day.Add(10*time.Hour + 30*time.Minute)},
		{"December 2, 2025", day},
		{"Dec 2, 2025", day},
		{"Dec. 2, 2025", day},
		{"December 2nd, 2025", day},
		{"Tuesday, December 2, 2025", day},
		{"2 December 2025", day},
		{"2nd Dec 2025", day},
		{"Sept 3, 2025", time.Date(2025, 9, 3, 0, 0, 0, 0, time.UTC)},
		{"December 2, 2025 3:04 PM", day.Add(15*time.Hour + 4*time.Minute)},
	}
	for _, tt := range tests {
		got, err := parsePublished(tt.in)
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("parsePublished(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"yesterday", "12/02/2025", "December 2", "2025-02-30"} {
		if got, err := parsePublished(bad); err == nil {
			t.Errorf("parsePublished(%q) = %v, want error", bad, got)
		}
	}
}
