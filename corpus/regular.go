package corpus

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// checkRegular returns nil when the walked entry p is a regular file or a
// symlink to one, and ErrNotRegular naming what it is otherwise. It never
// opens p: the entry's type comes from the directory listing (lstat) and a
// symlink's target from stat.
func checkRegular(fsys fs.FS, p string, d fs.DirEntry) error {
	t := d.Type()
	if t.IsRegular() {
		return nil
	}
	if t&fs.ModeSymlink == 0 {
		return fmt.Errorf("%w: %s", ErrNotRegular, fileKind(t))
	}
	info, err := fs.Stat(fsys, p) // follows the link
	if err != nil {
		return fmt.Errorf("broken symlink: %w", err)
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%w: symlink to a %s", ErrNotRegular, fileKind(info.Mode()))
	}
	return nil
}

// fileKind names a non-regular file mode, e.g. "named pipe (FIFO)".
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "device"
	case m.IsDir():
		return "directory"
	case m&fs.ModeSymlink != 0:
		return "symlink"
	}
	return "irregular file"
}

// regularFS is the directory tree at dir, like os.DirFS, except that Open
// opens with O_NONBLOCK and refuses (with ErrNotRegular) anything but a
// regular file or a directory, checked with fstat on the open file. So a
// file swapped for a FIFO between checkRegular and the open cannot block.
type regularFS string

func (dir regularFS) join(op, name string) (string, error) {
	if !fs.ValidPath(name) {
		return "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	return filepath.Join(string(dir), filepath.FromSlash(name)), nil
}

// Open opens name read-only and non-blocking. It returns a *fs.PathError
// wrapping ErrNotRegular for a FIFO, device or socket.
func (dir regularFS) Open(name string) (fs.File, error) {
	full, err := dir.join("open", name)
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(full, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, relPath(err, name)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if m := info.Mode(); !m.IsRegular() && !m.IsDir() {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: fmt.Errorf("%w: %s", ErrNotRegular, fileKind(m))}
	}
	return f, nil
}

// Stat returns name's file info, following symlinks, without opening it.
func (dir regularFS) Stat(name string) (fs.FileInfo, error) {
	full, err := dir.join("stat", name)
	if err != nil {
		return nil, err
	}
	info, err := os.Stat(full)
	return info, relPath(err, name)
}

// ReadDir lists the directory name, sorted by file name.
func (dir regularFS) ReadDir(name string) ([]fs.DirEntry, error) {
	full, err := dir.join("readdir", name)
	if err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(full)
	return entries, relPath(err, name)
}

// relPath makes a *fs.PathError name the path relative to the tree, as
// os.DirFS does.
func relPath(err error, name string) error {
	if pe, ok := err.(*fs.PathError); ok {
		pe.Path = name
	}
	return err
}
