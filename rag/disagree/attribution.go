package disagree

import (
	"strings"
	"unicode"

	"github.com/newsbot/newsbot/corpus/text"
)

// This file compares who the reports say did or said something: the same
// quotation attributed to different people, and one singular office
// ("Kremlin spokesman", "French President") held by different people.
// Both are checked conservatively: a pronoun or a missing name is never
// compared, and offices that several people hold at once (aides, envoys,
// advisers) are left out.

// minQuoteOverlap is the content-word Jaccard at which two quotations are
// the same words.
const minQuoteOverlap = 0.6

// singularRoles are offices one person holds at a time; they are compared
// only with a qualifier before them ("Kremlin spokesman", "French
// president"), since "President Trump" and "President Putin" are both fine.
var singularRoles = []string{
	"press secretary", "secretary of state", "foreign minister", "defence minister", "defense minister",
	"prime minister", "finance minister", "interior minister", "chief executive", "spokesman",
	"spokeswoman", "spokesperson", "president", "chancellor", "governor", "mayor", "ceo", "chairman",
	"chairwoman", "police chief", "attorney general",
}

// notHolder are words before a role that make it someone other than its
// one current holder.
var notHolder = text.WordSet("former late ex then previous past outgoing incoming future acting interim deputy vice assistant")

// attribution is one "who" statement in a sentence.
type attribution struct {
	key    string // normalized quotation tokens, or role
	quote  map[string]bool
	person string // surname, lower-case
	name   string // name as written
	// report and index are the sentence's Report and Index, set by Find.
	report, index int
}

// quoteAttributions finds quotations of at least three content words with
// a named speaker in the same sentence ("…,” Ushakov said; Peskov told
// reporters that “…”).
func quoteAttributions(s string) []attribution {
	var out []attribution
	for _, q := range quotations(s) {
		toks := text.ContentStems(q.text)
		if len(toks) < 3 {
			continue
		}
		outside := s[:q.start] + " " + s[q.end:]
		name := speakerName(outside)
		if name == "" {
			continue
		}
		set := make(map[string]bool)
		for _, t := range toks {
			set[t] = true
		}
		out = append(out, attribution{quote: set, person: surname(name), name: name, key: q.text})
	}
	return out
}

type quoted struct {
	text       string
	start, end int
}

// quotations returns the “…” and "…" spans of s.
func quotations(s string) []quoted {
	var out []quoted
	for _, pair := range [][2]string{{"“", "”"}, {`"`, `"`}} {
		rest, off := s, 0
		for {
			i := strings.Index(rest, pair[0])
			if i < 0 {
				break
			}
			j := strings.Index(rest[i+len(pair[0]):], pair[1])
			if j < 0 {
				break
			}
			start := off + i
			end := start + len(pair[0]) + j + len(pair[1])
			out = append(out, quoted{text: s[start+len(pair[0]) : end-len(pair[1])], start: start, end: end})
			off = end
			rest = s[end:]
		}
	}
	return out
}

// speakerName finds "<Name> said" or "said <Name>" in text.
func speakerName(text string) string {
	items := splitItems(text)
	for i, it := range items {
		if !sayWords[it.w] {
			continue
		}
		if n := nameBefore(items, i); n != "" {
			return n
		}
		if n := nameAfter(items, i+1); n != "" {
			return n
		}
	}
	return ""
}

func isNameWord(it item) bool {
	if it.raw == "" || it.raw == it.w || !isLetters(it.w) || text.IsNewsStop(it.w) {
		return false
	}
	if _, ok := weekdays[it.w]; ok {
		return false
	}
	_, ok := months[it.w]
	return !ok
}

// nameBefore returns the capitalized run ending right before items[i].
func nameBefore(items []item, i int) string {
	j := i
	for j > 0 && i-j < 3 && isNameWord(items[j-1]) && !items[j-1].breakAfter {
		j--
	}
	if j == i {
		return ""
	}
	return joinRaw(items[j:i])
}

// nameAfter returns the capitalized run starting at items[i].
func nameAfter(items []item, i int) string {
	j := i
	for j < len(items) && j-i < 3 && isNameWord(items[j]) {
		j++
		if items[j-1].breakAfter {
			break
		}
	}
	if j == i {
		return ""
	}
	return joinRaw(items[i:j])
}

// isLetters reports whether w is all letters, of any script ("Sánchez").
func isLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

func joinRaw(items []item) string {
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = it.raw
	}
	return strings.Join(parts, " ")
}

func surname(name string) string {
	f := strings.Fields(strings.ToLower(name))
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// roleAttributions finds "<qualifier> <singular role> <First Last>".
func roleAttributions(s string) []attribution {
	items := splitItems(s)
	var out []attribution
	for i := range items {
		for _, role := range singularRoles {
			rw := strings.Fields(role)
			if i+len(rw) > len(items) {
				continue
			}
			match := true
			for k, w := range rw {
				if items[i+k].w != w || (k < len(rw)-1 && items[i+k].breakAfter) {
					match = false
					break
				}
			}
			if !match || items[i+len(rw)-1].breakAfter {
				continue
			}
			// A qualifier right before: "Kremlin", "French", "Apple's".
			if i == 0 || items[i-1].breakAfter || !isNameWord(items[i-1]) {
				continue
			}
			// Not the office's current holder ("former US President",
			// "the late French president") or another, shared office
			// ("Deputy Foreign Minister", "Vice President").
			if notHolder[items[i-1].w] || i >= 2 && notHolder[items[i-2].w] {
				continue
			}
			name := nameAfter(items, i+len(rw))
			if len(strings.Fields(name)) < 2 {
				continue // "Kremlin spokesman said": no full name
			}
			qual := items[i-1].w
			out = append(out, attribution{key: qual + " " + role, person: surname(name), name: name})
		}
	}
	return out
}

// attributionConflicts compares speakers of the same quotation and
// holders of the same office across reports.
func attributionConflicts(sentences []*Sentence) []Conflict {
	var quotes, roles []attribution
	for _, s := range sentences {
		for _, a := range s.quotes {
			a.report, a.index = s.Report, s.Index
			quotes = append(quotes, a)
		}
		for _, a := range s.roles {
			a.report, a.index = s.Report, s.Index
			roles = append(roles, a)
		}
	}
	var out []Conflict
	used := make(map[int]bool)
	for i, a := range quotes {
		if used[i] {
			continue
		}
		group := []attribution{a}
		for j := i + 1; j < len(quotes); j++ {
			if !used[j] && text.Jaccard(a.quote, quotes[j].quote) >= minQuoteOverlap {
				used[j] = true
				group = append(group, quotes[j])
			}
		}
		if c, ok := whoConflict(group, "speaker", "who said “"+shortQuote(a.key)+"”"); ok {
			out = append(out, c)
		}
	}
	byRole := make(map[string][]attribution)
	var order []string
	for _, r := range roles {
		if _, ok := byRole[r.key]; !ok {
			order = append(order, r.key)
		}
		byRole[r.key] = append(byRole[r.key], r)
	}
	for _, k := range order {
		if c, ok := whoConflict(byRole[k], "role", "who is the "+k); ok {
			out = append(out, c)
		}
	}
	return out
}

// whoConflict reports a group whose reports name different people; a
// report naming two people in one group is ambiguous and voids it.
func whoConflict(group []attribution, kind, topic string) (Conflict, bool) {
	byReport := make(map[int]attribution)
	var reports []int
	for _, a := range group {
		if prev, ok := byReport[a.report]; ok {
			if !samePerson(prev.person, a.person) {
				return Conflict{}, false
			}
			continue
		}
		byReport[a.report] = a
		reports = append(reports, a.report)
	}
	differ := false
	for i := 0; i < len(reports) && !differ; i++ {
		for j := i + 1; j < len(reports) && !differ; j++ {
			differ = !samePerson(byReport[reports[i]].person, byReport[reports[j]].person)
		}
	}
	if len(reports) < 2 || !differ {
		return Conflict{}, false
	}
	c := Conflict{Kind: kind, Topic: topic}
	for _, r := range reports {
		a := byReport[r]
		c.Claims = append(c.Claims, Claim{Report: a.report, Index: a.index, Value: a.name})
	}
	return c, true
}

func shortQuote(q string) string {
	f := strings.Fields(q)
	if len(f) > 8 {
		return strings.Join(f[:8], " ") + "…"
	}
	return strings.Join(f, " ")
}

// samePerson reports whether two surnames name one person, allowing the
// spelling variants of transliteration ("Zelensky", "Zelenskyy",
// "Zelenskiy"): one edit per four letters.
func samePerson(a, b string) bool {
	if a == b {
		return true
	}
	if min(len(a), len(b)) < 4 {
		return false
	}
	return text.EditDistance(a, b) <= max(1, min(len(a), len(b))/4)
}
