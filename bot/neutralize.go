package bot

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"

	"github.com/bwmarrin/discordgo"
)

// zwsp is the zero-width space inserted to break mentions.
const zwsp = "\u200b"

// maxLinkScan bounds how far unmaskLinks looks for a masked link's label
// and target, in bytes, so that text full of "](" stays linear. A link
// longer than that is not rewritten, only broken apart.
const maxLinkScan = 2048

var (
	htmlComment = regexp.MustCompile(`<!--|-->`)
	spoiler     = regexp.MustCompile(`\|\|([\s\S]*?)\|\|`)
	// mentionOpen is how <@id>, <@!id>, <@&id>, <#id> and </cmd:id> begin.
	mentionOpen = regexp.MustCompile(`<([@#/])`)
	// massMention has no word boundary after the name: "@hereby" is broken
	// too, rather than guess where Discord stops reading.
	massMention = regexp.MustCompile(`(?i)@(everyone|here)`)
	bareURL     = regexp.MustCompile(`(?i)\b(?:https?|ftp)://[^\s<>]+`)
	citation    = regexp.MustCompile(`^\[\d{1,3}\]$`)
	urlScheme   = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:`)
	linkTitle   = regexp.MustCompile(`^(?:"[^"]*"|'[^']*'|\([^()]*\))$`)
)

// neutralize returns text with everything that could ping, unfurl or hide
// something in Discord defused, and all other text (including [n] citation
// markers) unchanged:
//
//   - invisible format characters (zero-width, bidi overrides, soft
//     hyphens, BOM) and control characters other than newline and tab are
//     removed;
//   - HTML comment markers are removed, so their content shows;
//   - spoilers ||text|| become plain text;
//   - masked links [text](url) in every form Discord reads (nested
//     brackets in the text, any scheme in any case, <url> targets, titles,
//     spaces and newlines) become "text (<url>)", so the real target is
//     visible (a citation [n] as link text stays "[n]"); the URL is
//     percent-encoded where it holds spaces, "<" or ">";
//   - any "](" left, which could still close a masked link, becomes "] (";
//   - @everyone, @here and <@id>, <@!id>, <@&id>, <#id>, </cmd:id> get a
//     zero-width space so they neither ping nor resolve;
//   - bare http(s) URLs are wrapped in <...>, which keeps them readable and
//     clickable but stops Discord from unfurling a preview.
//
// The order matters: every step that deletes text runs before the steps
// that defuse what the deletion could join together.
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
	text = spoiler.ReplaceAllString(text, "$1")
	text = strings.ReplaceAll(text, "||", `\|\|`)
	// A rewrite can expose an outer link whose label held an inner one.
	for range 4 {
		next := unmaskLinks(text)
		if next == text {
			break
		}
		text = next
	}
	text = strings.ReplaceAll(text, "](", "] (")
	text = mentionOpen.ReplaceAllString(text, "<"+zwsp+"$1")
	text = massMention.ReplaceAllString(text, "@"+zwsp+"$1")
	return wrapURLs(text)
}

// unmaskLinks rewrites each masked link [label](target) whose target starts
// with a URL scheme as "label (<target>)". Labels may hold nested brackets;
// targets may be <...>, carry a title, or be padded with spaces and
// newlines, as Discord allows.
func unmaskLinks(text string) string {
	var b strings.Builder
	for {
		i := strings.Index(text, "](")
		if i < 0 {
			break
		}
		open := labelStart(text[:i])
		end := targetEnd(text[i+2:])
		if open < 0 || end < 0 {
			b.WriteString(text[:i+2])
			text = text[i+2:]
			continue
		}
		link, ok := linkTarget(text[i+2 : i+2+end])
		if !ok {
			b.WriteString(text[:i+2])
			text = text[i+2:]
			continue
		}
		b.WriteString(text[:open])
		label := strings.TrimSpace(text[open+1 : i])
		switch {
		case label == "":
			b.WriteString(link)
		case citation.MatchString("[" + label + "]"):
			b.WriteString("[" + label + "] (" + link + ")")
		default:
			b.WriteString(label + " (" + link + ")")
		}
		text = text[i+2+end+1:]
	}
	b.WriteString(text)
	return b.String()
}

// labelStart returns the index of the "[" that opens a label ending at the
// end of s, counting nested brackets, or -1.
func labelStart(s string) int {
	depth := 0
	for j := len(s) - 1; j >= 0 && j >= len(s)-maxLinkScan; j-- {
		switch s[j] {
		case ']':
			depth++
		case '[':
			if depth == 0 {
				return j
			}
			depth--
		}
	}
	return -1
}

// targetEnd returns the index of the ")" that closes a target starting at
// s[0], counting nested parentheses outside <...>, or -1.
func targetEnd(s string) int {
	depth, angle := 0, false
	for j := 0; j < len(s) && j < maxLinkScan; j++ {
		switch c := s[j]; {
		case angle:
			angle = c != '>'
		case c == '<':
			angle = true
		case c == '(':
			depth++
		case c == ')':
			if depth == 0 {
				return j
			}
			depth--
		}
	}
	return -1
}

// linkTarget returns a masked link's target ("url" or "<url>", either
// followed by a title) as "<url>", the URL made safe to wrap in <...>, and
// whether the target is a URL at all. A title in quotes or parentheses is
// dropped; any other text after the URL is kept, after it.
func linkTarget(t string) (string, bool) {
	t = strings.TrimSpace(t)
	var u, rest string
	if after, ok := strings.CutPrefix(t, "<"); ok {
		u, rest, _ = strings.Cut(after, ">")
	} else if i := strings.IndexFunc(t, unicode.IsSpace); i >= 0 {
		u, rest = t[:i], t[i:]
	} else {
		u = t
	}
	if !urlScheme.MatchString(u) {
		return "", false
	}
	link := "<" + escapeURL(u, "@[]") + ">"
	if rest = strings.TrimSpace(rest); rest != "" && !linkTitle.MatchString(rest) {
		link += " " + rest
	}
	return link, true
}

// urlSafe lists the bytes a URL keeps unescaped inside <...>: RFC 3986's
// unreserved and reserved characters and "%". Everything else (spaces,
// control bytes, "<", ">", quotes, backslash, "|", "`", non-ASCII) could end
// the <...> early or change how Discord reads the text.
const urlSafe = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%"

// escapeURL percent-encodes every byte of u that is not in urlSafe, and
// also those in extra.
func escapeURL(u, extra string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		if strings.IndexByte(urlSafe, c) >= 0 && strings.IndexByte(extra, c) < 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// safeURL returns rawURL (an untrusted source URL) in a form that can be
// wrapped in <...> in Discord text: an absolute http(s) URL with a plain
// host name or IP address, no user name, and every byte after the host that
// could close the <...> early, ping or format (spaces, control bytes, "<",
// ">", "@", brackets, quotes, non-ASCII) percent-encoded. It reports false
// for anything else, which should then be shown without a link.
func safeURL(rawURL string) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || u.User != nil || u.Opaque != "" {
		return "", false
	}
	scheme := strings.ToLower(u.Scheme)
	if (scheme != "http" && scheme != "https") || !safeHost(u.Host) {
		return "", false
	}
	rest := strings.TrimPrefix(u.String(), u.Scheme+"://"+u.Host)
	return scheme + "://" + u.Host + escapeURL(rest, "@[]"), true
}

// safeHost reports whether h is a host name, IPv4 or bracketed IPv6
// address, with an optional port, in plain ASCII.
func safeHost(h string) bool {
	if h == "" {
		return false
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte(".-:[]", c) >= 0) {
			return false
		}
	}
	return true
}

// wrapURLs puts bare URLs inside <...>, leaving alone those already
// wrapped (even when they end in punctuation) and keeping trailing
// punctuation of bare ones outside.
func wrapURLs(text string) string {
	var b strings.Builder
	last := 0
	for _, loc := range bareURL.FindAllStringIndex(text, -1) {
		start, end := loc[0], loc[1]
		if start > 0 && text[start-1] == '<' && end < len(text) && text[end] == '>' {
			continue
		}
		url := trimURL(text[start:end])
		end = start + len(url)
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
