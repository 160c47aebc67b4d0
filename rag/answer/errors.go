package answer

import "errors"

var (
	// ErrEmptyQuestion is returned for a question with no words.
	ErrEmptyQuestion = errors.New("question is empty")
	// ErrQuestionTooLong is returned for a question over MaxQuestionLen bytes.
	ErrQuestionTooLong = errors.New("question is too long")
	// ErrEmptyCorpus is returned when nothing has been ingested.
	ErrEmptyCorpus = errors.New("no articles have been ingested")
	// ErrNoArticles is returned with a briefing when no article falls
	// inside its window. The Briefing returned with it is still usable:
	// Empty is true.
	ErrNoArticles = errors.New("no articles in the window")
)
