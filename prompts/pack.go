package prompts

import (
	"strings"
	"unicode/utf8"

	"github.com/newsbot/newsbot/corpus/text"
)

// passageOverhead is the tokens of a passage's tags and attribute names.
const passageOverhead = 16

// EstimateTokens is a tokenizer-free estimate of the tokens in s: a
// quarter of its ASCII characters plus half of the others (non-Latin
// scripts take more tokens per character), rounded up. It errs high.
func EstimateTokens(s string) int {
	units := 0
	for _, r := range s {
		if r < utf8.RuneSelf {
			units++
		} else {
			units += 2
		}
	}
	return (units + 3) / 4
}

// PassageTokens estimates what p costs in a prompt, tags included, using
// count (EstimateTokens when nil).
func PassageTokens(p Passage, count func(string) int) int {
	if count == nil {
		count = EstimateTokens
	}
	return count(p.Title) + count(p.Source) + count(p.Date) + count(p.Text) + passageOverhead
}

// Pack returns the passages that fit in budgetTokens, keeping their order
// (best first) and dropping the weakest, last ones first. A passage is
// never cut mid-sentence: only when even the first passage does not fit is
// it shortened, to its longest run of leading whole sentences that fits.
// When not one sentence fits, Pack returns nothing. count estimates
// tokens (EstimateTokens when nil). Passage numbers are left as given.
func Pack(passages []Passage, budgetTokens int, count func(string) int) []Passage {
	if count == nil {
		count = EstimateTokens
	}
	out := make([]Passage, 0, len(passages))
	used := 0
	for i, p := range passages {
		cost := PassageTokens(p, count)
		if used+cost <= budgetTokens {
			out = append(out, p)
			used += cost
			continue
		}
		if i == 0 {
			if cut, ok := truncate(p, budgetTokens, count); ok {
				out = append(out, cut)
			}
		}
		break
	}
	return out
}

// PackAnswer returns d with its passages packed into what remains of
// budgetTokens once the system prompt, the history and the question are
// counted.
func PackAnswer(d AnswerData, budgetTokens int, count func(string) int) (AnswerData, error) {
	if count == nil {
		count = EstimateTokens
	}
	empty := d
	empty.Passages = nil
	sys, err := AnswerSystem(empty)
	if err != nil {
		return d, err
	}
	user, err := AnswerUser(empty)
	if err != nil {
		return d, err
	}
	d.Passages = Pack(d.Passages, budgetTokens-count(sys)-count(user), count)
	if d.Conflict != nil && !sidesKept(d.Conflict, d.Passages) {
		d.Conflict = nil // a side's passage did not fit: the finding cannot be cited
	}
	return d, nil
}

// sidesKept reports whether every side of c quotes a passage that is
// still among passages, whole enough to hold the quote.
func sidesKept(c *Conflict, passages []Passage) bool {
	for _, side := range c.Sides {
		kept := false
		for _, p := range passages {
			if p.N == side.N && strings.Contains(p.Text, side.Quote) {
				kept = true
				break
			}
		}
		if !kept {
			return false
		}
	}
	return true
}

// truncate shortens p to the leading whole sentences that fit in budget.
func truncate(p Passage, budget int, count func(string) int) (Passage, bool) {
	sents := text.Sentences(p.Text)
	for i := len(sents) - 1; i >= 0; i-- {
		q := p
		q.Text = strings.TrimSpace(p.Text[:sents[i].End])
		if PassageTokens(q, count) <= budget {
			return q, q.Text != ""
		}
	}
	return p, false
}
