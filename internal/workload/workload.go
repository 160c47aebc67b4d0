// Package workload generates the standard corpora newsbot is measured on
// (issue 14): a generated year of news (by default 30,000 articles, about
// 300,000 chunks) with outlets, publication dates and syndicated
// near-copies, and the BBC News corpus copied with outlets and dates. It
// writes article files with front matter into a folder the caller names
// (a temporary one: generated and third-party data never goes into the
// repository). Generation is deterministic for a seed.
package workload

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Options describes a generated year of news. Zero fields take the
// defaults of the standard workload.
type Options struct {
	// Articles is the number of article files, syndicated copies included
	// (default 30,000).
	Articles int
	// ChunksPer is about how many chunks of about 900 bytes each article
	// makes (default 10).
	ChunksPer int
	// Outlets is the number of outlets (default 50).
	Outlets int
	// Syndicated is the share of articles that are near-copies of an
	// earlier one run by another outlet (default 0.1; negative: none).
	Syndicated float64
	// Start is the first day of the year (default 2025-01-01 UTC); dates
	// are spread over the Days days after it (default 365).
	Start time.Time
	Days  int
	// Seed makes the corpus (default 1); the same options give the same
	// files.
	Seed uint64
	// Vocabulary is the words to write with, most frequent first (see
	// Vocabulary); nil uses a built-in list of news words.
	Vocabulary []string
}

func (o Options) withDefaults() Options {
	if o.Articles <= 0 {
		o.Articles = 30_000
	}
	if o.ChunksPer <= 0 {
		o.ChunksPer = 10
	}
	if o.Outlets <= 0 {
		o.Outlets = 50
	}
	if o.Syndicated == 0 {
		o.Syndicated = 0.1
	}
	if o.Syndicated < 0 {
		o.Syndicated = 0
	}
	if o.Start.IsZero() {
		o.Start = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if o.Days <= 0 {
		o.Days = 365
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if len(o.Vocabulary) < 100 {
		o.Vocabulary = builtinWords
	}
	return o
}

// Doc is one generated article.
type Doc struct {
	// Name is the file's path under the corpus folder, e.g.
	// "2025-03/a004711.md"; its base name (the article id) is unique.
	Name      string
	Title     string
	Outlet    string
	Published time.Time
	Body      string
	// CopyOf is the Name of the article this one syndicates ("" for an
	// original).
	CopyOf string
}

// File returns the article file's content: front matter, then the body.
func (d Doc) File() []byte {
	var b strings.Builder
	b.Grow(len(d.Body) + 128)
	b.WriteString("---\ntitle: ")
	b.WriteString(strconv.Quote(d.Title))
	b.WriteString("\nsource: ")
	b.WriteString(d.Outlet)
	b.WriteString("\npublished: ")
	b.WriteString(d.Published.Format(time.RFC3339))
	b.WriteString("\n---\n")
	b.WriteString(d.Body)
	return []byte(b.String())
}

// Generate calls fn with each article of the workload o, in order, and
// stops at fn's first error, which it returns.
func Generate(o Options, fn func(Doc) error) error {
	o = o.withDefaults()
	g := newGenerator(o)
	// Originals kept for syndication: a window of recent ones, so copies
	// run within days of the original as wire copy does.
	var recent []Doc
	for i := range o.Articles {
		// Publication times rise through the year with the article number,
		// jittered within the day.
		day := i * o.Days / o.Articles
		at := o.Start.Add(time.Duration(day)*24*time.Hour + time.Duration(g.r.IntN(86400))*time.Second)
		d := Doc{Name: fmt.Sprintf("%s/a%06d.md", at.Format("2006-01"), i), Published: at, Outlet: g.outlets[g.r.IntN(len(g.outlets))]}
		if len(recent) > 0 && g.r.Float64() < o.Syndicated {
			orig := recent[g.r.IntN(len(recent))]
			d = g.syndicate(d, orig)
		} else {
			d.Title, d.Body = g.article(o.ChunksPer)
			if len(recent) < 200 {
				recent = append(recent, d)
			} else {
				recent[g.r.IntN(len(recent))] = d
			}
		}
		if err := fn(d); err != nil {
			return err
		}
	}
	return nil
}

// Stats counts what Write wrote.
type Stats struct {
	Articles   int
	Syndicated int
	Bytes      int64
}

// Write generates the workload o into the folder dir (created if needed)
// and returns what it wrote, or the first error writing a file.
func Write(dir string, o Options) (Stats, error) {
	var st Stats
	made := map[string]bool{}
	err := Generate(o, func(d Doc) error {
		path := filepath.Join(dir, filepath.FromSlash(d.Name))
		if sub := filepath.Dir(path); !made[sub] {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return err
			}
			made[sub] = true
		}
		data := d.File()
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return err
		}
		st.Articles++
		st.Bytes += int64(len(data))
		if d.CopyOf != "" {
			st.Syndicated++
		}
		return nil
	})
	return st, err
}

// generator writes news-like text: sentences of Zipf-distributed words
// (the vocabulary's frequency order gives function words their share), a
// quarter of them from the article's own topic words, with quotes,
// figures, weekdays and the usual entity spellings in their places.
type generator struct {
	r       *rand.Rand
	words   []string
	zipf    *rand.Zipf
	names   []string // capitalized words, for people and places
	outlets []string
	b       strings.Builder
}

func newGenerator(o Options) *generator {
	r := rand.New(rand.NewPCG(o.Seed, 0x9e3779b97f4a7c15))
	g := &generator{r: r, words: o.Vocabulary}
	g.zipf = rand.NewZipf(r, 1.07, 2, uint64(len(g.words)-1))
	for _, w := range g.words {
		if w != "" && w[0] >= 'A' && w[0] <= 'Z' && len(w) > 2 {
			g.names = append(g.names, w)
		}
	}
	if len(g.names) < 20 {
		g.names = append(g.names, builtinNames...)
	}
	for i := range o.Outlets {
		g.outlets = append(g.outlets, outletName(i))
	}
	return g
}

// outletName returns the name of outlet i: stem words combined, with a
// number only when the combinations run out.
func outletName(i int) string {
	a := outletStems[i%len(outletStems)]
	b := outletKinds[(i/len(outletStems))%len(outletKinds)]
	name := a + " " + b
	if n := i / (len(outletStems) * len(outletKinds)); n > 0 {
		name += " " + strconv.Itoa(n+1)
	}
	return name
}

var (
	outletStems = []string{"Harbour", "Northern", "Capital", "Valley", "Coastal", "Metro", "Union", "Pacific", "Atlantic", "Highland",
		"Prairie", "Riverside", "Central", "Eastern", "Western", "Summit", "Lakeside", "Frontier", "Evening", "Morning"}
	outletKinds   = []string{"Times", "Post", "Herald", "Wire", "Gazette", "Chronicle", "Daily", "Observer"}
	weekdays      = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	entityForms   = []string{"U.S.", "US", "United States", "America", "UK", "U.K.", "Britain", "UN", "United Nations", "EU", "European Union"}
	reportingVerb = []string{"said", "told reporters", "added", "warned", "said in a statement", "told the BBC"}
)

func (g *generator) word() string { return g.words[g.zipf.Uint64()] }

func (g *generator) name() string { return g.names[g.r.IntN(len(g.names))] }

// article returns a title and a body of about chunks chunks: paragraphs of
// two to five sentences.
func (g *generator) article(chunks int) (string, string) {
	topic := make([]string, 24)
	for i := range topic {
		// Topic words from the middle of the frequency order: content
		// words, not function words.
		topic[i] = g.words[150+g.r.IntN(min(len(g.words)-150, 8000))]
	}
	g.b.Reset()
	target := chunks * 680 // chunks overlap by a sentence: ~820 new bytes each
	for g.b.Len() < target {
		n := 2 + g.r.IntN(4)
		for s := range n {
			if s > 0 {
				g.b.WriteByte(' ')
			}
			g.sentence(topic)
		}
		g.b.WriteString("\n\n")
	}
	body := g.b.String()
	g.b.Reset()
	g.b.WriteString(capitalize(topic[0]))
	for i := range 3 + g.r.IntN(4) {
		g.b.WriteByte(' ')
		if i%2 == 0 {
			g.b.WriteString(topic[1+i])
		} else {
			g.b.WriteString(g.word())
		}
	}
	return g.b.String(), body
}

// sentence writes one sentence of 8 to 30 words into g.b.
func (g *generator) sentence(topic []string) {
	n := 8 + g.r.IntN(23)
	quote := g.r.IntN(6) == 0
	if quote {
		g.b.WriteString("\u201c")
	}
	for i := range n {
		var w string
		switch x := g.r.IntN(100); {
		case x < 25:
			w = topic[g.r.IntN(len(topic))]
		case x < 29:
			w = g.name()
		case x < 31:
			w = g.figure()
		case x < 32:
			w = entityForms[g.r.IntN(len(entityForms))]
		case x < 33:
			w = "on " + weekdays[g.r.IntN(len(weekdays))]
		default:
			w = g.word()
		}
		if i == 0 {
			w = capitalize(w)
		} else {
			g.b.WriteByte(' ')
		}
		g.b.WriteString(w)
		if i > 3 && i < n-3 && g.r.IntN(12) == 0 {
			g.b.WriteByte(',')
		}
	}
	if quote {
		g.b.WriteString(",\u201d ")
		g.b.WriteString(g.name())
		g.b.WriteByte(' ')
		g.b.WriteString(g.name())
		g.b.WriteByte(' ')
		g.b.WriteString(reportingVerb[g.r.IntN(len(reportingVerb))])
	}
	g.b.WriteByte('.')
}

// figure returns a number as news writes them.
func (g *generator) figure() string {
	switch g.r.IntN(4) {
	case 0:
		return strconv.Itoa(1+g.r.IntN(99)) + "%"
	case 1:
		return "$" + strconv.Itoa(1+g.r.IntN(40)) + "." + strconv.Itoa(g.r.IntN(10)) + "bn"
	case 2:
		return strconv.Itoa(1990 + g.r.IntN(36))
	}
	return strconv.Itoa(2 + g.r.IntN(5000))
}

// syndicate makes d a near-copy of orig: the same story under another
// outlet a few hours later, with a reworded title, one paragraph dropped
// and a line of credit added.
func (g *generator) syndicate(d, orig Doc) Doc {
	d.CopyOf = orig.Name
	d.Published = orig.Published.Add(time.Duration(1+g.r.IntN(36)) * time.Hour)
	d.Name = fmt.Sprintf("%s/%s", d.Published.Format("2006-01"), filepath.Base(d.Name))
	d.Title = orig.Title
	if g.r.IntN(2) == 0 {
		d.Title = "Update: " + d.Title
	}
	paras := strings.Split(strings.TrimSuffix(orig.Body, "\n\n"), "\n\n")
	if len(paras) > 3 {
		drop := 1 + g.r.IntN(len(paras)-1)
		paras = append(paras[:drop:drop], paras[drop+1:]...)
	}
	d.Body = strings.Join(paras, "\n\n") + "\n\nThis story first ran in " + orig.Outlet + ".\n"
	return d
}

func capitalize(w string) string {
	if w == "" || w[0] < 'a' || w[0] > 'z' {
		return w
	}
	return string(w[0]-'a'+'A') + w[1:]
}
