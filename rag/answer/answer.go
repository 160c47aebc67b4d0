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
	// Warnings lists what the citation check found or why a fallback happened.
	Warnings []string `json:"warnings,omitempty"`
	Usage    *Usage   `json:"usage,omitempty"`
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
