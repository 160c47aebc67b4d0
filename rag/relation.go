// What a question asks of its focus: the words that say the relation a
// who-question asks about (relationStems, roleRelation), the other words
// news says a relation in (withSynonyms), whether it asks for the
// subject of its verb (asksSubject), and whom it asks what they said
// (speakerTerms).

package rag

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/newsbot/newsbot/rag/localembed"
)

// relationIndex maps a stem to the groups it belongs to.
var relationIndex = map[string][]int{}

func init() {
	for g, stems := range relationSynonyms {
		for _, s := range stems {
			relationIndex[s] = append(relationIndex[s], g)
		}
	}
}

// addRelationWord adds to out a relation word's stem, its closest related
// words (roleRelated of them) and its relationSynonyms groups.
func addRelationWord(out map[string]bool, stem string) {
	out[stem] = true
	alt := localembed.Expand(stem)
	for _, a := range alt[:min(len(alt), roleRelated)] {
		out[a] = true
	}
	addSynonyms(out, stem)
}

// addSynonyms adds to out the stems of every relationSynonyms group of
// stem.
func addSynonyms(out map[string]bool, stem string) {
	for _, g := range relationIndex[stem] {
		for _, s := range relationSynonyms[g] {
			out[s] = true
		}
	}
}

// relationStems returns the stems that say the question's relation: its
// words that are neither its focus nor in the interrogative phrase
// (relation), their closest related words and the stems of their
// relationSynonyms group.
func relationStems(relation []queryTerm) map[string]bool {
	out := map[string]bool{}
	// When the question's first relation word is a known relation
	// ("won"), its other words qualify the answer ("the women's singles")
	// rather than relate it.
	known := false
	for _, q := range relation {
		if q.of == "" && !notRelation[q.term] {
			known = len(relationIndex[q.term]) > 0
			break
		}
	}
	for _, q := range relation {
		if q.of != "" || notRelation[q.term] || strings.ContainsFunc(q.term, unicode.IsDigit) || known && len(relationIndex[q.term]) == 0 {
			continue
		}
		addRelationWord(out, q.term)
	}
	return out
}

// roleRelation returns the stems that say the relation of a who-question
// (relationStems of relTerms) and the parties to it, focus. A word that is
// focus for its rarity alone (focusTerm.word) but is the question's verb
// says the relation rather than names a party: one after an auxiliary
// ("who is the team gonna debrief"), or the verb in the past whose
// subject the question asks for ("Which company donated …?").
func roleRelation(lex lexicon, question string, relTerms []queryTerm, focus []focusTerm) (map[string]bool, []focusTerm) {
	if m := duringRE.FindStringIndex(question); m != nil && m[0] > 0 {
		// "who interpreted for putin during the 5 hour talks": when it
		// happened is no part of the relation, unless nothing else is.
		when := map[string]bool{}
		for _, t := range lex.tokens(question[m[0]:]) {
			when[t] = true
		}
		for _, t := range lex.tokens(question[:m[0]]) {
			delete(when, t)
		}
		if kept := slices.DeleteFunc(slices.Clone(relTerms), func(q queryTerm) bool { return when[q.term] || when[q.of] }); len(kept) > 0 {
			relTerms = kept
		}
	}
	rel := relationStems(relTerms)
	var verbs []string
	if verb, ok := asksSubject(question); ok && strings.HasSuffix(verb, "ed") {
		verbs = lex.tokens(verb)
		if thatClauseRE.MatchString(question) {
			// "Which judge ruled that Stan Lee is owed 10% of the films'
			// profits?": what follows "that" is what was ruled, not whom
			// the ruling relates to the answer.
			rel = relationStems(slices.DeleteFunc(slices.Clone(relTerms), func(q queryTerm) bool { return !slices.Contains(verbs, q.term) && !slices.Contains(verbs, q.of) }))
		} else if slices.ContainsFunc(verbs, func(t string) bool { return len(relationIndex[t]) > 0 }) {
			// After a known relation, a word that qualifies another names
			// what it was done to ("Who hosted this year's Annie awards
			// ceremony?": no awards were won), unlike the thing itself
			// ("Who received the Cecil B DeMille award for …?").
			mod := modifierStems(question)
			rel = relationStems(slices.DeleteFunc(slices.Clone(relTerms), func(q queryTerm) bool { return mod[q.term] && !slices.Contains(verbs, q.term) }))
		}
	}
	for _, f := range focus {
		if f.word && afterAuxiliary(lex, question, f.term) {
			verbs = append(verbs, f.term)
		}
	}
	for _, t := range verbs {
		rel[t] = true
		addSynonyms(rel, t)
	}
	return rel, slices.DeleteFunc(slices.Clone(focus), func(f focusTerm) bool { return slices.Contains(verbs, f.term) })
}

// askedVerbStems returns the stems that say the past-tense verb whose
// subject a who-question asks for ("interpreted" in "who interpreted for
// Putin …"), its closest relatives and its relationSynonyms groups; nil
// when the question asks no such verb, or a common one that news says in
// other words (rareVerbIDF).
func askedVerbStems(lex lexicon, question string) map[string]bool {
	verb, ok := asksSubject(question)
	if !ok || !strings.HasSuffix(verb, "ed") {
		return nil
	}
	out := map[string]bool{}
	for _, t := range lex.tokens(verb) {
		if !localembed.Known(t) || localembed.IDF(t) < rareVerbIDF {
			return nil // "represented", said in many ways ("the delegation led by")
		}
		addRelationWord(out, t)
	}
	return out
}

// rareVerbIDF is the English rarity from which a verb is said by its own
// word or a close synonym (IDF: "interpret" 6.75, "represent" 5.8).
const rareVerbIDF = 6.5

// duringRE finds the phrase of a question that says when what it asks
// happened, to its end or the next punctuation.
var duringRE = regexp.MustCompile(`(?i)\b(?:during|throughout|amid)\s+(?:the|a|an|his|her|their|its|this|that|those|these)\b[^,;:?]*`)

// thatClauseRE matches a question whose verb is followed by what was said
// or decided: "Which judge ruled that …", "Who claimed that …".
var thatClauseRE = regexp.MustCompile(`(?i)^\s*(?:who|which [\pL-]+(?: [\pL-]+){0,3}?|what [\pL-]+)\s+\pL+ed\s+that\b`)

// afterAuxiliary reports whether the word of question whose stem is term
// follows an auxiliary, a modal or "to" ("gonna debrief", "will sign"),
// perhaps with a pronoun subject between ("did he dispatch").
func afterAuxiliary(lex lexicon, question string, term string) bool {
	words := strings.Fields(strings.ToLower(uncasual(strings.ToLower(question))))
	for i := 1; i < len(words); i++ {
		prev := words[i-1]
		if i > 1 && subjectPronouns[prev] {
			prev = words[i-2]
		}
		if (auxiliaries[prev] || prev == "to") && slices.Contains(lex.tokens(words[i]), term) {
			return true
		}
	}
	return false
}

// subjectRE matches a question that asks for the subject of its verb:
// "Who won …?", "Which company bought …?", not "Who did … meet?" or "Who
// is the director of …?".
var subjectRE = regexp.MustCompile(`(?i)^\s*(?:who|which \w+|what \w+)\s+(\w+)(?:\s+(\w+))?`)

// asksSubject reports whether question asks for its verb's subject, also
// in the passive ("Who was named …?"), and returns that verb.
func asksSubject(question string) (string, bool) {
	m := subjectRE.FindStringSubmatch(question)
	if m == nil {
		return "", false
	}
	verb := strings.ToLower(m[1])
	if !auxiliaries[verb] {
		return verb, true
	}
	next := strings.ToLower(m[2])
	return next, (verb == "was" || verb == "were" || verb == "is" || verb == "are") && len(next) > 4 && strings.HasSuffix(next, "ed")
}

// sameVerbs groups verbs that news uses interchangeably for one act, and
// the nouns it says one thing with, so that a sentence using one says the
// relation a question words with another ("Google bought YouTube" for
// "acquire", "refuses to surrender territory" for "relinquish land", "has
// not been scheduled" for "put on the calendar", "CEO" for "chief
// executive"). Looser relations (relationSynonyms: "won" and "title")
// only help read who holds them.
var sameVerbs = [][]string{
	{"acquir", "buy", "bought", "purchas"},
	{"found", "cofound", "establish"},
	{"sold", "sell", "shift"},
	{"lay", "laid"},
	{"fall", "fell", "drop", "declin", "dip", "slip", "slump", "tumbl", "plung"},
	{"rise", "rose", "increas", "grow", "climb", "jump", "soar"},
	{"admit", "acknowledg", "conced"},
	{"oper", "run"},
	{"breach", "violat", "flout"},
	{"penalti", "fine"},
	{"say", "warn", "tell", "insist", "declar", "remark"},
	{"relinquish", "surrend", "cede", "hand"},
	{"land", "territori"},
	{"calendar", "schedul"},
	{"acquiesc", "agre", "accept", "consent"},
	{"budg", "compromis", "conced"},
	{"obstacl", "hurdl", "barrier", "roadblock", "stick+point", "stumbl+block"},
	{"quit", "resign"},
	{"sack", "fire", "dismiss", "oust"},
	{"kill", "die", "death", "dead"},
	{"injur", "hurt", "wound"},
	{"charg", "accus", "indict"},
	{"appoint", "hire", "recruit"},
	{"launch", "unveil", "introduc", "releas"},
	{"reject", "refus", "rebuf"},
	{"summit", "meet", "talk"},
	{"ceo", "chief+execut"},
	{"earn", "pay", "salari", "wage"},
	{"earn", "gross", "make", "take", "took"},
	{"debut", "open", "premier"},
	{"dispatch", "despatch", "send", "sent"},
	{"conceal", "hide", "hid", "hidden"},
	{"perform", "concert", "gig"},
}

// withSynonyms returns tokens and, when they hold a verb of the sameVerbs
// group of a relation word, that relation word. A member of a group
// written "chief+execut" is held when all its words are, and holds each.
func withSynonyms(tokens, relWords []string) []string {
	out := tokens
	held := func(m []string) bool {
		return !slices.ContainsFunc(m, func(w string) bool { return !slices.Contains(tokens, w) })
	}
	for _, r := range relWords {
		if slices.Contains(tokens, r) {
			continue
		}
		for _, g := range sameVerbParts {
			if slices.ContainsFunc(g, func(m []string) bool { return slices.Contains(m, r) }) && slices.ContainsFunc(g, held) {
				out = append(slices.Clip(out), r)
				break
			}
		}
	}
	return out
}

// sameVerbParts is sameVerbs with each member split into its words.
var sameVerbParts = func() [][][]string {
	out := make([][][]string, len(sameVerbs))
	for i, g := range sameVerbs {
		for _, m := range g {
			out[i] = append(out[i], strings.Split(m, "+"))
		}
	}
	return out
}()

// speakerRE finds whom a question asks what they said: "What did
// officials in Beijing say …", "How did Trump describe …"; the speaker
// is a few words, and a "say" after "any" or "no" is a noun ("without
// them having had any say in it").
var speakerRE = regexp.MustCompile(`(?i)\b(?:did|does|do|has|have|had|will|would)\s+((?:\S+\s+){0,5}?\S+)\s+(?:say|tell|claim|warn|state|announce|describe|characteri[sz]e|summari[sz]e|sum up|assess|respond|react|reply|comment|argue|insist|admit|suggest|predict)\b`)

// sayNounRE matches the words before a "say" that is a noun.
var sayNounRE = regexp.MustCompile(`(?i)\b(?:any|no|a|the|some|their|final|more|much|little|equal|real|big|bigger)$`)

// speakerTerms returns the focus words of whom question asks what they
// said, and the last of them, which names the speaker ("ioannidi" in
// "Kostas Kenteris's lawyer Gregory Ioannidis"): an answer must name
// that speaker, not only what was said.
func speakerTerms(lex lexicon, question string, focus []focusTerm) (map[string]bool, string) {
	m := speakerRE.FindStringSubmatch(question)
	if m == nil || sayNounRE.MatchString(m[1]) {
		return nil, ""
	}
	out := map[string]bool{}
	last := ""
	for _, t := range lex.tokens(m[1]) {
		if slices.ContainsFunc(focus, func(f focusTerm) bool { return f.term == t && !f.word }) {
			out[t] = true
			last = t
		}
	}
	return out, last
}

// namedSpeaker returns speakerTerms for a question that writes whom it
// asks what they said in lower case ("how did trump sum up …"), when the
// passages write each of their words as a name (namedInPassages; not "the
// russian side").
func namedSpeaker(lex lexicon, question string, sentences []string) (map[string]bool, string) {
	m := speakerRE.FindStringSubmatch(question)
	if m == nil {
		return nil, ""
	}
	var words []focusTerm
	for _, t := range lex.tokens(m[1]) {
		words = append(words, focusTerm{term: t, word: true})
	}
	named := namedInPassages(lex, words, sentences)
	if len(named) == 0 || slices.ContainsFunc(named, func(f focusTerm) bool { return f.word }) {
		return nil, ""
	}
	return speakerTerms(lex, question, named)
}

// sayingStems returns the stems of the verb with which a question asks
// what someone said (speakerRE): "characteris" for "How did Ushakov
// characterise the proposals?".
func sayingStems(lex lexicon, question string) []string {
	m := speakerRE.FindStringSubmatchIndex(question)
	if m == nil {
		return nil
	}
	return lex.tokens(question[m[3]:m[1]])
}

// pressRE matches a question asking what someone said to the press, or
// to anyone ("what did his deputy Landau tell the other foreign
// ministers"), or whether they said anything in public.
var pressRE = regexp.MustCompile(`(?i)\b(?:tell|told|say|said|speak|spoke|talk|talked)\s+(?:to\s+)?(?:the\s+)?(?:reporters|journalists|media|press)\b|\bpublic (?:statement|comment|remarks?)\b|\bwhat\s+(?:did|does|will|would)\s+.{1,60}?\stell\b`)

// saidAboutRE matches a question asking what someone said about a topic,
// and the topic: "What did Putin say about climate change?".
var saidAboutRE = regexp.MustCompile(`(?i)\b(?:say|said|think|thinks|tell|told|claim|claimed|warn|warned|comment|commented)\s+(?:\w+\s+)?(?:about|on|regarding)\s+([^?]+)`)

// saidAbout returns the stems of the topic a question asks what someone
// said about (saidAboutRE): a sentence naming none of them says nothing
// about it.
func saidAbout(lex lexicon, question string) []string {
	m := saidAboutRE.FindStringSubmatch(question)
	if m == nil {
		return nil
	}
	topic, _, _ := strings.Cut(m[1], ",") // "about how its going, sounded kinda grim": what follows is the asker's
	if vagueTopicRE.MatchString(topic) {
		return nil
	}
	return lex.tokens(topic)
}

// vagueTopicRE matches a topic that names nothing of its own: "what did
// trump say about the whole thing lol", "… about it", "… about all this",
// "… about how it's going".
var vagueTopicRE = regexp.MustCompile(`(?i)^(?:\s|[,.!]|\b(?:the|this|that|these|those|it|all|whole|entire|thing|things|stuff|everything|matter|situation|lol|lmao|tho|though|then|now|overall|so|far)\b|\bhow\s+(?:it|its|it's|it’s|things)\s+(?:is|are|was|were)?\s*(?:going|went|stands?)\b)*$`)

// saysAnything reports whether sentence reports words said: a verb of
// saying (saidVerbRE) or a quotation. "Putin hosted Witkoff and
// Dmitriev" says nothing of what Dmitriev told reporters.
func saysAnything(sentence string) bool {
	return saidVerbRE.MatchString(sentence) || strings.ContainsAny(sentence, "\"“”")
}

// whatSaidRE matches a question asking what someone said: "what did
// Landau say at the Nato meeting".
var whatSaidRE = regexp.MustCompile(`(?i)\bwhat\s+(?:did|does|will|would|has|have)\s+.{1,60}?\ssay\b`)

// speechActRE finds what reports words said or a stance taken without a
// verb of saying: "a stark warning, accusing …", "urged", "called for",
// "vowed", "signalled".
var speechActRE = regexp.MustCompile(`(?i)\b(?:accus\w*|warning|urg(?:ed|es|ing)|call(?:ed|s|ing)? for|dismiss(?:ed|es|ing)|reject(?:ed|s|ing)|criticis\w*|criticiz\w*|prais\w*|hail(?:ed|s|ing)|vow(?:ed|s|ing)|promis(?:ed|es|ing)|pledg(?:ed|es|ing)|appeal(?:ed|s|ing)|demand(?:ed|s|ing)|threat(?:en\w*)?|welcom(?:ed|es|ing)|condemn\w*|deni(?:ed|es)|deny(?:ing)?|expressed|voiced|signall?(?:ed|ing|s)|hinted|indicated|suggesting|spoke|speaking|briefing|statement)\b`)

// sayingVerbs is a pattern of the verbs of saying news writes, in the
// past and the present.
const sayingVerbs = `(?:said|says|say|told|tells|stated|states|added|adds|warned|warns|insisted|insists|claimed|claims|announced|announces|described|describes|characteri[sz]ed|characteri[sz]es|replied|responded|commented|argued|admitted|suggested|predicted|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|noted|explained|explains|confirmed|confirms|declared|declares|acknowledged|acknowledges|revealed|reveals|remarked|asserted|asserts|conceded|concedes|reiterated|reiterates)`

// saidVerbRE finds a verb of saying in a sentence, or "according to".
var saidVerbRE = regexp.MustCompile(`(?i)\b(?:` + sayingVerbs + `|according to)\b`)

// Words around a verb of saying within which its sayer is named: before
// it ("“…,” Steve Witkoff told reporters") or after it ("said Witkoff").
const (
	sayerBefore = 12
	sayerAfter  = 5
)

// saidByOther reports whether every verb of saying in sentence has a sayer
// other than speaker (the stems of whom a question asks what they said):
// "the White House said it was optimistic, as envoy Steve Witkoff heads to
// Moscow" is not what Witkoff said. A sayer is named within sayerBefore
// words before the verb or sayerAfter after it; a pronoun or a title next
// to the verb ("he said", "the Chancellor said") may stand for the
// speaker. A sentence with no verb of saying is not judged.
func saidByOther(sentence string, speaker map[string]bool) bool {
	if len(speaker) == 0 {
		return false
	}
	locs := saidVerbRE.FindAllStringIndex(sentence, -1)
	if len(locs) == 0 {
		return false
	}
	for _, loc := range locs {
		before := strings.Fields(sentence[:loc[0]])
		after := strings.Fields(sentence[loc[1]:])
		if n := len(before); n > 0 && (pronounWord(before[n-1]) || describes(strings.Trim(before[n-1], `,"“”`))) || len(after) > 0 && pronounWord(after[0]) {
			return false
		}
		near := append(before[max(0, len(before)-sayerBefore):], after[:min(len(after), sayerAfter)]...)
		for _, w := range near {
			if anyToken(speaker, localembed.Tokens(w)) {
				return false
			}
		}
	}
	return true
}

// pronounSpeaks reports whether a sentence (and its stems, tokens) opens
// with a personal pronoun, not in a quotation ("“We used to see …”"),
// and holds a verb of speech.
func pronounSpeaks(sentence string, tokens []string) bool {
	first, _, _ := strings.Cut(strings.TrimSpace(sentence), " ")
	return !strings.ContainsAny(first, `"“'‘`) && pronounWord(first) && speaks(tokens, "")
}

// pronounWord reports whether w is a personal pronoun that can be the
// subject of a verb of saying.
func pronounWord(w string) bool {
	switch strings.ToLower(strings.Trim(w, `.,;:"“”'’`)) {
	case "he", "she", "they", "we", "i":
		return true
	}
	return false
}

// speakerSays reports, for a question asking what someone said (speaker,
// speakerName: speakerTerms), whether they say cands[i] (candidate.says)
// and whether it is unsaid (candidate.unsaid): told to the press
// (toPress), a sentence that says nothing is unsaid too.
func speakerSays(cands []candidate, i int, focus []focusTerm, speaker map[string]bool, speakerName string, toPress, asksSaid bool) (says, unsaid bool) {
	c := &cands[i]
	// The speaker is named when all their words are, or the last
	// ("Kenteris's lawyer, Gregory Ioannidis" for "Kostas Kenteris's
	// lawyer Gregory Ioannidis", not "retirement age" for "Age
	// Concern").
	all, last := true, false
	for j, f := range focus {
		all = all && (!speaker[f.term] || c.focusHits[j] >= 1)
		last = last || f.term == speakerName && c.focusHits[j] >= 1
	}
	unsaid = !all && !last || saidByOther(c.text, speaker) || toPress && !saysAnything(c.text) ||
		asksSaid && !saysAnything(c.text) && !speechActRE.MatchString(c.text)
	// Whom the question asks what they said says it themselves, or
	// says the quotation this sentence opens, in the next ("“Some
	// proposals look acceptable, but they need to be discussed...
	// Some are not suitable,” Ushakov remarked").
	says = len(speaker) > 0 && saysItself(c.text, speaker)
	if len(speaker) > 0 && !says && openQuoteRE.MatchString(c.text) && i+1 < len(cands) && cands[i+1].after(*c) {
		says = saysItself(cands[i+1].text, speaker)
		unsaid = unsaid && !says
	}
	if len(speaker) > 0 && !says && i > 0 && c.after(cands[i-1]) {
		prev := cands[i-1].tokens
		switch {
		case (quotation(c.text) && continuesRE.MatchString(c.text) || pronounSpeaks(c.text, c.tokens)) && (speaks(prev, speakerName) || cands[i-1].says):
			// A quotation going on from a sentence in which the speaker
			// speaks is theirs: "Trump, speaking in Washington, warned …
			// “Not an easy situation,” he said."; so are words a pronoun
			// goes on to say ("He went further, cautioning that …"), and
			// a quotation after those ("“Interest rates are likely to
			// remain on hold for some time.”"): they are named in it.
			says, unsaid = true, false
			for j, f := range focus {
				if speaker[f.term] {
					c.focusHits[j] = max(c.focusHits[j], 1)
				}
			}
		case pronounSpeaks(c.text, c.tokens) && speaks(prev, ""):
			unsaid = true // someone else goes on: "Putin issued a stark warning … He went further" for what Trump said
		}
	}
	return says, unsaid
}
