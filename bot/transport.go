package bot

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
)

// discordHost is the host of discordgo's REST endpoints, which are package
// strings fixed at init.
const discordHost = "discord.com"

var (
	reAPIVersion  = regexp.MustCompile(`^/api/v\d+`)
	reBaseVersion = regexp.MustCompile(`/api/v\d+$`)
)

// rewriteTransport sends discordgo's requests for https://discord.com/... to
// another Discord-compatible API instead.
type rewriteTransport struct {
	base *url.URL
	next http.RoundTripper
}

// newTransport returns next, or next wrapped to rewrite requests to base when
// base is not Discord's own API. It fails on an unparsable base.
func newTransport(base string, next http.RoundTripper) (http.RoundTripper, error) {
	u, err := url.Parse(strings.TrimRight(base, "/"))
	if err != nil {
		return nil, fmt.Errorf("parse api base: %w", err)
	}
	if u.Host == discordHost && u.Scheme == "https" && u.Path == "" {
		return next, nil
	}
	return &rewriteTransport{base: u, next: next}, nil
}

// RoundTrip rewrites req (a copy, never the caller's) and sends it.
func (t *rewriteTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Host != discordHost {
		return t.next.RoundTrip(req)
	}
	out := req.Clone(req.Context())
	out.URL.Scheme = t.base.Scheme
	out.URL.Host = t.base.Host
	out.URL.Path = rewritePath(t.base.Path, req.URL.Path)
	out.URL.RawPath = ""
	out.Host = t.base.Host
	return t.next.RoundTrip(out)
}

// rewritePath maps discordgo's path (always "/api/v9/...") under the base's
// path: a base ending in "/api/vN" replaces "/api/v9", one ending in "/api"
// replaces "/api", any other base path is a prefix.
func rewritePath(basePath, path string) string {
	switch {
	case basePath == "":
		return path
	case reBaseVersion.MatchString(basePath):
		return basePath + reAPIVersion.ReplaceAllString(path, "")
	case strings.HasSuffix(basePath, "/api"):
		return basePath + strings.TrimPrefix(path, "/api")
	default:
		return basePath + path
	}
}

// hostError is an error from a call discordgo addressed to discord.com
// but the transport sent elsewhere: its text names the host actually used,
// so an operator is not sent looking at discord.com.
type hostError struct {
	err  error
	host string // scheme and host, e.g. "http://127.0.0.1:8080"
}

func (e *hostError) Error() string {
	return strings.ReplaceAll(e.err.Error(), "https://"+discordHost, e.host)
}

func (e *hostError) Unwrap() error { return e.err }

// nameHost returns err naming the API host of base instead of discord.com
// (err itself when base is Discord's own API, or err is nil).
func nameHost(err error, base string) error {
	if err == nil {
		return nil
	}
	u, perr := url.Parse(base)
	if perr != nil || u.Host == "" || (u.Host == discordHost && u.Scheme == "https") {
		return err
	}
	return &hostError{err: err, host: u.Scheme + "://" + u.Host}
}
