package rag

import (
	"slices"
	"strings"
	"testing"
)

// TestBM25CountsTerms: a document's postings hold each distinct term once
// with its count, whether added as tokens or as stored fields, and a
// document number reused after compact counts afresh.
func TestBM25CountsTerms(t *testing.T) {
	b := newBM25(nil)
	b.add(0, strings.Fields("port strike port union strike port"))
	b.addFields(1, "union port  talks")
	want := map[string][]posting{
		"port":   {{0, 3}, {1, 1}},
		"strike": {{0, 2}},
		"union":  {{0, 1}, {1, 1}},
		"talks":  {{1, 1}},
	}
	for term, ps := range want {
		if got := b.postingsLocked(term); !slices.Equal(got, ps) {
			t.Errorf("%s: postings %v, want %v", term, got, ps)
		}
	}
	if b.docLen[0] != 6 || b.docLen[1] != 3 || b.live != 2 || b.total != 9 {
		t.Errorf("lengths %v, live %d, total %d", b.docLen, b.live, b.total)
	}
	b.remove(0)
	b.compact()
	b.add(0, strings.Fields("talks talks port"))
	if got := b.postingsLocked("talks"); !slices.Equal(got, []posting{{1, 1}, {0, 2}}) {
		t.Errorf("talks after reuse: %v", got)
	}
	if got := b.postingsLocked("strike"); len(got) != 0 {
		t.Errorf("strike after its document went: %v", got)
	}
	res := b.search([]queryTerm{{term: "talks", weight: 1}}, nil, 5)
	if len(res) != 2 || res[0].doc != 0 {
		t.Errorf("search talks = %v, want doc 0 (two mentions) first", res)
	}
}
