package corpus

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// LoadFS reads every article file in fsys and returns the articles sorted
// by ID, with one LoadError for each file (or directory) that could not be
// used. One bad file never stops the others.
//
// The walk is recursive. Article files end in .txt or .md (any case).
// Skipped without error: directories whose name starts with "." or is
// "testdata", files whose name starts with ".", README.md / README.txt and
// LICENSE* files (any case), and files with other extensions. An article's
// ID is its path below the root without extension ("a.txt" is "a",
// "sport/203.txt" is "sport/203"), so folders may reuse file names; a
// second file (in lexical walk order) with the ID of an article already
// loaded ("a.md" beside "a.txt") is reported with ErrDuplicateID. Only regular files and symlinks to regular files are
// opened; FIFOs, devices, sockets and symlinks to them are reported with
// ErrNotRegular (naming what they are) before any open, so none can block.
func LoadFS(fsys fs.FS) ([]Article, []LoadError) {
	sc := loadFS(fsys, nil)
	return sc.Articles, sc.Errors
}

// Stamp is what a stat of an article file says before it is read: its
// size and modification time. A file whose stamp is unchanged is taken to
// be unchanged.
type Stamp struct {
	Size    int64
	ModTime time.Time
}

// Equal reports whether s and o are the same stamp.
func (s Stamp) Equal(o Stamp) bool { return s.Size == o.Size && s.ModTime.Equal(o.ModTime) }

// Scan is what LoadDirSince found.
type Scan struct {
	// Articles are the files read (new or changed), sorted by ID.
	Articles []Article
	// Unchanged are the IDs of the files not read because their stamp
	// was unchanged, sorted.
	Unchanged []string
	// Stamps holds the stamp of every article file found, read or not,
	// by article ID.
	Stamps map[string]Stamp
	// Errors has one LoadError per file that could not be used.
	Errors []LoadError
}

// loadFS is LoadFS that stats each article file first and, when unchanged
// (nil: never) says so, does not read it: a re-scan of an unchanged
// folder costs one stat per file.
func loadFS(fsys fs.FS, unchanged func(id string, st Stamp) bool) Scan {
	var (
		articles []Article
		errs     []LoadError
		seen     = map[string]string{} // ID -> path of the article that has it
		sc       = Scan{Stamps: map[string]Stamp{}}
	)
	walkErr := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "." {
				return err
			}
			errs = append(errs, LoadError{File: p, Err: err})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if p != "." && skipDir(d.Name()) {
				return fs.SkipDir
			}
			return nil
		}
		if !isArticleFile(d.Name()) {
			return nil
		}
		if err := checkRegular(fsys, p, d); err != nil {
			errs = append(errs, LoadError{File: p, Err: err})
			return nil
		}
		if unchanged != nil {
			if info, err := fs.Stat(fsys, p); err == nil && info.Mode().IsRegular() {
				id := pathID(p)
				st := Stamp{Size: info.Size(), ModTime: info.ModTime()}
				if _, dup := seen[id]; !dup && unchanged(id, st) {
					seen[id] = p
					sc.Stamps[id] = st
					sc.Unchanged = append(sc.Unchanged, id)
					return nil
				}
			}
		}
		a, st, err := loadFile(fsys, p)
		if err != nil {
			errs = append(errs, LoadError{File: p, Err: err})
			return nil
		}
		a.ID = pathID(p)
		if first, dup := seen[a.ID]; dup {
			errs = append(errs, LoadError{File: p, Err: fmt.Errorf("%w: %q is already taken by %s", ErrDuplicateID, a.ID, first)})
			return nil
		}
		seen[a.ID] = p
		sc.Stamps[a.ID] = st
		articles = append(articles, a)
		return nil
	})
	if walkErr != nil {
		errs = append(errs, LoadError{File: ".", Err: walkErr})
	}
	slices.SortFunc(articles, func(a, b Article) int { return strings.Compare(a.ID, b.ID) })
	slices.SortStableFunc(errs, func(a, b LoadError) int { return strings.Compare(a.File, b.File) })
	slices.Sort(sc.Unchanged)
	sc.Articles, sc.Errors = articles, errs
	return sc
}

// LoadDir loads the article files under dir like LoadFS, with
// LoadError.File joined to dir so messages name a path the user can open.
// It returns an error only when dir itself is missing, is not a
// directory, or cannot be read. Files are opened non-blocking and checked
// again once open, so a file replaced by a FIFO after the walk looked at
// it is reported with ErrNotRegular instead of blocking the load.
func LoadDir(dir string) ([]Article, []LoadError, error) {
	sc, err := LoadDirSince(dir, nil)
	return sc.Articles, sc.Errors, err
}

// LoadDirSince loads the article files under dir like LoadDir, except
// that each file is stat'ed first and not read when unchanged(id, stamp)
// returns true (nil reads every file): such files are listed in
// Scan.Unchanged. Every file found has its stamp in Scan.Stamps. It
// returns an error only when dir itself is missing, is not a directory, or
// cannot be read.
func LoadDirSince(dir string, unchanged func(id string, st Stamp) bool) (Scan, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return Scan{}, fmt.Errorf("load corpus: %w", err)
	}
	if !info.IsDir() {
		return Scan{}, fmt.Errorf("load corpus: %s is not a directory", dir)
	}
	if _, err := os.ReadDir(dir); err != nil {
		return Scan{}, fmt.Errorf("load corpus: %w", err)
	}
	sc := loadFS(regularFS(dir), unchanged)
	for i := range sc.Errors {
		sc.Errors[i].File = filepath.Join(dir, filepath.FromSlash(sc.Errors[i].File))
	}
	return sc, nil
}

// loadFile reads and parses one article file, refusing files larger than
// MaxFileSize before reading them, and returns it with the file's stamp.
func loadFile(fsys fs.FS, p string) (Article, Stamp, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return Article{}, Stamp{}, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return Article{}, Stamp{}, err
	}
	if !info.Mode().IsRegular() {
		return Article{}, Stamp{}, fmt.Errorf("%w: %s", ErrNotRegular, fileKind(info.Mode()))
	}
	if info.Size() > MaxFileSize {
		return Article{}, Stamp{}, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, info.Size(), MaxFileSize)
	}
	// Read one byte past the limit in case the size was misreported.
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return Article{}, Stamp{}, fmt.Errorf("read: %w", err)
	}
	a, err := Parse(p, data, info.ModTime())
	return a, Stamp{Size: info.Size(), ModTime: info.ModTime()}, err
}

// skipDir reports whether a directory is left out of the walk.
func skipDir(name string) bool {
	return strings.HasPrefix(name, ".") || name == "testdata"
}

// isArticleFile reports whether a file name is an article file.
func isArticleFile(name string) bool {
	if strings.HasPrefix(name, ".") {
		return false
	}
	ext := strings.ToLower(path.Ext(name))
	if ext != ".txt" && ext != ".md" {
		return false
	}
	lower := strings.ToLower(name)
	return lower != "readme.md" && lower != "readme.txt" && !strings.HasPrefix(lower, "license")
}
