package secret

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

const testKey = "sk-test-SUPERSECRET-1234"

func TestSecretRedacts(t *testing.T) {
	s := Secret(testKey)
	cfg := struct {
		APIKey Secret
		Model  string
	}{s, "m"}
	var logs strings.Builder
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("cfg", "key", s, "cfg", cfg)
	j, _ := json.Marshal(struct{ Key Secret }{s})
	outputs := map[string]string{
		"%v": fmt.Sprintf("%v", s), "%s": fmt.Sprintf("%s", s), "%q": fmt.Sprintf("%q", s),
		"%x": fmt.Sprintf("%x", s), "%#v": fmt.Sprintf("%#v", s), "%+v cfg": fmt.Sprintf("%+v", cfg),
		"%#v cfg": fmt.Sprintf("%#v", cfg), "String": s.String(), "slog": logs.String(), "json": string(j),
	}
	for name, out := range outputs {
		if strings.Contains(out, "SUPERSECRET") {
			t.Errorf("%s leaks the key: %s", name, out)
		}
		if !strings.Contains(out, "REDACTED") {
			t.Errorf("%s does not say it redacted: %s", name, out)
		}
	}
	if Secret("").String() != "" {
		t.Errorf("empty secret should print empty")
	}
}

func TestReveal(t *testing.T) {
	if got := Secret(testKey).Reveal(); got != testKey {
		t.Errorf("Reveal = %q", got)
	}
}

func ExampleSecret() {
	key := Secret("sk-live-abcdef123456")
	fmt.Println(key, fmt.Sprintf("%#v", key))
	// Output: [REDACTED] secret.Secret("[REDACTED]")
}
