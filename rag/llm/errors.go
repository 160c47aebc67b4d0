package llm

import (
	"errors"
	"strings"
)

var (
	// ErrInvalidConfig is returned by New for a Config it cannot use.
	ErrInvalidConfig = errors.New("invalid model configuration")
	// ErrNotConfigured is returned when a call needs a model that the
	// Config does not name (Chat without ChatModel, Embed without
	// EmbedModel).
	ErrNotConfigured = errors.New("model not configured")
	// ErrTruncated is returned, with the partial text, when a reply ends
	// before the server said it was finished: a stream cut before its
	// finish_reason, or broken off by an error or timeout.
	ErrTruncated = errors.New("reply truncated")
	// ErrRateLimited is returned when the server still answers 429 after
	// the retries, or asks for a longer wait than the client allows.
	ErrRateLimited = errors.New("rate limited")
	// ErrTimeout is returned when an attempt exceeds Config.Timeout, a
	// Chat call exceeds Config.ChatTimeout, the caller's deadline passes,
	// or the server answers 408.
	ErrTimeout = errors.New("timed out")
	// ErrUnauthorized is returned for 401 and 403 replies.
	ErrUnauthorized = errors.New("unauthorized")
	// ErrNotFound is returned for 404 replies, usually a wrong BaseURL or
	// an unknown model.
	ErrNotFound = errors.New("not found")
	// ErrBadRequest is returned when the server rejects the request (400,
	// 413, 422 and other 4xx not covered above); it is never retried.
	ErrBadRequest = errors.New("request rejected")
	// ErrServer is returned for 5xx replies (and 409) that persist through
	// the retries, and for error events inside a stream.
	ErrServer = errors.New("server error")
	// ErrUnavailable is returned when no connection could be made.
	ErrUnavailable = errors.New("server unreachable")
	// ErrBadResponse is returned for a reply that is not what the API
	// promises: not JSON, an HTML page, missing choices, the wrong number or
	// length of vectors.
	ErrBadResponse = errors.New("bad response")
	// ErrEmptyInput is returned by Embed when every text is blank and the
	// vector length is not yet known.
	ErrEmptyInput = errors.New("nothing to embed")
)

// Error is the error returned by Client methods for anything that went
// wrong talking to the server. Its message is one line naming the server
// and the cause, and never contains the API key. errors.Is matches the
// sentinel errors above, and context.Canceled or context.DeadlineExceeded
// when the caller's context ended the call.
type Error struct {
	// Host is the server's host[:port].
	Host string
	// Op is "chat", "embed" or "models".
	Op string
	// StatusCode is the last HTTP status, or 0 when there was none.
	StatusCode int
	// Attempts is how many HTTP attempts were made.
	Attempts int
	// Detail describes the cause, already scrubbed of secrets.
	Detail string

	kinds []error
}

// Error returns "model server HOST: OP: DETAIL".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("model server ")
	b.WriteString(e.Host)
	b.WriteString(": ")
	if e.Op != "" {
		b.WriteString(e.Op)
		b.WriteString(": ")
	}
	b.WriteString(e.Detail)
	return b.String()
}

// Unwrap returns the sentinel errors the failure matches.
func (e *Error) Unwrap() []error { return e.kinds }
