package rag

import (
	"context"
	"fmt"

	"github.com/newsbot/newsbot/rag/localembed"
)

// ArticleVectors returns, for each of the articles ids that has stored
// vectors from the service's embedder, the mean of its chunks' vectors,
// L2-normalized: a briefing groups stories with them instead of embedding
// every article again. Articles without vectors (unknown, or not embedded
// yet) or whose chunks' vectors differ in length are left out. It returns
// an error if the store cannot be read, and ctx's error when ctx ends.
func (s *Service) ArticleVectors(ctx context.Context, ids []string) (map[string][]float32, error) {
	if len(ids) == 0 {
		return map[string][]float32{}, nil
	}
	sums := make(map[string][]float64, len(ids))
	bad := make(map[string]bool)
	err := inBatches(ids, func(in string, args []any) error {
		rows, err := s.store.db.QueryContext(ctx, `SELECT c.article_id, e.vector FROM chunks c
			JOIN embeddings e ON e.chunk_id = c.id AND e.model = ?
			WHERE c.article_id IN `+in, append([]any{s.cfg.Embedder.Name}, args...)...)
		if err != nil {
			return fmt.Errorf("load article vectors: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var id string
			var blob []byte
			if err := rows.Scan(&id, &blob); err != nil {
				return fmt.Errorf("load article vectors: %w", err)
			}
			v := decodeVector(blob)
			sum, ok := sums[id]
			if !ok {
				sum = make([]float64, len(v))
				sums[id] = sum
			}
			if len(sum) != len(v) {
				bad[id] = true
				continue
			}
			for k, x := range v {
				sum[k] += float64(x)
			}
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	out := make(map[string][]float32, len(sums))
	for id, sum := range sums {
		if bad[id] {
			continue
		}
		mean := make([]float32, len(sum))
		for k, x := range sum {
			mean[k] = float32(x)
		}
		if v := localembed.Normalize(mean); v != nil {
			out[id] = v
		}
	}
	return out, nil
}
