//go:build unix

package corpus

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestLoadDirSkipsSpecialFiles: a FIFO named like an article, a symlink to
// it and a socket are reported by name and never opened (opening a FIFO
// for reading blocks until a writer comes); a symlink to a regular file
// and the other files still load.
func TestLoadDirSkipsSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{
		"a_good.txt":     []byte(goodBody),
		"sub/z_ok.md":    []byte("# Headline here now\n" + goodBody),
		"target/real.md": []byte("# Linked story here\n" + goodBody),
	})
	fifo := filepath.Join(dir, "x.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	if err := os.Symlink(fifo, filepath.Join(dir, "sub", "pipe.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "target", "real.md"), filepath.Join(dir, "linked.md")); err != nil {
		t.Fatal(err)
	}
	// A short socket path: sun_path is limited to about 100 bytes.
	sockDir, err := os.MkdirTemp("", "sock")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(sockDir)
	if l, err := net.Listen("unix", filepath.Join(sockDir, "s.txt")); err == nil {
		defer l.Close()
		if err := os.Symlink(filepath.Join(sockDir, "s.txt"), filepath.Join(dir, "sock.txt")); err != nil {
			t.Fatal(err)
		}
	}

	type result struct {
		arts []Article
		errs []LoadError
		err  error
	}
	done := make(chan result, 1)
	go func() {
		a, e, err := LoadDir(dir)
		done <- result{a, e, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(30 * time.Second):
		// Unblock the reader so the test process can end.
		if w, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			w.Close()
		}
		t.Fatal("LoadDir blocked on a FIFO")
	}
	if r.err != nil {
		t.Fatal(r.err)
	}
	if got, want := articleIDs(r.arts), []string{"a_good", "linked", "sub/z_ok", "target/real"}; !slices.Equal(got, want) {
		t.Errorf("loaded %v, want %v", got, want)
	}
	want := map[string]string{
		fifo:                              "not a regular file: named pipe (FIFO)",
		filepath.Join(dir, "sub/pipe.md"): "not a regular file: symlink to a named pipe (FIFO)",
		filepath.Join(dir, "sock.txt"):    "not a regular file: symlink to a socket",
	}
	for _, e := range r.errs {
		w, ok := want[e.File]
		if !ok {
			t.Errorf("unexpected load error %v", e)
			continue
		}
		delete(want, e.File)
		if !errors.Is(e, ErrNotRegular) || !strings.HasSuffix(e.Error(), w) {
			t.Errorf("load error %q, want it to end in %q", e.Error(), w)
		}
	}
	for f := range want {
		if !strings.HasSuffix(f, "sock.txt") {
			t.Errorf("%s not reported", f)
		}
	}
}

// TestRegularFSRefusesFIFOOnOpen: a file replaced by a FIFO after the walk
// checked it is refused by the non-blocking open, not waited on.
func TestRegularFSRefusesFIFOOnOpen(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "x.txt"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	f, err := regularFS(dir).Open("x.txt")
	if err == nil {
		f.Close()
		t.Fatal("Open returned a FIFO")
	}
	if !errors.Is(err, ErrNotRegular) {
		t.Errorf("Open: %v, want ErrNotRegular", err)
	}
}
