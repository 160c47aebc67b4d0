package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestBriefProgress(t *testing.T) {
	run := func(articles int) string {
		var buf bytes.Buffer
		p := briefProgress(&buf)
		for _, stage := range []string{"reading", "embedding", "grouping"} {
			for done := 0; done <= articles; done += 100 {
				p(stage, done, articles)
			}
			p(stage, articles, articles)
		}
		p("summarizing", 0, 10)
		p("summarizing", 10, 10)
		return buf.String()
	}
	if out := run(300); out != "" {
		t.Errorf("a 300-article briefing printed progress %q, want none", out)
	}
	out := run(3000)
	for _, want := range []string{"\rnewsbot: grouping 3,000 articles… 40%", "newsbot: grouping 3,000 articles… 100%\n", "newsbot: summarizing 10 stories… 100%\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("progress lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "\n"); n != 4 {
		t.Errorf("%d finished lines, want one per stage (4):\n%s", n, out)
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 25000: "25,000", 1234567: "1,234,567", -4500: "-4,500"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
