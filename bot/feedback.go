package bot

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/newsbot/newsbot/internal/migrate"
	"github.com/newsbot/newsbot/rag/answer"
)

// migrations are the bot's tables (feedback_answers, feedback,
// briefing_threads, briefing_posts).
//
//go:embed migration/*.sql
var migrations embed.FS

// Owner is the name the bot's migrations are recorded under in
// schema_migrations.
const Owner = "bot"

// maxStoredText bounds each question and answer stored with feedback, in
// bytes: a model answer of any size stores a bounded row.
const maxStoredText = 16 << 10

// capBytes cuts s to at most n bytes at a rune boundary, marking the cut.
func capBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	const mark = "… (cut)"
	i := n - len(mark)
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + mark
}

// feedbackStore records answers and votes in SQLite.
type feedbackStore struct {
	db *sql.DB
}

// Migrate creates or migrates the bot's tables in db (Run does it too).
// It returns an error naming the migration that failed.
func Migrate(ctx context.Context, db *sql.DB) error {
	if err := migrate.Apply(ctx, db, Owner, migrations); err != nil {
		return fmt.Errorf("create bot tables: %w", err)
	}
	return nil
}

// answerRecord is one answer as stored.
type answerRecord struct {
	ID, GuildID, ChannelID, UserID string
	Question                       string
	Answer                         answer.Answer
}

// saveAnswer stores an answer so later votes can refer to it.
func (f *feedbackStore) saveAnswer(ctx context.Context, r answerRecord) error {
	ids, err := json.Marshal(chunkIDs(r.Answer))
	if err != nil {
		return fmt.Errorf("encode chunk ids: %w", err)
	}
	_, err = f.db.ExecContext(ctx, `INSERT OR REPLACE INTO feedback_answers
		(id, created_at, guild_id, channel_id, user_id, question, answer, chunk_ids, mode, refused)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.ID, now(), r.GuildID, r.ChannelID, r.UserID, capBytes(r.Question, maxStoredText), capBytes(r.Answer.Answer, maxStoredText), string(ids),
		r.Answer.Mode, r.Answer.Refused)
	if err != nil {
		return fmt.Errorf("save answer %s: %w", r.ID, err)
	}
	return nil
}

// vote is one click on 👍 (+1) or 👎 (-1).
type vote struct {
	AnswerID, UserID, GuildID, ChannelID, MessageID string
	Value                                           int
	// Fallback is the clicked message's text, stored as the answer when the
	// answer itself is unknown (tables emptied since).
	Fallback string
}

// saveVote records a vote, replacing the user's earlier vote on the answer.
func (f *feedbackStore) saveVote(ctx context.Context, v vote) error {
	var question, answer, ids string
	err := f.db.QueryRowContext(ctx,
		`SELECT question, answer, chunk_ids FROM feedback_answers WHERE id = ?`, v.AnswerID,
	).Scan(&question, &answer, &ids)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		question, answer, ids = "", capBytes(v.Fallback, maxStoredText), "[]"
	case err != nil:
		return fmt.Errorf("look up answer %s: %w", v.AnswerID, err)
	}
	t := now()
	_, err = f.db.ExecContext(ctx, `INSERT INTO feedback
		(answer_id, user_id, vote, question, answer, chunk_ids, guild_id, channel_id, message_id, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = excluded.vote, updated_at = excluded.updated_at`,
		v.AnswerID, v.UserID, v.Value, question, answer, ids, v.GuildID, v.ChannelID, v.MessageID, t, t)
	if err != nil {
		return fmt.Errorf("save vote on %s: %w", v.AnswerID, err)
	}
	return nil
}

// chunkIDs lists the distinct chunks an answer cites, in citation order.
func chunkIDs(a answer.Answer) []string {
	ids := []string{}
	seen := map[string]bool{}
	for _, c := range a.Citations {
		if c.ChunkID != "" && !seen[c.ChunkID] {
			seen[c.ChunkID] = true
			ids = append(ids, c.ChunkID)
		}
	}
	return ids
}

func now() string { return time.Now().UTC().Format(time.RFC3339Nano) }
