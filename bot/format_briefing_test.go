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

func TestFormatStoryShowsDevelopingFiguresAndCopies(t *testing.T) {
	tue := time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC)
	s := answer.Story{
		Headline: "Earthquake", Summary: "The death toll has climbed to 73 [2].", Outlets: []string{"AP", "Reuters"},
		ArticleIDs: []string{"a", "b", "c"}, Independent: 2, Copies: 1,
		Citations: []answer.Citation{
			{N: 1, ArticleID: "a", Title: "Quake kills 48", Source: "AP"},
			{N: 2, ArticleID: "b", Title: "Toll climbs to 73", Source: "Reuters"},
		},
		Developing: []answer.Development{{Topic: "number of people killed", Kind: "count", Values: []answer.Claim{
			{ArticleID: "a", Source: "AP", Value: "at least 48 people", N: 1, Published: tue},
			{ArticleID: "b", Source: "Reuters", Value: "73", N: 2, Published: tue.Add(29 * time.Hour)},
		}}},
	}
	md := formatStory(s, 1)
	for _, want := range []string{
		"2 independent reports + 1 copy",
		"**Developing:** number of people killed: “at least 48 people” (AP, 3 Mar 09:00) [1] → “73” (Reuters, 4 Mar 14:00) [2]",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("story lacks %q:\n%s", want, md)
		}
	}
}
