package prompts

import (
	"embed"
	"fmt"
	"strings"
	"text/template"
)

// Refusal is the exact sentence the model is told to give when the
// passages do not answer the question. Use IsRefusal to detect it.
const Refusal = "The articles don't cover this."

// Labels of the briefing item format that BriefStory asks for.
const (
	SummaryLabel     = "Summary:"
	DifferencesLabel = "Where sources differ:"
	// NoDifferences follows "- " when the outlets agree.
	NoDifferences = "None found."
)

// Passage is one numbered excerpt of an article.
type Passage struct {
	// N is the number the model cites as [N].
	N      int
	Title  string
	Source string
	// Date is "YYYY-MM-DD", or "" when unknown.
	Date string
	Text string
}

// Turn is one earlier message of a conversation.
type Turn struct {
	// Role is "user" or "assistant".
	Role string
	Text string
}

// AnswerData fills the answer templates.
type AnswerData struct {
	Question string
	Passages []Passage
	// History is earlier turns, oldest first; it may be empty.
	History []Turn
	// Today is the current date, "YYYY-MM-DD", or "".
	Today string
	// Conflict, when not nil, is a finding that the passages give
	// different answers; the model is told to keep it.
	Conflict *Conflict
}

// ConflictNote opens an answer whose sources give different answers; the
// model is told to begin with it when AnswerData.Conflict is set.
const ConflictNote = "Sources differ:"

// Conflict is a finding, computed from the passages before the model is
// asked, that they answer the question differently.
type Conflict struct {
	// Sides are the passages' conflicting statements, at least two.
	Sides []ConflictSide
}

// ConflictSide is one passage's statement of a conflicting answer.
type ConflictSide struct {
	// N is the passage's number.
	N int
	// Quote is the passage's sentence, verbatim.
	Quote string
}

// StoryData fills the briefing item templates.
type StoryData struct {
	// Topic is a short label for the story, e.g. its lead headline.
	Topic    string
	Passages []Passage
	Today    string
	// Figures is the story's figure ledger: quantities the reports revised
	// over time or dispute. It may be empty.
	Figures []Figure
}

// Figure is one quantity of a story's figure ledger.
type Figure struct {
	// Topic names it, e.g. "number of people killed".
	Topic string
	// Status is "updated" (Values oldest first, the last is current) or
	// "disputed" (reports of the same time disagree).
	Status string
	Values []FigureValue
}

// FigureValue is one report's value of a Figure.
type FigureValue struct {
	Value, Source string
	// Date is "YYYY-MM-DD HH:MM", or "" when unknown.
	Date string
	// N is the passage that states it, or 0 when it was not sent.
	N int
}

// StorySummary is one finished briefing item.
type StorySummary struct {
	N       int
	Title   string
	Summary string
}

// ReduceData fills the briefing opening templates.
type ReduceData struct {
	// Date is the briefing's date, "YYYY-MM-DD", or "".
	Date    string
	Stories []StorySummary
}

//go:embed *.tmpl
var files embed.FS

var templates = template.Must(template.New("prompts").Funcs(template.FuncMap{
	"data":             neutralize,
	"attr":             attr,
	"date":             date,
	"refusal":          func() string { return Refusal },
	"conflictNote":     func() string { return ConflictNote },
	"summaryLabel":     func() string { return SummaryLabel },
	"differencesLabel": func() string { return DifferencesLabel },
	"noDifferences":    func() string { return NoDifferences },
}).Option("missingkey=error").ParseFS(files, "*.tmpl"))

func render(name string, data any) (string, error) {
	var b strings.Builder
	if err := templates.ExecuteTemplate(&b, name, data); err != nil {
		return "", fmt.Errorf("render prompt %s: %w", name, err)
	}
	return b.String(), nil
}

// AnswerSystem renders the system prompt for answering a question; only
// d.Today is used. It returns an error only if the template fails.
func AnswerSystem(d AnswerData) (string, error) { return render("answer_system.tmpl", d) }

// AnswerUser renders the user message: earlier turns, the numbered
// passages and the question. It returns an error only if the template
// fails.
func AnswerUser(d AnswerData) (string, error) { return render("answer_user.tmpl", d) }

// BriefStory renders the system and user messages that summarise one story
// and list where its outlets differ. It returns an error only if the
// template fails.
func BriefStory(d StoryData) (system, user string, err error) {
	if system, err = render("brief_story_system", d); err != nil {
		return "", "", err
	}
	user, err = render("brief_story_user", d)
	return system, user, err
}

// BriefReduce renders the system and user messages that write a
// briefing's opening from its story summaries. It returns an error only if
// the template fails.
func BriefReduce(d ReduceData) (system, user string, err error) {
	if system, err = render("brief_reduce_system", d); err != nil {
		return "", "", err
	}
	user, err = render("brief_reduce_user", d)
	return system, user, err
}

// IsRefusal reports whether a model's answer is the Refusal sentence,
// tolerating case, curly apostrophes, surrounding quotes or whitespace, a
// missing full stop and citation markers.
func IsRefusal(answer string) bool {
	norm := func(s string) string {
		s = strings.NewReplacer("’", "'", "‘", "'", "`", "'").Replace(strings.ToLower(s))
		s = citationMarker.ReplaceAllString(s, "")
		return strings.Trim(s, " \t\r\n\"'*_.")
	}
	return norm(answer) == norm(Refusal)
}
