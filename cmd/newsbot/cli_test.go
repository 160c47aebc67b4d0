package main

import (
	"encoding/json"
	"fmt"
	"html"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/rag"
	"github.com/newsbot/newsbot/rag/openaitest"
)

// TestGlobalFlagsAnywhere: the common flags work before the command as
// well as after it, with or without "=".
func TestGlobalFlagsAnywhere(t *testing.T) {
	c := newCLI(t, "../../corpus")
	db := c.env["NEWSBOT_DB"]
	delete(c.env, "NEWSBOT_DB")
	for _, args := range [][]string{
		{"--db", db, "ask", "--json", "What did the Kremlin reject?"},
		{"--db=" + db, "-v", "ask", "What did the Kremlin reject?", "--json"},
		{"ask", "--json", "What did the Kremlin reject?", "--db", db},
	} {
		code, out, stderr := c.run(args...)
		var ans askJSON
		if code != 0 || json.Unmarshal([]byte(out), &ans) != nil || ans.Refused {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", args, code, out, stderr)
		}
	}
	s := sourcesJSON(t, c, "--db", db)
	if s.Data.Database != db || len(s.Articles) != 5 {
		t.Errorf("the runs did not share --db %s: %+v, %d articles", db, s.Data, len(s.Articles))
	}
	code, _, stderr := c.run("-v", "--db", db, "sources")
	if code != 0 || !strings.Contains(stderr, "database "+db) {
		t.Errorf("-v before the command: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = c.run("--nope", "sources")
	if code != exitUsage || !strings.Contains(stderr, "flag provided but not defined: -nope") {
		t.Errorf("unknown flag before the command: exit %d, stderr %q", code, stderr)
	}
	if code, out, _ := c.run("--db", db); code != exitUsage || !strings.Contains(out, "Usage:") {
		t.Errorf("flags without a command: exit %d, %q", code, out)
	}
}

// TestCommandHelp: each command's --help is its own, with its flags,
// their defaults and examples.
func TestCommandHelp(t *testing.T) {
	c := newCLI(t, "../../corpus")
	c.env["NEWSBOT_ASK_TIMEOUT"] = "45s"
	helps := map[string]string{}
	for _, name := range commandOrder {
		code, out, stderr := c.run(name, "--help")
		if code != 0 || stderr != "" {
			t.Fatalf("%s --help: exit %d, stderr %q", name, code, stderr)
		}
		if !strings.HasPrefix(out, "Usage: newsbot "+name) || !strings.Contains(out, "Examples:\n  newsbot") ||
			!strings.Contains(out, "--data DIR") {
			t.Errorf("%s --help:\n%s", name, out)
		}
		for other, h := range helps {
			if h == out {
				t.Errorf("%s and %s print the same help", name, other)
			}
		}
		helps[name] = out
		if _, alt, _ := c.run("help", name); alt != out {
			t.Errorf("newsbot help %s differs from newsbot %s --help", name, name)
		}
		if _, alt, _ := c.run("-h", name); alt != out {
			t.Errorf("newsbot -h %s differs from newsbot %s --help", name, name)
		}
	}
	for _, want := range []string{"--timeout duration", "(default 45s)", "--strict", "-k int", fmt.Sprintf("(default %d with a model, %d without)", rag.DefaultK, rag.ExtractiveK), "2000 bytes"} {
		if !strings.Contains(helps["ask"], want) {
			t.Errorf("ask --help lacks %q:\n%s", want, helps["ask"])
		}
	}
	if !strings.Contains(helps["ingest"], "--prune") || strings.Contains(helps["ingest"], "--timeout") {
		t.Errorf("ingest --help:\n%s", helps["ingest"])
	}
	_, overview, _ := c.run("--help")
	for _, name := range commandOrder {
		if !strings.Contains(overview, "newsbot "+name) {
			t.Errorf("overview lacks %s", name)
		}
	}
}

// fakeTerminal makes the CLI see stdout as a terminal of the given size
// for the rest of the test.
func fakeTerminal(t *testing.T, cols, rows int) {
	old := termSize
	termSize = func(io.Writer) (int, int, bool) { return cols, rows, true }
	t.Cleanup(func() { termSize = old })
}

// screen replays terminal output (text, \r, \n and the escapes the CLI
// writes: erase line, cursor up, erase below) and returns the visible
// lines.
func screen(t *testing.T, out string) []string {
	t.Helper()
	var lines []string
	row, col := 0, 0
	put := func(s string) {
		for len(lines) <= row {
			lines = append(lines, "")
		}
		r := []rune(lines[row])
		for len(r) < col {
			r = append(r, ' ')
		}
		r = append(r[:col], []rune(s)...)
		lines[row] = string(r)
		col += len([]rune(s))
	}
	esc := regexp.MustCompile(`^\x1b\[(\d*)([AJK])`)
	for i := 0; i < len(out); {
		switch {
		case out[i] == '\n':
			row, col = row+1, 0
			i++
		case out[i] == '\r':
			col = 0
			i++
		case out[i] == 0x1b:
			m := esc.FindStringSubmatch(out[i:])
			if m == nil {
				t.Fatalf("unknown escape at %q", out[i:min(i+8, len(out))])
			}
			switch m[2] {
			case "A":
				n := 1
				if m[1] != "" {
					n = int(m[1][0] - '0')
					for _, d := range m[1][1:] {
						n = n*10 + int(d-'0')
					}
				}
				row = max(row-n, 0)
			case "J":
				if row < len(lines) {
					lines = lines[:row]
				}
			case "K":
				if row < len(lines) {
					lines[row] = ""
				}
			}
			i += len(m[0])
		default:
			j := i
			for j < len(out) && out[j] != '\n' && out[j] != '\r' && out[j] != 0x1b {
				j++
			}
			put(out[i:j])
			i = j
		}
	}
	return lines
}

// modelCLI returns a CLI whose chat model replies with reply, word by word.
func modelCLI(t *testing.T, reply string, opts ...openaitest.Option) (*cli, *openaitest.Server) {
	srv := openaitest.New(t, append([]openaitest.Option{openaitest.WithReply(func(openaitest.Request) string { return reply })}, opts...)...)
	c := newCLI(t, "../../corpus")
	c.env["OPENAI_BASE_URL"] = srv.URL()
	c.env["NEWSBOT_CHAT_MODEL"] = "test-chat"
	if code, _, stderr := c.run("ingest"); code != 0 {
		t.Fatalf("ingest: %s", stderr)
	}
	return c, srv
}

// TestStreamedAnswerCorrected: when the citation check changes a streamed
// answer, the answer is not printed twice — corrected in place on a
// terminal, followed only by the changed sentences elsewhere.
func TestStreamedAnswerCorrected(t *testing.T) {
	// The model quotes passage 1, whichever it is, so the check finds
	// that claim supported and changes only the made-up one.
	var quoted string
	srv := openaitest.New(t, openaitest.WithReply(func(r openaitest.Request) string {
		m := passageOneRE.FindStringSubmatch(r.Messages[len(r.Messages)-1].Content)
		if m == nil {
			t.Errorf("no passage 1 in the prompt")
			return "The articles don't cover this."
		}
		quoted = html.UnescapeString(strings.TrimSpace(m[1]))
		return quoted + " [1]. A made-up claim [7]."
	}))
	c := newCLI(t, "../../corpus")
	c.env["OPENAI_BASE_URL"] = srv.URL()
	c.env["NEWSBOT_CHAT_MODEL"] = "test-chat"
	if code, _, stderr := c.run("ingest"); code != 0 {
		t.Fatalf("ingest: %s", stderr)
	}

	code, out, stderr := c.run("ask", "What did the Kremlin reject?")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	words := strings.Fields(quoted)
	probe := words[len(words)-1] + " [1]" // the answer's, not the sources' quotation
	if n := strings.Count(out, probe); n != 1 {
		t.Errorf("piped: the answer's text appears %d times:\n%s", n, out)
	}
	if !strings.Contains(out, "The citation check changed the answer:\n  - A made-up claim [7].\n  + A made-up claim.") {
		t.Errorf("piped: the change is not shown:\n%s", out)
	}

	fakeTerminal(t, 50, 40)
	code, out, stderr = c.run("ask", "What did the Kremlin reject?")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	shown := strings.Join(screen(t, out), " ")
	if n := strings.Count(shown, probe); n != 1 || strings.Contains(shown, "claim [7]") || !strings.Contains(shown, "Sources:") {
		t.Errorf("terminal: the screen shows the answer %d times (or still [7]):\n%s", n, shown)
	}
	for _, l := range screen(t, out) {
		if displayWidth(l) > 50 {
			t.Errorf("terminal: line wider than 50 cells: %q", l)
		}
	}

	// Unchanged by the check: the streamed text stands, followed by the sources.
	c2, _ := modelCLI(t, "Putin rejected key parts of the US plan [1].")
	_, out, _ = c2.run("ask", "What did the Kremlin reject?")
	if strings.Count(out, "Putin rejected key parts") != 1 || strings.Contains(out, "changed") || !strings.Contains(out, "Sources:") {
		t.Errorf("unchanged streamed answer:\n%s", out)
	}
}

// passageOneRE finds the first words of passage 1 in a prompt, up to
// the end of its first sentence or line.
var passageOneRE = regexp.MustCompile(`<passage n="1"[^>]*>\n([^.\n]{20,}?)[.\n]`)

// TestModelFailureOneLine: an unreachable server or a refused key gives
// one clear line (no retry log), exit 0, and exit 3 with --strict.
func TestModelFailureOneLine(t *testing.T) {
	c := newCLI(t, "../../corpus")
	if code, _, stderr := c.run("ingest"); code != 0 {
		t.Fatal(stderr)
	}
	c.env["OPENAI_BASE_URL"] = "http://127.0.0.1:1/v1" // nothing listens on port 1
	c.env["NEWSBOT_CHAT_MODEL"] = "test-chat"
	c.env["NEWSBOT_MODEL_RETRIES"] = "1"
	code, out, stderr := c.run("ask", "What did the Kremlin reject?")
	if code != 0 || stderr != "" {
		t.Errorf("unreachable: exit %d, stderr %q (want no log lines)", code, stderr)
	}
	if n := strings.Count(out, "127.0.0.1:1"); n != 1 || !strings.Contains(out, "Status: quoted the articles") ||
		!strings.Contains(out, "is unreachable") {
		t.Errorf("unreachable: the failure is said %d times:\n%s", n, out)
	}
	code, _, stderr = c.run("ask", "--strict", "What did the Kremlin reject?")
	if code != exitStrict || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "unreachable") {
		t.Errorf("--strict: exit %d, stderr %q", code, stderr)
	}

	srv := openaitest.New(t)
	f := openaitest.APIError(401, "Incorrect API key provided", "invalid_request_error")
	srv.SetPersistent(openaitest.PathChat, &f)
	c.env["OPENAI_BASE_URL"] = srv.URL()
	code, out, stderr = c.run("ask", "--strict", "What did the Kremlin reject?")
	if code != exitStrict || !strings.Contains(out, "refused the API key") || !strings.Contains(stderr, "refused the API key") {
		t.Errorf("refused key: exit %d\nstdout %s\nstderr %s", code, out, stderr)
	}
}

// TestAskDeadline: a model trickling its answer ends at --timeout (or
// NEWSBOT_ASK_TIMEOUT) with a clear message.
func TestAskDeadline(t *testing.T) {
	c, srv := modelCLI(t, "Putin rejected key parts of the US plan [1] and many more words follow.")
	srv.SetPersistent(openaitest.PathChat, &openaitest.Fault{ChunkDelay: 300 * time.Millisecond})
	start := time.Now()
	code, _, stderr := c.run("ask", "--timeout", "500ms", "What did the Kremlin reject?")
	if code != exitFailure || !strings.Contains(stderr, "no answer within 500ms") {
		t.Errorf("--timeout: exit %d, stderr %q", code, stderr)
	}
	if time.Since(start) > 20*time.Second {
		t.Errorf("the deadline did not end the answer (took %s)", time.Since(start))
	}
	c.env["NEWSBOT_ASK_TIMEOUT"] = "400ms"
	if code, _, stderr := c.run("ask", "What did the Kremlin reject?"); code != exitFailure || !strings.Contains(stderr, "no answer within 400ms") {
		t.Errorf("NEWSBOT_ASK_TIMEOUT: exit %d, stderr %q", code, stderr)
	}
	c.env["NEWSBOT_ASK_TIMEOUT"] = "soon"
	if code, _, stderr := c.run("ask", "q"); code != exitUsage || !strings.Contains(stderr, "NEWSBOT_ASK_TIMEOUT") {
		t.Errorf("bad NEWSBOT_ASK_TIMEOUT: exit %d, stderr %q", code, stderr)
	}
}

// TestQuestionLimitInBytes: the limit is enforced and stated in bytes.
func TestQuestionLimitInBytes(t *testing.T) {
	c := newCLI(t, "../../corpus")
	code, _, stderr := c.run("ask", strings.Repeat("é", 1001)) // 2002 bytes, 1001 characters
	if code != exitFailure || !strings.Contains(stderr, "at most 2000 bytes") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestAnswerStatusShown: an answer that cites nothing is shown with its
// status on the terminal.
func TestAnswerStatusShown(t *testing.T) {
	c, _ := modelCLI(t, "The Kremlin rejected the plan.")
	code, out, stderr := c.run("ask", "What did the Kremlin reject?")
	if code != 0 || !strings.Contains(out, "Status: unsupported parts") {
		t.Errorf("exit %d, stderr %q, stdout:\n%s", code, stderr, out)
	}
}

// TestOutputWrapsAtWidth: human output wraps at COLUMNS (the terminal's
// width on a terminal), counting cells, and no answer line starts with
// a citation marker.
func TestOutputWrapsAtWidth(t *testing.T) {
	c := newCLI(t, "../../corpus")
	c.env["COLUMNS"] = "44"
	code, out, stderr := c.run("ask", "-k", "3", "What did the Kremlin reject?")
	if code != 0 {
		t.Fatal(stderr)
	}
	answerText, _, _ := strings.Cut(out, "\n\n")
	for _, l := range strings.Split(out, "\n") {
		if displayWidth(l) > 44 && strings.Contains(l, " ") {
			t.Errorf("line wider than 44 cells: %q", l)
		}
	}
	for _, l := range strings.Split(answerText, "\n") {
		if marker.MatchString(l) {
			t.Errorf("answer line starts with a marker: %q", l)
		}
	}
	if !strings.Contains(answerText, "\n") {
		t.Errorf("answer not wrapped at 44 columns:\n%s", out)
	}
}
