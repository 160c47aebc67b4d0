package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/bot/discordtest"
)

// TestDiscordFollowsAnotherProcess runs `newsbot discord` against a fake
// Discord, then a separate `newsbot ingest` process adds an article and
// later removes it: the running bot answers about it, then stops citing
// it, without a restart.
func TestDiscordFollowsAnotherProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	const token = "MTAw.follow-token"
	srv := discordtest.NewServer(discordtest.Config{Token: token})
	defer srv.Close()
	dir := t.TempDir()
	shipped, _ := filepath.Glob("../../corpus/*.txt")
	for _, f := range shipped {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644)
	}
	c := newCLI(t, dir)
	c.env["DISCORD_TOKEN"] = token
	c.env["DISCORD_API_BASE"] = srv.URL
	c.env["NEWSBOT_DISCORD_PLAIN"] = "1" // the answer and its sources as message text

	bot := startDiscord(t, c, srv, 90*time.Second)
	wait, stderr := bot.wait, bot.stderr

	ingest := func() {
		t.Helper()
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "NEWSBOT_TEST_RUN_MAIN=1", "NEWSBOT_TEST_ARGS=ingest",
			"NEWSBOT_CORPUS="+dir, "NEWSBOT_DB="+c.env["NEWSBOT_DB"])
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("newsbot ingest: %v\n%s", err, out)
		}
	}
	// ask asks until the answer satisfies ok or 15 s pass (the bot applies
	// changes every 2 s), returning the last answer.
	user := 600
	ask := func(ok func(string) bool) (string, bool) {
		t.Helper()
		deadline := time.Now().Add(15 * time.Second)
		for {
			user++ // a new user each time: the bot rate-limits each one
			in, err := srv.Interact(discordtest.Interaction{Name: "ask", GuildID: "1", ChannelID: "200", UserID: fmt.Sprint(user),
				Options: []discordtest.Option{{Name: "question", Type: discordtest.OptionString, Value: "Who bought the old lighthouse at the auction?"}}})
			if err != nil {
				t.Fatal(err)
			}
			// The final edit carries the sources, or is a refusal.
			call, err := srv.WaitCall(wait, func(c discordtest.Call) bool {
				content, has := c.Content()
				return c.Method == "PATCH" && c.Path == in.OriginalPath() && has &&
					(strings.Contains(content, "**Sources**") || strings.Contains(content, "don't cover"))
			})
			if err != nil {
				t.Fatalf("no answer: %v\n%s", err, stderr.String())
			}
			content, _ := call.Content()
			if ok(content) {
				return content, true
			}
			if time.Now().After(deadline) {
				return content, false
			}
			time.Sleep(500 * time.Millisecond)
		}
	}

	article := filepath.Join(dir, "lighthouse.txt")
	os.WriteFile(article, []byte("title: Lighthouse sold\nsource: Coast Post\n---\nThe old lighthouse was sold at auction to the Marine Heritage Trust on Friday.\nThe trust said it would restore the lamp room.\n"), 0o644)
	ingest()
	if got, ok := ask(func(s string) bool { return strings.Contains(s, "Marine Heritage Trust") }); !ok {
		t.Fatalf("the bot never answered from the article another process added:\n%s", got)
	}

	os.Remove(article)
	ingest()
	if got, ok := ask(func(s string) bool {
		return !strings.Contains(s, "Marine Heritage Trust") && !strings.Contains(s, "Lighthouse sold")
	}); !ok {
		t.Fatalf("the bot still cites the article another process removed:\n%s", got)
	}

	bot.stop(t)
}
