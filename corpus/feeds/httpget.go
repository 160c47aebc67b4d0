package feeds

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// getter makes polite GET requests: one in flight per host, a pause between
// requests to the same host, a deadline per request (body included), a cap
// on the body and on redirects.
type getter struct {
	client  *http.Client
	ua      string
	timeout time.Duration
	max     int64
	delay   time.Duration

	mu    sync.Mutex
	hosts map[string]*hostGate
}

// maxHostFailures is how many network failures in a row make a host
// unavailable for the rest of a Fetch.
const maxHostFailures = 3

// hostGate serialises requests to one host.
type hostGate struct {
	sem   chan struct{} // capacity 1: the host's single request slot
	last  time.Time     // end of the previous request; guarded by sem
	fails int           // network failures in a row; guarded by sem
}

// response is a fully read response.
type response struct {
	status   int
	header   http.Header
	body     []byte
	finalURL *url.URL
}

// newGetter returns a getter whose client refuses non-public addresses
// outside the feed's origin and the allowances (see addrGuard). It returns
// ErrInvalidConfig when cfg.HTTPClient has a transport the guard cannot wrap.
func newGetter(cfg Config) (*getter, error) {
	var c http.Client
	if cfg.HTTPClient != nil {
		c = *cfg.HTTPClient
	}
	tr, err := newGuardTransport(c.Transport, newAddrGuard(cfg))
	if err != nil {
		return nil, err
	}
	c.Transport = tr
	maxRedirects := cfg.MaxRedirects
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) > maxRedirects {
			return fmt.Errorf("%w (%d)", ErrTooManyRedirects, maxRedirects)
		}
		if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
			return fmt.Errorf("redirect to %q: %w", req.URL.Scheme, ErrBadURL)
		}
		return nil
	}
	return &getter{
		client:  &c,
		ua:      cfg.UserAgent,
		timeout: cfg.Timeout,
		max:     cfg.MaxBodyBytes,
		delay:   cfg.HostDelay,
		hosts:   make(map[string]*hostGate),
	}, nil
}

// resetFailures forgets which hosts failed (at the start of a Fetch).
func (g *getter) resetFailures() {
	g.mu.Lock()
	defer g.mu.Unlock()
	for k := range g.hosts {
		delete(g.hosts, k)
	}
}

func (g *getter) gate(host string) *hostGate {
	g.mu.Lock()
	defer g.mu.Unlock()
	h, ok := g.hosts[host]
	if !ok {
		h = &hostGate{sem: make(chan struct{}, 1)}
		g.hosts[host] = h
	}
	return h
}

// acquire takes the host's slot and waits out the delay since its previous
// request. It returns ctx's error if ctx ends first.
func (h *hostGate) acquire(ctx context.Context, delay time.Duration) error {
	select {
	case h.sem <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	if wait := time.Until(h.last.Add(delay)); delay > 0 && !h.last.IsZero() && wait > 0 {
		t := time.NewTimer(wait)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			<-h.sem
			return ctx.Err()
		}
	}
	return nil
}

func (h *hostGate) release() {
	h.last = time.Now()
	<-h.sem
}

// limit is when the requests of one feed must have ended: the earlier of
// the feed's and the run's deadlines, and which one that is.
type limit struct {
	at  time.Time
	why string // "feed deadline" or "run deadline"
}

// fetch GETs rawURL with the extra headers, waiting for the host's slot and
// reading the body no later than lim. A 304 is returned as a response
// with no body and no error; other non-2xx statuses are a *StatusError.
// Errors: ErrBadURL, ErrTooLarge, ErrTooManyRedirects, *StatusError,
// *RefusedError, a deadlineError when lim passed, context and network
// errors, all wrapped.
func (g *getter) fetch(ctx context.Context, lim limit, rawURL string, header http.Header) (*response, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("get %q: %w", rawURL, ErrBadURL)
	}
	limCtx, cancelLim := context.WithDeadlineCause(ctx, lim.at, &deadlineError{what: lim.why})
	defer cancelLim()
	// limErr returns the deadlineError when lim (not the caller) ended
	// the request, else err.
	limErr := func(err error) error {
		if ctx.Err() == nil && limCtx.Err() != nil {
			return context.Cause(limCtx)
		}
		return err
	}
	if limCtx.Err() != nil {
		return nil, fmt.Errorf("get %s: %w", rawURL, limErr(limCtx.Err()))
	}
	h := g.gate(strings.ToLower(u.Host))
	if err := h.acquire(limCtx, g.delay); err != nil {
		return nil, fmt.Errorf("get %s: %w", rawURL, limErr(err))
	}
	defer h.release()
	if h.fails >= maxHostFailures {
		return nil, fmt.Errorf("get %s: %w", rawURL, ErrHostUnavailable)
	}
	reqCtx, cancel := context.WithTimeout(limCtx, g.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(reqCtx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", rawURL, err)
	}
	for k, vs := range header {
		req.Header[k] = vs
	}
	req.Header.Set("User-Agent", g.ua)
	resp, err := g.client.Do(req)
	if err != nil {
		err = unwrapURLError(err)
		if limCtx.Err() == nil && !errors.Is(err, ErrTooManyRedirects) && !errors.Is(err, ErrBadURL) && !errors.Is(err, ErrRefused) {
			h.fails++
		}
		return nil, fmt.Errorf("get %s: %w", rawURL, limErr(err))
	}
	defer resp.Body.Close()
	r := &response{status: resp.StatusCode, header: resp.Header, finalURL: resp.Request.URL}
	if resp.StatusCode == http.StatusNotModified {
		h.fails = 0
		return r, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		h.fails = 0 // the host answered
		return nil, fmt.Errorf("get %s: %w", rawURL, &StatusError{Code: resp.StatusCode})
	}
	if resp.ContentLength > g.max {
		return nil, fmt.Errorf("get %s: %w: %d bytes declared, limit %d", rawURL, ErrTooLarge, resp.ContentLength, g.max)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, g.max+1))
	if err != nil {
		if limCtx.Err() == nil {
			h.fails++
		}
		return nil, fmt.Errorf("read %s: %w", rawURL, limErr(err))
	}
	h.fails = 0
	if int64(len(body)) > g.max {
		return nil, fmt.Errorf("get %s: %w: over %d bytes", rawURL, ErrTooLarge, g.max)
	}
	r.body = body
	return r, nil
}

// unwrapURLError keeps *url.Error's cause (so errors.Is finds
// ErrTooManyRedirects or context.DeadlineExceeded) without repeating the URL.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// reason turns a fetch error into a short reason for reports, e.g.
// "HTTP 404", "timeout", "body over 5242880 bytes".
func reason(err error) string {
	var (
		se *StatusError
		re *RefusedError
		de *deadlineError
	)
	switch {
	case errors.As(err, &se):
		return se.Error()
	case errors.As(err, &re):
		return re.Error()
	case errors.As(err, &de):
		return "timeout (" + de.what + ")"
	case errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	case errors.Is(err, ErrTooLarge):
		return "too large"
	case errors.Is(err, ErrTooManyRedirects):
		return "too many redirects"
	case errors.Is(err, ErrHostUnavailable):
		return "host unavailable"
	case errors.Is(err, ErrBadURL):
		return "bad URL"
	case errors.Is(err, context.Canceled):
		return "canceled"
	}
	var te interface{ Timeout() bool }
	if errors.As(err, &te) && te.Timeout() {
		return "timeout"
	}
	return "network error"
}
