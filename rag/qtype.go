package rag

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/newsbot/newsbot/rag/localembed"
)

// answerType is what kind of fact a question asks for, when its wording
// says so ("how long" wants a duration, "when" a date, "where" a place).
type answerType int

const (
	anyAnswer answerType = iota
	quantityAnswer
	durationAnswer
	timeAnswer
	placeAnswer
	personAnswer // a person or an organisation: who, which company...
	reasonAnswer
	yesNoAnswer
)

// inPlaceRE matches a question opening "in which city" (or country,
// town …): it asks where.
var inPlaceRE = regexp.MustCompile(`(?i)^\s*(?:in|at|near) (?:which|what) (?:\w+ )?(?:city|country|town|state|region|province|county|village|capital)\b`)

// kindNouns are the kinds of party a which-question may ask for.
const kindNouns = `company|firm|team|side|squad|school|university|college|hospital|charity|country|nation|club|player|actor|actress|director|person|man|woman|group|party|organi[sz]ation|movie|film|city|judge|minister|official|politician|leader|chancellor|singer|band|act|artist|author|writer|coach|manager|striker|regulator|watchdog|agency|network|channel|station|broadcaster|site|website|game|show|programme|program|album|song|book|newspaper|airline|bank|carrier|studio|label|court|brand|manufacturer|maker|retailer|rival|carmaker|operator|association|union|federation|council|committee|commission|spokesman|spokeswoman|spokesperson|lawyer|analyst|executive|chairman|boss|publisher|insurer|sponsor|alliance|bloc`

// answerTypeBonus is added to the score of a sentence that holds the kind
// of fact the question asks for, scaled by how specific the value is.
const answerTypeBonus = 0.15

// placeKind matches the kind of place that may introduce a place's name
// after its preposition and article: "in the south-western city of
// Ibadan", "in the capital, Nairobi".
const placeKind = `(?:[a-z]+(?:-[a-z]+)?\s+){0,2}(?:capital|city|town|village|port|resort|suburb|province|region|county|district)(?:\s+of|,)\s+`

const numberWords = `\d|\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen)\b`

// leadingPrepRE matches the preposition before a holiday (holidays).
var leadingPrepRE = regexp.MustCompile(`^(?i:on|until|till|by|before|after|over|since|from|for)\s+`)

// untilStrength is how well the end of a span answers how long it lasts,
// against a duration's 1.
const untilStrength = 0.5

// untilWords is how many words before "until" may name what lasts.
const untilWords = 1

// holidays is a pattern of the days news dates by their name, after the
// preposition that makes them a time ("until Boxing Day", "by
// Christmas"; "a Christmas Day concert" is a concert).
const holidays = `\b(?:on|until|till|by|before|after|over|since|from|for)\s+(?:(?:Christmas|New Year)(?:['’]s)? (?:Day|Eve)|Boxing Day|Easter (?:Sunday|Monday)|Good Friday|Valentine['’]?s Day|Thanksgiving|Halloween|Hogmanay|Christmas|Easter)\b`

const weekdayNames = `monday|tuesday|wednesday|thursday|friday|saturday|sunday`

const monthNames = `january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec`

var (
	questionTypes = []struct {
		re *regexp.Regexp
		t  answerType
	}{
		{regexp.MustCompile(`(?i)^\s*(how (long|old)\b|how (quickly|fast|soon) (did|do|does|will|can|could|would)\b)`), durationAnswer},
		{regexp.MustCompile(`(?i)^\s*(how (many|much|far|big|large|often|tall|high|heavy|deep|wide)|what (percentage|percent|number|share|proportion|was the revenue|is the revenue|was the cost|is the price)|what (\w+ )?(offer|bid) (did|does|do|was|is|were|has|had|would|will|per))\b`), quantityAnswer},
		{regexp.MustCompile(`(?i)^\s*(when\b|(what|which) ((exact|precise|specific) )?(day|date|time|year|month|deadline)\b|on which (day|date)\b|(what|which)('s|’s| is| was) the (\w+ )?(date|day|deadline)\b)`), timeAnswer},
		{regexp.MustCompile(`(?i)^\s*(where\b|whereabouts\b|(in )?which (\w+ )?(city|country|place|town|venue|state|region)\b.*\b(host|held|located|hold|stage|take place|took place|taking place|happen|occur|meet|met)\w*\b|(which|what) (\w+ )?(city|town|village|venue|stadium)\b[^?]*\s(in|at)\s*\??\s*$|(in )?(which|what) (building|venue|stadium|arena|hall|hotel|room|street|district|neighbou?rhood|airport|port|palace|continent|(?:parts?|regions?|areas?|corners?) of the (?:world|globe))\b)`), placeAnswer},
		{regexp.MustCompile(`(?i)^\s*(who|whom|whose)\b|^\s*(which (\w+ ){0,4}?|what (\w+ )?)(` + kindNouns + `)s?\b|^\s*(which|what) (\w+ )?(companies|countries|parties|agencies|cities|charities|bodies|authorities|universities|nationalities)\b|^\s*what(?:'s|’s| is| was| are| were) the (?:\w+ )?names?\b`), personAnswer},
		{regexp.MustCompile(`(?i)^\s*(why\b|for what reason\b|what (was|is) the reason\b|what reasons? (did|does|do|has|have|had|was|were|is|are)\b)`), reasonAnswer},
		{regexp.MustCompile(`(?i)^\s*(is|are|was|were|did|does|do|has|have|had|will|would|can|could|should)\b`), yesNoAnswer},
	}
	// kindRE finds the kind of party a which-question asks for: "which
	// little Sri Lankan hotel firm" asks for a firm.
	kindRE = regexp.MustCompile(`(?i)^\s*(?:which (?:[\w'’-]+ ){0,4}?|what (?:[\w'’-]+ )?)(` + kindNouns + `)s?\b`)
	// verbBeforeKindRE matches a which-question whose kind noun
	// (kindRE) comes after its verb, so names the subject, not what is
	// asked: "in which area had Secretary of State Rubio …".
	verbBeforeKindRE = regexp.MustCompile(`(?i)^\s*(?:which|what)\s+\S+\s.*\b(?:is|are|was|were|did|does|do|has|have|had|will|would|can|could|should)\s`)
	// whoIsRE matches a question asking who a named person is.
	whoIsRE = regexp.MustCompile(`^\s*(?i:who)\s+(?i:is|was|are|were)\s+(\p{Lu}[\p{L}’'.-]*\s*)+\??\s*$`)
	// casualWhoIsRE matches the same asked casually: "who's kushner
	// again?" (the name, after casualFiller is removed, must be rare in
	// English: isNameLike).
	casualWhoIsRE = regexp.MustCompile(`^\s*(?i:who(?:['’]s|\s+(?:is|was|are|were)))\s+([\p{L}’'.-]+(?:\s+[\p{L}’'.-]+)?)\s*\??\s*$`)
	// contractionRE matches what is left of a contracted verb after the
	// wh-word ("who's", "what's").
	contractionRE = regexp.MustCompile(`^['’](s|re|ll|d)\b`)
	// casualFiller is wording of spoken questions that the answer does
	// not repeat ("did they actually get a deal", "who's kushner again").
	casualFiller = regexp.MustCompile(`(?i)\b(again|actually|exactly|really|anyway|basically|of it all|at all|you know|(this|that|these|those|some) (kind|sort)s? of|kind of|sort of|right(\s*\?|$))\b|,\s*(?:it\s+|he\s+|she\s+|they\s+)?(?:sounded|sounds|seemed|seems|looked|looks)\b[^,?]*\??$`)
	// keywordTypes type questions written as search keywords ("Super Bowl
	// 2021 location", "Tesla revenue Q1") by a telling word.
	keywordTypes = []struct {
		re *regexp.Regexp
		t  answerType
	}{
		{regexp.MustCompile(`(?i)\b(release|premiere|launch|air) date\b|\bdate of\b`), timeAnswer},
		{regexp.MustCompile(`(?i)\b(location|venue)\b`), placeAnswer},
		{measureRE, quantityAnswer},
		{regexp.MustCompile(`(?i)\b(prison|jail) (sentence|term)\b|\bbattery life\b`), durationAnswer},
		{regexp.MustCompile(`(?i)\b(score|scoreline)\b|\b(trading|traded|closed|priced) at\b`), quantityAnswer},
	}

	// measureUnits match a figure with the unit of what "how tall" (and
	// the like) asks: a length, a weight, a speed, or a score ("6-1").
	measureUnits = map[string]*regexp.Regexp{
		"length": regexp.MustCompile(`(?i)^[\d,.]+\s*(?:-|\s)?(?:ft|feet|foot|in|inch|inches|cm|m|metres?|meters?|mm|km|miles?)\b|^\d+ft\d*`),
		"score":  regexp.MustCompile(`^\d{1,2}\s?[-–]\s?\d{1,2}\b`),
		"speed":  regexp.MustCompile(`(?i)^[\d,.]+\s*(?:-|\s)?(?:mph|km/h|kph|kmh|miles per hour|miles an hour|kilometres per hour|knots|[kmg]bps|[kmg]b/s|(?:kilo|mega|giga)bits?(?: per second| a second)?)\b`),
		"weight": regexp.MustCompile(`(?i)^[\d,.]+\s*(?:-|\s)?(?:kg|kilos?|kilograms?|lb|lbs|pounds|stone|st|tonnes?|tons?|g|grams?)\b`),
	}

	// measureRE matches the nouns that name a quantity a question asks for
	// ("Tesla revenue Q1", "the death toll").
	measureRE = regexp.MustCompile(`(?i)\b(revenue|sales|profit|price|cost|death toll|population|fine|fee|fees|salary|wage|wages|payout|pay-off|payoff|compensation|damages|odds|margin|budget|assets|debt|deficit|surplus|turnover|earnings|losses|bonus|funding|attendance|distance|capacity)\b`)

	// whatMeasureRE matches a what or which question whose head noun is a
	// measure ("what did he say the average constituency size was", "at
	// what annual rate did the economy grow", "what was the growth
	// figure"): a number answers it. Not "what did he say about growth
	// rates": its words do not reach past "about" or "on" (aboutRE). Not
	// "level" either: "at what level will contacts continue" asks for a
	// rank. A record low or high is a figure, and so are a firm's
	// profits, losses or revenue and a salary (not "after the profit
	// warning, what did the chairman promise").
	whatMeasureRE = regexp.MustCompile(`(?i)^\s*(?:what|which)\b(?:\s+(?:[\w'’-]*[^\W\d_][\w'’-]*)){0,6}?\s+(?:size|rate|figure|total|percentage|amount|value|valuation|speed|sum|fee|reading|majority|record (?:low|high)|(?:pre-tax |pretax |net |operating |annual )profit|profits|revenues?|earnings|turnover|losses|salary|deficit)\b`)

	// changedToRE matches a what-question that asks what a figure rose or
	// fell to, or what someone changed it to: "what had annual support for
	// Africa risen to", "wat did BA bump the long haul fuel surcharge up
	// to in october", "what level do they want to lift the threshold to".
	changedToRE = regexp.MustCompile(`(?i)^\s*what\b.*\b(?:risen|rose|rise|fallen|fell|fall|grown|grew|grow|dropped|drop|increased|increase|climbed|climb|jumped|slumped|reached|reach|cut|raised)\s+to\b|^\s*what (?:(?:level|figure|rate|amount|price|sum)\s+)?(?:did|does|do|has|have|had|will|would) [^?]{1,80}?\b(?:rais|increas|cut|lower|bump|push|lift|hike|hiking|reduc|boost|drop|slash|trim)\w*(?:\s+[\w'’-]+){1,6}?\s+(?:up |down )?to(?:\s+(?:in|on|at|by|for|last|this|from|after|before)\b[^?]*)?\s*\??\s*$`)

	// aboutRE matches a preposition after which a question's words say
	// what was spoken of, not what is asked (whatMeasureRE).
	aboutRE = regexp.MustCompile(`(?i)\s(about|on|over|regarding|of)\s`)

	// eventFiller is wording a question uses to ask about an event without
	// the answer repeating it ("when did it take place?").
	eventFiller = regexp.MustCompile(`(?i)\b((take|takes|took|taken|taking) place|happen(s|ed|ing)?|occur(s|red|ring)?|(go|goes|going|gone|went) on|(be|been|was|were) held)\b`)

	// quantityRE finds amounts: sums, measures, shares, counts; a sum in
	// words is lower case ("pay five pounds", not "Million Dollar Baby").
	quantityRE = regexp.MustCompile(`(?i)[$€£¥]\s?\d[\d,.]*(\s?(million|billion|trillion|bn|m|k))?|\d[\d,.]*\s?(million|billion|trillion|bn|m|k)?\s?` + currencyWords + `\b|\d[\d,.]*(bn|m|p)\b|\d[\d,.]*\s?(gb|mb|tb|kg|km|mph|cm|mm|ft|feet|foot|inches|metres|meters|miles|lbs?|tonnes)\b|\d[\d,.]*\s?(%|percent|per cent|million|billion|trillion)|\b\d[\d,.]*\b|(?-i:\b(?:` + numberWords + `)(?:[\s-]+(?:and\s+)?(?:` + numberWords + `))*\s+` + currencyWords + `\b)|\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|billion|trillion|dozen)s?\b`)
	durationRE = regexp.MustCompile(`(?i)((` + numberWords + `)+[\w,.]*|\b(several|few|many|nearly|almost|over|a|an)\b)[\s-]*(second|minute|hour|day|week|month|year|decade)s?\b|\b(hours|days|weeks|months|years|decades)\b`)
	// dateRE finds dates, strongest forms first.
	dateRE = regexp.MustCompile(`(?i)\b(` + monthNames + `)\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+(19|20)\d\d\b|\b\d{1,2}(st|nd|rd|th)?\s+(of\s+)?(` + monthNames + `)\.?,?\s+(19|20)\d\d\b|\b(` + monthNames + `)\.?,?\s+(19|20)\d\d\b|\b(` + monthNames + `)\.?\s+\d{1,2}(st|nd|rd|th)?\b|\b\d{1,2}(st|nd|rd|th)?\s+(of\s+)?(` + monthNames + `)\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b(` + weekdayNames + `|yesterday|today|tonight)\b|\b(19|20)\d\d\b|` + holidays)
	// vagueTimeRE matches a time news gives without a date: a season, a
	// week, month or year said relative to now, or the part of one ("in
	// the summer", "next month", "at the end of January", "later in May").
	vagueTimeRE = regexp.MustCompile(`(?i)\b(?:(?:in|during|by|until|over|from|this|next|last|early|late|mid)[\s-]+(?:the\s+)?(?:spring|summer|autumn|fall|winter)|(?:this|next|last|later this|earlier this)\s+(?:week|month|year|season|spring|summer|autumn|winter)|(?:the\s+)?(?:end|start|beginning|middle|turn)\s+of\s+(?:the\s+)?(?:` + monthNames + `|year|month|season|week|decade)|(?:later|earlier|early|late|mid)[\s-]+(?:in\s+)?(?:` + monthNames + `))\b`)
	placeRE     = regexp.MustCompile(`(?:\b(?:in|at|from|to|near|hosted by|held by)|^(?:In|At|From|Near))\s+(?:the\s+)?(?:` + placeKind + `)?(\p{Lu}[\p{L}’'.-]+(?:,?\s+\p{Lu}[\p{L}’'.-]+)*)`)
	// untilRE matches the end of a span said by when it ends: "until
	// Boxing Day", "till the war aims are achieved".
	untilRE = regexp.MustCompile(`(?i)\b(?:until|till)\s+([^,.;:!?"“”()]+)`)
	// placeOfRE matches a place named after its kind wherever it stands in
	// a sentence: "The Brazilian city of Porto Alegre will host …".
	placeOfRE = regexp.MustCompile(`\b(?:capital|city|town|village|port|resort|suburb|province|region|county|district)\s+of\s+(\p{Lu}[\p{L}’'.-]+(?:\s+\p{Lu}[\p{L}’'.-]+)*)`)
	// placeKindBeforeRE matches, at the end of the text before a place's
	// name, the kind of place that introduces it (placeKind).
	placeKindBeforeRE = regexp.MustCompile(`(?:the\s+)?` + placeKind + `$`)
	// "since" gives a cause only opening a clause, not after a noun or a
	// verb, where it says from when ("the bloodiest conflict since World
	// War II").
	reasonRE = regexp.MustCompile(`(?i)\b(because|due to|as a result|owing to|in order to|so that|so as to|caused by|reason|thanks to|after|amid|over concerns?|in protest|to avoid|to protect|to ensure|citing)\b|(?:^|[,;]\s*)since\s+[^\d\s]`)
	// nameRE finds runs of capitalised words (names of people and
	// organisations), allowing the particles of names.
	// whWordRE matches the wh-word that opens a who or where question.
	whWordRE = regexp.MustCompile(`(?i)^\s*(who|whom|whose|whereabouts|where)\b`)
	// unitRE marks a quantity with a unit of measure: "50GB", "6.5 km".
	unitRE = regexp.MustCompile(`(?i)\d\s?(gb|mb|tb|kg|km|mph|cm|mm)$`)
	// bigQuantityRE marks a quantity stated in millions or as a share.
	bigQuantityRE = regexp.MustCompile(`(?i)illion|percent|\d(bn|m)\b`)
	// timeUnitRE matches a unit of time opening a text ("-hour meeting",
	// " days"), or a question word that is one.
	timeUnitRE = regexp.MustCompile(`(?i)^[\s-]*(second|minute|hour|day|week|month|year|decade)s?\b`)
	// shareRE matches a share: "20%", "a quarter stake", "two thirds of".
	shareRE = regexp.MustCompile(`(?i)%|percent|per cent|\b(half|third|quarter|fifth)s?\s+(stake|share|of|holding|interest)\b`)
	// ageRE matches an age: "44-year-old", "aged 44", "three months old",
	// "Ana Ruiz, 44, said", "when she will be 34.".
	ageRE = regexp.MustCompile(`(?i)(` + numberWords + `)[\w,.-]*[\s-]*(day|week|month|year)s?[\s-]old\b|\baged \d{1,3}\b|\p{L}, \d{1,2},|\b(?:will be|would be|turns|turned|turning)\s+\d{1,2}(?:[.,;:)]|$)`)
	// moneyRE matches a sum of money: a currency sign or word.
	moneyRE = regexp.MustCompile(`(?i)[$€£¥]|\dp\b|` + currencyWords + `\b`)
	// currencyRE matches a currency word on its own.
	currencyRE = regexp.MustCompile(`(?i)^` + currencyWords + `$`)
	// fullDateRE and monthDateRE grade a date: day, month and year; a
	// month or day name with a number.
	fullDateRE  = regexp.MustCompile(`\d{1,2}\D+\d{4}|\d{4}\D+\d{1,2}|/`)
	monthDateRE = regexp.MustCompile(`(?i)[a-z]{3,}.*\d`)
	// weekdayRE matches a date that is or opens with a weekday.
	weekdayRE    = regexp.MustCompile(`(?i)^(` + weekdayNames + `)\b`)
	monthOrDayRE = regexp.MustCompile(`(?i)^(` + monthNames + `|` + weekdayNames + `)\b`)
	// clockRE finds times of day ("6:30 p.m.", "9pm", "1230 GMT", "noon").
	clockRE = regexp.MustCompile(`(?i)\b\d{1,2}(:\d\d)?\s*(a\.?m\.?|p\.?m\.?)|\b(?:[01]\d|2[0-3])[0-5]\d\s?(?:GMT|BST|UTC|CET)\b|\b\d{1,2}:\d\d\b|\b(noon|midnight|midday|dawn|dusk)\b|\b\d{1,2}\s*o'clock\b`)
	// bareYearRE matches a year on its own.
	bareYearRE = regexp.MustCompile(`^(19|20)\d\d$`)
	// questionNumberRE finds the numbers and ordinals a question names.
	questionNumberRE = regexp.MustCompile(`\b\d+(st|nd|rd|th)?\b`)
	nameRE           = regexp.MustCompile(`\p{Lu}[\p{L}’'.&-]*\d*(?:\s+(?:(?:of|de|da|del|van|von|der|la|le|bin|al)\s+)?(?:\p{Lu}[\p{L}’'.&-]*|\d+))*`)
)

// raceTimeRE matches a question about a race's time: "what time did McIlroy clock …".
var raceTimeRE = regexp.MustCompile(`(?i)^\s*(?:what|which) (?:(?:winning|finishing|fastest|best|record|qualifying) )?time (?:did|does|will|was|is)\b.*\b(?:clock|clocked|run|ran|record|recorded|post|posted|set|finish|finished|win|won)\b`)

// classify returns the question's answer type and the question with the
// interrogative phrase and event filler removed, so that "long" in "how
// long" or "take place" is not taken as words the answer must contain.
func classify(q string) (answerType, string) {
	ask, _ := whSplit(q) // without the story it tells first
	q = inSituFirst(whFirst(leadingFillerRE.ReplaceAllString(q, "$1")))
	inPlace := inPlaceRE.MatchString(q)
	q = prepWhRE.ReplaceAllString(q, "$1")
	t, orig := anyAnswer, q
	whatAux := whatAuxRE.MatchString(q) && !whatNameRE.MatchString(q)
	types := questionTypes
	if inPlace {
		t, types = placeAnswer, nil // "In which city was the plan presented?" asks where
	}
	for _, qt := range types {
		if qt.t == personAnswer && whatAux {
			continue // "What did officials in Beijing say?" asks what, not who
		}
		if m := qt.re.FindString(q); m != "" {
			if qt.t == personAnswer && verbBeforeKindRE.MatchString(m) {
				continue // "which area had Secretary Rubio …" asks for an area
			}
			t = qt.t
			if t != personAnswer && t != placeAnswer {
				q = q[len(m):]
			} else if m := whWordRE.FindString(q); m != "" {
				q = q[len(m):]
			}
			break
		}
	}
	q = casualFiller.ReplaceAllString(contractionRE.ReplaceAllString(q, ""), " ")
	if (t == timeAnswer || t == anyAnswer) && raceTimeRE.MatchString(orig) {
		t = durationAnswer // "what time did he clock": how long he took
		q = clockedRE.ReplaceAllString(q, "")
	}
	if t == quantityAnswer && degreeRE.MatchString(orig) {
		t = anyAnswer // "how big a challenge": how grave, not a figure
	}
	if t == personAnswer && (whoIsRE.MatchString(orig) || casualName(orig)) {
		t = anyAnswer // "Who is Jared Kushner?" asks for a description
	}
	if (t == anyAnswer || t == yesNoAnswer) && !namesItsHead(orig) && !howSaidRE.MatchString(orig) { // "how did they sum up … in terms of distance" asks for words
		for _, kt := range keywordTypes { // not in the story told first: "After the profit warning, what …"
			if kt.re.MatchString(ask) {
				t = kt.t
				break
			}
		}
		if m := whatMeasureRE.FindString(q); t == anyAnswer && (m != "" && !aboutRE.MatchString(m) || changedToRE.MatchString(q) || priceRE.MatchString(orig)) {
			t = quantityAnswer
		}
	}
	if t == quantityAnswer && priceRE.MatchString(orig) {
		q = wentForRE.ReplaceAllString(q, "sold$1") // "what did it go for": what it was sold for
	}
	return t, strings.TrimSpace(metaWords.ReplaceAllString(eventFiller.ReplaceAllString(q, " "), " "))
}

// wentForRE matches "go for" said of a sale.
var wentForRE = regexp.MustCompile(`(?i)\b(?:go|going|gone|went)(\s+for)\b`)

// priceRE matches a what-question asking what something was sold for:
// "What did it go for?", "what will the painting fetch", "what did the
// auction make overall".
var priceRE = regexp.MustCompile(`(?i)^\s*what\s+(?:did|does|do|will|would|could|might|is|was)\s+.{1,80}?\s+(?:(?:go|going|gone|went|sell|selling|sold)\s+for|fetch|fetched|cost|raise|raised|earn|earned|gross|grossed|(?:make|made|take|took)\s+(?:overall|in total|in all|altogether))\b(?:\s+at auction)?(?:\s*\?|\s*$|\s+\p{Lu})`)

// degreeRE matches a question asking how grave something is: "how big a
// challenge", "how serious a problem".
var degreeRE = regexp.MustCompile(`(?i)^\s*how (?:big|large|serious|great|major|much of) an? (?:challenge|problem|issue|threat|blow|deal|risk|obstacle|setback|hurdle|concern|priority|surprise|factor)\b`)

// asksMeasure returns what a question asks to be measured ("length" for
// "how tall", "weight" for "how heavy", "score" for "what was the
// score"), or "".
func asksMeasure(question map[string]bool) string {
	switch {
	case question["how tall"] || question["how high"] || question["how deep"] || question["how wide"]:
		return "length"
	case question["how heavy"]:
		return "weight"
	case (question["score"] || question["scoreline"]) && !question["many"]:
		return "score"
	case question["speed"]:
		return "speed"
	}
	return ""
}

// casualName reports whether q asks casually who a named person is
// ("who's kushner again?").
func casualName(q string) bool {
	m := casualWhoIsRE.FindStringSubmatch(casualFiller.ReplaceAllString(q, " "))
	if m == nil {
		return false
	}
	for _, w := range strings.Fields(m[1]) {
		if !isNameLike(w) && !unicode.IsUpper([]rune(w)[0]) {
			return false
		}
	}
	return true
}

// conversionRE matches what stands between a sum and the same sum in
// other currencies: "$280bn (£155bn)", "($2bn; £1.1bn)".
var conversionRE = regexp.MustCompile(`^\s*[(;]\s*$`)

// ratioRE matches the start of a proportion ending where a number
// follows: "one in (ten users)", "two out of (three)".
var ratioRE = regexp.MustCompile(`(?i)\b(?:one|two|three|four|five|\d+)\s+(?:in|out of)\s+$`)

// typedValues returns the values of type t that sentence states and the
// question does not already contain (so "Who acquired Instagram?" is not
// answered by a sentence whose only name is "Instagram"), with the
// strength of the best one (1 for a full date, less for a bare year). For
// anyAnswer and yesNoAnswer it returns nil and 1: every sentence fits.
func (t answerType) typedValues(sentence string, question map[string]bool) ([]string, float64) {
	var vals []string
	best := 0.0
	add := func(v string, strength float64) {
		if inQuestion(v, question) {
			return
		}
		vals = append(vals, v)
		best = max(best, strength)
	}
	switch t {
	case anyAnswer, yesNoAnswer:
		return nil, 1
	case quantityAnswer:
		// "How much" asks for a sum or a share, which a bare count ("a
		// 42-count indictment") does not give; "how much did it make"
		// asks for money, which "16.3 million subscribers" is not.
		share := question["percentage"] || question["percent"] || question[asksShare]
		money := asksMoney(question) && !question[asksShare] // "what share of the price"
		change := question["by"] && question["much"]         // "by how much did sales fall": a sum or a share
		// "How tall is he?" asks for a length, "how heavy" for a weight.
		measure := measureUnits[asksMeasure(question)]
		timed := question[asksTimeUnits] // "how many days": a count of time units
		coins := false                   // "how many euros": a count of money
		for w := range question {
			coins = coins || currencyRE.MatchString(w)
		}
		// "How many jobs" counts, which "a charge of 790m euros" and "3%
		// of the workforce" do not.
		count := question["many"] && !question["much"] && !coins
		echo := -1 // where the last sum the question names ends
		for _, loc := range quantities(sentence) {
			m := sentence[loc[0]:loc[1]]
			if echo >= 0 && conversionRE.MatchString(sentence[echo:loc[0]]) {
				echo = loc[1]
				continue // "$280bn (£155bn)": the question's sum in another currency
			}
			echo = -1
			if inQuestion(m, question) {
				echo = loc[1]
			}
			switch {
			case measure != nil && !measure.MatchString(sentence[loc[0]:min(len(sentence), loc[1]+8)]):
			case money && !moneyRE.MatchString(m) && !(change && shareRE.MatchString(m)):
			case share && !shareRE.MatchString(m) && !ratioRE.MatchString(sentence[:loc[0]]):
			case !timed && timeUnitRE.MatchString(sentence[loc[1]:min(len(sentence), loc[1]+8)]):
				// "a five-hour meeting" says how long, not how many people.
			case !timed && (dateRE.MatchString(m) || inDate(sentence, loc)): // "31 December" is a day
			case count && (moneyRE.MatchString(m) || shareRE.MatchString(m) || ratioRE.MatchString(sentence[:loc[0]])):
				// Nor does "one in ten users" say how many users.
			case formerFigure(sentence, loc) && !asksFormer(question):
				// "whittled down from 28 points to a smaller framework"
				// says how many there were, not how many there are.
			case strings.ContainsAny(m, "$€£¥%") || bigQuantityRE.MatchString(m) || moneyRE.MatchString(m) || unitRE.MatchString(m) || shareRE.MatchString(m):
				add(m, 1)
			case !question["much"]:
				add(m, 0.7)
			}
		}
	case durationAnswer:
		if question["old"] && !question["long"] {
			// "How old is he?" asks for an age, not how long something
			// took ("how long was their old coach banned" does).
			for _, m := range ageRE.FindAllString(sentence, -1) {
				add(m, 1)
			}
			break
		}
		for _, loc := range durationRE.FindAllStringIndex(sentence, -1) {
			if !question[asksInterval] && relativeTimeRE.MatchString(sentence[loc[1]:]) && !(question[asksSince] && agoRE.MatchString(sentence[loc[1]:])) &&
				!forBeforeRE.MatchString(sentence[:loc[0]]) { // "ruled out for a month after damaging ligaments" says how long
				continue // "a day after", "two weeks ago": when, not how long
			}
			if measuresQuestion(sentence, loc, question) {
				add(sentence[loc[0]:loc[1]], 1)
			}
		}
		for _, v := range bareTimes(sentence) {
			add(v, 1)
		}
		if question["long"] {
			// How long is also said by when it ends: "prepared to keep
			// fighting until Russia's war aims are achieved".
			for _, m := range untilRE.FindAllStringSubmatchIndex(sentence, -1) {
				// Of what the question asks: "keep fighting until …" for
				// "how long were they ready to go on fighting".
				if before := strings.Fields(sentence[:m[0]]); len(before) > 0 && slices.ContainsFunc(before[max(0, len(before)-untilWords):], func(w string) bool {
					return slices.ContainsFunc(localembed.Tokens(w), func(t string) bool { return question[t] })
				}) {
					add(sentence[m[2]:m[3]], untilStrength)
				}
			}
		}
	case timeAnswer:
		// vagueStrength is how specific a time without a date is.
		const vagueStrength = 0.3
		askedYear := false // "when is the 2021 draft?" is not answered by a year
		for w := range question {
			askedYear = askedYear || bareYearRE.MatchString(w)
		}
		if question["what"] && question["time"] {
			// "What time did it start?" asks for the hour, not the day.
			for _, m := range clockRE.FindAllString(sentence, -1) {
				add(m, 1)
			}
			break
		}
		for _, m := range dateRE.FindAllString(sentence, -1) {
			m = leadingPrepRE.ReplaceAllString(m, "") // a holiday's: "until Boxing Day"
			if askedYear && bareYearRE.MatchString(m) || question[asksYear] && !yearRE.MatchString(m) {
				continue // "what year" is not answered by "Tuesday (Dec 2)"
			}
			s := 0.5 // a bare year or weekday
			switch {
			case question[asksWeekday]:
				// "What day of the week …?" is answered by "Wednesday", not
				// better by "December 2, 2025".
				s = 0.3
				if weekdayRE.MatchString(m) {
					s = 1
				}
			case fullDateRE.MatchString(m):
				s = 1
			case monthDateRE.MatchString(m):
				s = 0.8
			}
			add(m, s)
		}
		if !question[asksYear] && !askedYear && !question["date"] && !question["day"] && !question["exact"] && !question["precise"] {
			// "When does his contract expire?", not "On what date …".
			for _, m := range vagueTimes(sentence) {
				add(m, vagueStrength)
			}
		}
	case placeAnswer:
		found := append(placeRE.FindAllStringSubmatch(sentence, -1), placeOfRE.FindAllStringSubmatch(sentence, -1)...)
		for _, m := range append(found, placeBasedRE.FindAllStringSubmatch(sentence, -1)...) {
			if !notNames[strings.ToLower(strings.Fields(m[1])[0])] && !isMonthOrDay(m[1]) && !slices.Contains(vals, m[1]) {
				add(m[1], 1)
			}
		}
		if asksWhereSaid(question) {
			// "Where did Ushakov state it?": "during his Kremlin briefing".
			for _, m := range occasionRE.FindAllStringSubmatch(sentence, -1) {
				add(m[1], occasionStrength)
			}
		}
	case personAnswer:
		for _, m := range names(sentence, asksPlaceKind(question)) {
			if (question["who"] || question["whom"]) && describesSomeone(sentence, m) {
				continue // "a former Home Office minister" names no one
			}
			add(m, 1)
		}
	case reasonAnswer:
		// A cause need not be introduced by "because": a sentence without
		// such a word still fits, with less weight.
		vals, best = nil, 0.3
		if m := reasonRE.FindString(sentence); m != "" {
			vals, best = append(vals, m), 1
		}
	}
	return vals, best
}
