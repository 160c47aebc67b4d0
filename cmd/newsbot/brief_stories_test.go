package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// storyArticle is one article of a test corpus.
type storyArticle struct {
	name, title, source, published, text string
}

// writeCorpus writes arts as front-matter files into a new folder.
func writeCorpus(t *testing.T, arts ...storyArticle) string {
	t.Helper()
	dir := t.TempDir()
	for _, a := range arts {
		body := fmt.Sprintf("---\ntitle: %s\nsource: %s\npublished: %s\n---\n%s\n", a.title, a.source, a.published, a.text)
		if err := os.WriteFile(filepath.Join(dir, a.name+".md"), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

type briefClaim struct {
	ArticleID string    `json:"article_id"`
	Source    string    `json:"source"`
	Value     string    `json:"value"`
	Quote     string    `json:"quote"`
	N         int       `json:"n"`
	Published time.Time `json:"published"`
}

type briefStory struct {
	Headline   string   `json:"headline"`
	Summary    string   `json:"summary"`
	ArticleIDs []string `json:"article_ids"`
	Citations  []struct {
		N         int    `json:"n"`
		ArticleID string `json:"article_id"`
		Quote     string `json:"quote"`
	} `json:"citations"`
	Disagreements []struct {
		Topic  string       `json:"topic"`
		Kind   string       `json:"kind"`
		Status string       `json:"status"`
		Claims []briefClaim `json:"claims"`
	} `json:"disagreements"`
	Developing []struct {
		Topic  string       `json:"topic"`
		Values []briefClaim `json:"values"`
	} `json:"developing"`
	Independent int `json:"independent"`
	Copies      int `json:"copies"`
}

// briefAll runs `newsbot brief --json --all` on dir and returns its one
// story, after checking that every claim is a citation of its story.
func briefAll(t *testing.T, dir string) briefStory {
	t.Helper()
	code, out, stderr := newCLI(t, dir).run("brief", "--json", "--all")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var b struct {
		Stories []briefStory `json:"stories"`
	}
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatal(err)
	}
	if len(b.Stories) != 1 {
		t.Fatalf("%d stories, want 1:\n%s", len(b.Stories), out)
	}
	s := b.Stories[0]
	check := func(c briefClaim) {
		if c.N < 1 || c.N > len(s.Citations) || s.Citations[c.N-1].Quote != c.Quote || s.Citations[c.N-1].ArticleID != c.ArticleID || !strings.Contains(c.Quote, c.Value) {
			t.Errorf("claim %+v does not resolve to its citation", c)
		}
	}
	for _, d := range s.Disagreements {
		for _, c := range d.Claims {
			check(c)
		}
	}
	for _, d := range s.Developing {
		for _, c := range d.Values {
			check(c)
		}
	}
	return s
}

const quakeTail = " Rescue teams were searching collapsed homes in the district of Jajarkot, and the army flew in tents and medicine. The Nepal earthquake was felt as far away as Kathmandu and New Delhi."

func TestBriefRisingTollIsAnUpdate(t *testing.T) {
	dir := writeCorpus(t,
		storyArticle{"later", "Nepal earthquake death toll climbs to 73", "Himalayan Post", "2026-03-04T14:00:00Z",
			"The death toll from the earthquake in western Nepal has climbed to 73, officials said on Wednesday." + quakeTail},
		storyArticle{"first", "Earthquake in western Nepal kills at least 48", "Kathmandu Daily", "2026-03-03T09:00:00Z",
			"At least 48 people were killed when an earthquake struck western Nepal late on Monday night, officials said." + quakeTail},
	)
	s := briefAll(t, dir)
	if len(s.Developing) != 1 {
		t.Fatalf("developing %+v, want the toll", s.Developing)
	}
	d := s.Developing[0]
	if len(d.Values) != 2 || !strings.Contains(d.Values[0].Value, "48") || !strings.Contains(d.Values[1].Value, "73") {
		t.Fatalf("toll values %+v, want 48 then 73", d.Values)
	}
	if !d.Values[0].Published.Before(d.Values[1].Published) || d.Values[0].Source != "Kathmandu Daily" {
		t.Errorf("toll values not in time order with their outlets: %+v", d.Values)
	}
	for _, x := range s.Disagreements {
		if x.Kind == "count" {
			t.Errorf("an update reported as a disagreement: %+v", x)
		}
	}
	code, out, _ := newCLI(t, dir).run("brief", "--all")
	out = strings.Join(strings.Fields(out), " ")
	if code != 0 || !regexp.MustCompile(`Developing: number of people killed: At least 48 people \(Kathmandu Daily, Tue 3 Mar 09:00 \[\d+\]\) → 73 \(Himalayan Post, Wed 4 Mar 14:00 \[\d+\]\)`).MatchString(out) {
		t.Errorf("text briefing lacks the developing toll:\n%s", out)
	}
}

const floodTail = " Rivers in Rio Grande do Sul burst their banks after days of heavy rain, and thousands of residents of Porto Alegre were moved to shelters. The state governor asked the federal government for help."

func TestBriefContradictionAndHedges(t *testing.T) {
	t.Run("same-time contradiction is disputed", func(t *testing.T) {
		s := briefAll(t, writeCorpus(t,
			storyArticle{"a", "Floods in southern Brazil kill 12", "Sul News", "2026-05-02T09:00:00Z", "The floods in Porto Alegre killed 12 people, the mayor said." + floodTail},
			storyArticle{"b", "Brazil floods kill 19 in Porto Alegre", "Rio Wire", "2026-05-02T10:00:00Z", "The floods in Porto Alegre killed 19 people, the mayor said." + floodTail},
		))
		if len(s.Disagreements) != 1 || s.Disagreements[0].Status != "disputed" || s.Disagreements[0].Topic != "number of people killed" || len(s.Disagreements[0].Claims) != 2 {
			t.Errorf("disagreements %+v, want the toll disputed", s.Disagreements)
		}
		if len(s.Developing) != 0 {
			t.Errorf("developing %+v, want none", s.Developing)
		}
	})
	t.Run("hedged agreement is not reported", func(t *testing.T) {
		s := briefAll(t, writeCorpus(t,
			storyArticle{"a", "Floods in southern Brazil kill at least 12", "Sul News", "2026-05-02T09:00:00Z", "The floods in Porto Alegre killed at least 12 people, the mayor said." + floodTail},
			storyArticle{"b", "Twelve dead in Brazil floods", "Rio Wire", "2026-05-02T10:00:00Z", "The floods in Porto Alegre killed twelve people, the mayor said." + floodTail},
			storyArticle{"c", "Brazil floods toll nears 13", "Andes Times", "2026-05-03T12:00:00Z", "The floods in Porto Alegre killed nearly 13 people, the mayor said." + floodTail},
		))
		if len(s.Disagreements) != 0 || len(s.Developing) != 0 {
			t.Errorf("disagreements %+v, developing %+v; want none", s.Disagreements, s.Developing)
		}
	})
}

func TestBriefSyndicatedCopies(t *testing.T) {
	orig := "The floods in Porto Alegre killed 12 people, the mayor said." + floodTail
	s := briefAll(t, writeCorpus(t,
		storyArticle{"orig", "Floods in southern Brazil kill 12", "Sul News", "2026-05-02T09:00:00Z", orig},
		storyArticle{"copy1", "Floods in southern Brazil kill 12", "Daily Reprint", "2026-05-02T09:30:00Z", orig + " This story was first published by Sul News."},
		storyArticle{"copy2", "Wire: Brazil floods kill 12", "Metro Sheet", "2026-05-02T09:40:00Z", orig},
		storyArticle{"own", "Brazil floods kill 19 in Porto Alegre", "Rio Wire", "2026-05-02T10:00:00Z",
			"Nineteen people died as floods swept through Porto Alegre, the mayor said on Saturday. Residents of Porto Alegre waded through flooded streets while rescue boats searched for survivors after rivers in Rio Grande do Sul burst their banks."},
	))
	if s.Independent != 2 || s.Copies != 2 {
		t.Errorf("independent %d, copies %d; want 2 and 2", s.Independent, s.Copies)
	}
	if len(s.Disagreements) != 1 || len(s.Disagreements[0].Claims) != 2 {
		t.Fatalf("disagreements %+v, want the toll between the two independent reports", s.Disagreements)
	}
	for _, c := range s.Disagreements[0].Claims {
		if c.ArticleID == "copy1" || c.ArticleID == "copy2" {
			t.Errorf("a copy is counted as a source: %+v", c)
		}
	}
}

func TestBriefFewPlainDifferences(t *testing.T) {
	var arts []storyArticle
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	var corpusText strings.Builder
	for i := range 7 {
		// Two camps: reports 0–3 give one set of figures, 4–6 another.
		k := 0
		if i >= 4 {
			k = 1
		}
		// Each fact in one of four wordings, so that no report is a copy.
		facts := [][4]string{
			{"The storm that hit the coast of Galicia started on %s.", "Galicia's storm started on %s, forecasters said.", "Forecasters said the Galicia storm started on %s.", "Weather experts noted that it was on %s that the storm over Galicia started."},
			{"The storm killed %d people in Galicia, officials said.", "Officials said the Galicia storm killed %d people.", "In Galicia the storm killed %d people, according to officials.", "A total of %d people were killed by the storm across Galicia, the authorities reported."},
			{"Damage from the Galicia storm was put at $%d million by insurers.", "Insurers put the damage from the storm in Galicia at $%d million.", "The Galicia storm caused damage of $%d million, insurers estimated.", "According to insurance firms, repairs after the Galicia storm would cost $%d million."},
			{"Police arrested %d looters in Vigo after the storm.", "After the storm, police in Vigo arrested %d looters.", "In Vigo police arrested %d looters once the storm passed.", "Looting broke out in Vigo, where officers arrested %d looters in the hours after the storm."},
			{"The storm destroyed %d homes along the Galicia coast.", "Along the coast of Galicia the storm destroyed %d homes.", "Some coastal villages saw the storm destroy %d homes in Galicia.", "Emergency crews counted %d homes destroyed by the wind and waves in Galicia."},
			{"Airlines cancelled %d flights at Vigo airport because of the storm.", "At Vigo airport, airlines cancelled %d flights during the storm.", "The storm forced airlines to cancel %d flights at Vigo airport.", "Travellers were stranded in Vigo after %d flights were cancelled by airlines as the storm raged."},
			{"The regional parliament in Santiago de Compostela held %d hearings on the storm response.", "Lawmakers in Santiago de Compostela held %d hearings on how the storm was handled.", "In Santiago de Compostela the parliament held %d hearings about the storm response.", "Opposition deputies forced %d hearings on the storm response in the Santiago de Compostela assembly."},
			{"Power cuts hit %d%% of homes in Galicia during the storm.", "During the storm power cuts hit %d%% of homes in Galicia.", "In Galicia, %d%% of homes lost power in the storm as power cuts spread.", "Utility companies said %d%% of homes in Galicia were left without electricity during the storm."},
		}
		args := []any{days[k], 10 + 6*k, 100 + 150*k, 5 + 9*k, 40 + 70*k, 30 + 45*k, 2 + 5*k, 20 + 25*k}
		var parts []string
		for f := range facts {
			parts = append(parts, fmt.Sprintf(facts[f][(i+f)%4], args[f]))
		}
		text := strings.Join(parts, " ")
		corpusText.WriteString(text)
		arts = append(arts, storyArticle{fmt.Sprintf("r%d", i), "Deadly storm batters Galicia coast", fmt.Sprintf("Outlet %d", i), fmt.Sprintf("2026-02-10T09:%02d:00Z", 5*i), text})
	}
	s := briefAll(t, writeCorpus(t, arts...))
	if n := len(s.Disagreements); n == 0 || n > 5 {
		t.Fatalf("%d differences, want a handful (1–5): %+v", n, s.Disagreements)
	}
	if s.Disagreements[0].Topic != "number of people killed" {
		t.Errorf("first difference %q, want the people killed first", s.Disagreements[0].Topic)
	}
	known := make(map[string]bool)
	for _, w := range strings.Fields("number of the amount duration day date who is said started percentage age usd") {
		known[w] = true
	}
	text := strings.ToLower(corpusText.String())
	for _, d := range s.Disagreements {
		for _, w := range strings.Fields(strings.ToLower(strings.Trim(d.Topic, "()"))) {
			w = strings.Trim(w, "()")
			if !known[w] && !regexp.MustCompile(`\b`+regexp.QuoteMeta(w)+`\b`).MatchString(text) {
				t.Errorf("label %q has %q, not a word of the articles", d.Topic, w)
			}
		}
		perValue := make(map[string]int)
		for _, c := range d.Claims {
			perValue[c.Value]++
		}
		for v, n := range perValue {
			if n > 3 {
				t.Errorf("%q cites %d sources for %q, want at most 3", d.Topic, n, v)
			}
		}
	}
	for _, m := range regexp.MustCompile(`(?:\[\d+\])+`).FindAllString(s.Summary, -1) {
		if strings.Count(m, "[") > 3 {
			t.Errorf("summary cites %s: more than 3 sources for one sentence", m)
		}
	}
}
