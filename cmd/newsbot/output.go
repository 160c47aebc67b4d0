package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/newsbot/newsbot/rag/answer"
	"github.com/newsbot/newsbot/rag/llm"
)

// writeAnswer prints an answer for people: the wrapped text, then its
// status, notes and sources (see writeTrailer).
func writeAnswer(w io.Writer, width int, ans answer.Answer, modelErr error) {
	writeWrapped(w, width, ans.Answer, "")
	fmt.Fprintln(w)
	writeTrailer(w, width, ans, modelErr)
}

// writeTrailer prints what follows an answer's text: its status when it
// is not a plain answer, the warnings, and the sources grouped by
// article. modelErr, when the answer fell back to quoting, is the model's
// error: it makes the status line say why, and the warning repeating it
// is left out.
func writeTrailer(w io.Writer, width int, ans answer.Answer, modelErr error) {
	status := ans.Status
	if status == "" {
		status = ans.DeriveStatus()
	}
	if line := statusLine(status, ans, modelErr); line != "" {
		writeWrapped(w, width, line, "")
	}
	for _, warn := range ans.Warnings {
		if modelErr != nil && strings.Contains(warn, modelErr.Error()) {
			continue
		}
		writeWrapped(w, width, "Note: "+warn, "")
	}
	writeSources(w, width, ans.Citations)
}

// statusLine says in words how far the answer can be trusted; "" for a
// plain answer or a refusal (whose text says so itself).
func statusLine(s answer.Status, ans answer.Answer, modelErr error) string {
	switch s {
	case answer.StatusFellBack:
		why := ""
		var le *llm.Error
		if errors.As(modelErr, &le) {
			why = ": " + modelProblem(le)
		}
		return "Status: quoted the articles — the model could not answer" + why + "."
	case answer.StatusUnsupported:
		return "Status: unsupported parts — some sentences are not backed by the passages they cite (see the notes)."
	case answer.StatusConflict:
		return "Status: sources differ — the articles do not agree on what was asked; compare the sources."
	case answer.StatusUncertain:
		if ans.Has(answer.FlagTruncated) {
			return "Status: uncertain — the model stopped at its length limit, so the answer may be incomplete."
		}
		return "Status: uncertain — the evidence in the articles is weak."
	}
	return ""
}

// sourceEntry is one article of an answer's sources with the citation
// numbers that point to it and its distinct quotes.
type sourceEntry struct {
	first  answer.Citation
	ns     []int
	quotes []sourceQuote
}

type sourceQuote struct {
	ns   []int
	text string
}

// groupCitations merges the citations of one article into one entry, in
// order of first citation; citations with the same quote share a line.
func groupCitations(cs []answer.Citation) []sourceEntry {
	var out []sourceEntry
	byArticle := map[string]int{}
	for _, c := range cs {
		key := c.ArticleID
		if key == "" {
			key = fmt.Sprintf("#%d", c.N)
		}
		i, ok := byArticle[key]
		if !ok {
			i = len(out)
			byArticle[key] = i
			out = append(out, sourceEntry{first: c})
		}
		e := &out[i]
		e.ns = append(e.ns, c.N)
		if c.Quote == "" {
			continue
		}
		merged := false
		for j := range e.quotes {
			if e.quotes[j].text == c.Quote {
				e.quotes[j].ns = append(e.quotes[j].ns, c.N)
				merged = true
			}
		}
		if !merged {
			e.quotes = append(e.quotes, sourceQuote{ns: []int{c.N}, text: c.Quote})
		}
	}
	return out
}

// markers renders citation numbers as "[1][3]".
func markers(ns []int) string {
	var b strings.Builder
	for _, n := range ns {
		fmt.Fprintf(&b, "[%d]", n)
	}
	return b.String()
}

// writeSources prints one entry per article: the markers that cite it,
// its title, outlet and date, its URL, and its quoted sentences (each
// with its markers when the article has several).
func writeSources(w io.Writer, width int, cs []answer.Citation) {
	if len(cs) == 0 {
		return
	}
	fmt.Fprintln(w, "Sources:")
	for _, e := range groupCitations(cs) {
		c := e.first
		head := markers(e.ns) + " " + describe(c.Title, c.Source, c.Published)
		writeWrapped(w, width, head, "")
		if c.URL != "" {
			fmt.Fprintf(w, "    %s\n", c.URL)
		}
		for _, q := range e.quotes {
			text := "“" + q.text + "”"
			if len(e.quotes) > 1 {
				text = markers(q.ns) + " " + text
			}
			writeWrapped(w, width, text, "    ")
		}
	}
}

// describe renders "Title — Outlet, 2025-12-02", leaving out what is unknown.
func describe(title, source, published string) string {
	if title == "" {
		title = "(untitled)"
	}
	var meta []string
	for _, s := range []string{source, published} {
		if s != "" {
			meta = append(meta, s)
		}
	}
	if len(meta) == 0 {
		return title
	}
	return title + " — " + strings.Join(meta, ", ")
}

func prefixed(prefix, s string) string {
	if s == "" {
		return ""
	}
	return prefix + s
}

// writeWrapped prints text wrapped at width terminal cells, each line
// indented. Paragraph breaks in text are kept.
func writeWrapped(w io.Writer, width int, text, indent string) {
	for _, line := range wrapText(text, indent, width) {
		fmt.Fprintln(w, line)
	}
}

// writeWrappedLines wraps each line of text at width, keeping its
// indentation (continuation lines are indented like the line itself).
func writeWrappedLines(w io.Writer, width int, text string) {
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		body := strings.TrimLeft(line, " ")
		writeWrapped(w, width, body, line[:len(line)-len(body)])
	}
}
