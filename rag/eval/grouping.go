package eval

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/newsbot/newsbot/corpus"
	"github.com/newsbot/newsbot/corpus/text"
	"github.com/newsbot/newsbot/rag/brief"
)

// PseudoDocWords is the length of the pseudo-documents cut from a
// Multi-News cluster, whose document boundaries are lost: consecutive
// sentences up to about this many words (Multi-News source articles
// average about 700 words).
const PseudoDocWords = 600

// GroupingReport scores the briefing's story grouping against known
// classes (Multi-News clusters, BBC categories).
type GroupingReport struct {
	Corpus    string `json:"corpus"`
	Documents int    `json:"documents"`
	Classes   int    `json:"classes"`
	Groups    int    `json:"groups"`
	// Singletons counts groups of one document.
	Singletons int `json:"singletons"`
	// Purity is the share of documents in their group's majority class.
	Purity float64 `json:"purity"`
	// InversePurity is the share of documents in their class's majority
	// group: it falls when a class is split into several groups.
	InversePurity float64 `json:"inverse_purity"`
	// ARI is the adjusted Rand index (Hubert and Arabie 1985): 1 for the
	// true partition, about 0 for a random one.
	ARI float64 `json:"ari"`
	// MixedGroups counts groups holding documents of more than one class.
	MixedGroups int `json:"mixed_groups"`
}

// Markdown renders the report as a table row with its header.
func (r GroupingReport) Markdown() string {
	return fmt.Sprintf("| corpus | documents | classes | groups (singletons) | purity | inverse purity | ARI | mixed groups |\n|---|---|---|---|---|---|---|---|\n| %s | %d | %d | %d (%d) | %.3f | %.3f | %.3f | %d |\n",
		r.Corpus, r.Documents, r.Classes, r.Groups, r.Singletons, r.Purity, r.InversePurity, r.ARI, r.MixedGroups)
}

// GroupFunc groups articles into stories, as brief.Briefer.Group does.
type GroupFunc func(ctx context.Context, articles []corpus.Article) ([][]int, error)

// RunGroupingMultiNews pools the pseudo-documents of every Multi-News
// cluster in dir (news_summ.jsonl; each cluster cut into PseudoDocWords
// pieces at sentence ends), shuffles them with a fixed seed, groups them
// with b and scores the groups against the clusters. It returns an error
// when the file is missing or malformed, and ctx's error when ctx ends.
func RunGroupingMultiNews(ctx context.Context, dir string, b *brief.Briefer) (GroupingReport, error) {
	items, err := readMultiNews(filepath.Join(dir, "news_summ.jsonl"))
	if err != nil {
		return GroupingReport{}, err
	}
	var arts []corpus.Article
	var labels []int
	for c, it := range items {
		for k, piece := range pseudoDocs(it.Input, PseudoDocWords) {
			arts = append(arts, corpus.Article{ID: fmt.Sprintf("cluster%02d-%02d", c, k), Text: piece})
			labels = append(labels, c)
		}
	}
	rep, err := scoreGrouping(ctx, b.Group, arts, labels, 1)
	rep.Corpus = "Multi-News sample, pooled pseudo-documents"
	return rep, err
}

// RunGroupingBBC groups the BBC News articles in dir (one folder per
// category, line 1 the headline), at most perClass of each category in
// file order when perClass > 0, shuffled with a fixed seed, and scores the
// groups against the categories: a category is a topic, not a story, so
// only purity and MixedGroups are meaningful (no story should mix
// categories). It returns an error when dir holds no category folder, and
// ctx's error when ctx ends.
func RunGroupingBBC(ctx context.Context, dir string, b *brief.Briefer, perClass int) (GroupingReport, error) {
	cats, err := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	if err != nil || len(cats) == 0 {
		return GroupingReport{}, fmt.Errorf("no BBC category folders with .txt files in %s", dir)
	}
	sort.Strings(cats)
	var arts []corpus.Article
	var labels []int
	classOf := make(map[string]int)
	taken := make(map[string]int)
	for _, path := range cats {
		cat := filepath.Base(filepath.Dir(path))
		if perClass > 0 && taken[cat] >= perClass {
			continue
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return GroupingReport{}, fmt.Errorf("read %s: %w", path, err)
		}
		title, body, _ := strings.Cut(strings.ToValidUTF8(string(raw), "\uFFFD"), "\n")
		if _, ok := classOf[cat]; !ok {
			classOf[cat] = len(classOf)
		}
		taken[cat]++
		arts = append(arts, corpus.Article{ID: cat + "/" + filepath.Base(path), Title: strings.TrimSpace(title), Text: strings.TrimSpace(body)})
		labels = append(labels, classOf[cat])
	}
	rep, err := scoreGrouping(ctx, b.Group, arts, labels, 2)
	rep.Corpus = "BBC News"
	if perClass > 0 {
		rep.Corpus = fmt.Sprintf("BBC News, first %d per category", perClass)
	}
	return rep, err
}

// scoreGrouping shuffles arts (and their labels) with seed, groups them
// and scores the groups.
func scoreGrouping(ctx context.Context, group GroupFunc, arts []corpus.Article, labels []int, seed uint64) (GroupingReport, error) {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	r.Shuffle(len(arts), func(i, j int) {
		arts[i], arts[j] = arts[j], arts[i]
		labels[i], labels[j] = labels[j], labels[i]
	})
	groups, err := group(ctx, arts)
	if err != nil {
		return GroupingReport{}, err
	}
	classes := make(map[int]bool)
	for _, l := range labels {
		classes[l] = true
	}
	rep := GroupingReport{Documents: len(arts), Classes: len(classes), Groups: len(groups)}
	for _, g := range groups {
		if len(g) == 1 {
			rep.Singletons++
		}
		seen := make(map[int]bool)
		for _, i := range g {
			seen[labels[i]] = true
		}
		if len(seen) > 1 {
			rep.MixedGroups++
		}
	}
	rep.Purity = Purity(labels, groups)
	rep.InversePurity = InversePurity(labels, groups)
	rep.ARI = AdjustedRand(labels, groups)
	return rep, nil
}

// pseudoDocs cuts s into pieces of whole sentences of about words words.
func pseudoDocs(s string, words int) []string {
	var out []string
	var cur strings.Builder
	n := 0
	for _, sp := range text.Sentences(s) {
		sent := s[sp.Start:sp.End]
		if n > 0 && n+len(strings.Fields(sent)) > words {
			out = append(out, cur.String())
			cur.Reset()
			n = 0
		}
		if n > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(sent)
		n += len(strings.Fields(sent))
	}
	if n > 0 {
		out = append(out, cur.String())
	}
	return out
}

// contingency counts the documents of each (group, class) pair.
func contingency(labels []int, groups [][]int) []map[int]int {
	out := make([]map[int]int, len(groups))
	for g, members := range groups {
		out[g] = make(map[int]int)
		for _, i := range members {
			out[g][labels[i]]++
		}
	}
	return out
}

// Purity returns the share of grouped documents that belong to their
// group's most common class (labels[i] is document i's class); 0 for no
// documents.
func Purity(labels []int, groups [][]int) float64 {
	total, hit := 0, 0
	for _, row := range contingency(labels, groups) {
		best := 0
		for _, c := range row {
			total += c
			best = max(best, c)
		}
		hit += best
	}
	if total == 0 {
		return 0
	}
	return float64(hit) / float64(total)
}

// InversePurity returns the share of grouped documents that lie in their
// class's most common group; 0 for no documents.
func InversePurity(labels []int, groups [][]int) float64 {
	best := make(map[int]int)
	total := 0
	for _, row := range contingency(labels, groups) {
		for class, c := range row {
			best[class] = max(best[class], c)
			total += c
		}
	}
	hit := 0
	for _, c := range best {
		hit += c
	}
	if total == 0 {
		return 0
	}
	return float64(hit) / float64(total)
}

// AdjustedRand returns the adjusted Rand index of groups against the
// classes in labels (Hubert and Arabie 1985): 1 for identical partitions,
// about 0 for chance agreement; 1 when both partitions are trivial in the
// same way.
func AdjustedRand(labels []int, groups [][]int) float64 {
	pairs := func(n int) float64 { return float64(n) * float64(n-1) / 2 }
	var index, sumGroups float64
	classSize := make(map[int]int)
	n := 0
	for _, row := range contingency(labels, groups) {
		size := 0
		for class, c := range row {
			index += pairs(c)
			size += c
			classSize[class] += c
		}
		sumGroups += pairs(size)
		n += size
	}
	var sumClasses float64
	for _, c := range classSize {
		sumClasses += pairs(c)
	}
	expected := sumGroups * sumClasses / pairs(n)
	maxIndex := (sumGroups + sumClasses) / 2
	if maxIndex == expected {
		return 1
	}
	return (index - expected) / (maxIndex - expected)
}
