package rag

import (
	"github.com/newsbot/newsbot/rag/answer"
)

// The answer contract's types, used unqualified inside rag.
type (
	Answer     = answer.Answer
	Citation   = answer.Citation
	Usage      = answer.Usage
	Source     = answer.Source
	Filter     = answer.Filter
	Turn       = answer.Turn
	AskRequest = answer.Request
)
