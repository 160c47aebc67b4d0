package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/newsbot/newsbot/rag/answer"
)

// wrapWidth is the column at which human output is wrapped.
const wrapWidth = 80

// writeAnswer prints an answer for people: the wrapped text, warnings,
// then the numbered sources.
func writeAnswer(w io.Writer, ans answer.Answer) {
	writeWrapped(w, ans.Answer, "")
	fmt.Fprintln(w)
	writeSources(w, ans)
}

// writeSources prints the warnings and the numbered sources of ans.
func writeSources(w io.Writer, ans answer.Answer) {
	for _, warn := range ans.Warnings {
		writeWrapped(w, "Note: "+warn, "")
	}
	if len(ans.Citations) == 0 {
		return
	}
	if len(ans.Warnings) > 0 {
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, "Sources:")
	for _, c := range ans.Citations {
		head := fmt.Sprintf("[%d] %s", c.N, describe(c.Title, c.Source, c.Published))
		writeWrapped(w, head, "")
		if c.URL != "" {
			fmt.Fprintf(w, "    %s\n", c.URL)
		}
		if c.Quote != "" {
			writeWrapped(w, "“"+c.Quote+"”", "    ")
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

// writeWrapped prints text wrapped at wrapWidth, each line indented.
// Paragraph breaks in text are kept.
func writeWrapped(w io.Writer, text, indent string) {
	for _, para := range strings.Split(text, "\n") {
		line := indent
		for _, word := range strings.Fields(para) {
			if len(line) > len(indent) && len(line)+1+len(word) > wrapWidth {
				fmt.Fprintln(w, line)
				line = indent
			}
			if len(line) > len(indent) {
				line += " "
			}
			line += word
		}
		fmt.Fprintln(w, line)
	}
}

// writeWrappedLines wraps each line of text at wrapWidth, keeping its
// indentation (continuation lines are indented like the line itself).
func writeWrappedLines(w io.Writer, text string) {
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		body := strings.TrimLeft(line, " ")
		writeWrapped(w, body, line[:len(line)-len(body)])
	}
}
