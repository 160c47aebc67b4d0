package text

import "testing"

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"reuters", "reuters", 0},
		{"reuterz", "reuters", 1},
		{"zelensky", "zelenskyy", 1},
		{"kitten", "sitting", 3},
		{"", "abc", 3},
		{"mazón", "mazon", 1}, // one rune, not two bytes
	}
	for _, tt := range tests {
		if got := EditDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
