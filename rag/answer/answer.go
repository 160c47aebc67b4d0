package answer

// Modes of an Answer or a Briefing.
const (
	// ModeExtractive quotes the articles without a model.
	ModeExtractive = "extractive"
	// ModeLLM is written by a chat model.
	ModeLLM = "llm"
)

// RefusalText is the answer given when the articles do not cover a question.
const RefusalText = "The articles don't cover this."

// Answer is the reply to a question.
type Answer struct {
	Question string `json:"question"`
	// Answer is the text, with [n] markers that all resolve in Citations.
	Answer string `json:"answer"`
	// Mode is ModeExtractive or ModeLLM.
	Mode string `json:"mode"`
	// Refused is true when the articles do not cover the question.
	Refused   bool       `json:"refused"`
	Citations []Citation `json:"citations"`
	// Status is how far the answer can be trusted, for readers: see
	// Answer.DeriveStatus.
	Status Status `json:"status"`
	// Flags are the machine-readable findings behind Status.
	Flags []Flag `json:"flags"`
	// Warnings say in words what the citation check found or why a
	// fallback happened.
	Warnings []string `json:"warnings,omitempty"`
	Usage    *Usage   `json:"usage,omitempty"`
}

// Flag is a machine-readable finding about an answer.
type Flag string

// Flags of an Answer.
const (
	// FlagUnsupported: some of a model's sentences cite nothing, or cite a
	// passage that does not support them.
	FlagUnsupported Flag = "unsupported"
	// FlagFellBack: the model failed, so the answer quotes the articles.
	FlagFellBack Flag = "fell_back"
	// FlagConflict: the sources give different values for what was asked.
	FlagConflict Flag = "conflict"
	// FlagTruncated: the model stopped at its answer length limit.
	FlagTruncated Flag = "truncated"
	// FlagUncertain: answered, but on weak evidence.
	FlagUncertain Flag = "uncertain"
)

// Status is an answer's trust in one word, as the CLI, JSON and Discord
// show it.
type Status string

// Statuses, from the most to the least severe.
const (
	StatusRefused     Status = "refused"
	StatusFellBack    Status = "fell_back"
	StatusUnsupported Status = "unsupported"
	StatusConflict    Status = "conflict"
	StatusUncertain   Status = "uncertain"
	StatusAnswered    Status = "answered"
)

// AddFlag records f once.
func (a *Answer) AddFlag(f Flag) {
	if !a.Has(f) {
		a.Flags = append(a.Flags, f)
	}
}

// Has reports whether the answer carries flag f.
func (a Answer) Has(f Flag) bool {
	for _, g := range a.Flags {
		if g == f {
			return true
		}
	}
	return false
}

// DeriveStatus returns the most severe status the answer's Refused and
// Flags call for: refused, then fell_back, unsupported, conflict,
// uncertain (a truncated answer counts as uncertain), else answered.
func (a Answer) DeriveStatus() Status {
	switch {
	case a.Refused:
		return StatusRefused
	case a.Has(FlagFellBack):
		return StatusFellBack
	case a.Has(FlagUnsupported):
		return StatusUnsupported
	case a.Has(FlagConflict):
		return StatusConflict
	case a.Has(FlagUncertain), a.Has(FlagTruncated):
		return StatusUncertain
	}
	return StatusAnswered
}

// Citation is one numbered source of an answer or a briefing story.
type Citation struct {
	N         int    `json:"n"`
	ArticleID string `json:"article_id"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	URL       string `json:"url"`
	// Published is "YYYY-MM-DD" or "" when unknown.
	Published string `json:"published"`
	ChunkID   string `json:"chunk_id"`
	// Quote is a verbatim sentence (or sentences) of the cited chunk.
	Quote string `json:"quote"`
}

// Usage is the token accounting a model server reported.
type Usage struct {
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
	TotalTokens      int `json:"total_tokens"`
}
