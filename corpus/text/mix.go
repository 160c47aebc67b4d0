package text

// Mix is splitmix64's finaliser: it spreads the bits of a 64-bit hash
// (of a word, a feature or a shingle) so that its low bits and its top
// bit are as good as any.
func Mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}
