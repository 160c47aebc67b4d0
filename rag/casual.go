package rag

import (
	"maps"
	"regexp"
	"slices"
	"strings"
)

// Questions asked in a chat are written in chat English; these rewrite it
// into the words news uses before a question is matched.

// casualWords maps the words of chat-room English to the words news
// uses for the same thing ("gonna", "sit-down", "vibe"), so that a casual
// question meets the article's wording; words that only address a person
// casually ("guy", "folks") are dropped. The lexicon's related words
// carry each replacement further. "gonna" says the future ("will"), not a
// verb "go" that "went" would match.
var casualWords = map[string]string{
	"whereabouts": "where", "gonna": "will", "ok": "fine", "okay": "fine", "wanna": "want to", "gotta": "have to", "kinda": "", "sorta": "", "ya": "you", "u": "you",
	"guy": "", "guys": "", "super": "", "totally": "", "hella": "", "bloke": "", "dude": "", "fella": "", "folks": "people", "peeps": "people",
	"sit-down": "meeting", "sitdown": "meeting", "meetup": "meeting", "meet-up": "meeting", "powwow": "meeting", "huddle": "meeting", "chat": "talks", "chats": "talks", "chatted": "talked",
	"vibe": "mood atmosphere", "vibes": "mood atmosphere", "budge": "compromise", "budged": "compromised", "cave": "concede", "caved": "conceded",
	"spokeswoman": "spokesperson press secretary", "spokesman": "spokesperson press secretary", "mouthpiece": "spokesperson",
	"hopeful": "optimistic", "upbeat": "optimistic", "gloomy": "pessimistic",
	"boss": "chief", "bosses": "chiefs", "honcho": "chief", "pal": "ally", "pals": "allies", "buddy": "ally",
	"trash-talking": "criticising", "trash-talked": "criticised", "slammed": "criticised", "bashing": "criticising", "flak": "criticism", "flack": "criticism",
	"kick off": "begin", "kicked off": "began", "wrap up": "end", "wrapped up": "ended",
	"ok with": "accept", "okay with": "accept", "fine with": "accept",
	"yo": "", "omg": "", "smh": "", "bruh": "", "stuff": "", "ok but": "", "ok and": "", "tbh": "", "lol": "", "lmao": "", "imo": "", "imho": "", "idk": "", "ngl": "", "btw": "", "smth": "", "sth": "",
	"or nah": "", "or what": "", "or something": "", "nah": "", "yeah": "", "pls": "", "plz": "", "ok so": "", "lemme": "let me",
	"keep talking": "continue talks", "keep going": "continue", "op": "operation", "ops": "operations", "kept going": "continued", "dc": "washington", "q1": "first quarter", "q2": "second quarter", "q3": "third quarter", "q4": "fourth quarter", "bits of": "parts of", "stuck on": "sticking point", "nuke": "nuclear", "nukes": "nuclear weapons",
}

// casualRE finds the entries of casualWords as whole words.
var casualRE = regexp.MustCompile(`\b(` + longestFirst(slices.Collect(maps.Keys(casualWords))) + `)\b`)

// longestFirst returns a regular expression matching any of words
// literally, the longer first, so that "kicked off" wins over "kicked"
// and "head of state" over "head".
func longestFirst(words []string) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = regexp.QuoteMeta(w)
	}
	slices.SortFunc(quoted, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	return strings.Join(quoted, "|")
}

// fillerLikeRE finds "like" opening a clause, where chat uses it as a
// filler ("wher was it, like which building"), not as a verb or
// preposition ("what did it look like").
var fillerLikeRE = regexp.MustCompile(`(^|[,.?!;:]\s*)like\b,?`)

// uncasual rewrites the casual words of a lowercased question
// (casualWords) and drops a filler "like" (fillerLikeRE).
func uncasual(q string) string {
	q = fillerLikeRE.ReplaceAllString(q, "$1")
	return casualRE.ReplaceAllStringFunc(q, func(w string) string { return casualWords[w] })
}

// lowerUSRE finds "us" written in lower case where it can only be the
// country: after an article ("the us team") or before what the country
// has ("us envoys", "us-led").
var lowerUSRE = regexp.MustCompile(`\b(?:(?:the|a) us\b|us(?:-(?:led|backed|based|brokered)|\s+(?:envoys?|officials?|president|plan|proposals?|delegation|team|side|government|administration|secretary|troops|military|economy|dollar|election|market|firms?|companies|court|senate|congress|negotiators?|diplomats?|ambassador|embassy)\b))`)

// lowerUS writes the country "us" of a question in lower case as "US",
// as news writes it, for retrieval: "why was the us team kept waiting".
func lowerUS(q string) string {
	return lowerUSRE.ReplaceAllStringFunc(q, func(m string) string {
		i := strings.Index(m, "us")
		return m[:i] + "US" + m[i+2:]
	})
}

// dropCasual removes the casual words of a lowercased question: what is
// left is what the question names in its own words.
func dropCasual(q string) string {
	return casualRE.ReplaceAllString(q, " ")
}

// phrasalVerbs maps common phrasal verbs in questions to a one-word verb
// that the lexicon can match and expand ("turn down" → "reject").
var phrasalVerbs = strings.NewReplacer(
	"turn down", "reject", "turned down", "rejected", "turns down", "rejects", "turning down", "rejecting",
	"call off", "cancel", "called off", "cancelled", "pull out", "withdraw", "pulled out", "withdrew",
	"step down", "resign", "stepped down", "resigned", "back down", "yield", "backed down", "yielded",
	"carry out", "conduct", "carried out", "conducted", "set up", "establish", "find out", "discover",
	"give up", "surrender", "gave up", "surrendered", "put off", "postpone", "hold off", "delay",
	"push back", "resist", "pushed back", "resisted", "come up with", "propose", "came up with", "proposed",
	"sign off on", "approve", "signed off on", "approved", "walk out", "leave", "walked out", "left",
	"shut down", "close", "break off", "end", "broke off", "ended", "look into", "investigate",
	"take place", "happen", "took place", "happened", "taking place", "happening", "takes place", "happens",
	"hand over", "transfer", "handed over", "transferred", "handing over", "transferring", "hands over", "transfers",
	"take over from", "succeed", "took over from", "succeeded", "taking over from", "succeeding", "takes over from", "succeeds",
	"report back to", "debrief", "reported back to", "debriefed", "reporting back to", "debriefing",
	"step in for", "replace", "stepped in for", "replaced", "fill in for", "replace", "filled in for", "replaced",
	"on the cards", "planned", "in the works", "planned", "in the pipeline", "planned",
	"go along with", "accept", "went along with", "accepted", "goes along with", "accepts", "going along with", "accepting",
	"a face-to-face", "a meeting", "the face-to-face", "the meeting",
)
