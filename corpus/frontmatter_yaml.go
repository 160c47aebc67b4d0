package corpus

import (
	"errors"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// readYAML reads a YAML front matter block (its lines, without the "---"
// delimiters; the first is line 2 of the file) with a YAML parser. The
// top level must be a map with non-empty keys. Scalars keep their text as
// written (a date stays "2025-12-02"), block scalars are folded or kept
// as YAML says, a list of scalars is joined with ", ", and nested maps are
// skipped. It returns an error for anything else, and the parser's error
// for a block that is not YAML.
func readYAML(block []string) ([]FrontMatterField, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(strings.Join(block, "\n")), &doc); err != nil {
		return nil, err
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil // an empty block
	}
	top := doc.Content[0]
	if top.Kind == yaml.ScalarNode && top.Tag == "!!null" {
		return nil, nil // only comments
	}
	if top.Kind != yaml.MappingNode {
		return nil, errors.New("front matter is not a map")
	}
	var fields []FrontMatterField
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		key := strings.ToLower(strings.TrimSpace(k.Value))
		if k.Kind != yaml.ScalarNode || key == "" {
			return nil, fmt.Errorf("line %d: empty or complex key", k.Line+1)
		}
		val, ok := yamlText(v)
		if !ok {
			continue // a map or a list of maps, e.g. Hugo's params: not a known key
		}
		fields = append(fields, FrontMatterField{Key: key, Value: val, Line: k.Line + 1})
	}
	return fields, nil
}

// yamlText returns the text of a scalar or of a list of scalars (joined
// with ", "); ok is false for maps and nested lists.
func yamlText(n *yaml.Node) (string, bool) {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "", true
		}
		return n.Value, true
	case yaml.SequenceNode:
		var parts []string
		for _, c := range n.Content {
			s, ok := yamlText(c)
			if !ok || c.Kind != yaml.ScalarNode {
				return "", false
			}
			if s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", "), true
	}
	return "", false
}
