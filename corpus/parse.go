package corpus

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// MaxFileSize is the largest article file accepted, in bytes. Real news
// articles are a few kilobytes; anything this big is a mistake (a dump, a
// PDF, a log) and would swamp the index.
const MaxFileSize = 5 << 20

// Where Article.PublishedFrom says the publication time came from.
const (
	// FromFrontMatter means the front matter "published" (or "date") key.
	FromFrontMatter = "front matter"
	// FromText means a full date stated in the article text.
	FromText = "text"
	// FromFileTime means the file's modification time.
	FromFileTime = "file time"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// Parse turns the raw bytes of one article file into a cleaned Article.
//
// path is stored as Article.Path; its base name without extension is the
// ID (LoadFS and LoadDir use the path below the folder instead), and a ".md" extension turns on light Markdown handling (heading
// marks, links, emphasis). modTime is the file's modification time, used
// as the publication time when neither the front matter nor the text
// states a date (the zero Time means unknown).
//
// The front matter "published" value may be RFC 3339
// ("2025-12-02T10:30:00Z"), an ISO date with an optional time
// ("2025-12-02", "2025-12-02 10:30"), RFC 1123/822, or English forms such
// as "December 2, 2025", "Dec. 2nd, 2025", "Tuesday, December 2, 2025" or
// "2 December 2025"; values without a zone are UTC. Dates found in the
// text are midnight UTC of that day.
//
// Parse returns an error wrapping ErrTooLarge, ErrEmpty, ErrBinary,
// ErrNotUTF8 or ErrFrontMatter when the file cannot be used. The error
// does not repeat path; LoadError adds it.
func Parse(path string, data []byte, modTime time.Time) (Article, error) {
	if len(data) > MaxFileSize {
		return Article{}, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(data), MaxFileSize)
	}
	sum := sha256.Sum256(data)
	text, err := decodeText(data)
	if err != nil {
		return Article{}, err
	}
	fm, body, err := splitFrontMatter(text)
	if err != nil {
		return Article{}, err
	}
	c := clean(body, isMarkdown(path))
	if len(c.lines) == 0 {
		if strings.TrimSpace(body) == "" {
			return Article{}, fmt.Errorf("%w: front matter only", ErrEmpty)
		}
		return Article{}, fmt.Errorf("%w: nothing left after removing page furniture", ErrEmpty)
	}
	a := Article{
		ID:     articleID(path),
		Title:  fm.title,
		Source: fm.source,
		URL:    fm.url,
		Author: fm.author,
		Text:   strings.Join(c.lines, "\n"),
		Path:   path,
		Hash:   hex.EncodeToString(sum[:]),
	}
	if a.Author == "" {
		a.Author = c.byline
	}
	if a.Source == "" {
		a.Source = c.publisher
	}
	if a.Source == "" {
		a.Source = hostOutlet(a.URL)
	}
	if a.Title == "" {
		a.Title = deriveTitle(c.lines)
	}
	switch {
	case !fm.published.IsZero():
		a.Published, a.PublishedFrom = fm.published, FromFrontMatter
	case !c.stamp.IsZero():
		a.Published, a.PublishedFrom = c.stamp, FromText
	default:
		if t, ok := findTextDate(c.lines); ok {
			a.Published, a.PublishedFrom = t, FromText
		} else if !modTime.IsZero() {
			a.Published, a.PublishedFrom = modTime, FromFileTime
		}
	}
	return a, nil
}

// articleID returns the base name of p without its extension.
func articleID(p string) string {
	base := path.Base(strings.ReplaceAll(p, "\\", "/"))
	return strings.TrimSuffix(base, path.Ext(base))
}

// pathID returns the ID of the article file at p, a slash-separated path
// below the root of a loaded folder: p without its extension.
func pathID(p string) string {
	p = path.Clean(strings.ReplaceAll(p, "\\", "/"))
	return strings.TrimSuffix(p, path.Ext(p))
}

// isMarkdown reports whether p names a Markdown file.
func isMarkdown(p string) bool {
	return strings.EqualFold(path.Ext(p), ".md")
}

// decodeText checks that data is non-empty UTF-8 text and returns it with
// any byte order mark removed and line endings normalised to "\n".
func decodeText(data []byte) (string, error) {
	if len(data) == 0 {
		return "", fmt.Errorf("%w: empty file", ErrEmpty)
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return "", fmt.Errorf("%w: UTF-16 text (save it as UTF-8)", ErrNotUTF8)
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", fmt.Errorf("%w: NUL byte at offset %d", ErrBinary, i)
	}
	if !utf8.Valid(data) {
		off := firstInvalid(data)
		line := 1 + bytes.Count(data[:off], []byte("\n"))
		return "", fmt.Errorf("%w: invalid byte 0x%02x at line %d", ErrNotUTF8, data[off], line)
	}
	text := string(data)
	if mostlyControl(text) {
		return "", fmt.Errorf("%w: mostly control characters", ErrBinary)
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	if strings.TrimFunc(text, func(r rune) bool { return unicode.IsSpace(r) || isInvisible(r) }) == "" {
		return "", fmt.Errorf("%w: only whitespace", ErrEmpty)
	}
	return text, nil
}

// firstInvalid returns the offset of the first byte of data that does not
// start a valid UTF-8 sequence.
func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// mostlyControl reports whether more than a tenth of the runes in s are
// control characters other than tab, newline, carriage return and form
// feed: text like that is a binary format that happens to be valid UTF-8.
func mostlyControl(s string) bool {
	var n, ctl int
	for _, r := range s {
		n++
		if unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' && r != '\f' {
			ctl++
		}
	}
	return ctl*10 > n
}
