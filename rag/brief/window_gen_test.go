package brief

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/newsbot/newsbot/corpus"
)

// genWindow returns n news-like articles published within the 24 hours
// before end, deterministically from seed: stories of 1 to about 40
// articles (most small, a few large), each with its own people, places,
// organisation, topic words and a casualty figure that some outlets
// revise, told by 24 outlets in sentences that mix the story's words with
// everyday news vocabulary; about one article in ten is a trimmed copy
// of another outlet's report. The benchmarks brief these windows.
func genWindow(n int, seed uint64, end time.Time) []corpus.Article {
	r := rand.New(rand.NewPCG(seed, 0xb21ef))
	outlets := make([]string, 24)
	for i := range outlets {
		outlets[i] = genName(r, 2) + " " + []string{"Times", "Post", "Wire", "Herald", "News", "Ledger"}[i%6]
	}
	var arts []corpus.Article
	for story := 0; len(arts) < n; story++ {
		size := 1 + int(r.ExpFloat64()*3)
		if r.IntN(40) == 0 {
			size = 15 + r.IntN(25)
		}
		st := newGenStory(r)
		start := end.Add(-time.Duration(r.Int64N(int64(20 * time.Hour))))
		var texts []string
		for k := 0; k < size && len(arts) < n; k++ {
			pub := start.Add(time.Duration(r.Int64N(int64(4 * time.Hour))))
			if pub.After(end) {
				pub = end
			}
			outlet := outlets[r.IntN(len(outlets))]
			var body string
			if k > 0 && r.IntN(10) == 0 {
				// A trimmed wire copy of an earlier report.
				src := texts[r.IntN(len(texts))]
				body = src[:len(src)*4/5]
				if i := strings.LastIndexByte(body, '.'); i > 0 {
					body = body[:i+1]
				}
			} else {
				body = st.article(r, k)
			}
			texts = append(texts, body)
			arts = append(arts, corpus.Article{
				ID:        fmt.Sprintf("gen-%05d", len(arts)),
				Title:     st.title(r),
				Source:    outlet,
				URL:       fmt.Sprintf("https://news%d.example/%d", len(arts)%24, len(arts)),
				Published: pub,
				Text:      body,
			})
		}
	}
	r.Shuffle(len(arts), func(i, j int) { arts[i], arts[j] = arts[j], arts[i] })
	return arts
}

// genStory is one generated event.
type genStory struct {
	people, places []string
	org            string
	topic          []string
	toll           int
}

func newGenStory(r *rand.Rand) genStory {
	s := genStory{org: genName(r, 2) + " " + genPick(r, genOrgs), toll: 3 + r.IntN(200)}
	for range 2 + r.IntN(2) {
		s.people = append(s.people, genName(r, 2)+" "+genName(r, 3))
	}
	for range 1 + r.IntN(2) {
		s.places = append(s.places, genName(r, 3))
	}
	for range 12 {
		if r.IntN(2) == 0 {
			s.topic = append(s.topic, strings.ToLower(genName(r, 3)))
		} else {
			s.topic = append(s.topic, genPick(r, genTopicWords))
		}
	}
	return s
}

func (s genStory) title(r *rand.Rand) string {
	return fmt.Sprintf("%s %s %s in %s", genTitleCase(genPick(r, s.topic)), genPick(r, genVerbs), genPick(r, s.topic), genPick(r, s.places))
}

// article writes one report: a lead with the figure, then body sentences.
func (s genStory) article(r *rand.Rand, k int) string {
	var b strings.Builder
	toll := s.toll
	if k > 0 && r.IntN(3) == 0 {
		toll += 1 + r.IntN(20) // a later, revised figure
	}
	fmt.Fprintf(&b, "At least %d people were %s in %s on %s after the %s %s, %s said.",
		toll, genPick(r, []string{"killed", "injured", "evacuated"}), genPick(r, s.places),
		genPick(r, []string{"Monday", "Tuesday", "Wednesday"}), genPick(r, s.topic), genPick(r, s.topic), s.org)
	for range 25 + r.IntN(45) {
		b.WriteByte(' ')
		var words []string
		for range 10 + r.IntN(14) {
			switch x := r.IntN(10); {
			case x < 3:
				words = append(words, genPick(r, s.topic))
			case x < 4:
				words = append(words, genPick(r, genVerbs))
			default:
				words = append(words, genPick(r, genCommon))
			}
		}
		switch r.IntN(4) {
		case 0:
			words = append(words, "according to", genPick(r, s.people))
		case 1:
			words = append([]string{genPick(r, s.people), "said"}, words...)
		case 2:
			words = append(words, "in", genPick(r, s.places))
		}
		sent := strings.Join(words, " ")
		b.WriteString(strings.ToUpper(sent[:1]) + sent[1:] + ".")
	}
	return b.String()
}

// genName makes a capitalized pseudo-word of syllables syllables.
func genName(r *rand.Rand, syllables int) string {
	var b strings.Builder
	for range syllables {
		b.WriteString(genPick(r, genOnsets))
		b.WriteString(genPick(r, genVowels))
	}
	b.WriteString(genPick(r, []string{"", "n", "r", "s", "l", "v"}))
	return genTitleCase(b.String())
}

func genTitleCase(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

func genPick(r *rand.Rand, xs []string) string { return xs[r.IntN(len(xs))] }

var (
	genOnsets     = strings.Fields("b c d f g h k l m n p r s t v z br dr kr st tr")
	genVowels     = strings.Fields("a e i o u ai ea io")
	genOrgs       = strings.Fields("Ministry Council Agency Authority Union Party Institute Bank")
	genVerbs      = strings.Fields("warns rises falls opens closes plans rejects backs delays approves blocks extends")
	genTopicWords = strings.Fields(`flood strike election budget vaccine pipeline merger tariff drought wildfire
		ceasefire protest verdict summit outbreak earthquake hurricane inflation shortage recall lawsuit
		reactor bridge railway harbour satellite treaty curfew ferry mine refinery`)
	genCommon = strings.Fields(`the a of and to in on for with that at by from as was were is are has have
		had will would could officials government people city country week year day report residents
		local national public new first last more most several many after before during while since
		about over under against between early late morning evening statement spokesman minister
		police workers families area region service services plan plans cost costs support talks
		meeting decision response team group members office building road roads water power school
		hospital market prices company companies president leaders groups community communities`)
)
