package corpus

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// writeFiles creates files (slash paths) under dir.
func writeFiles(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func articleIDs(as []Article) []string {
	ids := make([]string, len(as))
	for i, a := range as {
		ids[i] = a.ID
	}
	return ids
}

const goodBody = "Talks in Moscow ended without a deal on Tuesday.\nBoth sides said contacts would continue.\n"

func TestLoadDirReportsBadFilesAndLoadsTheRest(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		data    []byte
		want    error
		wantMsg string // part of the LoadError message
	}{
		{"empty file", "empty.txt", nil, ErrEmpty, "empty file"},
		{"whitespace only", "blank.txt", []byte(" \n\t\r\n\u00a0\n"), ErrEmpty, "only whitespace"},
		{"front matter only", "meta.md", []byte("---\ntitle: x\n---\n\n"), ErrEmpty, "front matter only"},
		{"furniture only", "footer.txt", []byte("Sign up for our newsletter\n© Example Media 2025\n"), ErrEmpty, "furniture"},
		{"NUL bytes", "image.txt", []byte("GIF89a\x00\x01\x02 text"), ErrBinary, "NUL byte at offset 6"},
		{"control characters", "ctl.txt", []byte("\x01\x02\x03\x04\x05abc\x06\x07"), ErrBinary, "control"},
		{"invalid UTF-8", "latin1.txt", []byte("Line one.\nCaf\xe9 talks ended.\n"), ErrNotUTF8, "invalid byte 0xe9 at line 2"},
		{"UTF-16", "utf16.txt", []byte("\xff\xfeT\x00a\x00"), ErrNotUTF8, "UTF-16"},
		{"front matter not closed", "open.md", []byte("---\ntitle: x\nText.\n"), ErrFrontMatter, "line 1"},
		{"front matter line without colon", "nocolon.txt", []byte("---\ntitle: x\nsource Reuters\n---\n" + goodBody), ErrFrontMatter, "line 3"},
		{"front matter bad date", "baddate.txt", []byte("---\npublished: last Tuesday\n---\n" + goodBody), ErrFrontMatter, "line 2"},
		{"oversized", "huge.txt", []byte(strings.Repeat("Talks went on. ", MaxFileSize/15+1)), ErrTooLarge, "limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string][]byte{
				"a_good.txt":   []byte(goodBody),
				tt.file:        tt.data,
				"sub/z_ok.md":  []byte("# Headline here now\n" + goodBody),
				"notes.json":   []byte("{}"),
				"README.md":    []byte("This folder holds articles.\n"),
				"LICENSE.txt":  []byte("Some license.\n"),
				".hidden/x.md": []byte(goodBody),
			})
			articles, errs, err := LoadDir(dir)
			if err != nil {
				t.Fatalf("LoadDir: %v", err)
			}
			if got, want := articleIDs(articles), []string{"a_good", "sub/z_ok"}; !slices.Equal(got, want) {
				t.Errorf("loaded %v, want %v", got, want)
			}
			if len(errs) != 1 {
				t.Fatalf("got %d load errors %v, want 1", len(errs), errs)
			}
			e := errs[0]
			if want := filepath.Join(dir, tt.file); e.File != want {
				t.Errorf("File = %q, want %q", e.File, want)
			}
			if !errors.Is(e, tt.want) {
				t.Errorf("error %v does not wrap %v", e, tt.want)
			}
			msg := e.Error()
			if !strings.HasPrefix(msg, e.File+": "+tt.want.Error()) || !strings.Contains(msg, tt.wantMsg) {
				t.Errorf("message %q, want %q prefix and %q inside", msg, e.File+": "+tt.want.Error(), tt.wantMsg)
			}
		})
	}
}

func TestLoadDirErrors(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.txt")
	writeFiles(t, dir, map[string][]byte{"a.txt": []byte(goodBody)})
	tests := []struct {
		name string
		dir  string
		is   error
	}{
		{"missing", filepath.Join(dir, "nope"), fs.ErrNotExist},
		{"not a directory", file, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := LoadDir(tt.dir)
			if err == nil {
				t.Fatal("LoadDir succeeded, want error")
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %v does not wrap %v", err, tt.is)
			}
		})
	}
}

func TestLoadDirWalk(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{
		"b.TXT":                []byte(goodBody),
		"a/c.md":               []byte(goodBody),
		"a/deeper/d.Md":        []byte(goodBody),
		"x/b.md":               []byte(goodBody), // another folder: its own ID, x/b
		"x/b.txt":              []byte(goodBody), // duplicate of x/b.md: later in walk order
		"testdata/e.txt":       []byte(goodBody),
		".git/f.txt":           []byte(goodBody),
		".draft.txt":           []byte(goodBody),
		"readme.txt":           []byte(goodBody),
		"LICENSE-articles.txt": []byte(goodBody),
		"g.html":               []byte(goodBody),
	})
	mtime := time.Date(2024, 3, 9, 8, 0, 0, 0, time.UTC)
	if err := os.Chtimes(filepath.Join(dir, "a", "c.md"), mtime, mtime); err != nil {
		t.Fatal(err)
	}
	articles, errs, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := articleIDs(articles), []string{"a/c", "a/deeper/d", "b", "x/b"}; !slices.Equal(got, want) {
		t.Errorf("loaded %v, want %v", got, want)
	}
	if len(errs) != 1 || !errors.Is(errs[0], ErrDuplicateID) || errs[0].File != filepath.Join(dir, "x", "b.txt") {
		t.Fatalf("errors = %v, want one ErrDuplicateID for x/b.txt", errs)
	}
	if !strings.Contains(errs[0].Error(), "x/b.md") {
		t.Errorf("duplicate error %q does not name the first file", errs[0])
	}
	c := articles[0]
	if c.Path != "a/c.md" {
		t.Errorf("Path = %q, want a/c.md", c.Path)
	}
	if !c.Published.Equal(mtime) || c.PublishedFrom != FromFileTime {
		t.Errorf("Published = %v from %q, want %v from file time", c.Published, c.PublishedFrom, mtime)
	}
}

// failFS fails to open one directory.
type failFS struct {
	fstest.MapFS
	bad string
}

func (f failFS) Open(name string) (fs.File, error) {
	if name == f.bad {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.Open(name)
}

func (f failFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if name == f.bad {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.ReadDir(name)
}

func TestLoadFSUnreadableDirectory(t *testing.T) {
	fsys := failFS{MapFS: fstest.MapFS{
		"a.txt":        {Data: []byte(goodBody)},
		"locked/b.txt": {Data: []byte(goodBody)},
		"z.txt":        {Data: []byte(goodBody)},
	}, bad: "locked"}
	articles, errs := LoadFS(fsys)
	if got, want := articleIDs(articles), []string{"a", "z"}; !slices.Equal(got, want) {
		t.Errorf("loaded %v, want %v", got, want)
	}
	if len(errs) != 1 || errs[0].File != "locked" || !errors.Is(errs[0], fs.ErrPermission) {
		t.Errorf("errors = %v, want one permission error for locked", errs)
	}
}

func TestLoadShipped(t *testing.T) {
	articles, errs := LoadFS(Shipped)
	if len(errs) != 0 {
		t.Fatalf("load errors: %v", errs)
	}
	if len(articles) != 5 {
		t.Fatalf("got %d articles, want 5", len(articles))
	}
	if !slices.IsSortedFunc(articles, func(a, b Article) int { return strings.Compare(a.ID, b.ID) }) {
		t.Error("articles not sorted by ID")
	}
	for _, a := range articles {
		if a.Title == "" || a.Text == "" || len(a.Hash) != 64 || a.Path != a.ID+".txt" {
			t.Errorf("%s: title %q, %d text bytes, hash %q, path %q", a.ID, a.Title, len(a.Text), a.Hash, a.Path)
		}
		if strings.Contains(a.Text, "\n\n") || strings.HasSuffix(a.Text, "\n") {
			t.Errorf("%s: text has empty lines", a.ID)
		}
		for _, furniture := range []string{"Sign up for the Daily Briefing", "Download our app", "©", "straight to your inbox", "Network Links"} {
			if strings.Contains(a.Text, furniture) {
				t.Errorf("%s: text still contains %q", a.ID, furniture)
			}
		}
	}
	a := articles[3]
	if a.ID != "003_33d437cb89f075d5" {
		t.Fatalf("articles[3] = %s", a.ID)
	}
	if want := "Kremlin meeting between President Putin and US envoys lasted almost five hours"; a.Title != want {
		t.Errorf("title = %q, want %q", a.Title, want)
	}
	if !strings.HasSuffix(a.Text, "instead sending his deputy Christopher Landau.") {
		t.Errorf("003 text lost its last paragraph: ...%q", a.Text[len(a.Text)-80:])
	}
	if want := time.Date(2025, 12, 2, 0, 0, 0, 0, time.UTC); !a.Published.Equal(want) || a.PublishedFrom != FromText {
		t.Errorf("003 published %v from %q, want %v from text", a.Published, a.PublishedFrom, want)
	}
}
