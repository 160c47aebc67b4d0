package brief

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/corpus"
)

// allPairs returns the above-zero similarity of every pair of docs: what
// grouping compared before candidate pairs.
func allPairs(docs []doc) []edge {
	var out []edge
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			if s := pairSimilarity(&docs[i], &docs[j]); s > 0 {
				out = append(out, edge{int32(i), int32(j), s})
			}
		}
	}
	return out
}

// TestCandidatePairsKeepTheStories: grouping through candidate pairs
// forms the same stories as comparing every pair, on a generated window.
func TestCandidatePairsKeepTheStories(t *testing.T) {
	end := time.Date(2026, 6, 2, 12, 0, 0, 0, time.UTC)
	arts := genWindow(400, 7, end)
	b, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := b.read(arts)
	b.vectorize(context.Background(), docs, nil)
	pairs := candidatePairs(docs, nil)
	if all := len(docs) * (len(docs) - 1) / 2; len(pairs) > all/4 {
		t.Errorf("%d candidate pairs of %d: the index should propose a small share", len(pairs), all)
	}
	got := cluster(len(docs), similarities(docs, pairs), groupThreshold)
	want := cluster(len(docs), allPairs(docs), groupThreshold)
	multi := 0
	for _, g := range want {
		if len(g) > 1 {
			multi++
		}
	}
	if multi < 30 {
		t.Fatalf("only %d multi-article stories in the generated window", multi)
	}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("candidate pairs give %d stories, all pairs %d; want the same stories", len(got), len(want))
	}
}

// TestCandidatePairsKeepTheBBCStories: on real articles (the BBC News
// corpus, the first 150 of each category) grouping through candidate
// pairs forms the same stories as comparing every pair.
func TestCandidatePairsKeepTheBBCStories(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "eval", "data", "bbc-news")
	paths, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	if len(paths) == 0 {
		t.Skipf("BBC News corpus not found at %s", dir)
	}
	sort.Strings(paths)
	var arts []corpus.Article
	taken := make(map[string]int)
	for _, p := range paths {
		cat := filepath.Base(filepath.Dir(p))
		if taken[cat] == 150 {
			continue
		}
		taken[cat]++
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		title, body, _ := strings.Cut(strings.ToValidUTF8(string(raw), "\uFFFD"), "\n")
		arts = append(arts, corpus.Article{ID: cat + "/" + filepath.Base(p), Title: strings.TrimSpace(title), Text: strings.TrimSpace(body)})
	}
	b, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := b.read(arts)
	b.vectorize(context.Background(), docs, nil)
	got := cluster(len(docs), similarities(docs, candidatePairs(docs, nil)), groupThreshold)
	want := cluster(len(docs), allPairs(docs), groupThreshold)
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("candidate pairs give %d stories, all pairs %d; want the same stories", len(got), len(want))
	}
}

// TestCandidatePairsBounded: a word in every article proposes no pair,
// and no article gets more than maxNeighbours candidates.
func TestCandidatePairsBounded(t *testing.T) {
	var arts []corpus.Article
	for i := range 2 * maxPosting {
		// Every article names the same place and otherwise has its own
		// made-up words.
		arts = append(arts, corpus.Article{ID: fmt.Sprint(i), Text: fmt.Sprintf("Flood waters rose in Zembla today. Word%dx and word%dy stood.", i, i)})
	}
	for i := range maxPosting { // more than maxNeighbours
		// A rare pair of words shared by many articles.
		arts = append(arts, corpus.Article{ID: fmt.Sprint("s", i), Text: fmt.Sprintf("Quokka quarrels continue in Yarrowby. Thing%dq.", i)})
	}
	b, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := b.read(arts)
	pairs := candidatePairs(docs, nil)
	for _, p := range pairs {
		if p[0] < 2*maxPosting || p[1] < 2*maxPosting {
			t.Fatalf("pair %v through a word in every one of %d articles", p, 2*maxPosting)
		}
	}
	// Without the cap every pair of the group sharing rare words would be
	// compared.
	if all := maxPosting * (maxPosting - 1) / 2; len(pairs) == 0 || len(pairs) >= all {
		t.Errorf("%d pairs among %d articles sharing rare words, want some but fewer than all %d", len(pairs), maxPosting, all)
	}
}

// denseCluster is average-link clustering by rescanning every pair after
// each merge: the reference cluster must agree with.
func denseCluster(sim [][]float64, threshold float64) [][]int {
	n := len(sim)
	members := make([][]int, n)
	link := make([][]float64, n)
	for i := range n {
		members[i] = []int{i}
		link[i] = slices.Clone(sim[i])
	}
	for {
		bi, bj, best := -1, -1, threshold
		for i := range n {
			for j := i + 1; j < n && members[i] != nil; j++ {
				if members[j] == nil {
					continue
				}
				if avg := link[i][j] / float64(len(members[i])*len(members[j])); avg >= best {
					bi, bj, best = i, j, avg
				}
			}
		}
		if bi < 0 {
			break
		}
		members[bi] = append(members[bi], members[bj]...)
		members[bj] = nil
		for k := range n {
			link[bi][k] += link[bj][k]
			link[k][bi] = link[bi][k]
		}
	}
	var out [][]int
	for _, m := range members {
		if m != nil {
			slices.Sort(m)
			out = append(out, m)
		}
	}
	slices.SortFunc(out, func(a, b []int) int { return a[0] - b[0] })
	return out
}

// TestClusterMatchesDenseAverageLink: the heap over the sparse graph
// merges as rescanning all pairs does, on random block-structured graphs.
func TestClusterMatchesDenseAverageLink(t *testing.T) {
	for seed := range uint64(20) {
		r := rand.New(rand.NewPCG(seed, 1))
		n := 30 + r.IntN(30)
		block := make([]int, n)
		for i := range block {
			block[i] = r.IntN(8)
		}
		sim := make([][]float64, n)
		for i := range sim {
			sim[i] = make([]float64, n)
		}
		for i := range n {
			for j := i + 1; j < n; j++ {
				s := 0.0
				if block[i] == block[j] {
					s = 0.1 + 0.5*r.Float64()
				} else if r.IntN(5) == 0 {
					s = 0.3 * r.Float64()
				}
				sim[i][j], sim[j][i] = s, s
			}
		}
		got, want := cluster(n, denseEdges(sim), 0.22), denseCluster(sim, 0.22)
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("seed %d: cluster %v, rescanning %v", seed, got, want)
		}
	}
}

// TestBriefReusesStoredVectors: articles with a stored vector are not
// embedded again; the others are; a lookup failure embeds them all.
func TestBriefReusesStoredVectors(t *testing.T) {
	base, _, err := corpus.LoadDir("testdata/mixed")
	if err != nil {
		t.Fatal(err)
	}
	var embedded []string
	embed := New // the default embedder, counted
	def, err := embed(Config{})
	if err != nil {
		t.Fatal(err)
	}
	stored := map[string][]float32{}
	vecs, _ := def.cfg.Embed(context.Background(), []string{embedText(base[0]), embedText(base[1])})
	stored[base[0].ID], stored[base[1].ID] = vecs[0], vecs[1]
	var lookupErr error
	b, err := New(Config{
		Embed: func(ctx context.Context, texts []string) ([][]float32, error) {
			embedded = append(embedded, texts...)
			return def.cfg.Embed(ctx, texts)
		},
		Vectors: func(_ context.Context, ids []string) (map[string][]float32, error) {
			if len(ids) != len(base) {
				t.Errorf("asked for %d vectors, want %d", len(ids), len(base))
			}
			return stored, lookupErr
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	with, err := b.Group(context.Background(), base)
	if err != nil {
		t.Fatal(err)
	}
	if len(embedded) != len(base)-2 {
		t.Errorf("embedded %d articles, want %d (two were stored)", len(embedded), len(base)-2)
	}
	for _, txt := range embedded {
		if strings.HasPrefix(txt, base[0].Title+"\n") || strings.HasPrefix(txt, base[1].Title+"\n") {
			t.Errorf("a stored article was embedded again: %.40q", txt)
		}
	}
	embedded, lookupErr = nil, errors.New("store closed")
	without, err := b.Group(context.Background(), base)
	if err != nil {
		t.Fatal(err)
	}
	if len(embedded) != len(base) {
		t.Errorf("after a failed lookup embedded %d articles, want all %d", len(embedded), len(base))
	}
	if !slices.EqualFunc(with, without, slices.Equal) {
		t.Errorf("stored vectors changed the stories: %v vs %v", with, without)
	}
}

// TestBriefProgress: every stage is reported, in order, counting up to
// its total.
func TestBriefProgress(t *testing.T) {
	end := time.Date(2026, 6, 2, 12, 0, 0, 0, time.UTC)
	arts := genWindow(250, 3, end)
	type step struct {
		stage       string
		done, total int
	}
	var steps []step
	b, err := New(Config{Now: func() time.Time { return end }, Progress: func(stage string, done, total int) {
		steps = append(steps, step{stage, done, total})
	}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Brief(context.Background(), arts, Window{From: end.Add(-24 * time.Hour), To: end}); err != nil {
		t.Fatal(err)
	}
	var order []string
	for k, s := range steps {
		if s.done < 0 || s.done > s.total {
			t.Fatalf("step %+v out of range", s)
		}
		if k > 0 && steps[k-1].stage == s.stage && s.done < steps[k-1].done {
			t.Fatalf("%s went back from %d to %d", s.stage, steps[k-1].done, s.done)
		}
		if len(order) == 0 || order[len(order)-1] != s.stage {
			order = append(order, s.stage)
		}
		if k+1 == len(steps) || steps[k+1].stage != s.stage {
			if s.done != s.total {
				t.Errorf("%s ended at %d of %d", s.stage, s.done, s.total)
			}
		}
	}
	if want := []string{"reading", "embedding", "grouping", "summarizing"}; !slices.Equal(order, want) {
		t.Errorf("stages %v, want %v", order, want)
	}
	if steps[0].total != len(arts) {
		t.Errorf("reading %d articles, want %d", steps[0].total, len(arts))
	}
}

// TestStoryCandidatesBounded: a story of many long articles offers at
// most maxStoryCandidates sentences, every article's lead among them.
func TestStoryCandidatesBounded(t *testing.T) {
	var arts []corpus.Article
	var g []int
	for i := range 40 {
		var sb strings.Builder
		for k := range 60 {
			fmt.Fprintf(&sb, "Report %d of the harbour strike says the dockers stayed out for day %d of the dispute. ", i, k)
		}
		arts = append(arts, corpus.Article{ID: fmt.Sprint(i), Title: "Strike", Text: sb.String()})
		g = append(g, i)
	}
	b, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	docs, words := b.read(arts)
	for _, i := range g {
		finishDoc(docs, i, words)
	}
	cands, _ := candidates(docs, g)
	if len(cands) > maxStoryCandidates || len(cands) < maxStoryCandidates/2 {
		t.Fatalf("%d candidates, want at most %d (and not few)", len(cands), maxStoryCandidates)
	}
	leads := make(map[int]bool)
	for _, s := range cands {
		if s.idx == 0 {
			leads[s.doc] = true
		}
	}
	if len(leads) != len(g) {
		t.Errorf("leads of %d of %d articles among the candidates", len(leads), len(g))
	}
}
