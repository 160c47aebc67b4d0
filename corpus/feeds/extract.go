package feeds

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// page is what was extracted from an article page.
type page struct {
	canonical string // rel=canonical or og:url, cleaned; "" when absent or unusable
	title     string
	byline    string
	siteName  string
	published time.Time
	paras     []string
}

// isHTML reports whether a response with this Content-Type (and body, for
// sniffing when the header is absent) is an HTML page.
func isHTML(contentType string, body []byte) (bool, string) {
	if strings.TrimSpace(contentType) == "" {
		contentType = http.DetectContentType(body)
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false, contentType
	}
	return mt == "text/html" || mt == "application/xhtml+xml", mt
}

// extractPage parses an HTML page and extracts its main text and metadata
// with readability. pageURL is the final URL after redirects.
func extractPage(body []byte, contentType string, pageURL *url.URL) (*page, error) {
	doc, err := html.Parse(decodeHTML(body, contentType))
	if err != nil {
		return nil, fmt.Errorf("parse page: %w", err)
	}
	p := &page{canonical: pageCanonical(doc, pageURL)}
	parser := readability.NewParser() // a Parser keeps per-parse state: one per page
	art, err := parser.ParseDocument(doc, pageURL)
	if err != nil {
		return nil, fmt.Errorf("readability: %w", err)
	}
	p.title = cleanLine(art.Title())
	p.byline = cleanByline(art.Byline())
	p.siteName = cleanLine(art.SiteName())
	if t, err := art.PublishedTime(); err == nil {
		p.published = t
	}
	if art.Node != nil {
		p.paras = htmlParagraphs(art.Node)
	}
	if len(p.paras) == 0 {
		var text strings.Builder
		if art.RenderText(&text) == nil {
			p.paras = textParagraphs(text.String())
		}
	}
	return p, nil
}

// decodeHTML returns body as UTF-8: in the charset the Content-Type
// names; else as is when it is valid UTF-8 (x/net's detector only looks at
// the first 1024 bytes and would call a page whose <meta charset> comes
// later windows-1252); else as the page's <meta> or BOM says, defaulting to
// windows-1252.
func decodeHTML(body []byte, contentType string) io.Reader {
	if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
		if enc, _ := charset.Lookup(params["charset"]); enc != nil {
			return enc.NewDecoder().Reader(bytes.NewReader(body))
		}
	}
	if utf8.Valid(body) {
		return bytes.NewReader(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
	}
	enc, _, _ := charset.DetermineEncoding(body, "")
	return enc.NewDecoder().Reader(bytes.NewReader(body))
}

// pageCanonical returns the page's <link rel=canonical> or og:url, cleaned
// and resolved against the page URL; "" if absent, invalid or pointing at a
// site's front page (a common misconfiguration that would merge articles).
func pageCanonical(doc *html.Node, pageURL *url.URL) string {
	var canon, og string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Link:
				if canon == "" && hasToken(attr(n, "rel"), "canonical") {
					canon = attr(n, "href")
				}
			case atom.Meta:
				if og == "" && strings.EqualFold(attr(n, "property"), "og:url") {
					og = attr(n, "content")
				}
			case atom.Body:
				return // metadata lives in <head>
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, cand := range []string{canon, og} {
		if cand == "" {
			continue
		}
		u, err := CleanURL(cand, pageURL)
		if err != nil || isRootURL(u) {
			continue
		}
		return u
	}
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// htmlToParagraphs parses an HTML fragment (feed content) into paragraphs.
func htmlToParagraphs(s string) []string {
	if !strings.ContainsAny(s, "<&") {
		return textParagraphs(s)
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return textParagraphs(s)
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return htmlParagraphs(root)
}

// skipped elements never contribute text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Svg: true, atom.Button: true, atom.Form: true,
	atom.Input: true, atom.Select: true, atom.Textarea: true, atom.Nav: true,
	atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Audio: true, atom.Video: true,
}

// blocks end the current paragraph.
var blocks = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Br: true, atom.Dd: true, atom.Details: true, atom.Div: true, atom.Dl: true,
	atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true,
	atom.Footer: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Header: true, atom.Hr: true, atom.Li: true,
	atom.Main: true, atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true,
	atom.Table: true, atom.Tr: true, atom.Ul: true, atom.Summary: true, atom.Caption: true,
}

// htmlParagraphs returns the text of n as paragraphs: block elements break
// paragraphs, inline text is joined with whitespace collapsed.
func htmlParagraphs(n *html.Node) []string {
	var paras []string
	var cur strings.Builder
	flush := func() {
		if p := collapse(cur.String()); p != "" {
			paras = append(paras, p)
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			if skipped[n.DataAtom] {
				return
			}
			if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
				cur.WriteByte(' ')
			}
		case html.CommentNode, html.DoctypeNode:
			return
		}
		block := n.Type == html.ElementNode && blocks[n.DataAtom]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(n)
	flush()
	return paras
}

// textParagraphs splits plain text on blank lines (or single newlines when
// there are no blank lines) into collapsed paragraphs.
func textParagraphs(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var paras []string
	for _, p := range strings.Split(s, "\n") {
		if p = collapse(p); p != "" {
			paras = append(paras, p)
		}
	}
	return paras
}

// collapse trims s, replaces runs of whitespace (including no-break spaces)
// with one space and drops control characters and invalid UTF-8.
func collapse(s string) string {
	s = strings.ToValidUTF8(s, "")
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u00a0':
			space = true
		case unicode.IsControl(r) || r == utf8.RuneError || r == '\ufeff' || r == '\u200b':
			// dropped
		default:
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cleanLine returns s as one collapsed line with any HTML tags removed and
// entities decoded (feed titles are sometimes escaped twice).
func cleanLine(s string) string {
	if strings.ContainsAny(s, "<&") {
		s = strings.Join(htmlToParagraphs(s), " ")
	}
	return collapse(s)
}

// cleanByline trims "By " and stray separators from a byline.
func cleanByline(s string) string {
	s = cleanLine(s)
	if len(s) > 3 && strings.EqualFold(s[:3], "by ") {
		s = strings.TrimSpace(s[3:])
	}
	s = strings.Trim(s, " |-–—,")
	if len(s) > 120 { // not a byline but a paragraph readability mistook for one
		return ""
	}
	return s
}

// paywallPhrases mark a page that shows a teaser and asks the reader to
// subscribe or sign in.
var paywallPhrases = []string{
	"subscribe to continue", "subscribe to read", "subscribers only", "subscriber-only",
	"for subscribers", "to continue reading", "continue reading with a subscription",
	"already a subscriber", "already subscribed", "sign in to continue", "log in to continue",
	"sign in to read", "log in to read", "create a free account to continue",
	"register to continue", "unlock this article", "become a member to read",
	"start your free trial",
}

// stubReason says why the text looks like a paywall or teaser stub rather
// than an article, or "" when it looks like an article. min is the shortest
// text accepted.
func stubReason(text string, min int) string {
	n := utf8.RuneCountInString(text)
	lower := strings.ToLower(text)
	paywalled := false
	for _, p := range paywallPhrases {
		if strings.Contains(lower, p) {
			paywalled = true
			break
		}
	}
	switch {
	case paywalled && n < 3*min:
		return fmt.Sprintf("paywall stub (%d chars)", n)
	case n < min:
		return fmt.Sprintf("too short (%d chars)", n)
	}
	return ""
}
