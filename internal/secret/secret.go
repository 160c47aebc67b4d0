// Package secret holds credentials (API keys, bot tokens) in a type that
// cannot leak through fmt, log/slog or encoding/json by accident.
package secret

import (
	"fmt"
	"log/slog"
)

// redacted is what a non-empty Secret prints as.
const redacted = "[REDACTED]"

// Secret is a credential. It prints, formats, logs and marshals as
// "[REDACTED]" (an empty one as ""); only Reveal returns the value.
type Secret string

// String returns "[REDACTED]", or "" for an empty secret.
func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return redacted
}

// GoString returns a redacted Go representation, so %#v does not leak the
// value either.
func (s Secret) GoString() string { return `secret.Secret("` + s.String() + `")` }

// Format redacts the secret for every fmt verb.
func (s Secret) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('#') {
		fmt.Fprint(f, s.GoString())
		return
	}
	fmt.Fprint(f, s.String())
}

// LogValue redacts the secret in slog output.
func (s Secret) LogValue() slog.Value { return slog.StringValue(s.String()) }

// MarshalText redacts the secret in JSON and other text encodings.
func (s Secret) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Reveal returns the secret itself, for the one place that sends it.
func (s Secret) Reveal() string { return string(s) }
