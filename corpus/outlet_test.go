package corpus

import (
	"testing"
	"time"
)

func TestPublisherOf(t *testing.T) {
	tests := []struct{ line, want string }{
		{"© Al Nisr Publishing LLC 2025. All rights reserved.", "Al Nisr Publishing"},
		{"Copyright 2025 Reuters. All rights reserved.", "Reuters"},
		{"(c) 2024-2025 The Daily Star", "The Daily Star"},
		{"Copyright © 2025 Example News Ltd", "Example News"},
		{"© 2025", ""},
		{"All rights reserved.", ""},
		{"The court ruled on the copyright claim.", ""},
	}
	for _, tt := range tests {
		if got := publisherOf(tt.line); got != tt.want {
			t.Errorf("publisherOf(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

func TestParseDerivesOutlet(t *testing.T) {
	tests := []struct{ name, file, want string }{
		{"front matter wins", "---\nsource: Gulf News\n---\nThe port reopened on Monday after the storm passed.\n© Al Nisr Publishing LLC 2025. All rights reserved.\n", "Gulf News"},
		{"copyright line", "The port reopened on Monday after the storm passed.\n© Al Nisr Publishing LLC 2025. All rights reserved.\n", "Al Nisr Publishing"},
		{"url host", "---\nurl: https://www.bbc.co.uk/news/x\n---\nThe port reopened on Monday after the storm passed.\n", "bbc.co.uk"},
		{"unknown", "The port reopened on Monday after the storm passed.\n", ""},
	}
	for _, tt := range tests {
		a, err := Parse("x.md", []byte(tt.file), time.Time{})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if a.Source != tt.want {
			t.Errorf("%s: Source = %q, want %q", tt.name, a.Source, tt.want)
		}
	}
}
