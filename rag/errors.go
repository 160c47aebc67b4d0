package rag

import "errors"

// ErrTooManyRemovals is returned by Ingest when it would remove more than
// half of the articles stored from one origin (a missing mount, a wrong
// folder) and IngestOptions.Prune is not set.
var ErrTooManyRemovals = errors.New("refusing to remove most stored articles")

// ErrDimension is returned by Ingest when the embedder returns vectors of
// another length than its configured dimension.
var ErrDimension = errors.New("embedding has the wrong dimension")
