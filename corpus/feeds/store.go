package feeds

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/newsbot/newsbot/corpus"
)

// doc is one article file: front matter plus paragraphs.
type doc struct {
	Title     string
	Source    string
	URL       string
	URLs      []string // other URLs carrying the same story (syndicated copies)
	Published time.Time
	Author    string
	Paras     []string

	// fetched is the cleaned URL the text was actually read from (after
	// redirects); not stored in the file.
	fetched string
}

// text is the body as stored: paragraphs separated by blank lines.
func (d *doc) text() string { return strings.Join(d.Paras, "\n\n") }

// render returns the file bytes: a front-matter block whose values are all
// double-quoted with JSON-style escapes (control characters never reach
// here), then the body. The output depends only on d, so an unchanged
// article renders to unchanged bytes.
func (d *doc) render() []byte {
	var b bytes.Buffer
	b.WriteString("---\n")
	field := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, "%s: %s\n", k, strconv.Quote(v))
		}
	}
	field("title", d.Title)
	field("source", d.Source)
	field("url", d.URL)
	field("urls", strings.Join(d.URLs, " "))
	if !d.Published.IsZero() {
		field("published", d.Published.UTC().Format(time.RFC3339))
	}
	field("author", d.Author)
	b.WriteString("---\n\n")
	b.WriteString(d.text())
	b.WriteString("\n")
	return b.Bytes()
}

// errNoFrontMatter is returned by parseDoc for a file not written by render.
var errNoFrontMatter = errors.New("no front matter")

// parseDoc reads a file written by render (used to add a syndicated URL to
// an existing article and to compare texts exactly), with the corpus
// loader's front matter reader. It returns errNoFrontMatter for a file
// without a front matter block, and the reader's error for a malformed one.
func parseDoc(b []byte) (*doc, error) {
	fields, body, found, err := corpus.ReadFrontMatter(strings.ReplaceAll(string(b), "\r\n", "\n"))
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, errNoFrontMatter
	}
	d := &doc{}
	for _, f := range fields {
		switch f.Key {
		case "title":
			d.Title = f.Value
		case "source":
			d.Source = f.Value
		case "url":
			d.URL = f.Value
		case "urls":
			d.URLs = strings.Fields(f.Value)
		case "published":
			if t, err := time.Parse(time.RFC3339, f.Value); err == nil {
				d.Published = t
			}
		case "author":
			d.Author = f.Value
		}
	}
	for _, p := range strings.Split(body, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			d.Paras = append(d.Paras, p)
		}
	}
	return d, nil
}

// articlePath is where the article with this id is stored.
func articlePath(dir, id string) string { return filepath.Join(dir, id+".md") }

// writeAtomic replaces dir/name with data: a temporary file in dir (its
// name starts with "." and does not end in .md, so loaders skip it) is
// written, fsynced and renamed over the target, then dir is fsynced. A
// crash leaves either the old file or the new one, never a torn one.
func writeAtomic(dir, name string, data []byte) (err error) {
	tmp, err := os.CreateTemp(dir, "."+name+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err = tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", name, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("close %s: %w", name, err)
	}
	if err = os.Rename(tmp.Name(), filepath.Join(dir, name)); err != nil {
		return fmt.Errorf("rename %s: %w", name, err)
	}
	if d, derr := os.Open(dir); derr == nil {
		// Not every OS can fsync a directory; the rename itself already happened.
		_ = d.Sync()
		d.Close()
	}
	return nil
}
