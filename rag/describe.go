// Names a question gives by description: "the Russian leader", "America's
// top diplomat", "the president's son-in-law". Questions written in other
// words than their articles often name a person by what they are; the
// articles name them and say what they are beside the name ("Russian
// President Vladimir Putin", "Jared Kushner, son-in-law of US President
// Donald Trump"). nameDescriptions puts the name in the description's
// place, so the question reads as the articles do.

package rag

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// describedAsTitles maps the head of a description to the titles news
// writes beside the name of whoever it describes.
var describedAsTitles = map[string][]string{
	"leader":             {"leader", "president", "prime minister", "premier", "chancellor"},
	"head of state":      {"president", "king", "queen", "monarch"},
	"head of government": {"prime minister", "premier", "chancellor"},
	"president":          {"president"},
	"premier":            {"premier", "prime minister"},
	"prime minister":     {"prime minister", "premier"},
	"diplomat":           {"secretary of state", "foreign minister", "foreign secretary", "diplomat"},
	"foreign minister":   {"foreign minister", "foreign secretary", "secretary of state"},
	"secretary of state": {"secretary of state"},
	"envoy":              {"envoy", "emissary"},
	"aide":               {"aide", "adviser", "advisor"},
	"adviser":            {"adviser", "advisor", "aide"},
	"advisor":            {"adviser", "advisor", "aide"},
	"negotiator":         {"negotiator"},
	"spokesman":          {"spokesman", "spokeswoman", "spokesperson", "press secretary"},
	"spokeswoman":        {"spokeswoman", "spokesman", "spokesperson", "press secretary"},
	"press secretary":    {"press secretary", "spokeswoman", "spokesman"},
	"son-in-law":         {"son-in-law"},
	"daughter-in-law":    {"daughter-in-law"},
	"chancellor":         {"chancellor"},
	"chief executive":    {"chief executive", "ceo", "boss"},
	"boss":               {"boss", "chief executive", "ceo"},
}

// descriptionRE finds a description: "the" or a possessive, up to two
// modifiers, and a head of describedAsTitles ("the Ukrainian head of
// state", "America's top diplomat", "the president's son-in-law").
var descriptionRE = regexp.MustCompile(`(?i)\b(?:the\s+|(\p{L}+)['’]s\s+)((?:[\p{L}-]+\s+){0,2}?)(` + longestFirst(slices.Collect(maps.Keys(describedAsTitles))) + `)\b`)

// plainModifiers are words of a description that say nothing of whom it
// describes beyond its head.
var plainModifiers = map[string]bool{"top": true, "senior": true, "chief": true, "veteran": true, "former": true, "new": true, "current": true, "special": true, "foreign": true, "policy": true, "most": true, "powerful": true}

// nameAfterRE and nameBeforeRE find the name beside a title: after it
// ("son-in-law Jared Kushner"), or before it in an apposition ("Yuri
// Ushakov, Putin's chief foreign policy adviser").
var (
	nameAfterRE  = regexp.MustCompile(`^ +((?:\p{Lu}[\p{L}'’-]+ +){0,3}\p{Lu}[\p{L}'’-]+)`)
	nameBeforeRE = regexp.MustCompile(`((?:\p{Lu}[\p{L}'’-]+ +){1,3}\p{Lu}[\p{L}'’-]+), +(?:[\p{L}'’-]+ +){0,4}$`)
)

// nameDescriptions returns question with each description of a person
// that the texts resolve to one name replaced by that name, or question
// itself. A description that says whose or which it is ("the Russian
// leader", not "the leader") is resolved when texts write its head's titles
// (describedAsTitles) beside a name, with its modifiers ("Russian",
// "America's") near, and more often beside that name than beside any
// other. A description followed by a name in the question is not one
// ("Russian President Vladimir Putin"), and a question asking who
// someone is keeps its description: that is what it asks.
func nameDescriptions(question string, texts []string) string {
	if t, _ := classify(question); t == personAnswer || describedName(question) != nil {
		return question
	}
	var out string
	rest := question
	for {
		loc := descriptionRE.FindStringSubmatchIndex(rest)
		if loc == nil {
			break
		}
		after := rest[loc[1]:]
		if strings.HasPrefix(after, "'s ") || strings.HasPrefix(after, "’s ") {
			// "the president's son-in-law": the description goes on
			// from its possessive.
			out += rest[:loc[6]]
			rest = rest[loc[6]:]
			continue
		}
		mods := descriptionModifiers(rest, loc)
		name := ""
		if len(mods) > 0 || loc[2] >= 0 {
			// Only a description that says whose or which ("the
			// Russian leader", "the president's son-in-law"), not "the
			// leader".
			name = describedPerson(describedAsTitles[strings.ToLower(rest[loc[6]:loc[7]])], mods, texts)
		}
		if name == "" || nameAfterRE.MatchString(after) || questionWords(question)[strings.ToLower(name)] {
			out += rest[:loc[1]]
		} else {
			out += rest[:loc[0]]
			if loc[2] >= 0 && strings.HasSuffix(strings.ToLower(out), "the ") {
				out = out[:len(out)-len("the ")] // "the president's son-in-law" is one name
			}
			out += name
		}
		rest = after
	}
	return out + rest
}

// descriptionModifiers returns the words of the description at loc (a
// match of descriptionRE in text) that say whom it describes: its owner
// unless a title ("America's", not "the president's") and its modifiers
// but plainModifiers ("Russian", not "top").
func descriptionModifiers(text string, loc []int) []string {
	var mods []string
	if loc[2] >= 0 {
		if owner := text[loc[2]:loc[3]]; !describes(owner) {
			mods = append(mods, owner)
		}
	}
	for _, w := range strings.Fields(text[loc[4]:loc[5]]) {
		if !plainModifiers[strings.ToLower(w)] {
			mods = append(mods, w)
		}
	}
	return mods
}

// describedPerson returns the surname of whom texts most often write
// beside one of titles with every one of mods near it, or "" when none
// is, or two are written so equally often.
func describedPerson(titles, mods []string, texts []string) string {
	votes := map[string]int{}
	spelled := map[string]map[string]bool{} // the spellings of a surname written beside a title, by its first letters
	for _, text := range texts {
		low := strings.ToLower(text)
		for _, title := range titles {
			for from := 0; ; {
				i := strings.Index(low[from:], title)
				if i < 0 {
					break
				}
				at, end := from+i, from+i+len(title)
				from = end
				if at > 0 && isASCIIWord(low[at-1]) || end < len(low) && isASCIIWord(low[end]) {
					continue
				}
				var name, near string
				if m := nameAfterRE.FindStringSubmatch(text[end:]); m != nil {
					name, near = m[1], text[max(0, at-60):at]
				} else if m := nameBeforeRE.FindStringSubmatch(text[max(0, at-appositionReach):at]); m != nil {
					name, near = m[1], text[at-len(m[0]):end]
				}
				name = strings.TrimSuffix(strings.TrimSuffix(strings.TrimRight(name, ".,;:"), "'s"), "’s")
				if len(strings.Fields(name)) < 2 || !modifiersNear(mods, near) {
					continue
				}
				key := strings.ToLower(lastWord(name))
				key = key[:min(len(key), sameNameLetters)] // "Zelensky" and "Zelenskyy" are one
				votes[key]++
				if spelled[key] == nil {
					spelled[key] = map[string]bool{}
				}
				spelled[key][lastWord(name)] = true
			}
		}
	}
	best, tie := "", false
	for k, v := range votes {
		switch {
		case v > votes[best]:
			best, tie = k, false
		case v == votes[best]:
			tie = true
		}
	}
	if best == "" || tie {
		return ""
	}
	// The surname as the texts write it most often, titled or not: later
	// sentences name them by it alone ("Putin earlier signalled …").
	written := map[string]int{}
	for n := range spelled[best] {
		re := regexp.MustCompile(`\b` + regexp.QuoteMeta(n) + `\b`)
		for _, text := range texts {
			written[n] += len(re.FindAllStringIndex(text, -1))
		}
	}
	name := ""
	for n, c := range written {
		if c > written[name] || c == written[name] && n < name {
			name = n
		}
	}
	return name
}

// appositionReach is how many bytes before a title an apposition naming
// whom it describes is looked for: a bound, so that a long text full of
// titles is read in linear time.
const appositionReach = 160

// sameNameLetters is how many first letters of a surname tell a person:
// news spells some names two ways.
const sameNameLetters = 6

// modifiersNear reports whether every modifier of a description is said
// in near: by its first five letters ("Russian" for "Russia"), or as the
// United States for "American" or "America".
func modifiersNear(mods []string, near string) bool {
	words := strings.FieldsFunc(strings.ToLower(normalizeEntities(near)), func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	for _, m := range mods {
		m = strings.ToLower(m)
		if m == "american" || m == "america" || m == "us" {
			m = "usa"
		}
		stem := m[:min(len(m), 5)]
		found := false
		for _, w := range words {
			found = found || strings.HasPrefix(w, stem)
		}
		if !found {
			return false
		}
	}
	return true
}
