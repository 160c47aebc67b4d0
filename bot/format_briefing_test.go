package bot

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/rag/answer"
)

func testBriefing() answer.Briefing {
	return answer.Briefing{
		GeneratedAt: time.Date(2026, 6, 12, 9, 0, 0, 0, time.UTC), Mode: answer.ModeExtractive,
		Stories: []answer.Story{{
			Headline: "Talks end without a deal", Summary: "The talks ended [1]. The war has lasted nearly three years [2].",
			Outlets: []string{"AP", "Reuters"}, Published: time.Date(2026, 6, 11, 0, 0, 0, 0, time.UTC),
			Citations: []answer.Citation{
				{N: 1, ArticleID: "a", Title: "Talks end", Source: "AP", URL: "https://example.com/a", Published: "2026-06-11"},
				{N: 2, ArticleID: "b", Title: "War talks", Source: "Reuters"},
			},
			Disagreements: []answer.Disagreement{{Topic: "duration of the war", Kind: "duration", Claims: []answer.Claim{
				{ArticleID: "a", Source: "AP", Value: "nearly three years", N: 2},
				{ArticleID: "b", Source: "Reuters", Value: "nearly four years", N: 1},
			}}},
		}},
	}
}

func TestFormatStoryStandsAlone(t *testing.T) {
	md := formatStory(testBriefing().Stories[0], 1)
	for _, want := range []string{"**1. Talks end without a deal**", "*AP, Reuters · 11 Jun 2026*", "__Where sources differ__",
		"nearly three years", "-# [1] AP — Talks end — 2026-06-11 <https://example.com/a>", "-# [2] Reuters — War talks"} {
		if !strings.Contains(md, want) {
			t.Errorf("story markdown lacks %q:\n%s", want, md)
		}
	}
}

// TestFormatBriefingHidesNoLink: model-written text cannot render as a
// masked link whose target the reader does not see, nor ping anyone.
func TestFormatBriefingHidesNoLink(t *testing.T) {
	b := answer.Briefing{Mode: answer.ModeLLM, Overview: "Read [the full story](https://evil.example/x) [1] @everyone.",
		Stories: []answer.Story{{Headline: "H <@123>", Summary: "See [here](https://evil.example/y) [1]."}}}
	md := FormatBriefing(b)
	if regexp.MustCompile(`(^|[^\\])\[[^\]]*\]\(`).MatchString(md) {
		t.Errorf("markdown keeps a masked link:\n%s", md)
	}
	if strings.Contains(md, "@everyone") || strings.Contains(md, "<@123>") {
		t.Errorf("markdown keeps a mention:\n%s", md)
	}
}

func TestFormatBriefingEmpty(t *testing.T) {
	b := answer.Briefing{Empty: true, Window: answer.Period{From: time.Date(2026, 6, 12, 0, 0, 0, 0, time.UTC)}}
	if got := FormatBriefing(b); !strings.HasPrefix(got, "Nothing new since Fri 12 Jun 2026 00:00") {
		t.Errorf("empty briefing renders %q", got)
	}
}
