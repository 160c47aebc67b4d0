package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Fields returns the lower-cased runs of letters and digits of s (any
// script, no folding): "U.S.-led talks" gives "u", "s", "led", "talks".
func Fields(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !isLetterOrDigit(r) })
}

// MaxWordLen is the longest word kept, in bytes; longer runs (URLs, hashes,
// unbroken scripts) are cut to this length.
const MaxWordLen = 40

// Words calls fn for each word of s, lowercased, with common Latin
// diacritics folded to ASCII and curly apostrophes made straight. A word is
// a run of letters and digits, with inner apostrophes kept ("don't",
// "putin's"). Words are passed in text order.
func Words(s string, fn func(word string)) {
	var b strings.Builder
	flush := func() {
		w := strings.Trim(b.String(), "'")
		b.Reset()
		if w == "" {
			return
		}
		if len(w) > MaxWordLen {
			w = w[:MaxWordLen]
			for !utf8.ValidString(w) {
				w = w[:len(w)-1]
			}
		}
		fn(w)
	}
	for _, r := range s {
		switch {
		case r == '\'' || r == '’' || r == 'ʼ':
			if b.Len() > 0 {
				b.WriteByte('\'')
			}
		case r < utf8.RuneSelf:
			c := byte(r)
			switch {
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
				b.WriteByte(c)
			case c >= 'A' && c <= 'Z':
				b.WriteByte(c + 'a' - 'A')
			default:
				flush()
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if f, ok := fold[unicode.ToLower(r)]; ok {
				b.WriteString(f)
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
		default:
			flush()
		}
	}
	flush()
}

// fold maps lowercase accented Latin letters to ASCII.
var fold = func() map[rune]string {
	m := map[rune]string{}
	add := func(to string, from string) {
		for _, r := range from {
			m[r] = to
		}
	}
	add("a", "àáâãäåāăą")
	add("ae", "æ")
	add("c", "çćĉċč")
	add("d", "ďđð")
	add("e", "èéêëēĕėęě")
	add("g", "ĝğġģ")
	add("h", "ĥħ")
	add("i", "ìíîïĩīĭįı")
	add("j", "ĵ")
	add("k", "ķ")
	add("l", "ĺļľŀł")
	add("n", "ñńņňŉ")
	add("o", "òóôõöøōŏő")
	add("oe", "œ")
	add("r", "ŕŗř")
	add("s", "śŝşšș")
	add("ss", "ß")
	add("t", "ţťŧț")
	add("th", "þ")
	add("u", "ùúûüũūŭůűų")
	add("w", "ŵ")
	add("y", "ýÿŷ")
	add("z", "źżž")
	// Combining marks left after decomposed input are dropped.
	for r := rune(0x300); r <= 0x36f; r++ {
		m[r] = ""
	}
	return m
}()
