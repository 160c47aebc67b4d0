// Where something was said: the occasion ("during his Kremlin briefing")
// answers a where-question about words said.

package rag

import (
	"regexp"
	"slices"
)

// occasionRE matches the occasion on which something was said, which
// answers where it was said: "during his Kremlin briefing", "at a news
// conference", "in an interview with the BBC".
var occasionRE = regexp.MustCompile(`(?i)\b(?:during|at|in|on)\s+(?:his|her|their|its|the|a|an)\s+((?:[\pL’'-]+\s+){0,2}?(?:` + occasionNouns + `))\b`)

// occasionNouns are the nouns that end an occasion's name (occasionRE).
const occasionNouns = `briefing|press conference|news conference|conference call|interview|speech|address|statement|rally|hearing|broadcast|podcast|programme|program|show`

// occasionHeadRE matches the noun ending an occasion (occasionRE), and
// determinerBeforeRE the word before it that the preposition introducing
// it is separated by ("during his Kremlin briefing").
var (
	occasionHeadRE     = regexp.MustCompile(`(?i)\b(?:` + occasionNouns + `)$`)
	determinerBeforeRE = regexp.MustCompile(`(?i)\b(?:his|her|their|its|the|a|an)\s+$`)
)

// occasionStrength is how specific an occasion is as the answer to where
// something was said: less than a named place.
const occasionStrength = 0.6

// asksWhereSaid reports whether a where-question asks where something was
// said: its answer may be an occasion (occasionRE), not a place.
func asksWhereSaid(question map[string]bool) bool {
	return slices.ContainsFunc(whereSaidVerbs, func(w string) bool { return question[w] })
}

// whereSaidVerbs are the verbs by which a where-question asks where
// something was said (asksWhereSaid). They are fewer than speechVerbs:
// "where did officials accuse Putin of feigning interest" asks where they
// were ("In Kyiv and Brussels"), not on what occasion.
var whereSaidVerbs = []string{"say", "said", "says", "state", "stated", "tell", "told", "announce", "announced", "claim", "claimed", "speak", "spoke", "remark", "remarked", "comment", "commented", "admit", "admitted", "warn", "warned", "reveal", "revealed", "describe", "described"}
