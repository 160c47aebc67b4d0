package bot

import (
	"strings"
	"testing"
)

func TestNeutralize(t *testing.T) {
	const z = "\u200b"
	tests := []struct {
		name, in, want string
	}{
		{"plain text and citations untouched", "Putin rejected the plan [1][3]. Talks end [2].", "Putin rejected the plan [1][3]. Talks end [2]."},
		{"everyone and here", "Hey @everyone and @here!", "Hey @" + z + "everyone and @" + z + "here!"},
		{"mention case variants", "@Everyone", "@" + z + "Everyone"},
		{"user role channel mentions", "<@123> <@!456> <@&789> <#42>", "<" + z + "@123> <" + z + "@!456> <" + z + "@&789> <" + z + "#42>"},
		{"slash command mention", "</ask:1234>", "<" + z + "/ask:1234>"},
		{"bare url wrapped", "See https://example.com/a?b=c.", "See <https://example.com/a?b=c>."},
		{"wrapped url kept", "See <https://example.com>.", "See <https://example.com>."},
		{"url with balanced parens", "Read https://en.wikipedia.org/wiki/Foo_(bar), then", "Read <https://en.wikipedia.org/wiki/Foo_(bar)>, then"},
		{"url in parentheses", "(https://example.com/x)", "(<https://example.com/x>)"},
		{"masked link shown", "Click [here](https://evil.example/x) now", "Click here (<https://evil.example/x>) now"},
		{"masked link disguised as url", "[https://bank.example](https://evil.example)", "<https://bank.example> (<https://evil.example>)"},
		{"masked link with angle url and title", `[docs](<https://a.example/b> "Title")`, "docs (<https://a.example/b>)"},
		{"citation as link text keeps marker", "Putin said no [1](https://r.example/1).", "Putin said no [1] (<https://r.example/1>)."},
		{"spoiler revealed", "The answer is ||secret text|| here", "The answer is secret text here"},
		{"lone spoiler bars escaped", "a || b", `a \|\| b`},
		{"html comment revealed", "Visible <!-- hidden --> end", "Visible  hidden  end"},
		{"zero-width and bidi removed", "ab\u200bc\u202edef\u2066g\ufeff\u00adh", "abcdefgh"},
		{"control characters removed", "a\x00b\x1bc\r\nd\te", "abc\nd\te"},
		{"brackets that are not links", "[1] and [note] stay", "[1] and [note] stay"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := neutralize(tt.in); got != tt.want {
				t.Errorf("neutralize(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNeutralizeIsIdempotent(t *testing.T) {
	in := "@everyone see [x](https://e.example) ||s|| https://a.example/(b) <@1> [2]"
	once := neutralize(in)
	if twice := neutralize(once); twice != once {
		t.Errorf("not idempotent:\n%q\n%q", once, twice)
	}
	if strings.Contains(once, "@everyone") || strings.Contains(once, "||") || strings.Contains(once, "](") {
		t.Errorf("left something live: %q", once)
	}
}
