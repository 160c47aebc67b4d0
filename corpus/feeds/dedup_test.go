package feeds

import (
	"strings"
	"testing"

	"github.com/newsbot/newsbot/corpus/text"
)

func TestSimilarity(t *testing.T) {
	base := strings.Join(articleText(1, 6), " ")
	other := strings.Join(articleText(2, 6), " ")
	cases := []struct {
		name    string
		a, b    string
		dup     bool
		sameSum bool
	}{
		{"identical", base, base, true, true},
		{"case and punctuation only", base, strings.ToUpper(strings.ReplaceAll(base, ",", " ;")), true, true},
		{"one extra sentence", base, base + " This story first appeared in the Herald.", true, false},
		{"different story", base, other, false, false},
		{"half the story", base, base[:len(base)/2], false, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sa, sb := shingles(tc.a), shingles(tc.b)
			j := text.Jaccard(sa, sb)
			if (j >= dupThreshold) != tc.dup {
				t.Errorf("jaccard = %.3f, want dup=%v", j, tc.dup)
			}
			if (textHash(tc.a) == textHash(tc.b)) != tc.sameSum {
				t.Errorf("textHash equal = %v, want %v", !tc.sameSum, tc.sameSum)
			}
			ma, mb := minhash(sa), minhash(sb)
			est := ma.similarity(&mb)
			if tc.dup && est < candidateThreshold {
				t.Errorf("minhash estimate %.3f below candidate threshold for a duplicate (jaccard %.3f)", est, j)
			}
			if !tc.dup && j < 0.3 && est >= candidateThreshold {
				t.Errorf("minhash estimate %.3f for unrelated texts (jaccard %.3f)", est, j)
			}
		})
	}
}

func TestSignatureRoundTrip(t *testing.T) {
	sig := minhash(shingles("a b c d e f g h"))
	got, ok := signatureFrom(sig.bytes())
	if !ok || got != sig {
		t.Error("signature did not survive encoding")
	}
	if _, ok := signatureFrom([]byte{1, 2}); ok {
		t.Error("short blob accepted")
	}
}
