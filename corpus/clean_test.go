package corpus

import (
	"strings"
	"testing"
	"time"
)

// inventedArticle wraps a made-up article in page furniture of the kinds
// seen on news sites, none of it copied from the shipped articles.
const inventedArticle = `World
Europe
Home / World / Europe / Ukraine
Skip to content
Harbour strike closes Baltic port for a third day
By Maria Olsen and Tom Becker
Published: 14 March 2024, 09:12 CET
Share | Tweet | Email
4 min read
KLAIPEDA: Dock workers kept the port shut on Thursday, the third day of a strike over pay.
Advertisement
Union leader Ona Petraitis said the workers “will not go back for less.”
Subscribe to our Morning Wire newsletter for the day’s top stories
Read more: Port traffic fell 8% last year, figures show
Related Stories
Ferry operator cancels sailings as strike bites
Shipping rates climb in the Baltic
The port authority said talks would resume on Friday. It did not comment on the union’s demands.
Analysts said a long strike could cost the region €5m a day.
Photo: Port of Klaipeda
Follow The Baltic Wire on WhatsApp
Get breaking news alerts straight to your inbox.
Most Read
Storm warning for the coast
Election date set for autumn
About Us
Contact
Install our news app for iPhone and Android
Copyright 2024 Baltic Wire Media Ltd. All rights reserved.
We use cookies to improve your experience. Cookie Policy
https://example.com/share/123
`

func TestCleanRemovesInventedFurniture(t *testing.T) {
	a, err := Parse("port-strike.txt", []byte(inventedArticle), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	wantText := strings.Join([]string{
		"Harbour strike closes Baltic port for a third day",
		"KLAIPEDA: Dock workers kept the port shut on Thursday, the third day of a strike over pay.",
		"Union leader Ona Petraitis said the workers “will not go back for less.”",
		"The port authority said talks would resume on Friday. It did not comment on the union’s demands.",
		"Analysts said a long strike could cost the region €5m a day.",
	}, "\n")
	if a.Text != wantText {
		t.Errorf("text =\n%s\n\nwant\n%s", a.Text, wantText)
	}
	if a.Title != "Harbour strike closes Baltic port for a third day" {
		t.Errorf("title = %q", a.Title)
	}
	if a.Author != "Maria Olsen and Tom Becker" {
		t.Errorf("author = %q", a.Author)
	}
	if want := time.Date(2024, 3, 14, 0, 0, 0, 0, time.UTC); !a.Published.Equal(want) || a.PublishedFrom != FromText {
		t.Errorf("published %v from %q, want %v from text", a.Published, a.PublishedFrom, want)
	}
	// The outlet comes from the copyright notice (issue "Discord and
	// terminal replies": never show a file id where a publisher is named).
	if a.Source != "Baltic Wire Media" {
		t.Errorf("source = %q, want the copyright holder", a.Source)
	}
}

func TestCleanKeepsBodySentences(t *testing.T) {
	// Sentences that use furniture words but are article text.
	tests := []struct {
		name string
		line string
	}{
		{"newsletter in a sentence", "The ministry’s newsletter said exports rose 4%."},
		{"related at sentence start", "Related talks in Geneva also ended without a deal."},
		{"copyright as a topic", "Copyright lawsuits against AI firms multiplied this year."},
		{"app store as a topic", "Regulators fined the App Store operator on Monday."},
		{"download the app in news", "Millions rushed to download the app after the outage."},
		{"long paragraph with furniture words", "The publisher, which asks readers to sign up for its newsletter and to download our app in every article footer, said all rights reserved by the agency were transferred to the new owner."},
		{"reporting by in a sentence", "Reporting by local media suggested the talks had stalled."},
		{"by at sentence start", "By Tuesday, Russian forces had taken the town."},
		{"updated in a sentence", "Updated figures released on December 2, 2025 show the economy shrank."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := "Talks end without a deal\nTalks ended on Tuesday.\n" + tt.line + "\nBoth sides will meet again.\n"
			a, err := Parse("x.txt", []byte(text), time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(a.Text, tt.line) {
				t.Errorf("line %q was removed; text:\n%s", tt.line, a.Text)
			}
		})
	}
}

func TestCleanWhitespace(t *testing.T) {
	in := "\n\n  Talks\u00a0ended\t\ton  Tuesday.\u200b  \n\n\n\nThey   resume on Friday.\nThey resume  on Friday.\nSeparator\u2028lines split.\n   \n"
	a, err := Parse("x.txt", []byte(in), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Talks ended on Tuesday.\nThey resume on Friday.\nSeparator\nlines split."; a.Text != want {
		t.Errorf("text = %q, want %q", a.Text, want)
	}
}

func TestCleanFragmentArticleKept(t *testing.T) {
	// No line ends like a sentence: positional rules must not eat it all.
	in := "Key points from the talks\n- five hours of talks\n- no compromise on territory\n- contacts to continue\n"
	a, err := Parse("points.md", []byte(in), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(a.Text, "\n") != 3 {
		t.Errorf("text = %q, want all four lines", a.Text)
	}
}

func TestCleanMarkdown(t *testing.T) {
	in := "# Talks end\n\n![map](map.png)\n> **Moscow**: talks [ended](https://example.com/x) on Tuesday.\n```\n"
	a, err := Parse("x.md", []byte(in), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Talks end\nMoscow: talks ended on Tuesday."; a.Text != want {
		t.Errorf("text = %q, want %q", a.Text, want)
	}
}
