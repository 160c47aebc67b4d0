// Which capitalised words of a sentence name a person or an
// organisation (names), and which only describe, place or date them.

package rag

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/newsbot/newsbot/rag/localembed"
)

// indefiniteRE matches the end of a text followed by a noun phrase that
// describes someone without naming them: "a", "an", "a former".
var indefiniteRE = regexp.MustCompile(`(?i)(?:^|\s)an?\s+(?:(?:former|ex|senior|top|leading|junior|retired|veteran)[\s-]+)?$`)

// describesSomeone reports whether name, in sentence, only qualifies a
// person it does not name: "a former Home Office minister has called
// for …", "an Arsenal spokesman said". Who did it is said elsewhere.
func describesSomeone(sentence, name string) bool {
	i := strings.Index(sentence, name)
	if i < 0 {
		return false
	}
	after := strings.TrimLeft(sentence[i+len(name):], " ")
	return indefiniteRE.MatchString(sentence[:i]) && after != "" && unicode.IsLower([]rune(after)[0])
}

func isMonthOrDay(s string) bool {
	return monthOrDayRE.MatchString(s)
}

// placePrepRE matches the end of a text followed by a place ("… in ").
var placePrepRE = regexp.MustCompile(`(?i)\b(in|at|near)\s+(the\s+)?$`)

// names returns the runs of capitalised words in sentence that can name a
// person or an organisation: a run is trimmed of leading words that only
// begin a sentence ("The", "In"), a run after "in", "at" or "near" is a
// place (kept when places: the question asks for a court, a school …),
// a country after the ordinary word opening the sentence says where
// someone is from, and a lone word must not be an ordinary English word
// written at the start of the sentence.
func names(sentence string, places bool) []string {
	var out []string
	for _, loc := range nameRE.FindAllStringIndex(sentence, -1) {
		words := strings.Fields(sentence[loc[0]:loc[1]])
		for len(words) > 0 && (notNames[strings.ToLower(strings.Trim(words[0], ".,’'"))] || allDigits(words[0])) {
			words = words[1:] // "In 2019 Simona Halep"
		}
		if len(words) == 0 {
			continue
		}
		if len(words) == 1 && loc[0] == 0 && !isNameLike(words[0]) {
			continue
		}
		if !places && placePrepRE.MatchString(sentence[:loc[0]]) {
			continue // "victory in Paris": a place, not who did it
		}
		if len(words) == 1 && nationalities[strings.ToLower(strings.Trim(words[0], ".,;:"))] {
			continue // "Russian oil giant Yukos": it says where from, not who
		}
		if loc[0] == 0 && modifier(words) {
			continue // "Veteran US television host Dick Clark"
		}
		out = append(out, strings.Join(words, " "))
	}
	return out
}

// modifier reports whether the words of a run of capitals at a sentence's
// start say only where someone is from, after ordinary words that are
// capitalised because they open it: "Veteran US", "Former British".
func modifier(words []string) bool {
	from := false
	for _, w := range words {
		w = strings.Trim(w, ".,;:")
		switch {
		case nationalities[strings.ToLower(w)] || countryCodes[w]:
			from = true
		case from:
			return false
		default:
			if toks := localembed.Tokens(w); len(toks) != 1 || !localembed.Known(toks[0]) {
				return false // a name: "Paramount US"
			}
		}
	}
	return from
}

// countryCodes are the abbreviations news writes for a country or union.
var countryCodes = map[string]bool{"US": true, "USA": true, "UK": true, "EU": true}

// placeKinds are the kinds of party that are also places: "which court"
// is answered by "appear at Bow Street Magistrates' Court".
var placeKinds = []string{"court", "school", "university", "college", "hospital", "city", "prison", "studio"}

// asksPlaceKind reports whether a which-question (given as its set of
// words) asks for a kind of party that is also a place.
func asksPlaceKind(question map[string]bool) bool {
	if !question["which"] && !question["what"] {
		return false
	}
	return slices.ContainsFunc(placeKinds, func(k string) bool { return question[k] })
}

// allDigits reports whether w is a number written in digits only.
func allDigits(w string) bool {
	return w != "" && !strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsDigit(r) })
}

// nationalities are the adjectives that say where a party is from; on
// their own they name no one ("the Russian side").
var nationalities = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`american british english scottish welsh irish russian ukrainian soviet chinese japanese korean
		indian pakistani afghan iranian iraqi syrian turkish israeli palestinian arab egyptian saudi french german italian
		spanish portuguese dutch belgian swiss austrian polish czech hungarian romanian greek swedish norwegian danish
		finnish canadian mexican brazilian argentine argentinian colombian venezuelan cuban chilean peruvian australian
		european african asian nigerian kenyan croatian serbian slovenian georgian belarusian vietnamese thai indonesian
		filipino malaysian taiwanese western nordic scandinavian`) {
		nationalities[w] = true
	}
}

// isNameLike reports whether a capitalised word at a sentence's start is
// more likely a name than an ordinary word: it has capitals inside
// ("McDonald", "YouTube") or digits, or is rare in English ("Facebook",
// "Norway", not "Founded").
func isNameLike(w string) bool {
	w = strings.TrimSuffix(strings.TrimSuffix(strings.Trim(w, ".,;:"), "'s"), "’s")
	for i, r := range w {
		if i > 0 && (unicode.IsUpper(r) || unicode.IsDigit(r)) {
			return true
		}
	}
	toks := localembed.Tokens(w)
	return len(toks) == 1 && localembed.IDF(toks[0]) >= minNameIDF
}

// minNameIDF is the English rarity (localembed.IDF) from which a
// capitalised word at a sentence's start is taken for a name.
const minNameIDF = 6.0

// settlementRE matches a question asking for a city, a town or a village
// ("which city did Putin say his troops captured").
var settlementRE = regexp.MustCompile(whichKind + `(?:city|cities|town|towns|village|villages|capital)\b`)

// countries are the names news gives a country or a union of countries,
// in lower case (countryCodes too).
var countries = map[string]bool{}

func init() {
	for c := range countryCodes {
		countries[strings.ToLower(c)] = true
	}
	for _, c := range strings.Split(`afghanistan|albania|algeria|andorra|angola|argentina|armenia|australia|austria|azerbaijan|bahrain|bangladesh|belarus|belgium|bolivia|bosnia|botswana|brazil|britain|great britain|bulgaria|cambodia|cameroon|canada|chad|chile|china|colombia|congo|costa rica|croatia|cuba|cyprus|czech republic|denmark|ecuador|egypt|england|eritrea|estonia|ethiopia|europe|finland|france|georgia|germany|ghana|greece|guatemala|haiti|honduras|hungary|iceland|india|indonesia|iran|iraq|ireland|northern ireland|israel|italy|ivory coast|jamaica|japan|jordan|kazakhstan|kenya|kosovo|kuwait|kyrgyzstan|laos|latvia|lebanon|liberia|libya|lithuania|luxembourg|macedonia|madagascar|malawi|malaysia|mali|malta|mexico|moldova|monaco|mongolia|montenegro|morocco|mozambique|myanmar|burma|namibia|nepal|netherlands|holland|new zealand|nicaragua|niger|nigeria|north korea|norway|oman|pakistan|palestine|panama|paraguay|peru|philippines|poland|portugal|qatar|romania|russia|rwanda|saudi arabia|scotland|senegal|serbia|sierra leone|slovakia|slovenia|somalia|south africa|south korea|korea|spain|sri lanka|sudan|south sudan|sweden|switzerland|syria|taiwan|tajikistan|tanzania|thailand|tunisia|turkey|turkmenistan|uganda|ukraine|united arab emirates|united kingdom|united states|america|uruguay|uzbekistan|venezuela|vietnam|wales|yemen|zambia|zimbabwe`, "|") {
		countries[c] = true
	}
}

// settlements returns the values that are not the name of a country,
// when the question asks for a city, a town or a village (asked:
// settlementRE): "his forces … until Russia’s original war aims are
// achieved" names no city captured.
func settlements(asked bool, values []string) []string {
	if !asked {
		return values
	}
	return slices.DeleteFunc(slices.Clone(values), func(v string) bool {
		v = strings.TrimSuffix(strings.TrimSuffix(v, "'s"), "’s")
		return countries[strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(v, "the "), "The "))]
	})
}

// notNames are capitalised words that begin sentences or name calendar
// items rather than someone who did something.
var notNames = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the a an in on at of for from to by with and but or it its he she they we i you his her their
		this that these those there here what when where who why how which while after before as if
		monday tuesday wednesday thursday friday saturday sunday ` + strings.ReplaceAll(monthNames, "|", " ") + `
		mr mrs ms dr new no not also however meanwhile according last next first one two three more most some many all
		both each other such only just then than so yet still even now today yesterday tomorrow earlier later
		despite although though because during under over into follow share click sign subscribe read watch related photo video image getty reuters ap afp`) {
		notNames[w] = true
	}
}
