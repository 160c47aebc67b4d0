package corpus

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// frontMatter holds the known keys of a front matter block.
type frontMatter struct {
	title, source, url, author string
	published                  time.Time
}

// splitFrontMatter reads the optional front matter block at the very start
// of text (see ReadFrontMatter) and returns its known keys with the
// remaining body. Known keys: title, source, url, author and published
// ("date" is accepted as an alias; "published" wins when both are given).
// Values have their white space normalized. Unknown keys are ignored; when
// a key repeats, the last wins.
func splitFrontMatter(text string) (frontMatter, string, error) {
	var fm frontMatter
	fields, body, found, err := ReadFrontMatter(text)
	if err != nil || !found {
		return fm, body, err
	}
	var published, date string
	var publishedLine, dateLine int
	for _, f := range fields {
		val := normalizeSpace(f.Value)
		switch f.Key {
		case "title":
			fm.title = val
		case "source":
			fm.source = val
		case "url":
			fm.url = val
		case "author":
			fm.author = val
		case "published":
			published, publishedLine = val, f.Line
		case "date":
			date, dateLine = val, f.Line
		}
	}
	if published == "" {
		published, publishedLine = date, dateLine
	}
	if published != "" {
		t, err := parsePublished(published)
		if err != nil {
			return fm, "", fmt.Errorf("%w: line %d: %w", ErrFrontMatter, publishedLine, err)
		}
		fm.published = t
	}
	return fm, body, nil
}

// FrontMatterField is one "key: value" line of a front matter block.
type FrontMatterField struct {
	// Key is lower-cased and trimmed.
	Key string
	// Value is unquoted, otherwise as written.
	Value string
	// Line is the 1-based line number in the file.
	Line int
}

// ReadFrontMatter reads the optional front matter block at the very start
// of text and returns its fields in file order and the remaining body;
// found is false, with body = text, when text does not start with a block.
// Line ends must be "\n".
//
// Two kinds of block are read:
//   - YAML between a first line "---" and the next line "---" (trailing
//     blanks allowed), read with a YAML parser: quoted and plain scalars,
//     block scalars ("title: >-", "title: |"), lists (joined with ", ")
//     and nested maps (ignored). Blocks a YAML parser rejects but that
//     are plain "key: value" lines (an unquoted colon in a title, a
//     repeated key) are still read line by line, as people write them.
//   - TOML between a first line "+++" and the next line "+++" (Hugo
//     style): strings, numbers, dates and arrays of strings; tables are
//     ignored.
//
// Keys are lower-cased. A block that is not closed, or that cannot be
// read, is an error wrapping ErrFrontMatter that names the line.
func ReadFrontMatter(text string) (fields []FrontMatterField, body string, found bool, err error) {
	first, rest, _ := strings.Cut(text, "\n")
	delim := strings.TrimRight(first, " \t")
	if delim != "---" && delim != "+++" {
		return nil, text, false, nil
	}
	lines := strings.Split(rest, "\n")
	end := -1
	for i, l := range lines {
		if strings.TrimRight(l, " \t") == delim {
			end = i
			break
		}
	}
	if end < 0 {
		return nil, "", true, fmt.Errorf("%w: line 1: opening %q has no closing %q", ErrFrontMatter, delim, delim)
	}
	block, body := lines[:end], strings.Join(lines[end+1:], "\n")
	if delim == "+++" {
		fields, err = readTOML(block)
		return fields, body, true, err
	}
	if fields, err = readYAML(block); err == nil {
		return fields, body, true, nil
	}
	// Not valid YAML: read plain "key: value" lines, and when those fail
	// too, say what is wrong in the words of the line reader.
	fields, err = readKeyValueLines(block)
	return fields, body, true, err
}

// readKeyValueLines reads a block of "key: value" lines; the first block
// line is line 2 of the file. Values may be bare, "double quoted" (Go/YAML
// escapes) or 'single quoted' (a doubled quote stands for one). Blank
// lines and "# comment" lines are ignored, and so are indented or "- "
// lines that follow a key with an empty value (a YAML list or map under an
// unknown key such as tags). A line that is none of these is an error
// wrapping ErrFrontMatter that names the line.
func readKeyValueLines(block []string) ([]FrontMatterField, error) {
	var fields []FrontMatterField
	nested := false // the previous key had an empty value: nested lines are allowed
	for i, raw := range block {
		lineNo := i + 2
		t := strings.TrimSpace(raw)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if raw[0] == ' ' || raw[0] == '\t' || t == "-" || strings.HasPrefix(t, "- ") {
			if nested {
				continue
			}
			return nil, fmt.Errorf("%w: line %d: unexpected indented or list line %s", ErrFrontMatter, lineNo, quoteShort(t))
		}
		k, v, ok := strings.Cut(t, ":")
		if !ok {
			return nil, fmt.Errorf("%w: line %d: no colon in %s (want \"key: value\")", ErrFrontMatter, lineNo, quoteShort(t))
		}
		key := strings.ToLower(strings.TrimSpace(k))
		if key == "" {
			return nil, fmt.Errorf("%w: line %d: empty key in %s", ErrFrontMatter, lineNo, quoteShort(t))
		}
		rawVal := strings.TrimSpace(v)
		nested = rawVal == ""
		val, err := unquoteValue(rawVal)
		if err != nil {
			return nil, fmt.Errorf("%w: line %d: %w", ErrFrontMatter, lineNo, err)
		}
		fields = append(fields, FrontMatterField{Key: key, Value: val, Line: lineNo})
	}
	return fields, nil
}

// unquoteValue removes YAML-style quotes around a front matter value.
func unquoteValue(v string) (string, error) {
	if v == "" {
		return v, nil
	}
	switch q := v[0]; q {
	case '"':
		if len(v) < 2 || v[len(v)-1] != '"' {
			return "", errors.New("unterminated double quote")
		}
		if s, err := strconv.Unquote(v); err == nil {
			return s, nil
		}
		// Not a valid Go string (e.g. an unknown escape): take it literally.
		return v[1 : len(v)-1], nil
	case '\'':
		if len(v) < 2 || v[len(v)-1] != '\'' {
			return "", errors.New("unterminated single quote")
		}
		return strings.ReplaceAll(v[1:len(v)-1], "''", "'"), nil
	}
	return v, nil
}

// quoteShort quotes s for an error message, shortened to 60 runes.
func quoteShort(s string) string {
	if utf8.RuneCountInString(s) > 60 {
		s = string([]rune(s)[:60]) + "…"
	}
	return strconv.Quote(s)
}
