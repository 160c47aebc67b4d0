package eval

import (
	"strings"
)

// RougeScore is one ROUGE-N result.
type RougeScore struct {
	Precision, Recall, F1 float64
}

// RougeTokens tokenizes text the way ROUGE-1.5.5 and Google's rouge-score
// do: lower-case, every run of characters other than ASCII letters and
// digits is a separator. With stem, tokens longer than three characters
// are reduced with the original Porter stemmer (ROUGE-1.5.5's -m; the
// length rule is rouge-score's).
func RougeTokens(text string, stem bool) []string {
	text = strings.ToLower(text)
	toks := strings.FieldsFunc(text, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
	if stem {
		for i, t := range toks {
			if len(t) > 3 {
				toks[i] = porterStem(t)
			}
		}
	}
	return toks
}

// RougeN scores candidate against reference with ROUGE-N: clipped n-gram
// overlap over the candidate's n-grams (precision) and the reference's
// (recall), and their harmonic mean. Empty sides score zero.
func RougeN(candidate, reference string, n int, stem bool) RougeScore {
	return rougeNTokens(RougeTokens(candidate, stem), RougeTokens(reference, stem), n)
}

func rougeNTokens(cand, ref []string, n int) RougeScore {
	cg, rg := ngrams(cand, n), ngrams(ref, n)
	var candTotal, refTotal, overlap int
	for _, c := range cg {
		candTotal += c
	}
	for g, c := range rg {
		refTotal += c
		overlap += min(c, cg[g])
	}
	if candTotal == 0 || refTotal == 0 || overlap == 0 {
		return RougeScore{}
	}
	p := float64(overlap) / float64(candTotal)
	r := float64(overlap) / float64(refTotal)
	return RougeScore{Precision: p, Recall: r, F1: 2 * p * r / (p + r)}
}

func ngrams(toks []string, n int) map[string]int {
	m := make(map[string]int)
	for i := 0; i+n <= len(toks); i++ {
		m[strings.Join(toks[i:i+n], " ")]++
	}
	return m
}
