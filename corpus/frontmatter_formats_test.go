package corpus

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// TestFrontMatterAsPeopleWriteIt: YAML block scalars, wrapped plain
// scalars, lists, Hugo-style TOML, and lenient "key: value" lines.
func TestFrontMatterAsPeopleWriteIt(t *testing.T) {
	day := time.Date(2025, 12, 2, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		data string
		want Article // Title, Source, Author, URL, Published compared
	}{
		{"folded block scalar", "---\ntitle: >-\n  Talks in Moscow\n  end without a deal\nsource: Gulf News\n---\n" + goodBody,
			Article{Title: "Talks in Moscow end without a deal", Source: "Gulf News"}},
		{"literal block scalar", "---\ntitle: |\n  Talks end\n  in Moscow\npublished: 2025-12-02\n---\n" + goodBody,
			Article{Title: "Talks end in Moscow", Published: day}},
		{"plain scalar wrapped onto the next line", "---\ntitle: Talks end\n  in Moscow\n---\n" + goodBody,
			Article{Title: "Talks end in Moscow"}},
		{"comment after a value, list of authors, nested map", "---\ntitle: Talks end # draft\nauthor:\n  - Jane Doe\n  - John Roe\nparams:\n  x: 1\n---\n" + goodBody,
			Article{Title: "Talks end", Author: "Jane Doe, John Roe"}},
		{"unquoted colon in a title (not YAML, read as a line)", "---\ntitle: Putin: no compromise\ntitle: Putin: no deal\n---\n" + goodBody,
			Article{Title: "Putin: no deal"}},
		{"Hugo TOML", "+++\ntitle = \"Talks end\"\ndate = 2025-12-02T10:00:00Z\nauthors = [\"Jane Doe\"]\nsource = 'Gulf News'\ntags = [\"a\", \"b\"]\n[params]\nauthor = \"Not this\"\n+++\n" + goodBody,
			Article{Title: "Talks end", Source: "Gulf News", Published: day.Add(10 * time.Hour)}},
		{"TOML local date and multi-line string", "+++\ntitle = \"\"\"\nTalks end\nin Moscow\"\"\"\nauthor = \"Jane Doe\"\npublished = 2025-12-02\n+++\n" + goodBody,
			Article{Title: "Talks end in Moscow", Author: "Jane Doe", Published: day}},
		{"US date", "---\ntitle: x\ndate: 12/25/2025\n---\n" + goodBody,
			Article{Title: "x", Published: time.Date(2025, 12, 25, 0, 0, 0, 0, time.UTC)}},
		{"day-first date", "---\ntitle: x\ndate: 25/12/2025\n---\n" + goodBody,
			Article{Title: "x", Published: time.Date(2025, 12, 25, 0, 0, 0, 0, time.UTC)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse("x.md", []byte(tt.data), time.Time{})
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if a.Title != tt.want.Title || a.Source != tt.want.Source || a.Author != tt.want.Author || !a.Published.Equal(tt.want.Published) {
				t.Errorf("got title %q source %q author %q published %v;\nwant %q %q %q %v",
					a.Title, a.Source, a.Author, a.Published, tt.want.Title, tt.want.Source, tt.want.Author, tt.want.Published)
			}
			if strings.Contains(a.Text, "+++") || strings.Contains(a.Text, "title") {
				t.Errorf("front matter left in the text: %q", a.Text)
			}
		})
	}
}

func TestFrontMatterFormatErrors(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"TOML not closed", "+++\ntitle = \"x\"\n" + goodBody, `line 1: opening "+++" has no closing "+++"`},
		{"TOML syntax", "+++\ntitle = \"x\"\ndate = \n+++\n" + goodBody, "line 3:"},
		{"ambiguous numeric date", "---\ndate: 12/02/2025\n---\n" + goodBody,
			"could be December 2, 2025 or February 12, 2025 (write 2025-12-02 or 2025-02-12; accepted:"},
		{"unreadable date lists the accepted forms", "---\ndate: next Tuesday\n---\n" + goodBody, "accepted: 2025-12-02,"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("x.md", []byte(tt.data), time.Time{})
			if !errors.Is(err, ErrFrontMatter) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want ErrFrontMatter containing %q", err, tt.want)
			}
		})
	}
}

// TestReadFrontMatterLines: fields keep their file line numbers in both
// formats (error messages and corpus/feeds rely on them).
func TestReadFrontMatterLines(t *testing.T) {
	for _, text := range []string{
		"---\n# c\ntitle: >-\n  a\n  b\nurl: https://x.example/a\n---\nbody",
		"+++\n# c\ntitle = '''\na\nb'''\nurl = \"https://x.example/a\"\n+++\nbody",
	} {
		fields, body, found, err := ReadFrontMatter(text)
		if err != nil || !found || body != "body" || len(fields) != 2 {
			t.Fatalf("%q: %v %q %v %v", text, fields, body, found, err)
		}
		if fields[0].Key != "title" || fields[0].Line != 3 || fields[1].Key != "url" || fields[1].Line != 6 || fields[1].Value != "https://x.example/a" {
			t.Errorf("%q: fields %+v", text, fields)
		}
	}
}
