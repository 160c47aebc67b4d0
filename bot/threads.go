package bot

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
)

// maxRememberedThreads bounds the in-memory map of briefing threads kept
// when there is no database.
const maxRememberedThreads = 4096

// threadStore remembers which articles each briefing thread is about, in
// the database when there is one (durable across restarts), else in memory.
type threadStore struct {
	db *sql.DB // nil: memory only

	mu  sync.Mutex
	mem map[string][]string
}

func newThreadStore(db *sql.DB) *threadStore {
	return &threadStore{db: db, mem: map[string][]string{}}
}

// remember records a briefing thread's article ids.
func (s *threadStore) remember(ctx context.Context, threadID, channelID string, ids []string) error {
	if s.db == nil {
		s.mu.Lock()
		defer s.mu.Unlock()
		if len(s.mem) >= maxRememberedThreads {
			clear(s.mem)
		}
		s.mem[threadID] = ids
		return nil
	}
	raw, err := json.Marshal(ids)
	if err != nil {
		return fmt.Errorf("encode article ids: %w", err)
	}
	_, err = s.db.ExecContext(ctx, `INSERT OR REPLACE INTO briefing_threads (thread_id, channel_id, article_ids, created_at)
		VALUES (?, ?, ?, ?)`, threadID, channelID, string(raw), now())
	if err != nil {
		return fmt.Errorf("remember briefing thread %s: %w", threadID, err)
	}
	return nil
}

// articles returns the article ids of the briefing whose thread id is, or
// nil when it is not a briefing thread.
func (s *threadStore) articles(ctx context.Context, threadID string) ([]string, error) {
	if s.db == nil {
		s.mu.Lock()
		defer s.mu.Unlock()
		return s.mem[threadID], nil
	}
	var raw string
	err := s.db.QueryRowContext(ctx, `SELECT article_ids FROM briefing_threads WHERE thread_id = ?`, threadID).Scan(&raw)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("look up briefing thread %s: %w", threadID, err)
	}
	var ids []string
	if err := json.Unmarshal([]byte(raw), &ids); err != nil {
		return nil, fmt.Errorf("decode briefing thread %s: %w", threadID, err)
	}
	return ids, nil
}

// briefingPost is what a scheduled delivery posted so far.
type briefingPost struct {
	channelID, messageID, threadID string
}

// loadPost returns what was posted under a delivery key.
func (s *threadStore) loadPost(ctx context.Context, key string) (briefingPost, error) {
	if s.db == nil {
		return briefingPost{}, errors.New("briefing delivery needs a database")
	}
	var p briefingPost
	err := s.db.QueryRowContext(ctx, `SELECT channel_id, message_id, thread_id FROM briefing_posts WHERE key = ?`, key).
		Scan(&p.channelID, &p.messageID, &p.threadID)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return briefingPost{}, fmt.Errorf("look up briefing delivery %s: %w", key, err)
	}
	return p, nil
}

// savePost records what was posted under a delivery key.
func (s *threadStore) savePost(ctx context.Context, key string, p briefingPost) error {
	if s.db == nil {
		return errors.New("briefing delivery needs a database")
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO briefing_posts (key, channel_id, message_id, thread_id, created_at)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET channel_id = excluded.channel_id,
		message_id = excluded.message_id, thread_id = excluded.thread_id`,
		key, p.channelID, p.messageID, p.threadID, now())
	if err != nil {
		return fmt.Errorf("record briefing delivery %s: %w", key, err)
	}
	return nil
}
