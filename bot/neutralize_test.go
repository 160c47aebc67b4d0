package bot

import (
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/rag/answer"
)

func TestNeutralize(t *testing.T) {
	const z = "\u200b"
	tests := []struct {
		name, in, want string
	}{
		{"plain text and citations untouched", "Putin rejected the plan [1][3]. Talks end [2].", "Putin rejected the plan [1][3]. Talks end [2]."},
		{"everyone and here", "Hey @everyone and @here!", "Hey @" + z + "everyone and @" + z + "here!"},
		{"mention case variants", "@Everyone", "@" + z + "Everyone"},
		{"user role channel mentions", "<@123> <@!456> <@&789> <#42>", "<" + z + "@123> <" + z + "@!456> <" + z + "@&789> <" + z + "#42>"},
		{"slash command mention", "</ask:1234>", "<" + z + "/ask:1234>"},
		{"bare url wrapped", "See https://example.com/a?b=c.", "See <https://example.com/a?b=c>."},
		{"wrapped url kept", "See <https://example.com>.", "See <https://example.com>."},
		{"url with balanced parens", "Read https://en.wikipedia.org/wiki/Foo_(bar), then", "Read <https://en.wikipedia.org/wiki/Foo_(bar)>, then"},
		{"url in parentheses", "(https://example.com/x)", "(<https://example.com/x>)"},
		{"masked link shown", "Click [here](https://evil.example/x) now", "Click here (<https://evil.example/x>) now"},
		{"masked link disguised as url", "[https://bank.example](https://evil.example)", "<https://bank.example> (<https://evil.example>)"},
		{"masked link with angle url and title", `[docs](<https://a.example/b> "Title")`, "docs (<https://a.example/b>)"},
		{"citation as link text keeps marker", "Putin said no [1](https://r.example/1).", "Putin said no [1] (<https://r.example/1>)."},
		{"spoiler revealed", "The answer is ||secret text|| here", "The answer is secret text here"},
		{"lone spoiler bars escaped", "a || b", `a \|\| b`},
		{"html comment revealed", "Visible <!-- hidden --> end", "Visible  hidden  end"},
		{"zero-width and bidi removed", "ab\u200bc\u202edef\u2066g\ufeff\u00adh", "abcdefgh"},
		{"control characters removed", "a\x00b\x1bc\r\nd\te", "abc\nd\te"},
		{"brackets that are not links", "[1] and [note] stay", "[1] and [note] stay"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := neutralize(tt.in); got != tt.want {
				t.Errorf("neutralize(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNeutralizeIsIdempotent(t *testing.T) {
	in := "@everyone see [x](https://e.example) ||s|| https://a.example/(b) <@1> [2]"
	once := neutralize(in)
	if twice := neutralize(once); twice != once {
		t.Errorf("not idempotent:\n%q\n%q", once, twice)
	}
	if strings.Contains(once, "@everyone") || strings.Contains(once, "||") || strings.Contains(once, "](") {
		t.Errorf("left something live: %q", once)
	}
}

// The property checker below is a small model of how Discord reads text,
// written without looking at neutralize. Where Discord's exact grammar is
// unclear it errs on the generous side: it reports a link or a mention
// wherever Discord might render one.

// discordLink is a masked link as the model reads it.
type discordLink struct{ label, target string }

// discordLinks returns every masked link Discord might render in s: any
// "](" (escaped or not: generous) with a "[" somewhere before it and a ")"
// somewhere after it. The label runs from the nearest unescaped "[" before
// (any "[" when none is unescaped), the target to the first ")" after.
func discordLinks(s string) []discordLink {
	var links []discordLink
	for i := 0; i+1 < len(s); i++ {
		if s[i] != ']' || s[i+1] != '(' {
			continue
		}
		open := -1
		for j := i - 1; j >= 0; j-- {
			if s[j] == '[' && (open < 0 || !escaped(s, j)) {
				open = j
				if !escaped(s, j) {
					break
				}
			}
		}
		end := strings.IndexByte(s[i+2:], ')')
		if open < 0 || end < 0 {
			continue
		}
		links = append(links, discordLink{label: s[open+1 : i], target: s[i+2 : i+2+end]})
	}
	return links
}

// escaped reports whether s[i] follows an odd run of backslashes.
func escaped(s string, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && s[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

// discordMention matches what Discord might read as a mention: @everyone and
// @here in any case and followed by anything, "<@" and "<#" followed by
// anything (users, nicknames, roles, channels), and slash-command mentions
// </name:id> and </name sub:id>.
var discordMention = regexp.MustCompile(`(?i)@everyone|@here|<@|<#|</[^>]*:\d+>`)

// cleanAutolinkURL reports whether u, placed inside <...>, is one http(s)
// URL that Discord cannot end early: printable ASCII with no space, angle
// bracket, quote, backslash, pipe or backtick, and no "@" that could start a
// mention.
func cleanAutolinkURL(u string) bool {
	lower := strings.ToLower(u)
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
		return false
	}
	for i := 0; i < len(u); i++ {
		if c := u[i]; c <= ' ' || c >= 0x7f || strings.IndexByte("<>\"\\|`@", c) >= 0 {
			return false
		}
	}
	_, err := url.Parse(u)
	return err == nil
}

// checkInert fails t when s holds a masked link or a mention.
func checkInert(t *testing.T, what, in, s string) {
	t.Helper()
	if links := discordLinks(s); len(links) > 0 {
		t.Errorf("%s(%q) = %q holds a live masked link %q", what, in, s, links[0])
	}
	if m := discordMention.FindString(s); m != "" {
		t.Errorf("%s(%q) = %q holds a mention %q", what, in, s, m)
	}
}

// checkNeutralized checks the property for one input: text as untrusted
// prose, title and outlet, and rawURL as an untrusted source URL.
func checkNeutralized(t *testing.T, text, rawURL string) {
	t.Helper()
	checkInert(t, "neutralize", text, neutralize(text))
	checkInert(t, "safeMarkdown", text, safeMarkdown(text))
	checkInert(t, "wrapURLs∘neutralize", text, wrapURLs(neutralize(text)))

	// titleLink may render one masked link: its own, spanning the whole
	// output, with an inert label and a clean <url> target.
	tl := titleLink(text, rawURL)
	if links := discordLinks(tl); len(links) > 0 {
		l := links[0]
		u, wrapped := strings.CutPrefix(l.target, "<")
		u, closed := strings.CutSuffix(u, ">")
		switch {
		case len(links) > 1 || tl != "["+l.label+"]("+l.target+")":
			t.Errorf("titleLink(%q, %q) = %q holds more than its own link", text, rawURL, tl)
		case !wrapped || !closed || !cleanAutolinkURL(u):
			t.Errorf("titleLink(%q, %q) = %q: target %q is not one clean <url>", text, rawURL, tl, l.target)
		}
		if m := discordMention.FindString(l.label); m != "" {
			t.Errorf("titleLink(%q, %q) = %q: label holds a mention %q", text, rawURL, tl, m)
		}
	} else if m := discordMention.FindString(tl); m != "" {
		t.Errorf("titleLink(%q, %q) = %q holds a mention %q", text, rawURL, tl, m)
	}

	// A briefing story, as Post sends it: nothing live anywhere, and the
	// source URL, when shown, is one clean <url> that ends the line.
	story := answer.Story{Headline: text, Outlets: []string{text}, Summary: text,
		Citations: []answer.Citation{{N: 1, ArticleID: "a", Title: text, Source: "AP", URL: rawURL}}}
	md := wrapURLs(formatStory(story, 1))
	checkInert(t, "formatStory", text+" | "+rawURL, md)
	// The same story with no URL fixes what the citation line says
	// before the URL.
	story.Citations[0].URL = ""
	bare := wrapURLs(formatStory(story, 1))
	if md != bare {
		u, ok := strings.CutPrefix(strings.TrimSuffix(md, "\n"), strings.TrimSuffix(bare, "\n")+" <")
		u, closed := strings.CutSuffix(u, ">")
		if !ok || !closed || !cleanAutolinkURL(u) {
			t.Errorf("formatStory: source URL %q not shown as one clean <url> at the end:\n%s", rawURL, md)
		}
	}
}

// bypasses are known ways past earlier neutralizers (issue 11 and its
// red-team notes) as (text, source URL) pairs; testdata/fuzz/FuzzNeutralize
// holds the same cases as the fuzzer's seed corpus.
var bypasses = [][2]string{
	{"[Official [PDF] report](http://evil.example/x)", "https://example.com/a"},
	{"[x](HTTP://evil.example/)", "HTTPS://example.com/a"},
	{"[x](<http://evil.example/a b>)", "https://example.com/a> @everyone [live](http://evil.example)"},
	{"[x]( <http://evil.example/> \"title\" )", "https://example.com/a>[live](http://evil.example)"},
	{"[x](\nhttp://evil.example/\n)", "https://e.example/x?q=>@here"},
	{"[x](http://evil.example/ 'title')", "http://a>b.example/@everyone"},
	{"[a [b](http://x.example) c](http://y.example)", "https://example.com/<@123>"},
	{"[x]<!---->(http://evil.example)", "https://example.com/a\tb"},
	{"[x]||||(http://evil.example)", "https://example.com/a\nb"},
	{"[x]\u200b(http://evil.example)", "https://user@example.com/a"},
	{"[x](javascript:alert(1))", "javascript:alert(1)"},
	{"[[1]](http://evil.example)", "https://example.com/%3E@everyone"},
	{"\\[x\\](http://evil.example)", "https://example.com/a\"b"},
	{"[x](http://evil.example \"t)\")", "https://exa\u200bmple.com/"},
	{"[x](<http://evil.example>b>)", "https://example.com/ä"},
	{"@\u200beveryone @HERE @Everyone @hereby me@here.example", "https://example.com/a)b"},
	{"<@\u200b123> <@!1> <@&2> <#3> </ask:4> </ask sub:5>", "https://example.com/</ask:4>"},
	{"<https://example.com/x>@everyone [a](http://evil.example)>", "https://[::1]:8080/x"},
	{"https://example.com/a>[b](http://evil.example)", "ftp://example.com/x"},
	{"[x](http://a.example/](http://b.example))", " https://example.com/ok "},
	{"[" + strings.Repeat("long label ", 300) + "](http://evil.example)", "https://example.com/"},
}

func TestNeutralizeBypasses(t *testing.T) {
	for _, b := range bypasses {
		checkNeutralized(t, b[0], b[1])
	}
}

func TestNeutralizeRewritesMaskedLinks(t *testing.T) {
	tests := []struct{ in, want string }{
		{"[Official [PDF] report](http://evil.example/x)", "Official [PDF] report (<http://evil.example/x>)"},
		{"[x](HTTP://evil.example/)", "x (<HTTP://evil.example/>)"},
		{"[x]( <http://evil.example/a b> \"title\" )", "x (<http://evil.example/a%20b>)"},
		{"[x](\nhttp://evil.example/\n)", "x (<http://evil.example/>)"},
		{"[a [b](http://x.example) c](http://y.example)", "a b (<http://x.example>) c (<http://y.example>)"},
		{"[x](<http://evil.example/a>@everyone>)", "x (<http://evil.example/a> @\u200beveryone>)"},
		{"[1](2) stays readable", "[1] (2) stays readable"},
	}
	for _, tt := range tests {
		if got := neutralize(tt.in); got != tt.want {
			t.Errorf("neutralize(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestSafeURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://example.com/a?b=1#c", "https://example.com/a?b=1#c"},
		{" HTTPS://Example.com/x ", "https://Example.com/x"},
		{"https://example.com/a> @everyone", "https://example.com/a%3E%20%40everyone"},
		{"https://example.com/?q=<@1>", "https://example.com/?q=%3C%401%3E"},
		{"https://example.com/a\u00e4", "https://example.com/a%C3%A4"},
		{"http://a>b.example/", ""},
		{"https://user@example.com/", ""},
		{"javascript:alert(1)", ""},
		{"https://exa\u200bmple.com/", ""},
		{"/relative", ""},
	}
	for _, tt := range tests {
		got, ok := safeURL(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("safeURL(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

// FuzzNeutralize checks the neutralizer's property on any text and source
// URL: see checkNeutralized. Its seed corpus is bypasses and
// testdata/fuzz/FuzzNeutralize.
func FuzzNeutralize(f *testing.F) {
	for _, b := range bypasses {
		f.Add(b[0], b[1])
	}
	f.Fuzz(func(t *testing.T, text, rawURL string) {
		checkNeutralized(t, text, rawURL)
	})
}
