package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/newsbot/newsbot/internal/secret"
	openai "github.com/sashabaranov/go-openai"
)

// maxDetail bounds the server's own words quoted in an error.
const maxDetail = 200

var (
	keyLike   = regexp.MustCompile(`(?i)\b(?:sk|pk|rk)-[A-Za-z0-9_\-*.]{6,}|(?i)bearer\s+\S+`)
	htmlTitle = regexp.MustCompile(`(?is)<title[^>]*>(.*?)</title>`)
)

// wrapErr turns whatever go-openai or the transport returned into an
// *Error that names the server and the cause.
func (c *Client) wrapErr(ctx context.Context, op string, st *callState, err error) *Error {
	if e, ok := errors.AsType[*Error](err); ok {
		return e
	}
	s := st.snapshot()
	e := &Error{Host: c.host, Op: op, StatusCode: s.status, Attempts: s.attempts}
	after := ""
	if s.attempts > 1 {
		after = fmt.Sprintf(" after %d attempts", s.attempts)
	}
	apiErr, isAPI := errors.AsType[*openai.APIError](err)
	reqErr, isReq := errors.AsType[*openai.RequestError](err)
	switch {
	case ctx.Err() != nil:
		if context.Cause(ctx) == errChatTimeout {
			e.set(fmt.Sprintf("no complete answer within %s (the chat timeout)", c.cfg.ChatTimeout), ErrTimeout)
		} else if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			e.set("deadline exceeded"+after, ErrTimeout, context.DeadlineExceeded)
		} else {
			e.set("canceled", context.Canceled)
		}
	case s.timedOut || errors.Is(err, errAttemptTimeout):
		e.set(fmt.Sprintf("timed out after %s", c.cfg.Timeout), ErrTimeout)
	case isReq:
		// Checked first: a RequestError may wrap an empty APIError.
		c.statusErr(e, reqErr.HTTPStatusCode, after, s.gaveUp, c.bodyDetail(reqErr.Body, s.contentType))
	case isAPI && apiErr.HTTPStatusCode == 0:
		e.set("error in reply stream: "+c.scrub(apiErr.Message), ErrServer)
	case isAPI:
		c.statusErr(e, apiErr.HTTPStatusCode, after, s.gaveUp, apiErr.Message)
	case isJSONErr(err):
		e.set(c.notJSON(s), ErrBadResponse)
	case errors.Is(err, errEventTooLong):
		e.set(errEventTooLong.Error(), ErrBadResponse)
	case errors.Is(err, errReplyTooLong):
		e.set(errReplyTooLong.Error(), ErrBadResponse)
	case errors.Is(err, openai.ErrTooManyEmptyStreamMessages):
		e.set("reply stream held only empty lines", ErrBadResponse)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		e.set("connection closed before the reply was complete"+after, ErrUnavailable)
	case isNetErr(err):
		e.set("cannot connect ("+c.scrub(netCause(err))+")"+after, ErrUnavailable)
	default:
		e.set("failed: "+c.scrub(err.Error()), err)
	}
	return e
}

func (e *Error) set(detail string, kinds ...error) {
	e.Detail = detail
	e.kinds = append(e.kinds, kinds...)
}

// statusErr fills e for an HTTP error status.
func (c *Client) statusErr(e *Error, code int, after, gaveUp, msg string) {
	var detail string
	var kind error
	switch {
	case code == http.StatusUnauthorized, code == http.StatusForbidden:
		detail, kind = fmt.Sprintf("unauthorized (%d): check the API key", code), ErrUnauthorized
	case code == http.StatusNotFound:
		detail, kind = "not found (404): check the base URL (it usually ends in /v1) and the model name", ErrNotFound
	case code == http.StatusTooManyRequests:
		detail, kind = "rate limited (429)"+after, ErrRateLimited
	case code == http.StatusRequestTimeout:
		detail, kind = "timed out (408)"+after, ErrTimeout
	case code == http.StatusServiceUnavailable:
		detail, kind = "unavailable (503)"+after, ErrServer
	case code >= 500, code == http.StatusConflict:
		detail, kind = fmt.Sprintf("server error (%d)", code)+after, ErrServer
	default:
		detail, kind = fmt.Sprintf("rejected the request (%d)", code), ErrBadRequest
	}
	if gaveUp != "" {
		detail += "; " + gaveUp
	}
	if msg = c.scrub(msg); msg != "" {
		detail += ": " + msg
	}
	e.set(detail, kind)
}

// bodyDetail extracts the message of an error body in any common shape:
// OpenAI's {"error":{"message"}}, Ollama's {"error":"..."}, vLLM's
// {"object":"error","message"}, FastAPI's {"detail"}; an HTML page is
// described by its title.
func (c *Client) bodyDetail(body []byte, contentType string) string {
	text := strings.TrimSpace(string(body))
	if text == "" {
		return ""
	}
	if isHTML(text, contentType) {
		return htmlDetail(text)
	}
	var v struct {
		Error   json.RawMessage `json:"error"`
		Message any             `json:"message"`
		Detail  any             `json:"detail"`
	}
	if json.Unmarshal([]byte(text), &v) != nil {
		return "reply is not JSON: " + text
	}
	if len(v.Error) > 0 {
		var s string
		if json.Unmarshal(v.Error, &s) == nil {
			return s
		}
		var inner struct {
			Message any `json:"message"`
		}
		if json.Unmarshal(v.Error, &inner) == nil && inner.Message != nil {
			return messageText(inner.Message, "")
		}
	}
	if v.Message != nil {
		return messageText(v.Message, "")
	}
	if v.Detail != nil {
		return messageText(v.Detail, "")
	}
	return text
}

// notJSON describes a successful reply that could not be decoded.
func (c *Client) notJSON(s callInfo) string {
	if strings.Contains(strings.ToLower(s.contentType), "html") {
		return fmt.Sprintf("returned an HTML page instead of JSON (status %d)", s.status)
	}
	return fmt.Sprintf("returned a reply that is not valid JSON (status %d, %s)", s.status, orUnknown(s.contentType))
}

func orUnknown(ct string) string {
	if ct == "" {
		return "no content type"
	}
	return ct
}

func isHTML(text, contentType string) bool {
	return strings.Contains(strings.ToLower(contentType), "html") || strings.HasPrefix(text, "<")
}

func htmlDetail(text string) string {
	if m := htmlTitle.FindStringSubmatch(text); m != nil {
		return fmt.Sprintf("returned an HTML page instead of JSON (%q)", strings.TrimSpace(m[1]))
	}
	return "returned an HTML page instead of JSON"
}

// redacted replaces a key found in server-supplied text, as secret.Secret
// prints.
var redacted = secret.Secret("x").String()

// minScrubbedKey is the shortest API key that scrub replaces.
const minScrubbedKey = 8

// scrub makes server-supplied text safe and short for a one-line error:
// the API key and anything that looks like a key are removed.
func (c *Client) scrub(s string) string {
	// Local servers take placeholder keys ("x", "ollama", "EMPTY"); replacing
	// those would garble ordinary messages and protects nothing.
	if len(c.key) >= minScrubbedKey {
		s = strings.ReplaceAll(s, c.key, redacted)
	}
	s = keyLike.ReplaceAllString(s, redacted)
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > maxDetail {
		r := []rune(s)
		s = string(r[:maxDetail]) + "…"
	}
	return s
}

func isJSONErr(err error) bool {
	_, syn := errors.AsType[*json.SyntaxError](err)
	_, typ := errors.AsType[*json.UnmarshalTypeError](err)
	return syn || typ
}

func isNetErr(err error) bool {
	_, ok := errors.AsType[net.Error](err)
	_, op := errors.AsType[*net.OpError](err)
	return ok || op
}

// netCause returns the innermost description of a network error, without
// the request URL.
func netCause(err error) string {
	if op, ok := errors.AsType[*net.OpError](err); ok {
		return op.Op + ": " + op.Err.Error()
	}
	if ue, ok := errors.AsType[*url.Error](err); ok {
		return ue.Err.Error()
	}
	return err.Error()
}
