package corpus

import "errors"

// Sentinel errors returned (wrapped) by Parse and reported in LoadError.
// Test for them with errors.Is. The wrapped messages put the sentinel first
// ("broken front matter: line 3: ...") rather than last, because the
// sentinel is the reason and the rest is detail; a LoadError then reads
// "file: reason: detail".
var (
	// ErrEmpty reports a file with no article text: zero bytes, only
	// whitespace, only front matter, or only page furniture.
	ErrEmpty = errors.New("no article text")
	// ErrBinary reports a file that holds NUL bytes or mostly control
	// characters.
	ErrBinary = errors.New("binary file")
	// ErrNotUTF8 reports a file that is not valid UTF-8 (UTF-16 included).
	ErrNotUTF8 = errors.New("not valid UTF-8")
	// ErrFrontMatter reports a front matter block that cannot be read; the
	// message names the line.
	ErrFrontMatter = errors.New("broken front matter")
	// ErrTooLarge reports a file larger than MaxFileSize.
	ErrTooLarge = errors.New("file too large")
	// ErrNotRegular reports an article-named entry that is not a regular
	// file nor a symlink to one (a FIFO, device, socket or directory); it
	// is skipped without being opened, so it cannot block the load.
	ErrNotRegular = errors.New("not a regular file")
	// ErrDuplicateID reports a second file whose ID is already taken by a
	// file loaded earlier in the same walk.
	ErrDuplicateID = errors.New("duplicate article id")
)

// LoadError describes one file (or directory) that could not be loaded.
// Loading goes on with the other files.
type LoadError struct {
	// File is the path of the file: relative to the fs.FS root for LoadFS,
	// joined with the directory for LoadDir.
	File string
	// Err is the reason; it wraps one of the sentinel errors above, or an
	// I/O error.
	Err error
}

// Error returns "file: reason".
func (e LoadError) Error() string {
	if e.Err == nil {
		return e.File + ": unknown error"
	}
	return e.File + ": " + e.Err.Error()
}

// Unwrap returns the reason, so errors.Is(loadErr, ErrBinary) works.
func (e LoadError) Unwrap() error { return e.Err }
