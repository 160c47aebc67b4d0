package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/newsbot/newsbot/rag/answer"
)

type nopAnswerer struct{}

func (nopAnswerer) Ask(context.Context, answer.Request) (answer.Answer, error) {
	return answer.Answer{}, nil
}
func (nopAnswerer) Sources(context.Context) ([]answer.Source, error) { return nil, nil }

func TestNewValidates(t *testing.T) {
	ok := Config{Token: "abc", Answerer: nopAnswerer{}}
	tests := []struct {
		name string
		mod  func(*Config)
	}{
		{"no token", func(c *Config) { c.Token = "" }},
		{"only prefix", func(c *Config) { c.Token = "Bot " }},
		{"token with space", func(c *Config) { c.Token = "a b" }},
		{"no answerer", func(c *Config) { c.Answerer = nil }},
		{"bad base", func(c *Config) { c.APIBase = "ftp://x" }},
		{"base without host", func(c *Config) { c.APIBase = "http://" }},
		{"negative queue", func(c *Config) { c.MaxQueue = -1 }},
		{"negative interval", func(c *Config) { c.EditInterval = -1 }},
		{"question too long", func(c *Config) { c.MaxQuestionLen = answer.MaxQuestionLen + 1 }},
		{"blank channel id", func(c *Config) { c.AllowedChannelIDs = []string{" "} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := ok
			tt.mod(&cfg)
			if _, err := New(cfg); !errors.Is(err, ErrInvalidConfig) {
				t.Fatalf("New = %v, want ErrInvalidConfig", err)
			}
		})
	}
	if _, err := New(ok); err != nil {
		t.Fatalf("valid config: %v", err)
	}
}

func TestSecretRedacts(t *testing.T) {
	const tok = "MTIz.super-secret"
	cfg := Config{Token: tok}
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("config", "token", cfg.Token, "cfg", cfg)
	j, err := json.Marshal(cfg.Token)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{buf.String(), fmt.Sprint(cfg.Token), fmt.Sprintf("%v %+v %#v %s", cfg, cfg, cfg.Token, cfg.Token), string(j)} {
		if strings.Contains(s, "super-secret") {
			t.Errorf("token leaked: %s", s)
		}
	}
	if cfg.Token.Reveal() != tok {
		t.Error("Reveal lost the token")
	}
}

func TestRewritePath(t *testing.T) {
	tests := []struct{ base, path, want string }{
		{"", "/api/v9/gateway", "/api/v9/gateway"},
		{"/api", "/api/v9/gateway", "/api/v9/gateway"},
		{"/api/v10", "/api/v9/gateway", "/api/v10/gateway"},
		{"/discord/api/v9", "/api/v9/users/@me", "/discord/api/v9/users/@me"},
		{"/proxy", "/api/v9/gateway", "/proxy/api/v9/gateway"},
	}
	for _, tt := range tests {
		if got := rewritePath(tt.base, tt.path); got != tt.want {
			t.Errorf("rewritePath(%q, %q) = %q, want %q", tt.base, tt.path, got, tt.want)
		}
	}
}

func TestTransportRewrites(t *testing.T) {
	var got string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.Host + r.URL.RequestURI()
	}))
	defer srv.Close()
	rt, err := newTransport(srv.URL+"/", http.DefaultTransport)
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequestWithContext(t.Context(), "GET", "https://discord.com/api/v9/channels/1/messages?limit=5", nil)
	resp, err := (&http.Client{Transport: rt}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if want := strings.TrimPrefix(srv.URL, "http://") + "/api/v9/channels/1/messages?limit=5"; got != want {
		t.Errorf("request reached %q, want %q", got, want)
	}
	if req.URL.Host != "discord.com" {
		t.Error("the caller's request was modified")
	}
	if rt, _ := newTransport(DefaultAPIBase, http.DefaultTransport); rt != http.DefaultTransport {
		t.Error("Discord's own base should not be rewritten")
	}
}

func TestBoundHistory(t *testing.T) {
	b := &Bot{cfg: Config{MaxHistoryTurns: 3, MaxHistoryChars: 50}}
	newest := []answer.Turn{
		{Role: "user", Text: "and Ukraine?"},
		{Role: "assistant", Text: "part two"},
		{Role: "assistant", Text: "part one"},
		{Role: "user", Text: "What did Putin say?"},
		{Role: "user", Text: "What did Putin say?"}, // the same question met twice
		{Role: "assistant", Text: "an older answer that will not fit in the budget at all"},
	}
	got := b.boundHistory(newest)
	want := []answer.Turn{
		{Role: "user", Text: "What did Putin say?"},
		{Role: "assistant", Text: "part one\n\npart two"},
		{Role: "user", Text: "and Ukraine?"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}
