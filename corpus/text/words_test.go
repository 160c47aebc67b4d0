package text

import (
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hello, World!", "hello world"},
		{"don’t stop 'quoted' o'neill's", "don't stop quoted o'neill's"},
		{"Ærø naïve CAFÉ", "aero naive cafe"},
		{"e\u0301te\u0301", "ete"},
		{"北京 Москва", "北京 москва"},
		{"x" + strings.Repeat("a", 100), "x" + strings.Repeat("a", MaxWordLen-1)},
		{"", ""},
	}
	for _, tt := range tests {
		var got []string
		Words(tt.in, func(w string) { got = append(got, w) })
		if s := strings.Join(got, " "); s != tt.want {
			t.Errorf("Words(%q) = %q, want %q", tt.in, s, tt.want)
		}
	}
}

func TestFields(t *testing.T) {
	tests := []struct{ in, want string }{
		{"U.S.-led talks, 28 points", "u s led talks 28 points"},
		{"Mazón's МОСКВА", "mazón s москва"},
		{"  ", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(Fields(tt.in), " "); got != tt.want {
			t.Errorf("Fields(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsStop(t *testing.T) {
	for _, w := range []string{"the", "whereas", "don't", "they're"} {
		if !IsStop(w) {
			t.Errorf("IsStop(%q) = false", w)
		}
	}
	for _, w := range []string{"say", "kremlin", "The", ""} {
		if IsStop(w) {
			t.Errorf("IsStop(%q) = true", w)
		}
	}
}

func TestMix(t *testing.T) {
	// splitmix64 seeded with 0 first outputs Mix(0x9e3779b97f4a7c15).
	if got, want := Mix(0x9e3779b97f4a7c15), uint64(0xe220a8397b1dcdaf); got != want {
		t.Errorf("Mix = %#x, want %#x", got, want)
	}
}
