package llm

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// maxJSONReply bounds a JSON reply read whole by the transport.
const maxJSONReply = 16 << 20

// maxEventLine bounds one line of an event stream, in bytes; a longer one
// ends the stream with errEventTooLong rather than fill memory.
const maxEventLine = 1 << 20

var (
	errEventTooLong = fmt.Errorf("reply stream sent a line longer than %d KiB", maxEventLine>>10)
	errReplyTooLong = fmt.Errorf("reply is longer than %d MiB", maxJSONReply>>20)
)

// newSSEBody adapts a successful reply to a streaming request so that
// go-openai's stream reader sees well-formed events:
//
//   - SSE comment lines (": keep-alive") and event:/id:/retry: fields are
//     dropped; go-openai would otherwise feed them to its error parser and
//     garble a following error event;
//   - error events in vendor formats ({"error":"text"}, vLLM's
//     {"object":"error",...}, "event: error") become {"error":{...}};
//   - each data line restarts the attempt's idle deadline, comments do not;
//   - a server that ignored "stream": true and sent one JSON completion gets
//     it replayed as a stream.
func newSSEBody(resp *http.Response, body *attemptBody, st *callState) io.ReadCloser {
	ct := strings.ToLower(resp.Header.Get("Content-Type"))
	if ct == "" || strings.Contains(ct, "text/event-stream") {
		return &sseBody{br: bufio.NewReader(body), body: body}
	}
	if strings.Contains(ct, "json") {
		b, err := io.ReadAll(io.LimitReader(body, maxJSONReply))
		if err == nil {
			if events, ok := completionAsEvents(b); ok {
				return &replayBody{Reader: bytes.NewReader(events), body: body}
			}
		}
		// Not a completion: hand it on, go-openai reports an error body.
		st.update(func(st *callInfo) { st.notStream = true })
		if err != nil {
			return &replayBody{Reader: io.MultiReader(bytes.NewReader(b), errReader{err}), body: body}
		}
		return &replayBody{Reader: bytes.NewReader(b), body: body}
	}
	st.update(func(st *callInfo) { st.notStream = true })
	return body
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// replayBody reads from Reader and closes body.
type replayBody struct {
	io.Reader
	body io.Closer
}

func (r *replayBody) Close() error { return r.body.Close() }

// sseBody filters an event stream line by line.
type sseBody struct {
	br    *bufio.Reader
	body  *attemptBody
	out   []byte
	event string
	err   error
}

func (s *sseBody) Read(p []byte) (int, error) {
	for len(s.out) == 0 {
		if s.err != nil {
			return 0, s.err
		}
		line, err := readLine(s.br, maxEventLine)
		if len(line) > 0 {
			s.process(line)
		}
		if err != nil {
			s.err = err
		}
	}
	n := copy(p, s.out)
	s.out = s.out[n:]
	return n, nil
}

func (s *sseBody) Close() error { return s.body.Close() }

// readLine reads up to and including the next '\n', or fails with
// errEventTooLong once the line passes limit bytes.
func readLine(br *bufio.Reader, limit int) ([]byte, error) {
	var line []byte
	for {
		frag, err := br.ReadSlice('\n')
		if len(line)+len(frag) > limit {
			return nil, errEventTooLong
		}
		line = append(line, frag...)
		if err != bufio.ErrBufferFull {
			return line, err
		}
	}
}

func (s *sseBody) process(line []byte) {
	text := strings.TrimRight(string(line), "\r\n")
	field, value, _ := strings.Cut(text, ":")
	value = strings.TrimPrefix(value, " ")
	switch {
	case text == "":
		s.event = ""
		s.out = append(s.out, '\n')
	case strings.HasPrefix(text, ":"):
		// Comment, usually a keep-alive: dropped, and not progress.
	case field == "event":
		s.event = value
	case field == "id" || field == "retry":
	case field == "data":
		s.body.touch()
		s.out = append(s.out, "data: "...)
		s.out = append(s.out, normalizeErrorEvent(value, s.event == "error")...)
		s.out = append(s.out, '\n')
	default:
		s.out = append(s.out, line...)
	}
}

// normalizeErrorEvent rewrites an error event in any common format as
// {"error":{"message":...,"type":...}}, the only one go-openai reads;
// other payloads are returned unchanged.
func normalizeErrorEvent(payload string, isErrorEvent bool) string {
	if !isErrorEvent && !strings.Contains(payload, `"error"`) {
		return payload
	}
	var top map[string]json.RawMessage
	if json.Unmarshal([]byte(payload), &top) != nil {
		if isErrorEvent {
			return errorEvent(payload, "")
		}
		return payload
	}
	var obj string
	json.Unmarshal(top["object"], &obj)
	raw, hasErr := top["error"]
	switch {
	case hasErr:
		var msg string
		if json.Unmarshal(raw, &msg) == nil {
			return errorEvent(msg, "")
		}
		var e struct {
			Message any    `json:"message"`
			Type    string `json:"type"`
		}
		json.Unmarshal(raw, &e)
		return errorEvent(messageText(e.Message, string(raw)), e.Type)
	case obj == "error" || isErrorEvent:
		var e struct {
			Message any    `json:"message"`
			Type    string `json:"type"`
		}
		json.Unmarshal([]byte(payload), &e)
		return errorEvent(messageText(e.Message, payload), e.Type)
	}
	return payload
}

func messageText(m any, fallback string) string {
	switch v := m.(type) {
	case string:
		return v
	case nil:
		return fallback
	default:
		b, _ := json.Marshal(v)
		return string(b)
	}
}

func errorEvent(msg, typ string) string {
	b, _ := json.Marshal(map[string]map[string]string{"error": {"message": msg, "type": typ}})
	return string(b)
}

// completionAsEvents turns a non-streamed chat completion into the events
// of a stream, or reports false when b is not one.
func completionAsEvents(b []byte) ([]byte, bool) {
	var c struct {
		ID      string `json:"id"`
		Model   string `json:"model"`
		Choices []struct {
			Message struct {
				Content string `json:"content"`
			} `json:"message"`
			FinishReason string `json:"finish_reason"`
		} `json:"choices"`
		Usage json.RawMessage `json:"usage"`
	}
	if json.Unmarshal(b, &c) != nil || len(c.Choices) == 0 {
		return nil, false
	}
	finish := c.Choices[0].FinishReason
	if finish == "" {
		finish = "stop" // the whole reply arrived
	}
	var out bytes.Buffer
	event := func(v any) {
		j, _ := json.Marshal(v)
		out.WriteString("data: ")
		out.Write(j)
		out.WriteString("\n\n")
	}
	event(map[string]any{"id": c.ID, "model": c.Model, "choices": []any{map[string]any{
		"index": 0, "delta": map[string]string{"role": "assistant", "content": c.Choices[0].Message.Content},
		"finish_reason": finish,
	}}})
	if len(c.Usage) > 0 && string(c.Usage) != "null" {
		event(map[string]any{"id": c.ID, "model": c.Model, "choices": []any{}, "usage": c.Usage})
	}
	out.WriteString("data: [DONE]\n\n")
	return out.Bytes(), true
}
