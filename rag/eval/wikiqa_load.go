package eval

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// WikiQAQuestion is one WikiQA question with its candidate sentences, in
// file order.
type WikiQAQuestion struct {
	// Num is the 1-based position of the question in its split file, the
	// question number of the .ref and .rank files.
	Num int
	// ID is the corpus id, e.g. "Q0".
	ID string
	// Text is the question as asked.
	Text string
	// Title is the Wikipedia page the candidates come from.
	Title string
	// Sentences are the candidate sentences; Labels[i] is 1 when
	// Sentences[i] answers the question.
	Sentences []string
	Labels    []int
	// Scored is true when the question is listed in the split's
	// -filtered.ref file, i.e. counts for MAP and MRR.
	Scored bool
}

// LoadWikiQA reads WikiQA-<split>.tsv and WikiQA-<split>-filtered.ref from dir
// (split is "dev" or "test"). It returns an error wrapping ErrFormat for a
// file that does not parse, ErrMismatch when the reference labels differ
// from the TSV's, or the file system's error.
func LoadWikiQA(dir, split string) ([]WikiQAQuestion, error) {
	qs, err := readTSV(filepath.Join(dir, "WikiQA-"+split+".tsv"))
	if err != nil {
		return nil, err
	}
	ref := filepath.Join(dir, "WikiQA-"+split+"-filtered.ref")
	rels, err := readRef(ref)
	if err != nil {
		return nil, err
	}
	for num, labels := range rels {
		if num < 1 || num > len(qs) {
			return nil, fmt.Errorf("%s: question %d of %d: %w", ref, num, len(qs), ErrMismatch)
		}
		q := &qs[num-1]
		for i, l := range labels {
			if i >= len(q.Labels) || l != q.Labels[i] || len(labels) != len(q.Labels) {
				return nil, fmt.Errorf("%s: question %d labels differ from the TSV: %w", ref, num, ErrMismatch)
			}
		}
		q.Scored = true
	}
	return qs, nil
}

func readTSV(path string) ([]WikiQAQuestion, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open WikiQA data: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var qs []WikiQAQuestion
	line := 0
	for sc.Scan() {
		line++
		if line == 1 {
			if !strings.HasPrefix(sc.Text(), "QuestionID\t") {
				return nil, fmt.Errorf("%s: no header row: %w", path, ErrFormat)
			}
			continue
		}
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) != 7 {
			return nil, fmt.Errorf("%s:%d: %d columns, want 7: %w", path, line, len(fs), ErrFormat)
		}
		label, err := strconv.Atoi(fs[6])
		if err != nil || (label != 0 && label != 1) {
			return nil, fmt.Errorf("%s:%d: label %q: %w", path, line, fs[6], ErrFormat)
		}
		if len(qs) == 0 || qs[len(qs)-1].ID != fs[0] {
			qs = append(qs, WikiQAQuestion{Num: len(qs) + 1, ID: fs[0], Text: fs[1], Title: fs[3]})
		}
		q := &qs[len(qs)-1]
		q.Sentences = append(q.Sentences, fs[5])
		q.Labels = append(q.Labels, label)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return qs, nil
}

// readRef reads TREC qrels lines "qnum 0 sentIndex label" into labels
// per question number, indexed by sentence.
func readRef(path string) (map[int][]int, error) {
	out := map[int][]int{}
	err := readColumns(path, 4, func(line int, fs []string) error {
		q, err1 := strconv.Atoi(fs[0])
		s, err2 := strconv.Atoi(fs[2])
		l, err3 := strconv.Atoi(fs[3])
		if err1 != nil || err2 != nil || err3 != nil {
			return fmt.Errorf("%s:%d: not numbers: %w", path, line, ErrFormat)
		}
		if s != len(out[q]) {
			return fmt.Errorf("%s:%d: sentence %d out of order: %w", path, line, s, ErrFormat)
		}
		out[q] = append(out[q], l)
		return nil
	})
	return out, err
}

// readColumns calls fn with the n white-space separated fields of each
// non-blank line of the file at path (lines count from 1). It returns an
// error wrapping ErrFormat for a line with another number of fields, or
// fn's error.
func readColumns(path string, n int, fn func(line int, fields []string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		fs := strings.Fields(sc.Text())
		if len(fs) == 0 {
			continue
		}
		if len(fs) != n {
			return fmt.Errorf("%s:%d: %d fields, want %d: %w", path, line, len(fs), n, ErrFormat)
		}
		if err := fn(line, fs); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}
