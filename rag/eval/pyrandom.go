package eval

import "math/bits"

// pyRandom reproduces the draws of CPython's random module (MT19937,
// seeded from an integer) that RGB's passage selection makes: shuffle and
// sample over small lists. Written from the Mersenne Twister reference
// (Matsumoto and Nishimura, 1998) and CPython's documented algorithms, so
// that "seed 2333" selects the same passages in the same order as RGB's
// own script.
type pyRandom struct {
	mt  [624]uint32
	pos int
}

// newPyRandom returns a generator in the state of Python's random.seed(n)
// for a non-negative n below 2³².
func newPyRandom(n uint32) *pyRandom {
	r := &pyRandom{}
	r.initByArray([]uint32{n})
	return r
}

func (r *pyRandom) initGenrand(s uint32) {
	r.mt[0] = s
	for i := 1; i < 624; i++ {
		r.mt[i] = 1812433253*(r.mt[i-1]^(r.mt[i-1]>>30)) + uint32(i)
	}
	r.pos = 624
}

func (r *pyRandom) initByArray(key []uint32) {
	r.initGenrand(19650218)
	i, j := 1, 0
	for k := max(624, len(key)); k > 0; k-- {
		r.mt[i] = (r.mt[i] ^ ((r.mt[i-1] ^ (r.mt[i-1] >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= 624 {
			r.mt[0] = r.mt[623]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k := 623; k > 0; k-- {
		r.mt[i] = (r.mt[i] ^ ((r.mt[i-1] ^ (r.mt[i-1] >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= 624 {
			r.mt[0] = r.mt[623]
			i = 1
		}
	}
	r.mt[0] = 0x80000000
}

func (r *pyRandom) uint32() uint32 {
	if r.pos >= 624 {
		for i := 0; i < 624; i++ {
			y := r.mt[i]&0x80000000 | r.mt[(i+1)%624]&0x7fffffff
			v := r.mt[(i+397)%624] ^ (y >> 1)
			if y&1 != 0 {
				v ^= 0x9908b0df
			}
			r.mt[i] = v
		}
		r.pos = 0
	}
	y := r.mt[r.pos]
	r.pos++
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

// below returns a uniform integer in [0, n) as Python's _randbelow does
// (rejection sampling on n's bit length), for 0 < n < 2³².
func (r *pyRandom) below(n int) int {
	k := bits.Len(uint(n))
	for {
		v := int(r.uint32() >> (32 - k))
		if v < n {
			return v
		}
	}
}

// shuffle permutes x in place as random.shuffle does.
func shuffle[T any](r *pyRandom, x []T) {
	for i := len(x) - 1; i > 0; i-- {
		j := r.below(i + 1)
		x[i], x[j] = x[j], x[i]
	}
}

// sample returns k distinct elements of pop as random.sample does for the
// small populations (at most 21 elements) that RGB samples from; it
// panics for larger ones, which CPython samples differently.
func sample[T any](r *pyRandom, pop []T, k int) []T {
	n := len(pop)
	if n > 21 {
		panic("sample: population larger than 21")
	}
	pool := append([]T(nil), pop...)
	out := make([]T, k)
	for i := 0; i < k; i++ {
		j := r.below(n - i)
		out[i] = pool[j]
		pool[j] = pool[n-i-1]
	}
	return out
}
