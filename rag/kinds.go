package rag

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/newsbot/newsbot/rag/localembed"
)

// Another kind of what the question asks about: an award's category is
// named by the words after "best" ("Best Actor" and "Best Supporting Actor"
// are two awards), and a role by the words before its title ("director"
// and "video director" are two people's jobs). A sentence about the one
// does not answer a question about the other.

// bestRE finds "best" and up to four words after it; bestWordRE finds
// each "best", so that "best film and best actor" names two awards.
var (
	bestRE     = regexp.MustCompile(`(?i)^best((?:\s+[\p{L}'’-]+){1,4})`)
	bestWordRE = regexp.MustCompile(`(?i)\bbest\b`)
)

// bests returns the words after each "best" of text (bestRE).
func bests(text string) []string {
	var out []string
	for _, loc := range bestWordRE.FindAllStringIndex(text, -1) {
		if m := bestRE.FindStringSubmatch(text[loc[0]:]); m != nil {
			out = append(out, m[1])
		}
	}
	return out
}

// awardNouns name the categories of awards: "best director", "best
// film", not "best known" or "best player in the league".
var awardNouns = map[string]bool{}

func init() {
	for _, w := range strings.Fields("actor actress director film song album newcomer documentary screenplay musical play comedy drama single artist group band video soundtrack animation animated foreign") {
		awardNouns[w] = true
	}
}

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
		if w == "feature" || w == "picture" || w == "movie" {
			w = "film" // "Best Animated Feature" is the best animated film
		}
		out = append(out, w)
	}
	return out
}

// askedKind is what a question says of the kind of thing it asks about,
// read once for all the sentences it is held against: the category of
// the award it names after "best" (awardClash), its words (roleClash),
// and the title whose present holder it asks for (pastHolder).
type askedKind struct {
	award []string        // category(…) of the question's first "best"
	words map[string]bool // its lowercased words
	title string          // presentRoleRE's title, lowercased, without dots; "" when it asks none
	// offices maps an office the question names by which one it is to
	// the word saying which: "secretary" to "press" (officeRE).
	offices map[string]string
}

// officeRE finds an office with the word before it that says which one:
// "press secretary", "home secretary", "foreign minister".
var officeRE = regexp.MustCompile(`(?i)\b([\pL]+)\s+(secretary|minister|spokesman|spokeswoman|spokesperson|commissioner|correspondent|editor)\b`)

// notOfficeKind are words before an office that do not say which one it
// is: "the secretary", "its new minister".
var notOfficeKind = map[string]bool{}

func init() {
	for _, w := range strings.Fields("the a an his her its their our your my this that new former current then acting deputy junior senior chief top assistant permanent shadow who's whos is was") {
		notOfficeKind[w] = true
	}
}

// officeClash reports whether sentence names an office the question names
// by which one it is only as another one: "shadow home secretary David
// Davis" for "who is the White House press secretary".
func (k askedKind) officeClash(sentence string) bool {
	if len(k.offices) == 0 {
		return false
	}
	clash := false
	for _, m := range officeRE.FindAllStringSubmatch(sentence, -1) {
		which, asked := k.offices[strings.ToLower(m[2])]
		if !asked {
			continue
		}
		if w := strings.ToLower(m[1]); w == which {
			return false // the office asked about
		} else if !notOfficeKind[w] {
			clash = true
		}
	}
	return clash
}

// kindOf reads question for askedKind.
func kindOf(question string) askedKind {
	k := askedKind{words: map[string]bool{}}
	if qb := bests(question); len(qb) > 0 {
		k.award = category(qb[0])
	}
	for _, w := range strings.Fields(strings.ToLower(question)) {
		k.words[strings.Trim(w, `?.,;:"'’`)] = true
	}
	if m := presentRoleRE.FindStringSubmatch(question); m != nil {
		k.title = strings.ReplaceAll(strings.ToLower(m[1]), ".", "")
	}
	for _, m := range officeRE.FindAllStringSubmatch(question, -1) {
		if w := strings.ToLower(m[1]); !notOfficeKind[w] && !auxiliaries[w] && len(w) > 2 {
			if k.offices == nil {
				k.offices = map[string]string{}
			}
			k.offices[strings.ToLower(m[2])] = w
		}
	}
	return k
}

// otherKind reports whether sentence is about another kind of what the
// question asks about: another award, another job, the title's past
// holder, or someone at another age.
func (k askedKind) otherKind(sentence string) bool {
	return k.awardClash(sentence) || k.roleClash(sentence) || k.officeClash(sentence) || k.pastHolder(sentence) || k.ageClash(sentence)
}

// ageRoleRE finds a character or a person named at another age: "plays
// the young Diana Prince".
var ageRoleRE = regexp.MustCompile(`\b(?:[Tt]he|[Aa]n?)\s+(young|younger|teenage|teen|child|adult|older|elderly)\s+(\p{Lu}[\p{L}’'-]*)`)

// ageWords are the words of ageRoleRE's ages.
var ageWords = []string{"young", "teen", "child", "adult", "older", "elderly"}

// ageClash reports whether sentence names someone the question names only
// at an age the question does not ask about ("Thirteen-year-old Lilly
// plays the young Diana Prince" for "Who plays Diana Prince?").
func (k askedKind) ageClash(sentence string) bool {
	if !slices.ContainsFunc(ageWords, func(w string) bool { return strings.Contains(sentence, w) }) {
		return false // a cheap test before ageRoleRE
	}
	for _, m := range ageRoleRE.FindAllStringSubmatch(sentence, -1) {
		if k.words[strings.ToLower(m[2])] && !k.words[m[1]] {
			return true
		}
	}
	return false
}

// awardClash reports whether sentence names the award the question names
// after "best" ("Best Actor") only with a word the question lacks
// inserted ("Best Supporting Actor", "best new female artist"), or names
// only other awards ("best director"). A sentence that names no award, or
// names the question's, does not clash.
func (k askedKind) awardClash(sentence string) bool {
	asked := k.award
	if len(asked) == 0 {
		return false
	}
	head := asked[len(asked)-1] // "artist" in "best new artist"
	clash := false
	for _, after := range bests(sentence) {
		words := category(after)
		if !slices.Contains(words, head) && slices.ContainsFunc(words, func(w string) bool { return awardNouns[w] }) {
			clash = true // "took the best director prize" for best supporting actor
		}
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
// about (agentNouns: "director") only with a modifier the question lacks
// that makes it another job ("Bohemian Rhapsody video director Bruce
// Gowers", "a director of music videos" for "Who is the director of
// Bohemian Rhapsody?").
func (k askedKind) roleClash(sentence string) bool {
	asked := k.words
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
		if i+2 < len(words) && words[i+1] == "of" {
			// "a director of music videos"
			if m := strings.Trim(words[i+2], `.,;:"'’()`); roleModifiers[m] && !asked[m] {
				clash = true
				continue
			}
		}
		return false // the title asked about
	}
	return clash
}

// presentRoleRE matches a question asking who holds a title now ("Who is
// the CEO of Northwind in 2031?", "who's the new president of the
// league") and captures the title.
var presentRoleRE = regexp.MustCompile(`(?i)^\s*who(?:\s+is|\s+are|['’]s)\s+(?:the\s+)?(?:new\s+|current\s+|present\s+)?([\p{L}.]+)\s+(?:of|at|for)\b`)

// pastWords say that a title was held before: "was the CEO", "former
// president"; appointedWords after "was" say who holds it ("was named
// CEO").
var (
	pastWords      = map[string]bool{"was": true, "were": true, "former": true, "formerly": true, "previous": true, "previously": true, "one-time": true, "onetime": true, "late": true}
	appointedWords = map[string]bool{"named": true, "appointed": true, "elected": true, "re-elected": true, "made": true, "promoted": true, "hired": true, "chosen": true, "confirmed": true, "installed": true, "sworn": true}
)

// pastHolder reports whether sentence gives the title a question asks
// the present holder of (presentRoleRE) only as held before: "Satoru
// Iwata was the global president and CEO of Nintendo", "former CEO Eric
// Schmidt" do not say who is CEO now.
func (k askedKind) pastHolder(sentence string) bool {
	title := k.title
	if !agentNouns[title] {
		return false
	}
	orig := strings.Fields(sentence)
	words := strings.Fields(strings.ToLower(sentence))
	for i, w := range words {
		w = strings.Trim(w, `,;:"'’()`)
		if strings.ReplaceAll(strings.TrimPrefix(w, "ex-"), ".", "") != title {
			continue
		}
		if strings.HasPrefix(w, "ex-") {
			return true
		}
		for j := i - 1; j >= 0 && j >= i-6; j-- {
			p := strings.Trim(words[j], `"'’()`)
			if strings.ContainsAny(p, ",;:") {
				break // another clause
			}
			if pastWords[p] && !(j+1 < i && appointedWords[words[j+1]]) || p == "been" && j > 0 && words[j-1] == "had" {
				return true
			}
			if o := orig[j]; unicode.IsUpper([]rune(o)[0]) && !strings.HasSuffix(o, "'s") && !strings.HasSuffix(o, "’s") {
				break // the name of the firm: "were Zenda Fund CEO Ana Ruiz"
			}
		}
		return false
	}
	return false
}

// nonYears returns numbers without the years among them.
func nonYears(numbers []string) []string {
	return slices.DeleteFunc(slices.Clone(numbers), func(n string) bool { return bareYearRE.MatchString(n) })
}

// askedKindNoun returns the kind of party a which-question asks for ("firm"
// for "which little Sri Lankan hotel firm …"), or "", read as classify
// reads it: "Apart from …, which organisation does he run?" asks it too.
func askedKindNoun(question string) string {
	question = whFirst(leadingFillerRE.ReplaceAllString(question, "$1"))
	if m := kindRE.FindStringSubmatch(question); m != nil && !verbBeforeKindRE.MatchString(m[0]) {
		return strings.ToLower(m[1])
	}
	return ""
}

// sameKind are kinds of party news calls by one another's names.
var sameKind = map[string][]string{
	"company": {"firm", "group", "business", "maker"}, "firm": {"company", "group", "business", "maker"},
	"group": {"company", "firm", "organisation", "organization"}, "bank": {"lender"},
	"country": {"nation"}, "nation": {"country"},
}

// describedAs returns the value of values that sentence describes, in an
// appositive right after it, as of kind: "Confifi Hotel Holdings, a small
// Sri Lankan tourism firm, has halved in value" answers "which hotel firm
// halved in value".
func describedAs(sentence string, values []string, kind string) (string, bool) {
	if kind == "" {
		return "", false
	}
	kinds := append([]string{kind}, sameKind[kind]...)
	for _, v := range values {
		i := strings.Index(sentence, v)
		if i < 0 {
			continue
		}
		m := appositiveAfterRE.FindStringSubmatch(sentence[i+len(v):])
		if m == nil {
			continue
		}
		for _, w := range strings.Fields(strings.ToLower(m[1])) {
			if slices.Contains(kinds, strings.TrimSuffix(w, "s")) {
				return v, true
			}
		}
	}
	return "", false
}

// appositiveGoesOn are the words with which an appositive goes on after
// its noun: "chief economist at UBS", "managing director of 3ami".
var appositiveGoesOn = map[string]bool{"at": true, "of": true, "for": true, "with": true, "in": true, "from": true, "to": true}

// nameBeforeAppositive returns the name that an appositive holding the
// kind at words[at], a word or two of rank before it, follows: "said
// Hiromichi Shirakawa, chief economist at UBS Securities", "Tim Ellsmore,
// managing director of 3ami"; "" when there is none. (describedAs reads
// the same construction from the name, for an appositive opening with
// "a" or "the".)
func nameBeforeAppositive(words []string, at int) string {
	if !strings.ContainsAny(words[at], ",.;") && (at+1 == len(words) || !appositiveGoesOn[strings.ToLower(words[at+1])]) {
		return "" // the kind is no appositive's: "…, the show also won"
	}
	comma := at - 1
	for comma > 0 && at-comma <= 2 && !strings.HasSuffix(words[comma], ",") && unicode.IsLower([]rune(words[comma])[0]) {
		comma--
	}
	if comma < 0 || comma == at || !strings.HasSuffix(words[comma], ",") {
		return ""
	}
	start := comma + 1
	for j := comma; j >= 0; j-- {
		w := strings.TrimRight(words[j], ",")
		if w == "" || !unicode.IsUpper([]rune(w)[0]) || j < comma && strings.ContainsAny(words[j], ",.;:") || notNames[strings.ToLower(w)] {
			break
		}
		start = j
	}
	if start > comma {
		return ""
	}
	return strings.TrimRight(strings.Join(words[start:comma+1], " "), ",")
}

// appositiveAfterRE matches an appositive that opens right after a name
// and describes it: ", a small Sri Lankan tourism firm,".
var appositiveAfterRE = regexp.MustCompile(`^\s*,\s+(?:a|an|the|one of the)\s+([^,.;:()"“”]{1,80}?)\s*[,.;]`)

// titledBy returns the organisation a question's person holds a title
// of, from a value that names it before the title and the person after
// ("Russian Direct Investment Fund CEO Kirill Dmitriev" for "Which
// organisation does Kirill Dmitriev lead as CEO?"): the words before the
// title, when the question says the title (question) and names the person
// (focus) in words rare in English (isNameLike).
func titledBy(values []string, question map[string]bool, focus []focusTerm) (string, bool) {
	for _, v := range values {
		words := strings.Fields(v)
		for i := 1; i+1 < len(words); i++ {
			low := strings.ToLower(words[i])
			if !question[low] || !agentNouns[low] && !describers[low] {
				continue
			}
			// The person's name, all of it rare in English: "Kirill
			// Dmitriev", not "Indoor Championships"; the question may
			// name them by surname.
			named := inFocus(words[len(words)-1], focus)
			for _, w := range words[i+1:] {
				named = named && isNameLike(w)
			}
			if named {
				return strings.Join(words[:i], " "), true
			}
		}
	}
	return "", false
}

// orgKinds are the kinds of party a which-question may ask for that are
// organisations, which people are "of" (memberOf); not "Olivier Rochus
// of Belgium" for whom he faces next.
var orgKinds = map[string]bool{}

func init() {
	for _, k := range strings.Fields("company firm team side club group party organisation organization bank airline label network channel station broadcaster studio newspaper agency regulator watchdog school university college charity brand manufacturer maker retailer carmaker operator") {
		orgKinds[k] = true
	}
}

// leaderTitleRE finds the title between an organisation and the name of
// whoever leads it: "Russian Direct Investment Fund CEO Kirill Dmitriev".
var leaderTitleRE = regexp.MustCompile(`\s(?:CEO|[Cc]hief [Ee]xecutive|[Cc]hairman|[Cc]hairwoman|[Pp]resident|[Bb]oss|[Hh]ead|[Dd]irector|[Ff]ounder|[Oo]wner)\s`)

// memberOf returns the organisation a question's person is of, from a
// value that names them and it with "of" between ("Mark Bailin of Rymer
// International Seafood" for "Which company was Mark Bailin from?"), or
// it and them with a leader's title between ("Russian Direct Investment
// Fund CEO Kirill Dmitriev"): the person's words are all capitalised,
// the last of them the question's focus.
func memberOf(values []string, focus []focusTerm) (string, bool) {
	for _, v := range values {
		person, org, ok := strings.Cut(v, " of ")
		if loc := leaderTitleRE.FindStringIndex(v); loc != nil && !ok {
			org, person = v[:loc[0]], v[loc[1]:]
		}
		if org == "" || person == "" {
			continue
		}
		words := strings.Fields(person)
		named := inFocus(words[len(words)-1], focus)
		for _, w := range words {
			named = named && unicode.IsUpper([]rune(w)[0])
		}
		if named {
			return org, true
		}
	}
	return "", false
}

// inFocus reports whether the word w is one of the question's focus.
func inFocus(w string, focus []focusTerm) bool {
	return slices.ContainsFunc(focus, func(f focusTerm) bool { return slices.Contains(localembed.Tokens(w), f.term) })
}
