package bot

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/bwmarrin/discordgo"
)

// zwsp is the zero-width space inserted to break mentions.
const zwsp = "\u200b"

var (
	htmlComment = regexp.MustCompile(`<!--|-->`)
	// maskedLink matches [text](url), [text](<url>) and [text](url "title").
	maskedLink  = regexp.MustCompile(`\[([^\[\]\n]*)\]\(\s*<?((?:https?|ftp|mailto|discord|steam):[^\s<>()]*(?:\([^\s<>()]*\)[^\s<>()]*)*)>?(?:\s+"[^"\n]*")?\s*\)`)
	spoiler     = regexp.MustCompile(`\|\|([\s\S]*?)\|\|`)
	userMention = regexp.MustCompile(`<(@[!&]?|#|/)([\w :-]*\d+)>`)
	massMention = regexp.MustCompile(`(?i)@(everyone|here)\b`)
	bareURL     = regexp.MustCompile(`(?i)\b(?:https?|ftp)://[^\s<>]+`)
	citation    = regexp.MustCompile(`^\[\d{1,3}\]$`)
)

// neutralize returns text with everything that could ping, unfurl or hide
// something in Discord defused, and all other text (including [n] citation
// markers) unchanged:
//
//   - invisible format characters (zero-width, bidi overrides, soft
//     hyphens, BOM) and control characters other than newline and tab are
//     removed;
//   - HTML comment markers are removed, so their content shows;
//   - masked links [text](url) become "text (<url>)", so the real target is
//     visible (a citation [n] as link text stays "[n]");
//   - spoilers ||text|| become plain text;
//   - @everyone, @here and <@id>, <@!id>, <@&id>, <#id>, </cmd:id> get a
//     zero-width space so they neither ping nor resolve;
//   - bare http(s) URLs are wrapped in <...>, which keeps them readable and
//     clickable but stops Discord from unfurling a preview.
func neutralize(text string) string {
	text = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r == '\r':
			return -1
		case unicode.Is(unicode.Cf, r), unicode.IsControl(r):
			return -1
		}
		return r
	}, text)
	text = htmlComment.ReplaceAllString(text, "")
	text = maskedLink.ReplaceAllStringFunc(text, func(m string) string {
		sub := maskedLink.FindStringSubmatch(m)
		label, url := strings.TrimSpace(sub[1]), sub[2]
		if citation.MatchString("[" + label + "]") {
			label = "[" + label + "]"
		}
		if label == "" {
			return "<" + url + ">"
		}
		return label + " (<" + url + ">)"
	})
	text = spoiler.ReplaceAllString(text, "$1")
	text = strings.ReplaceAll(text, "||", `\|\|`)
	text = userMention.ReplaceAllString(text, "<"+zwsp+"$1$2>")
	text = massMention.ReplaceAllString(text, "@"+zwsp+"$1")
	return wrapURLs(text)
}

// wrapURLs puts bare URLs inside <...>, leaving alone those already
// wrapped and keeping trailing punctuation outside.
func wrapURLs(text string) string {
	var b strings.Builder
	last := 0
	for _, loc := range bareURL.FindAllStringIndex(text, -1) {
		start, end := loc[0], loc[1]
		url := trimURL(text[start:end])
		end = start + len(url)
		if start > 0 && text[start-1] == '<' && end < len(text) && text[end] == '>' {
			continue
		}
		b.WriteString(text[last:start])
		b.WriteString("<" + url + ">")
		last = end
	}
	b.WriteString(text[last:])
	return b.String()
}

// trimURL drops punctuation that ends a sentence rather than the URL,
// keeping closing brackets that balance an opening one inside it.
func trimURL(u string) string {
	for len(u) > 0 {
		c := u[len(u)-1]
		switch {
		case strings.IndexByte(".,;:!?'\"*_~`", c) >= 0:
		case c == ')' && strings.Count(u, "(") < strings.Count(u, ")"):
		case c == ']' && strings.Count(u, "[") < strings.Count(u, "]"):
		default:
			return u
		}
		u = u[:len(u)-1]
	}
	return u
}

// noMentions returns allowed mentions that let nothing ping: no @everyone,
// no roles, no users, not even the author of a replied-to message. It is a
// new value each time so that no caller can change another's.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}
