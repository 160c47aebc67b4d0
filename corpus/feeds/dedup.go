package feeds

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"strings"

	"github.com/newsbot/newsbot/corpus/text"
)

// Near-duplicate detection: word 5-shingles, a 64-value MinHash signature
// kept in the state database as a cheap filter, and an exact Jaccard check
// against the stored text for candidates that pass the filter.
const (
	shingleWords = 5
	minhashSize  = 64
	// dupThreshold is the shingle Jaccard similarity at or above which two
	// texts are the same story.
	dupThreshold = 0.9
	// candidateThreshold is the MinHash estimate that triggers the exact
	// check; it sits below dupThreshold to allow for the estimate's error
	// (about ±0.04 at 64 values).
	candidateThreshold = 0.8
)

// textHash is the hex SHA-256 of the normalised text (words joined by one
// space): equal for texts that differ only in case, punctuation or spacing.
func textHash(s string) string {
	sum := sha256.Sum256([]byte(strings.Join(text.Fields(s), " ")))
	return hex.EncodeToString(sum[:])
}

// shingles returns the set of hashed word 5-shingles of s (see
// text.Shingles).
func shingles(s string) map[uint64]struct{} { return text.Shingles(s, shingleWords) }

// signature is a MinHash signature of a shingle set.
type signature [minhashSize]uint64

// minhash returns the signature of set: for each of 64 seeded hash
// functions, the smallest hash over the set.
func minhash(set map[uint64]struct{}) signature {
	var sig signature
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	for k := range set {
		for i := range sig {
			if v := text.Mix(k ^ (uint64(i+1) * 0x9e3779b97f4a7c15)); v < sig[i] {
				sig[i] = v
			}
		}
	}
	return sig
}

// similarity estimates the Jaccard similarity of the sets behind a and b.
func (a *signature) similarity(b *signature) float64 {
	eq := 0
	for i := range a {
		if a[i] == b[i] {
			eq++
		}
	}
	return float64(eq) / minhashSize
}

func (a *signature) bytes() []byte {
	out := make([]byte, 8*minhashSize)
	for i, v := range a {
		binary.LittleEndian.PutUint64(out[8*i:], v)
	}
	return out
}

// signatureFrom decodes bytes written by signature.bytes; ok is false for
// a blob of the wrong size.
func signatureFrom(b []byte) (sig signature, ok bool) {
	if len(b) != 8*minhashSize {
		return sig, false
	}
	for i := range sig {
		sig[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return sig, true
}
