package main

import (
	"encoding/json"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/corpus/feeds"
	"github.com/newsbot/newsbot/rag/llm"
)

// sourceEnvFile sources path with `set -a; . path; set +a` in a clean
// shell, as .env.example says to, and returns the variables it set.
func sourceEnvFile(t *testing.T, path string) map[string]string {
	t.Helper()
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skipf("no sh to source %s: %v", path, err)
	}
	cmd := exec.Command(sh, "-c", `set -a; . "$1"; set +a; env`, "sh", path)
	cmd.Env = []string{"PATH=/usr/bin:/bin"}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("sourcing %s: %v\n%s", path, err, out)
	}
	env := map[string]string{}
	for _, line := range strings.Split(string(out), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			env[k] = v
		}
	}
	return env
}

// TestEnvExampleMatchesDefaults: sourced as its comment says, .env.example
// sets only the program's defaults, and newsbot still answers from the
// shipped articles with it.
func TestEnvExampleMatchesDefaults(t *testing.T) {
	env := sourceEnvFile(t, "../../.env.example")
	dur := func(d time.Duration) func(string) bool {
		return func(v string) bool { got, err := time.ParseDuration(v); return err == nil && got == d }
	}
	num := func(n int) func(string) bool {
		return func(v string) bool { got, err := strconv.Atoi(v); return err == nil && got == n }
	}
	defaults := map[string]func(string) bool{
		"NEWSBOT_ASK_TIMEOUT":        dur(defaultAskTimeout),
		"NEWSBOT_MODEL_TIMEOUT":      dur(llm.DefaultTimeout),
		"NEWSBOT_MODEL_RETRIES":      num(llm.DefaultMaxRetries),
		"NEWSBOT_MAX_CONTEXT_TOKENS": num(llm.DefaultMaxContextTokens),
		"NEWSBOT_MAX_ANSWER_TOKENS":  num(llm.DefaultMaxAnswerTokens),
		"NEWSBOT_MAX_ANSWER_BYTES":   num(llm.DefaultMaxAnswerBytes),
		"NEWSBOT_CHAT_TIMEOUT":       dur(llm.DefaultChatTimeout),
		"NEWSBOT_DISCORD_PLAIN":      func(v string) bool { return !isTrue(v) },
		"NEWSBOT_FEED_INTERVAL":      dur(feeds.DefaultPollInterval),
		"NEWSBOT_FEED_PAGE_TIMEOUT":  dur(feeds.DefaultTimeout),
		"NEWSBOT_FEED_TIMEOUT":       dur(feeds.DefaultFeedTimeout),
		"NEWSBOT_FEED_RUN_TIMEOUT":   dur(feeds.DefaultRunTimeout),
		"DISCORD_MESSAGE_CONTENT":    func(v string) bool { return v == "false" },
	}
	seen := 0
	for k, v := range env {
		if !strings.HasPrefix(k, "NEWSBOT_") && !strings.HasPrefix(k, "OPENAI_") && !strings.HasPrefix(k, "DISCORD_") {
			continue
		}
		seen++
		if v == "" {
			continue
		}
		ok, known := defaults[k]
		switch {
		case !known:
			t.Errorf("%s=%q is set but has no default to compare with (comment it out, or add it here)", k, v)
		case !ok(v):
			t.Errorf("%s=%q differs from the program's default", k, v)
		}
	}
	if seen < 10 {
		t.Fatalf("sourcing set only %d newsbot variables: %v", seen, env)
	}

	env["HOME"] = t.TempDir()
	env["LocalAppData"] = env["HOME"]
	c := &cli{t: t, env: env}
	code, out, stderr := c.run("ask", "--json", "What did the Kremlin reject?")
	var ans askJSON
	if code != 0 || json.Unmarshal([]byte(out), &ans) != nil || ans.Refused || len(ans.Citations) == 0 {
		t.Errorf("with .env.example sourced: exit %d, stdout %s, stderr %s", code, out, stderr)
	}
}
