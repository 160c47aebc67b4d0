package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/newsbot/newsbot/rag/brief"
)

// MultiNewsWords is the length of the extractive summaries scored by
// RunMultiNews, in words: the 300 tokens of the Multi-News paper's
// extractive baselines (Fabbri et al. 2019, Table 6).
const MultiNewsWords = 300

// MultiNewsRow is one system's mean ROUGE F1 (in percent) over the clusters.
type MultiNewsRow struct {
	System string  `json:"system"`
	Items  int     `json:"items"`
	R1     float64 `json:"rouge1"`
	R2     float64 `json:"rouge2"`
	// R1NoStem and R2NoStem are scored without stemming, as L-Eval does.
	R1NoStem float64 `json:"rouge1_nostem"`
	R2NoStem float64 `json:"rouge2_nostem"`
	// Words is the mean summary length.
	Words float64 `json:"words"`
}

// MultiNewsTable is the result of RunMultiNews.
type MultiNewsTable struct {
	Dir  string         `json:"dir"`
	Rows []MultiNewsRow `json:"rows"`
}

type multiNewsItem struct {
	Input   string   `json:"input"`
	Outputs []string `json:"outputs"`
}

// RunMultiNews scores newsbot's offline extractive summarizer on the
// L-Eval Multi-News sample in dir (news_summ.jsonl, predictions/*.jsonl)
// with ROUGE-1/2 F1 against each cluster's reference, beside a lead
// baseline (the first MultiNewsWords words of the input) and the model outputs
// shipped in dir/predictions, all scored by the same code. Duplicate
// clusters are scored once. It returns an error when the files are missing
// or malformed, and ctx's error when ctx ends.
func RunMultiNews(ctx context.Context, dir string, b *brief.Briefer) (MultiNewsTable, error) {
	items, err := readMultiNews(filepath.Join(dir, "news_summ.jsonl"))
	if err != nil {
		return MultiNewsTable{}, err
	}
	refs := make([]string, len(items))
	ours := make([]string, len(items))
	lead := make([]string, len(items))
	for i, it := range items {
		if err := ctx.Err(); err != nil {
			return MultiNewsTable{}, err
		}
		refs[i] = it.Outputs[0]
		ours[i] = b.SummarizeText(it.Input, MultiNewsWords)
		lead[i] = firstWords(it.Input, MultiNewsWords)
	}
	t := MultiNewsTable{Dir: dir}
	t.Rows = append(t.Rows, scoreRow("newsbot extractive (300 words)", ours, refs))
	t.Rows = append(t.Rows, scoreRow("lead 300 words of input", lead, refs))
	preds, err := filepath.Glob(filepath.Join(dir, "predictions", "*.jsonl"))
	if err != nil {
		return MultiNewsTable{}, fmt.Errorf("list predictions: %w", err)
	}
	sort.Strings(preds)
	byRef := make(map[string]int)
	for i, r := range refs {
		byRef[r] = i
	}
	for _, p := range preds {
		cands, refsP, err := readPredictions(p)
		if err != nil {
			return MultiNewsTable{}, err
		}
		var cs, rs []string
		for i := range cands {
			if _, ok := byRef[refsP[i]]; !ok {
				continue
			}
			cs, rs = append(cs, cands[i]), append(rs, refsP[i])
		}
		name := strings.TrimSuffix(filepath.Base(p), ".news_summ.pred.jsonl")
		t.Rows = append(t.Rows, scoreRow(name+" (L-Eval output)", cs, rs))
	}
	return t, nil
}

// firstWords returns the first n words of s: the lead baseline.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}

func scoreRow(name string, cands, refs []string) MultiNewsRow {
	row := MultiNewsRow{System: name, Items: len(cands)}
	if len(cands) == 0 {
		return row
	}
	for i := range cands {
		row.R1 += RougeN(cands[i], refs[i], 1, true).F1
		row.R2 += RougeN(cands[i], refs[i], 2, true).F1
		row.R1NoStem += RougeN(cands[i], refs[i], 1, false).F1
		row.R2NoStem += RougeN(cands[i], refs[i], 2, false).F1
		row.Words += float64(len(strings.Fields(cands[i])))
	}
	n := float64(len(cands))
	row.R1, row.R2 = 100*row.R1/n, 100*row.R2/n
	row.R1NoStem, row.R2NoStem = 100*row.R1NoStem/n, 100*row.R2NoStem/n
	row.Words /= n
	return row
}

func readMultiNews(path string) ([]multiNewsItem, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open multi-news sample: %w", err)
	}
	defer f.Close()
	var items []multiNewsItem
	seen := make(map[string]bool)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var it multiNewsItem
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			return nil, fmt.Errorf("parse %s: %w", path, err)
		}
		if len(it.Outputs) == 0 || seen[it.Input] {
			continue
		}
		seen[it.Input] = true
		items = append(items, it)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("no items in %s", path)
	}
	return items, nil
}

// readPredictions reads an L-Eval prediction file: "gt" and "<model>_pred".
func readPredictions(path string) (cands, refs []string, err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("read predictions: %w", err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			return nil, nil, fmt.Errorf("parse %s: %w", path, err)
		}
		gt, _ := m["gt"].(string)
		pred := ""
		for k, v := range m {
			if strings.HasSuffix(k, "_pred") {
				pred, _ = v.(string)
			}
		}
		cands, refs = append(cands, pred), append(refs, gt)
	}
	return cands, refs, nil
}

// Markdown renders the table with the published baselines beside it.
func (t MultiNewsTable) Markdown() string {
	var sb strings.Builder
	sb.WriteString("| system | items | R-1 F | R-2 F | R-1 F (no stem) | R-2 F (no stem) | words |\n|---|---|---|---|---|---|---|\n")
	for _, r := range t.Rows {
		fmt.Fprintf(&sb, "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.0f |\n", r.System, r.Items, r.R1, r.R2, r.R1NoStem, r.R2NoStem, r.Words)
	}
	sb.WriteString("| *published, full test set (5,622 clusters), 300 tokens:* | | | | | | |\n")
	for _, p := range [][3]string{{"First-3 (Fabbri et al. 2019)", "39.41", "11.77"}, {"LexRank (Fabbri et al. 2019)", "38.27", "12.70"}, {"TextRank (Fabbri et al. 2019)", "38.44", "13.10"}, {"MMR (Fabbri et al. 2019)", "38.77", "11.98"}} {
		fmt.Fprintf(&sb, "| %s | 5622 | %s | %s | | | 300 |\n", p[0], p[1], p[2])
	}
	sb.WriteString("| *published, these items (L-Eval leaderboard, no stemming):* | | | | | | |\n")
	sb.WriteString("| turbo-16k-0613 (L-Eval) | 11 | | | 35.30 | 8.12 | |\n")
	return sb.String()
}
