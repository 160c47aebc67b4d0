package eval

import "errors"

var (
	// ErrFormat is returned for a data or rank file that does not parse.
	ErrFormat = errors.New("malformed WikiQA file")
	// ErrMismatch is returned when a reference or rank file does not
	// agree with the questions it should describe.
	ErrMismatch = errors.New("WikiQA files disagree")
)
