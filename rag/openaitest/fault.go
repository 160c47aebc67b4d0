package openaitest

import (
	"fmt"
	"net/http"
	"time"
)

// Fault scripts one misbehaving reply. The zero Fault behaves normally; each
// field adds one kind of misbehaviour. Faults are queued per path with
// [Server.Enqueue] (consumed one per request) or set for every request with
// [Server.SetPersistent].
type Fault struct {
	// Delay waits this long before replying. The wait ends early when the
	// client gives up (its request context is done) or the server closes,
	// so a long Delay models a server that hangs.
	Delay time.Duration

	// Status, when non-zero, replies with this status code, Header and Body
	// instead of the normal reply. ContentType defaults to application/json.
	Status      int
	Header      map[string]string
	Body        string
	ContentType string

	// AfterChunks is how many content chunks a stream sends before
	// CutStream, StreamError or Stall take effect.
	AfterChunks int
	// KeepAlive sends an SSE comment line (": keep-alive") before every
	// event of a stream.
	KeepAlive bool
	// CutStream ends the stream after AfterChunks chunks with no
	// finish_reason and no [DONE].
	CutStream bool
	// StreamError sends an OpenAI-style error event with this message after
	// AfterChunks chunks, then ends the stream.
	StreamError string
	// ChunkDelay waits this long before each content chunk of a stream.
	ChunkDelay time.Duration
	// Stall stops sending after AfterChunks chunks and waits until the
	// client gives up.
	Stall bool
	// Flood, when non-zero, streams content chunks of this many bytes
	// with no end, until the client goes away or the server closes: a
	// model that never stops talking.
	Flood int

	// ShuffleIndex returns embeddings in reverse order; each item's index
	// field still names the input it belongs to.
	ShuffleIndex bool
	// DropLast returns one embedding fewer than there were inputs.
	DropLast bool

	// Handler, when set, replaces the reply entirely.
	Handler http.HandlerFunc
}

// Hang returns a Fault that waits until the client gives up.
func Hang() Fault { return Fault{Delay: time.Hour} }

// Slow returns a Fault that replies normally after d.
func Slow(d time.Duration) Fault { return Fault{Delay: d} }

// RateLimited returns a 429 with the given Retry-After header value (seconds
// or an HTTP date; "" sends none) and OpenAI's error body.
func RateLimited(retryAfter string) Fault {
	f := APIError(http.StatusTooManyRequests, "Rate limit reached for requests", "requests")
	if retryAfter != "" {
		f.Header = map[string]string{"Retry-After": retryAfter}
	}
	return f
}

// ServerError returns a 500 with OpenAI's error body.
func ServerError() Fault {
	return APIError(http.StatusInternalServerError,
		"The server had an error while processing your request. Sorry about that!", "server_error")
}

// HTMLUnavailable returns a 503 HTML page, as a reverse proxy in front of a
// model server sends when the backend is down.
func HTMLUnavailable() Fault {
	return Fault{
		Status:      http.StatusServiceUnavailable,
		ContentType: "text/html",
		Body: "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n" +
			"<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n" +
			"<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
	}
}

// VLLMError returns an error the way vLLM reports it: a top-level object
// with "object": "error" instead of OpenAI's {"error": {...}} envelope.
func VLLMError(status int, message string) Fault {
	return Fault{
		Status: status,
		Body: fmt.Sprintf(`{"object":"error","message":%q,"type":"BadRequestError","param":null,"code":%d}`,
			message, status),
	}
}

// APIError returns status with an OpenAI-style error body.
func APIError(status int, message, typ string) Fault {
	return Fault{
		Status: status,
		Body:   fmt.Sprintf(`{"error":{"message":%q,"type":%q,"param":null,"code":null}}`, message, typ),
	}
}

// Garbage returns a 200 whose body claims to be JSON but is not.
func Garbage() Fault {
	return Fault{Status: http.StatusOK, Body: "upstream said: <<this is not JSON>>"}
}

// KeepAlive returns a Fault that streams normally with an SSE comment line
// before every event.
func KeepAlive() Fault { return Fault{KeepAlive: true} }

// CutStream returns a Fault that ends a stream after n content chunks, with
// no finish_reason and no [DONE].
func CutStream(n int) Fault { return Fault{AfterChunks: n, CutStream: true} }

// StreamError returns a Fault that sends an error event after n content
// chunks.
func StreamError(n int, message string) Fault {
	return Fault{AfterChunks: n, StreamError: message}
}

// Stall returns a Fault that stops a stream after n content chunks and waits
// until the client gives up.
func Stall(n int) Fault { return Fault{AfterChunks: n, Stall: true} }

// Flood returns a Fault that streams content chunks of chunkBytes bytes
// until the client goes away.
func Flood(chunkBytes int) Fault { return Fault{Flood: chunkBytes} }

// Shuffled returns a Fault that sends embeddings in reverse order.
func Shuffled() Fault { return Fault{ShuffleIndex: true} }
