package rag

import "github.com/newsbot/newsbot/rag/answer"

// The answer contract's errors and limits, used unqualified inside rag.
var (
	ErrEmptyQuestion   = answer.ErrEmptyQuestion
	ErrQuestionTooLong = answer.ErrQuestionTooLong
	ErrEmptyCorpus     = answer.ErrEmptyCorpus
)

// MaxQuestionLen is answer.MaxQuestionLen.
const MaxQuestionLen = answer.MaxQuestionLen
