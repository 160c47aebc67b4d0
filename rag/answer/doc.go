// Package answer is newsbot's answer contract: the values the answering
// service and the briefing writer hand to their front ends (the CLI, JSON
// output and the Discord bot) — answers with their citations, stored
// sources, briefings with their stories and disagreements — and the
// requests, filters, limits and sentinel errors that go with them.
//
// It imports only the standard library, so a front end can depend on it
// without compiling the vector index, the model client or the database
// driver. Text in these values is plain: front ends escape it for their
// medium (the Discord bot neutralizes mentions and links itself).
package answer
