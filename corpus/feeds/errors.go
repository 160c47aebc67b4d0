package feeds

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
)

var (
	// ErrInvalidConfig is returned by New for a negative size, count or duration.
	ErrInvalidConfig = errors.New("invalid feeds config")
	// ErrTooLarge is returned when a response body exceeds Config.MaxBodyBytes.
	ErrTooLarge = errors.New("response body too large")
	// ErrTooManyRedirects is returned when a request is redirected more than
	// Config.MaxRedirects times.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrHostUnavailable is returned without a request once a host has
	// failed maxHostFailures requests in a row (timeouts, refused
	// connections) during one Fetch, so a dead host costs a few timeouts,
	// not one per entry.
	ErrHostUnavailable = errors.New("host unavailable")
	// ErrBadURL is returned for a URL that is not absolute http(s).
	ErrBadURL = errors.New("not an absolute http(s) URL")
	// ErrRefused is wrapped by a *RefusedError: an entry's page or a
	// redirect led to an address that feeds may not reach.
	ErrRefused = errors.New("address refused")
)

// RefusedError is returned for a request that was not made because its
// address is loopback, private, link-local, unspecified, multicast, CGNAT
// or reserved, outside the feed's own origin and Config.AllowNets /
// Config.AllowHosts. errors.Is(err, ErrRefused) reports it.
type RefusedError struct {
	// URL is the URL whose host led there (a redirect's target, when a
	// redirect did); "" when unknown.
	URL string
	// Addr is the address that was refused, when one was dialled.
	Addr netip.Addr
	// Reason names the kind of address, e.g. "loopback address".
	Reason string
}

// Error returns e.g. "refused http://127.0.0.1:8080/admin: loopback address".
func (e *RefusedError) Error() string {
	what := e.URL
	if what == "" && e.Addr.IsValid() {
		what = e.Addr.String()
	}
	if what == "" {
		return "refused: " + e.Reason
	}
	return "refused " + what + ": " + e.Reason
}

// Is reports whether target is ErrRefused.
func (e *RefusedError) Is(target error) bool { return target == ErrRefused }

// deadlineError ends requests when a feed's or the run's deadline has
// passed (Config.FeedTimeout, Config.RunTimeout). It matches
// context.DeadlineExceeded, so it counts as a timeout.
type deadlineError struct {
	// what is "feed deadline" or "run deadline".
	what string
}

func (e *deadlineError) Error() string { return e.what + " passed" }

func (e *deadlineError) Is(target error) bool { return target == context.DeadlineExceeded }

// StatusError is returned for an HTTP response whose status is neither 2xx
// nor 304.
type StatusError struct {
	// Code is the HTTP status code.
	Code int
}

// Error returns e.g. "HTTP 404".
func (e *StatusError) Error() string { return fmt.Sprintf("HTTP %d", e.Code) }

// transient reports whether a fetch error may go away on a later attempt
// (timeouts, connection errors, 429 and 5xx, a refused address whose
// allowance may be widened), as opposed to a permanent
// answer such as 404 or an oversized body.
func transient(err error) bool {
	if err == nil {
		return false
	}
	var se *StatusError
	if errors.As(err, &se) {
		return se.Code == 408 || se.Code == 429 || se.Code >= 500
	}
	if errors.Is(err, ErrTooLarge) || errors.Is(err, ErrTooManyRedirects) || errors.Is(err, ErrBadURL) {
		return false
	}
	if errors.Is(err, ErrRefused) {
		// The allowance may be widened; so not remembered as skipped.
		return true
	}
	return true
}
