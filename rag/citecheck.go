package rag

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/newsbot/newsbot/rag/answer"
)

var markerRE = regexp.MustCompile(`\[(\d+)\]`)

// CheckCitations verifies that every [n] marker in ans resolves to a
// citation, that citation numbers are unique, and that each quote is a
// verbatim part of its chunk. It returns the first problem found, or an
// error reading the index or the store.
func (s *Service) CheckCitations(ctx context.Context, ans answer.Answer) error {
	byN := map[int]answer.Citation{}
	for _, c := range ans.Citations {
		if _, dup := byN[c.N]; dup {
			return fmt.Errorf("citation [%d] appears twice", c.N)
		}
		byN[c.N] = c
	}
	for _, m := range markerRE.FindAllStringSubmatch(ans.Answer, -1) {
		n, _ := strconv.Atoi(m[1])
		if _, ok := byN[n]; !ok {
			return fmt.Errorf("marker [%d] has no citation", n)
		}
	}
	ix, err := s.loadedIndex(ctx)
	if err != nil {
		return err
	}
	var ids []string
	for _, c := range ans.Citations {
		articleID, ok := ix.lookup(c.ChunkID)
		if !ok {
			return fmt.Errorf("citation [%d] names unknown chunk %q", c.N, c.ChunkID)
		}
		if articleID != c.ArticleID {
			return fmt.Errorf("citation [%d]: chunk %q is not from article %q", c.N, c.ChunkID, c.ArticleID)
		}
		ids = append(ids, c.ChunkID)
	}
	texts, err := s.store.chunks(ctx, ids)
	if err != nil {
		return err
	}
	for _, c := range ans.Citations {
		if c.Quote != "" && !strings.Contains(texts[c.ChunkID].Text, c.Quote) {
			return fmt.Errorf("citation [%d]: quote is not in chunk %q", c.N, c.ChunkID)
		}
	}
	return nil
}
