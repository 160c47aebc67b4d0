// Package rag is newsbot's answering service: the durable SQLite store (its schema in migration/), the chromem-go vector index and BM25,
// hybrid retrieval, extractive answers (extract.go, qtype.go) and
// model-written ones (generate.go, through a ChatFunc), and the citation
// check (verify.go). It returns the values of package rag/answer; front
// ends never import rag itself.
//
// Subpackages hold the other concepts: answer (the contract), chunk
// (splitting articles into cited chunks), llm (the OpenAI-compatible
// client), localembed (the offline embedder), brief (briefings), disagree
// (where sources differ), eval (evaluation) and openaitest (a local
// OpenAI-compatible server for tests).
package rag
