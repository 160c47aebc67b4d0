package rag

import (
	"regexp"
	"slices"
	"strings"
)

// Another kind of what the question asks about: an award's category is
// named by the words after "best" ("Best Actor" and "Best Supporting Actor"
// are two awards), and a role by the words before its title ("director"
// and "video director" are two people's jobs). A sentence about the one
// does not answer a question about the other.

// bestRE finds "best" and up to four words after it.
var bestRE = regexp.MustCompile(`(?i)\bbest((?:\s+[\p{L}'’-]+){1,4})`)

// categoryEnds are the words at which the name of a category after "best"
// ends: "best actor at the Oscars", "best film and best actor".
var categoryEnds = map[string]bool{"at": true, "in": true, "for": true, "from": true, "of": true, "the": true, "and": true, "or": true, "best": true, "by": true, "to": true, "with": true, "on": true}

// category returns the words of the category named after "best" (bestRE's
// submatch), lower-cased, up to a word that ends it.
func category(after string) []string {
	var out []string
	for _, w := range strings.Fields(strings.ToLower(after)) {
		w = strings.Trim(w, `.,;:"'’?!`)
		if categoryEnds[w] || w == "" {
			break
		}
		out = append(out, w)
	}
	return out
}

// awardClash reports whether sentence names the award the question names
// after "best" ("Best Actor") only with a word the question lacks
// inserted ("Best Supporting Actor", "best new female artist"). A sentence
// that names no such award, or names the question's, does not clash.
func awardClash(question, sentence string) bool {
	m := bestRE.FindStringSubmatch(question)
	if m == nil {
		return false
	}
	asked := category(m[1])
	if len(asked) == 0 {
		return false
	}
	head := asked[len(asked)-1] // "artist" in "best new artist"
	clash := false
	for _, s := range bestRE.FindAllStringSubmatch(sentence, -1) {
		words := category(s[1])
		for i, w := range words {
			if w != head {
				continue
			}
			inserted := false
			for _, x := range words[:i] {
				inserted = inserted || !slices.Contains(asked, x)
			}
			if !inserted {
				return false // the question's award
			}
			clash = true
		}
	}
	return clash
}

// roleModifiers make a title another job: "video director", "deputy
// president", "executive producer".
var roleModifiers = map[string]bool{"deputy": true, "vice": true, "assistant": true, "associate": true, "acting": true, "art": true, "casting": true,
	"music": true, "musical": true, "video": true, "creative": true, "artistic": true, "technical": true, "executive": true, "stage": true}

// roleClash reports whether sentence names a title the question asks
// about (agentNouns: "director") only after a modifier the question lacks
// that makes it another job ("Bohemian Rhapsody video director Bruce
// Gowers" for "Who is the director of Bohemian Rhapsody?").
func roleClash(question, sentence string) bool {
	asked := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(question)) {
		asked[strings.Trim(w, `?.,;:"'’`)] = true
	}
	words := strings.Fields(strings.ToLower(sentence))
	clash := false
	for i, w := range words {
		w = strings.Trim(w, `.,;:"'’()`)
		if !agentNouns[w] || !asked[w] {
			continue
		}
		if i > 0 {
			m := strings.Trim(words[i-1], `.,;:"'’()`)
			if roleModifiers[m] && !asked[m] {
				clash = true
				continue
			}
		}
		return false // the title asked about
	}
	return clash
}
