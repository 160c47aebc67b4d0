package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// writeOverview prints `newsbot --help`: every command in one line, the
// common flags and where the data lives.
func writeOverview(w io.Writer) {
	fmt.Fprint(w, "newsbot answers questions about news articles, citing every claim.\n\nUsage:\n")
	for _, name := range commandOrder {
		c := commands[name]
		fmt.Fprintf(w, "  newsbot %-44s %s\n", c.usage, c.summary)
	}
	fmt.Fprint(w, "\nRun newsbot COMMAND --help for a command's flags, defaults and examples.\n\n")
	fmt.Fprint(w, "Common flags, before or after the command (environment variable in brackets):\n")
	var o options
	fs := flag.NewFlagSet("newsbot", flag.ContinueOnError)
	globalFlags(fs, &o)
	writeFlags(w, fs)
	fmt.Fprint(w, `
The data home holds the database and the feeds folder; nothing is read from or written to the
current directory unless you name it. Without --corpus, a new database is filled with the shipped
demo articles, so newsbot ask works at once.

Model settings (all optional; see .env.example): OPENAI_API_KEY, OPENAI_BASE_URL,
NEWSBOT_CHAT_MODEL, NEWSBOT_EMBED_MODEL. Without them newsbot works offline.
Exit codes: 0 success, 1 failure, 2 usage error, 3 ask --strict and the model could not be used.
`)
}

// writeCommandHelp prints `newsbot NAME --help`: the synopsis, what the
// command does, its own flags with defaults, the common flags and
// examples.
func writeCommandHelp(w io.Writer, name string, c command, o options) {
	fmt.Fprintf(w, "Usage: newsbot %s\n\n%s.\n", c.usage, upperFirst(c.summary))
	if c.about != "" {
		fmt.Fprintf(w, "\n%s\n", c.about)
	}
	own := flag.NewFlagSet(name, flag.ContinueOnError)
	c.flags(own, &o)
	hasOwn := false
	own.VisitAll(func(*flag.Flag) { hasOwn = true })
	if hasOwn {
		fmt.Fprint(w, "\nFlags:\n")
		writeFlags(w, own)
	}
	common := flag.NewFlagSet(name, flag.ContinueOnError)
	globalFlags(common, &o)
	fmt.Fprint(w, "\nCommon flags (also before the command):\n")
	writeFlags(w, common)
	if len(c.examples) > 0 {
		fmt.Fprint(w, "\nExamples:\n")
		for _, e := range c.examples {
			fmt.Fprintf(w, "  %s\n", e)
		}
	}
}

// writeFlags lists fs's flags as "  --name VALUE  usage (default x)", long
// usages continued on indented lines.
func writeFlags(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		valueName, usage := flag.UnquoteUsage(f)
		dash := "--"
		if len(f.Name) == 1 {
			dash = "-"
		}
		head := "  " + dash + f.Name
		if valueName != "" {
			head += " " + valueName
		}
		if d := f.DefValue; d != "" && d != "false" && d != "0" && d != "[]" && !strings.Contains(usage, "(default") {
			usage += fmt.Sprintf(" (default %s)", d)
		}
		lines := strings.Split(usage, "\n")
		if len(head) < 22 {
			fmt.Fprintf(w, "%-22s %s\n", head, lines[0])
		} else {
			fmt.Fprintf(w, "%s\n%-22s %s\n", head, "", lines[0])
		}
		for _, l := range lines[1:] {
			fmt.Fprintf(w, "%-22s %s\n", "", l)
		}
	})
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
