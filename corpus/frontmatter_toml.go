package corpus

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// readTOML reads a TOML front matter block (Hugo's "+++" style; its
// lines without the delimiters, the first being line 2 of the file) with
// a TOML parser. Top-level strings, numbers, booleans, dates and arrays
// of those become fields in file order; tables are skipped. Local dates
// read as "2006-01-02", offset date-times as RFC 3339. It returns an
// error wrapping ErrFrontMatter that names the line for a block that is
// not TOML.
func readTOML(block []string) ([]FrontMatterField, error) {
	var m map[string]any
	md, err := toml.Decode(strings.Join(block, "\n"), &m)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%w: line %d: %s", ErrFrontMatter, pe.Position.Line+1, pe.Message)
		}
		return nil, fmt.Errorf("%w: %w", ErrFrontMatter, err)
	}
	var fields []FrontMatterField
	for _, k := range md.Keys() {
		if len(k) != 1 {
			continue // inside a table
		}
		val, ok := tomlText(m[k[0]])
		if !ok {
			continue
		}
		fields = append(fields, FrontMatterField{Key: strings.ToLower(k[0]), Value: val, Line: tomlKeyLine(block, k[0])})
	}
	return fields, nil
}

// tomlText renders a TOML value as front matter text; ok is false for
// tables and arrays of tables.
func tomlText(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case time.Time:
		switch x.Location().String() {
		case "date-local":
			return x.Format("2006-01-02"), true
		case "datetime-local":
			return x.Format("2006-01-02T15:04:05"), true
		case "time-local":
			return "", false // a time of day is no date
		}
		return x.Format(time.RFC3339Nano), true
	case int64, float64, bool:
		return fmt.Sprint(x), true
	case []any:
		var parts []string
		for _, e := range x {
			s, ok := tomlText(e)
			if !ok {
				return "", false
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, ", "), true
	}
	return "", false
}

// tomlKeyLine returns the file line (the block starts at line 2) where key
// is assigned at the top level, 0 when it cannot be found.
func tomlKeyLine(block []string, key string) int {
	re := regexp.MustCompile(`^\s*(?:` + regexp.QuoteMeta(key) + `|"` + regexp.QuoteMeta(key) + `"|'` + regexp.QuoteMeta(key) + `')\s*=`)
	for i, l := range block {
		if strings.HasPrefix(strings.TrimSpace(l), "[") {
			return 0 // tables follow: top-level keys come before them
		}
		if re.MatchString(l) {
			return i + 2
		}
	}
	return 0
}
