package corpus

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestLoadDirSinceSkipsUnchangedFiles: a file whose stamp the caller says
// is unchanged is not read (so not even a broken one fails), and every
// file found has its stamp.
func TestLoadDirSinceSkipsUnchangedFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "Title A\n\nThe council approved the budget on Monday.")
	write("b.txt", "Title B\n\nThe harbour reopened after the storm.")
	first, err := LoadDirSince(dir, nil)
	if err != nil || len(first.Articles) != 2 || len(first.Unchanged) != 0 || len(first.Stamps) != 2 {
		t.Fatalf("first scan = %+v, %v", first, err)
	}
	stamps := first.Stamps
	// b changes (new size and time); a is unreadable but unchanged.
	write("b.txt", "Title B\n\nThe harbour reopened after the storm, officials said.")
	later := time.Now().Add(time.Minute)
	os.Chtimes(filepath.Join(dir, "b.txt"), later, later)
	os.Chmod(filepath.Join(dir, "a.txt"), 0)
	defer os.Chmod(filepath.Join(dir, "a.txt"), 0o644)

	var asked []string
	sc, err := LoadDirSince(dir, func(id string, st Stamp) bool {
		asked = append(asked, id)
		return st.Equal(stamps[id])
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(sc.Unchanged, []string{"a"}) || len(sc.Articles) != 1 || sc.Articles[0].ID != "b" || len(sc.Errors) != 0 {
		t.Fatalf("second scan: unchanged %v, articles %d, errors %v; want a skipped and b read", sc.Unchanged, len(sc.Articles), sc.Errors)
	}
	if !slices.Equal(asked, []string{"a", "b"}) || sc.Stamps["b"].Equal(stamps["b"]) || !sc.Stamps["a"].Equal(stamps["a"]) {
		t.Errorf("asked %v, stamps %v (before %v)", asked, sc.Stamps, stamps)
	}
}
