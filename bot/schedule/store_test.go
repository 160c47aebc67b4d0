package schedule

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"testing"

	"github.com/newsbot/newsbot/internal/sqlitedb"
)

// TestPartLogResumes: after a send fails on the second part, a retry sends
// only the parts not yet sent, and a completed delivery sends nothing.
func TestPartLogResumes(t *testing.T) {
	ctx := context.Background()
	db, err := sqlitedb.Open(ctx, filepath.Join(t.TempDir(), "parts.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	log, err := NewPartLog(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	parts := []string{"one", "two", "three"}
	var sent []string
	failOn := "two"
	send := func(_ context.Context, p string) error {
		if p == failOn {
			return errors.New("discord is down")
		}
		sent = append(sent, p)
		return nil
	}
	if err := log.Post(ctx, "b1-20251202", parts, send); err == nil {
		t.Fatal("a failed send was not reported")
	}
	failOn = ""
	if err := log.Post(ctx, "b1-20251202", parts, send); err != nil {
		t.Fatal(err)
	}
	if err := log.Post(ctx, "b1-20251202", parts, send); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(sent, parts) {
		t.Fatalf("sent %q, want each part once: %q", sent, parts)
	}
	// Another delivery key starts from the first part.
	sent = nil
	if err := log.Post(ctx, "b1-20251203", parts[:1], send); err != nil || !slices.Equal(sent, parts[:1]) {
		t.Fatalf("new key sent %q, %v", sent, err)
	}
}
