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
)

// LoadFS reads every article file in fsys and returns the articles sorted
// by ID, with one LoadError for each file (or directory) that could not be
// used. One bad file never stops the others.
//
// The walk is recursive. Article files end in .txt or .md (any case).
// Skipped without error: directories whose name starts with "." or is
// "testdata", files whose name starts with ".", README.md / README.txt and
// LICENSE* files (any case), and files with other extensions. An article's
// ID is its base name without extension; a second file (in lexical walk
// order) with the ID of an article already loaded is reported with
// ErrDuplicateID. Only regular files and symlinks to regular files are
// opened; FIFOs, devices, sockets and symlinks to them are reported with
// ErrNotRegular (naming what they are) before any open, so none can block.
func LoadFS(fsys fs.FS) ([]Article, []LoadError) {
	var (
		articles []Article
		errs     []LoadError
		seen     = map[string]string{} // ID -> path of the article that has it
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
		a, err := loadFile(fsys, p)
		if err != nil {
			errs = append(errs, LoadError{File: p, Err: err})
			return nil
		}
		if first, dup := seen[a.ID]; dup {
			errs = append(errs, LoadError{File: p, Err: fmt.Errorf("%w: %q is already taken by %s", ErrDuplicateID, a.ID, first)})
			return nil
		}
		seen[a.ID] = p
		articles = append(articles, a)
		return nil
	})
	if walkErr != nil {
		errs = append(errs, LoadError{File: ".", Err: walkErr})
	}
	slices.SortFunc(articles, func(a, b Article) int { return strings.Compare(a.ID, b.ID) })
	slices.SortStableFunc(errs, func(a, b LoadError) int { return strings.Compare(a.File, b.File) })
	return articles, errs
}

// LoadDir loads the article files under dir like LoadFS, with
// LoadError.File joined to dir so messages name a path the user can open.
// It returns an error only when dir itself is missing, is not a
// directory, or cannot be read. Files are opened non-blocking and checked
// again once open, so a file replaced by a FIFO after the walk looked at
// it is reported with ErrNotRegular instead of blocking the load.
func LoadDir(dir string) ([]Article, []LoadError, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("load corpus: %w", err)
	}
	if !info.IsDir() {
		return nil, nil, fmt.Errorf("load corpus: %s is not a directory", dir)
	}
	if _, err := os.ReadDir(dir); err != nil {
		return nil, nil, fmt.Errorf("load corpus: %w", err)
	}
	articles, errs := LoadFS(regularFS(dir))
	for i := range errs {
		errs[i].File = filepath.Join(dir, filepath.FromSlash(errs[i].File))
	}
	return articles, errs, nil
}

// loadFile reads and parses one article file, refusing files larger than
// MaxFileSize before reading them.
func loadFile(fsys fs.FS, p string) (Article, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return Article{}, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return Article{}, err
	}
	if !info.Mode().IsRegular() {
		return Article{}, fmt.Errorf("%w: %s", ErrNotRegular, fileKind(info.Mode()))
	}
	if info.Size() > MaxFileSize {
		return Article{}, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, info.Size(), MaxFileSize)
	}
	// Read one byte past the limit in case the size was misreported.
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return Article{}, fmt.Errorf("read: %w", err)
	}
	return Parse(p, data, info.ModTime())
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
