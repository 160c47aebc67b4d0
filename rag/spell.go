package rag

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/newsbot/newsbot/rag/localembed"
)

// Chat questions come with typos ("secratary", "adress") and chat
// spellings ("wat", "whos"). respell mends both before the question is
// read, so that its words meet the articles' and its interrogative is
// seen; the answer still shows the question as asked.

// chatSpellings maps spellings of chat English to the words they stand
// for.
var chatSpellings = map[string]string{
	"wat": "what", "wut": "what", "wich": "which", "whch": "which", "wen": "when", "wht": "what", "whos": "who is", "whats": "what is", "wats": "what is",
	"how'd": "how did", "what'd": "what did", "where'd": "where did", "why'd": "why did", "when'd": "when did", "who'd": "who would",
	"wheres": "where is", "hows": "how is", "whens": "when is", "ppl": "people", "abt": "about",
	"bc": "because", "cuz": "because", "coz": "because", "govt": "government", "prez": "president",
	"mtg": "meeting", "tmrw": "tomorrow", "yday": "yesterday", "thx": "thanks", "rn": "right now",
	"sec": "secretary", "pres": "president", "admin": "administration", "dept": "department",
	"intl": "international", "natl": "national", "yr": "year", "yrs": "years", "mil": "million",
	"bil": "billion", "w": "with", "ur": "your", "noms": "nominations", "nom": "nomination",
	"convo": "talks", "convos": "talks", "wud": "would", "wuld": "would", "woud": "would", "cud": "could", "shud": "should", "hv": "have",
	"bout": "about", "thru": "through", "tho": "though",
	"didnt": "did not", "doesnt": "does not", "dont": "do not", "isnt": "is not", "wasnt": "was not",
	"werent": "were not", "arent": "are not", "cant": "cannot", "wont": "will not", "couldnt": "could not",
	"wouldnt": "would not", "shouldnt": "should not", "hasnt": "has not", "havent": "have not", "hadnt": "had not",
	"hes": "he is", "shes": "she is", "theyre": "they are", "thats": "that is", "theres": "there is",
	"hed": "he would", "theyd": "they would", "it'll": "it will", "they'll": "they will", "we'll": "we will", "you'll": "you will",
	"he'll": "he will", "she'll": "she will", "that'll": "that will", "there'll": "there will", "who'll": "who will", "max": "maximum", "wher": "where", "whn": "when", "hw": "how",
	"acc": "according", "wh": "white house", "avg": "average", "approx": "about", "uni": "university", "unis": "universities", "journo": "journalist", "journos": "journalists", "wifi": "wi-fi", "latam": "latin america",
	"promo": "promotional", "doc": "document", "docs": "documents", "hr": "hour", "hrs": "hours",
	"mins": "minutes", "wk": "week", "wks": "weeks", "mth": "month", "mths": "months", "biz": "business",
	"gov": "government", "info": "information", "vid": "video", "vids": "videos", "pic": "picture",
	"pics": "pictures", "mgr": "manager", "wknd": "weekend", "wkend": "weekend", "vs": "against", "originaly": "originally", "orignally": "originally", "champ": "champion", "champs": "champions", "fave": "favourite",
	"econ": "economic", "exec": "executive", "execs": "executives", "mgmt": "management", "ref": "referee", "refs": "referees",
	"bday": "birthday", "stats": "statistics", "org": "organisation", "orgs": "organisations", "ukr": "ukraine",
	// Typed too fast: short words respell leaves alone (minRespell).
	"itll": "it will", "theyll": "they will", "youll": "you will", "thatll": "that will", "theyve": "they have", "youve": "you have",
	"youre": "you are", "whove": "who have", "wholl": "who will", "celeb": "celebrity", "celebs": "celebrities", "teh": "the", "hte": "the", "adn": "and", "nad": "and", "taht": "that", "thta": "that", "waht": "what", "hwo": "how",
	"wiht": "with", "jsut": "just", "thier": "their", "tehy": "they", "yuo": "you", "fo": "of",
}

// chatSymbols finds the chat spellings written with digits or a slash
// ("b4", "w/o", a "%" standing alone), which respell's letter words never hold; chatSymbolWords
// maps each to its words.
var (
	chatSymbols     = regexp.MustCompile(`(?i)(^|\s)(b4|w/o|w/|2day|2moro|2nite|%)(\s|$)`)
	chatSymbolWords = map[string]string{"b4": "before", "w/o": "without", "w/": "with", "2day": "today", "2moro": "tomorrow", "2nite": "tonight", "%": "percent"}
)

// variantIDF, minVariant and minVariantPrefix bound the English words
// respell mends: rarer in English than variantIDF (a variant spelling,
// "ukranian", "realise"), minVariant letters or more, into a word of the
// articles one edit away that begins with the same minVariantPrefix
// letters ("ukrainian", "realize").
const (
	variantIDF       = 10
	minVariant       = 6
	minVariantPrefix = 3
)

// izeRE finds the British ending of a verb written with -ize in American
// English ("characterise", "organisation").
var izeRE = regexp.MustCompile(`is(e|ed|es|ing|ation|ations)$`)

// minRespell is the shortest word respell corrects: shorter ones have too
// many neighbours one letter away.
const minRespell = 5

// respell returns question with its chat spellings replaced (chatSpellings,
// chatSymbols, chatLetters), a dropped g restored ("discussin"), and each
// lowercase word of minRespell letters or more that is neither an English
// word (localembed.Known) nor in the articles (docs of its stem > 0)
// replaced by the word one edit away (a letter deleted, swapped, changed or
// added) whose stem the most articles hold, or else the commonest English
// one. An English word no article holds is replaced only when it is a
// rare variant (variantIDF, minVariant) of an article's word one edit away
// with the same first letters. A word with no such neighbour is kept: it
// may be a name.
func respell(question string, docs func(stem string) int) string {
	var b strings.Builder
	word := func(w string) string {
		if r, ok := chatSpellings[strings.ReplaceAll(w, "’", "'")]; ok {
			return r // "it’ll" too
		}
		if base, ok := strings.CutSuffix(w, "'s"); ok {
			if r, ok := chatSpellings[base]; ok {
				return r + "'s" // "the govt's scheme"
			}
		}
		if _, ok := casualWords[w]; ok || strings.ContainsFunc(w, func(r rune) bool { return r < 'a' || r > 'z' }) {
			return w // "gonna" is read as "going to" later (uncasual)
		}
		toks := localembed.Tokens(w)
		if len(toks) != 1 || docs(toks[0]) > 0 {
			return w
		}
		if g := w + "g"; strings.HasSuffix(w, "in") && !localembed.Known(toks[0]) && known(g) {
			return g // a dropped g: "doin", "discussin"
		}
		if len(w) < minRespell {
			return w
		}
		// A word English knows is mended only when it is a rare variant
		// ("ukranian", "colour") of a word the articles write alike.
		variant := localembed.Known(toks[0])
		if variant && (localembed.IDF(toks[0]) < variantIDF || len(w) < minVariant) {
			return w
		}
		if c := compound(w, docs); c != "" && !variant {
			return c
		}
		if z := izeRE.ReplaceAllString(w, "iz$1"); z != w {
			if t := localembed.Tokens(z); len(t) == 1 && docs(t[0]) > 0 {
				return z // "characterise" as the articles write it: "characterized"
			}
		}
		best, bestDocs, bestIDF := w, 0, 0.0
		for _, e := range edits(w) {
			t := localembed.Tokens(e)
			if len(t) != 1 || variant && e[:minVariantPrefix] != w[:minVariantPrefix] {
				continue
			}
			n := docs(t[0])
			if n == 0 && (variant || !localembed.Known(t[0])) {
				continue
			}
			idf := localembed.IDF(t[0])
			if best == w || n > bestDocs || n == bestDocs && idf < bestIDF {
				best, bestDocs, bestIDF = e, n, idf
			}
		}
		return best
	}
	for range 2 { // twice: a match takes the space the next one needs ("b4 w/o")
		question = chatSymbols.ReplaceAllStringFunc(question, func(m string) string {
			sub := chatSymbols.FindStringSubmatch(m)
			return sub[1] + chatSymbolWords[strings.ToLower(sub[2])] + sub[3]
		})
	}
	start := -1
	for i, r := range question + " " {
		if unicode.IsLetter(r) || (r == '\'' || r == '’') && start >= 0 {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			w := question[start:i]
			if l, ok := chatLetters[w]; ok && unicode.IsSpace(r) && (start == 0 || unicode.IsSpace(rune(question[start-1]))) {
				w = l
			} else {
				w = word(w)
			}
			b.WriteString(w)
			start = -1
		}
		if i < len(question) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// chatLetters are the single letters chat writes for a word ("r u
// sure", "the us n ukraine teams"), read only between spaces: "r&d" is
// no "are".
var chatLetters = map[string]string{"r": "are", "n": "and", "y": "why"}

// minPart is the shortest part compound splits a word into.
const minPart = 4

// compound returns w written as the two English words, both in the
// articles, that it closes up ("antivirus" for "anti-virus",
// "whitehouse"), the split whose rarer part the most articles hold, or ""
// when there is none.
func compound(w string, docs func(stem string) int) string {
	best, bestDocs := "", 0
	for i := minPart; i <= len(w)-minPart; i++ {
		a, b := localembed.Tokens(w[:i]), localembed.Tokens(w[i:])
		if len(a) != 1 || len(b) != 1 || !localembed.Known(a[0]) || !localembed.Known(b[0]) {
			continue
		}
		if n := min(docs(a[0]), docs(b[0])); n > bestDocs {
			best, bestDocs = w[:i]+" "+w[i:], n
		}
	}
	return best
}

// edits returns the words one edit away from w (lowercase ASCII): each
// letter deleted, each pair of neighbours swapped, each letter changed and
// each letter added.
func edits(w string) []string {
	var out []string
	for i := 0; i <= len(w); i++ {
		a, z := w[:i], w[i:]
		if z != "" {
			out = append(out, a+z[1:])
		}
		if len(z) > 1 {
			out = append(out, a+z[1:2]+z[:1]+z[2:])
		}
		for c := byte('a'); c <= 'z'; c++ {
			if z != "" && c != z[0] {
				out = append(out, a+string(c)+z[1:])
			}
			out = append(out, a+string(c)+z)
		}
	}
	return out
}

// known reports whether w is an English word: a stop word, which has no
// token, or one that localembed knows.
func known(w string) bool {
	t := localembed.Tokens(w)
	return len(t) == 0 || len(t) == 1 && localembed.Known(t[0])
}
