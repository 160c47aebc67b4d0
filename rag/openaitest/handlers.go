package openaitest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"
)

// maxEmbedInputs is OpenAI's limit on inputs per embeddings request.
const maxEmbedInputs = 2048

type usage struct {
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
	TotalTokens      int `json:"total_tokens"`
}

// countTokens is the server's deterministic stand-in for a tokenizer.
func countTokens(s string) int { return (utf8.RuneCountInString(s) + 3) / 4 }

func (s *Server) chat(w http.ResponseWriter, r *http.Request, req Request, f Fault) {
	if req.Model == "" || len(req.Messages) == 0 {
		writeError(w, http.StatusBadRequest, "model and messages are required", "invalid_request_error")
		return
	}
	answer := s.reply(req)
	prompt := 0
	for _, m := range req.Messages {
		prompt += countTokens(m.Content) + 4
	}
	u := usage{PromptTokens: prompt, CompletionTokens: countTokens(answer)}
	u.TotalTokens = u.PromptTokens + u.CompletionTokens
	if req.Stream {
		s.stream(w, r, req, f, answer, u)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"id": "chatcmpl-test", "object": "chat.completion", "created": 0, "model": req.Model,
		"choices": []map[string]any{{
			"index":         0,
			"message":       map[string]any{"role": "assistant", "content": answer},
			"finish_reason": "stop",
		}},
		"usage": u,
	})
}

// stream sends answer as SSE chunks of one word each, applying f.
func (s *Server) stream(w http.ResponseWriter, r *http.Request, req Request, f Fault, answer string, u usage) {
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	flusher, _ := w.(http.Flusher)
	send := func(payload string) {
		if f.KeepAlive {
			fmt.Fprint(w, ": keep-alive\n\n")
		}
		fmt.Fprintf(w, "data: %s\n\n", payload)
		if flusher != nil {
			flusher.Flush()
		}
	}
	chunk := func(delta map[string]any, finish any) string {
		b, _ := json.Marshal(map[string]any{
			"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": 0, "model": req.Model,
			"choices": []map[string]any{{"index": 0, "delta": delta, "finish_reason": finish}},
		})
		return string(b)
	}
	faulty := f.CutStream || f.StreamError != "" || f.Stall
	send(chunk(map[string]any{"role": "assistant", "content": ""}, nil))
	if f.Flood > 0 {
		flood := chunk(map[string]any{"content": strings.Repeat("flood ", f.Flood/6+1)[:f.Flood]}, nil)
		for {
			select {
			case <-r.Context().Done():
				return
			case <-s.done:
				return
			default:
				send(flood)
			}
		}
	}
	pieces := strings.SplitAfter(answer, " ")
	for i, p := range pieces {
		if faulty && i == f.AfterChunks {
			break
		}
		if !s.wait(r, f.ChunkDelay) {
			return
		}
		send(chunk(map[string]any{"content": p}, nil))
	}
	switch {
	case f.CutStream:
		return
	case f.StreamError != "":
		b, _ := json.Marshal(map[string]any{"error": map[string]any{
			"message": f.StreamError, "type": "server_error", "param": nil, "code": nil,
		}})
		send(string(b))
		return
	case f.Stall:
		s.wait(r, 1<<62)
		return
	}
	send(chunk(map[string]any{}, "stop"))
	if req.IncludeUsage {
		b, _ := json.Marshal(map[string]any{
			"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": 0, "model": req.Model,
			"choices": []any{}, "usage": u,
		})
		send(string(b))
	}
	send("[DONE]")
}

func (s *Server) embeddings(w http.ResponseWriter, req Request, f Fault) {
	switch {
	case req.Model == "":
		writeError(w, http.StatusBadRequest, "you must provide a model parameter", "invalid_request_error")
		return
	case len(req.Inputs) == 0:
		writeError(w, http.StatusBadRequest, "'input' must be a string or a non-empty array of strings", "invalid_request_error")
		return
	case len(req.Inputs) > maxEmbedInputs:
		writeError(w, http.StatusBadRequest,
			fmt.Sprintf("'input' has %d items; at most %d are allowed", len(req.Inputs), maxEmbedInputs), "invalid_request_error")
		return
	}
	for i, in := range req.Inputs {
		if in == "" {
			writeError(w, http.StatusBadRequest,
				fmt.Sprintf("'$.input[%d]' is invalid: an empty string is not allowed", i), "invalid_request_error")
			return
		}
	}
	dim := s.dim
	if req.Dimensions > 0 {
		dim = req.Dimensions
	}
	type item struct {
		Object    string    `json:"object"`
		Index     int       `json:"index"`
		Embedding []float32 `json:"embedding"`
	}
	data := make([]item, 0, len(req.Inputs))
	tokens := 0
	for i, in := range req.Inputs {
		data = append(data, item{Object: "embedding", Index: i, Embedding: Vector(in, dim)})
		tokens += countTokens(in)
	}
	if f.ShuffleIndex {
		for i, j := 0, len(data)-1; i < j; i, j = i+1, j-1 {
			data[i], data[j] = data[j], data[i]
		}
	}
	if f.DropLast {
		data = data[:len(data)-1]
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"object": "list", "data": data, "model": req.Model,
		"usage": map[string]int{"prompt_tokens": tokens, "total_tokens": tokens},
	})
}

func (s *Server) listModels(w http.ResponseWriter) {
	data := make([]map[string]any, 0, len(s.models))
	for _, m := range s.models {
		data = append(data, map[string]any{"id": m, "object": "model", "created": 0, "owned_by": "openaitest"})
	}
	writeJSON(w, http.StatusOK, map[string]any{"object": "list", "data": data})
}
