package llm

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// errAttemptTimeout is the cancellation cause of an attempt that ran past
// Config.Timeout.
var errAttemptTimeout = errors.New("attempt timed out")

// errChatTimeout is the cancellation cause of a Chat call that ran past
// Config.ChatTimeout.
var errChatTimeout = errors.New("chat timed out")

// callInfo is what the transport saw during one Client call, for the
// error message.
type callInfo struct {
	attempts    int
	status      int
	contentType string
	timedOut    bool
	gaveUp      string // why retrying stopped before MaxRetries, if it did
	notStream   bool   // a stream request got a reply that is not SSE
}

// callState guards a callInfo; it travels in the request context.
type callState struct {
	mu   sync.Mutex
	info callInfo
}

type stateKey struct{}

func withState(ctx context.Context) (context.Context, *callState) {
	st := &callState{}
	return context.WithValue(ctx, stateKey{}, st), st
}

func stateFrom(ctx context.Context) *callState {
	if st, ok := ctx.Value(stateKey{}).(*callState); ok {
		return st
	}
	return &callState{}
}

func (st *callState) update(f func(in *callInfo)) {
	st.mu.Lock()
	defer st.mu.Unlock()
	f(&st.info)
}

func (st *callState) snapshot() callInfo {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.info
}

// transport retries failed attempts and puts a deadline on each one. It
// sits under go-openai, where the Retry-After header is still visible.
// Once a response is handed up, it is never retried: a stream that has
// started delivering tokens is not replayed.
type transport struct {
	next       http.RoundTripper
	timeout    time.Duration
	maxRetries int
	base, cap  time.Duration
	sleep      func(ctx context.Context, d time.Duration) error
	randN      func(n int64) int64 // uniform in [0, n)
	log        *slog.Logger
	host       string
}

// RoundTrip implements http.RoundTripper.
func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	st := stateFrom(ctx)
	getBody, err := replayable(req)
	if err != nil {
		return nil, err
	}
	for attempt := 0; ; attempt++ {
		st.update(func(st *callInfo) { st.attempts++ })
		resp, err := t.attempt(req, getBody, st)
		wait, why, retry := t.retryDelay(ctx, resp, err, attempt, st)
		if !retry {
			return resp, err
		}
		if resp != nil {
			io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
			resp.Body.Close()
		}
		t.log.LogAttrs(ctx, slog.LevelWarn, "model server request failed; retrying",
			slog.String("host", t.host), slog.String("path", req.URL.Path),
			slog.String("cause", why), slog.Int("attempt", attempt+1), slog.Duration("wait", wait))
		if err := t.sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

// replayable returns a function producing a fresh copy of req's body for
// each attempt, and closes the original body.
func replayable(req *http.Request) (func() (io.ReadCloser, error), error) {
	if req.Body == nil || req.Body == http.NoBody {
		return func() (io.ReadCloser, error) { return http.NoBody, nil }, nil
	}
	if req.GetBody != nil {
		req.Body.Close()
		return req.GetBody, nil
	}
	b, err := io.ReadAll(req.Body)
	req.Body.Close()
	if err != nil {
		return nil, fmt.Errorf("read request body: %w", err)
	}
	return func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b)), nil }, nil
}

// attempt makes one request with its own deadline.
func (t *transport) attempt(req *http.Request, getBody func() (io.ReadCloser, error), st *callState) (*http.Response, error) {
	ctx, cancel := context.WithCancelCause(req.Context())
	timer := time.AfterFunc(t.timeout, func() { cancel(errAttemptTimeout) })
	body, err := getBody()
	if err != nil {
		timer.Stop()
		cancel(nil)
		return nil, fmt.Errorf("replay request body: %w", err)
	}
	r := req.Clone(ctx)
	r.Body = body
	resp, err := t.next.RoundTrip(r)
	if err != nil {
		timer.Stop()
		if context.Cause(ctx) == errAttemptTimeout && req.Context().Err() == nil {
			st.update(func(st *callInfo) { st.timedOut = true })
			err = fmt.Errorf("%w: %w", errAttemptTimeout, err)
		}
		cancel(nil)
		return nil, err
	}
	ct := resp.Header.Get("Content-Type")
	st.update(func(st *callInfo) { st.status, st.contentType = resp.StatusCode, ct })
	ab := &attemptBody{rc: resp.Body, ctx: ctx, parent: req.Context(), cancel: cancel, timer: timer, st: st}
	resp.Body = ab
	switch {
	case resp.StatusCode == http.StatusOK && strings.Contains(req.Header.Get("Accept"), "text/event-stream"):
		ab.idle = t.timeout
		resp.Body = newSSEBody(resp, ab, st)
	case strings.HasSuffix(req.URL.Path, "/chat/completions"):
		// A whole chat reply is read into memory: bound it.
		resp.Body = &cappedBody{ReadCloser: ab, left: maxJSONReply}
	}
	return resp, nil
}

// retryDelay decides whether to retry after an attempt and how long to
// wait first. why describes the failure for the log.
func (t *transport) retryDelay(ctx context.Context, resp *http.Response, err error, attempt int, st *callState) (wait time.Duration, why string, retry bool) {
	if attempt >= t.maxRetries || ctx.Err() != nil {
		return 0, "", false
	}
	if err != nil {
		if errors.Is(err, errAttemptTimeout) || !retryableErr(err) {
			return 0, "", false
		}
		wait = t.backoff(attempt)
		return wait, err.Error(), t.fits(ctx, wait, st)
	}
	switch c := resp.StatusCode; {
	case c == http.StatusRequestTimeout, c == http.StatusConflict, c == http.StatusTooManyRequests,
		c >= 500 && c != http.StatusNotImplemented && c != http.StatusHTTPVersionNotSupported:
	default:
		return 0, "", false
	}
	if resp.StatusCode == http.StatusTooManyRequests && quotaExhausted(resp) {
		st.update(func(st *callInfo) { st.gaveUp = "the account's quota is used up" })
		return 0, "", false
	}
	why = resp.Status
	wait = t.backoff(attempt)
	if ra, ok := retryAfter(resp.Header, time.Now()); ok {
		if ra > t.cap {
			st.update(func(st *callInfo) { st.gaveUp = "server asked to retry after " + ra.Round(time.Second).String() })
			return 0, "", false
		}
		wait = ra
	}
	return wait, why, t.fits(ctx, wait, st)
}

// fits reports whether waiting d still leaves the caller's deadline ahead.
func (t *transport) fits(ctx context.Context, d time.Duration, st *callState) bool {
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) <= d {
		st.update(func(st *callInfo) { st.gaveUp = "no time left before the deadline to retry" })
		return false
	}
	return true
}

// backoff returns the full-jitter delay before retry number attempt+1:
// uniform in [0, min(cap, base*2^attempt)).
func (t *transport) backoff(attempt int) time.Duration {
	ceil := t.cap
	if attempt < 32 && t.base<<attempt < t.cap && t.base<<attempt > 0 {
		ceil = t.base << attempt
	}
	if ceil <= 0 {
		return 0
	}
	return time.Duration(t.randN(int64(ceil)))
}

// retryableErr reports whether a transport error may go away on retry:
// connection failures do, certificate problems and bad URLs do not.
func retryableErr(err error) bool {
	var certErr *tls.CertificateVerificationError
	var unknownAuth x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	switch {
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded),
		errors.As(err, &certErr), errors.As(err, &unknownAuth), errors.As(err, &hostErr):
		return false
	}
	return !strings.Contains(err.Error(), "unsupported protocol scheme")
}

// retryAfter reads the wait a server asks for: OpenAI's retry-after-ms, or
// Retry-After in seconds or as an HTTP date.
func retryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	if v := h.Get("Retry-After-Ms"); v != "" {
		if ms, err := strconv.ParseFloat(v, 64); err == nil && ms >= 0 {
			return time.Duration(ms * float64(time.Millisecond)), true
		}
	}
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if s, err := strconv.ParseFloat(v, 64); err == nil && s >= 0 {
		return time.Duration(s * float64(time.Second)), true
	}
	if at, err := http.ParseTime(v); err == nil {
		return max(at.Sub(now), 0), true
	}
	return 0, false
}

// quotaExhausted reports whether a 429 means an exhausted quota (OpenAI's
// "insufficient_quota"), which no retry can fix. It peeks at the body and
// leaves it readable.
func quotaExhausted(resp *http.Response) bool {
	head, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	resp.Body = &replayBody{Reader: io.MultiReader(bytes.NewReader(head), resp.Body), body: resp.Body}
	return bytes.Contains(head, []byte("insufficient_quota"))
}

// newRand returns the default source of jitter.
func newRand() func(int64) int64 { return rand.Int64N }

// attemptBody ends an attempt's deadline when its body is done, turns the
// deadline's cancellation into a recognisable error, and, for streams,
// lets the deadline restart on each event (idle > 0).
type attemptBody struct {
	rc     io.ReadCloser
	ctx    context.Context
	parent context.Context
	cancel context.CancelCauseFunc
	timer  *time.Timer
	st     *callState
	idle   time.Duration
	once   sync.Once
}

func (b *attemptBody) Read(p []byte) (int, error) {
	n, err := b.rc.Read(p)
	if err != nil && err != io.EOF && context.Cause(b.ctx) == errAttemptTimeout && b.parent.Err() == nil {
		b.st.update(func(st *callInfo) { st.timedOut = true })
		err = fmt.Errorf("%w: %w", errAttemptTimeout, err)
	}
	if err == io.EOF {
		b.release()
	}
	return n, err
}

// touch restarts the idle deadline of a stream.
func (b *attemptBody) touch() {
	if b.idle > 0 {
		b.timer.Reset(b.idle)
	}
}

func (b *attemptBody) release() {
	b.once.Do(func() {
		b.timer.Stop()
		b.cancel(nil)
	})
}

func (b *attemptBody) Close() error {
	err := b.rc.Close()
	b.release()
	return err
}

// cappedBody fails with errReplyTooLong once more than left bytes arrive.
type cappedBody struct {
	io.ReadCloser
	left int64
}

func (c *cappedBody) Read(p []byte) (int, error) {
	if int64(len(p)) > c.left+1 {
		p = p[:c.left+1]
	}
	n, err := c.ReadCloser.Read(p)
	if int64(n) > c.left {
		return 0, errReplyTooLong
	}
	c.left -= int64(n)
	return n, err
}
