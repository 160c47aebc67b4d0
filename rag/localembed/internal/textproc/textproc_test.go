package textproc

import "testing"

func TestToken(t *testing.T) {
	exc := map[string]string{"went": "go", "children": "child"}
	tests := []struct{ in, want string }{
		{"the", ""}, {"other's", ""}, {"went", "go"}, {"children", "child"},
		{"rejected", "reject"}, {"москва", "москва"},
	}
	for _, tt := range tests {
		if got := Token(tt.in, exc); got != tt.want {
			t.Errorf("Token(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
