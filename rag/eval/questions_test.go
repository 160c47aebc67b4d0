package eval

import "testing"

func TestHasPhrases(t *testing.T) {
	tests := []struct {
		name   string
		answer string
		expect []string
		want   bool
	}{
		{"all present, any case", "Talks in Abu Dhabi lasted five hours [1].", []string{"abu dhabi", "Five Hours"}, true},
		{"one missing", "Talks lasted five hours [1].", []string{"abu dhabi", "five hours"}, false},
		{"either alternative", "The talks took place in the UAE [1].", []string{"Abu Dhabi | UAE"}, true},
		{"nothing expected", "Anything.", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hasPhrases(tt.answer, tt.expect); got != tt.want {
				t.Errorf("hasPhrases(%q, %q) = %v, want %v", tt.answer, tt.expect, got, tt.want)
			}
		})
	}
}
