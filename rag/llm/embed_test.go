package llm

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsbot/newsbot/rag/openaitest"
)

func texts(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("Chunk %d says the council met on day %d.", i, i%7)
	}
	return out
}

func assertVectors(t *testing.T, in []string, got [][]float32, dim int) {
	t.Helper()
	if len(got) != len(in) {
		t.Fatalf("%d vectors for %d texts", len(got), len(in))
	}
	for i, v := range got {
		if len(v) != dim {
			t.Fatalf("vector %d has length %d, want %d", i, len(v), dim)
		}
		if strings.TrimSpace(in[i]) == "" {
			continue
		}
		want := openaitest.Vector(in[i], dim)
		var norm float64
		for j := range v {
			norm += float64(v[j]) * float64(v[j])
			if math.Abs(float64(v[j]-want[j])) > 1e-6 {
				t.Fatalf("vector %d is not the embedding of text %d", i, i)
			}
		}
		if math.Abs(norm-1) > 1e-5 {
			t.Fatalf("vector %d has norm² %v", i, norm)
		}
	}
}

func TestEmbedBatches(t *testing.T) {
	tests := []struct {
		name    string
		n       int
		cfg     func(*Config)
		want    []int
		shuffle bool
	}{
		{"300 with batch 128", 300, nil, []int{128, 128, 44}, false},
		{"one request for a few", 5, nil, []int{5}, false},
		{"out-of-order indices", 300, nil, []int{128, 128, 44}, true},
		{"token cap splits", 10, func(c *Config) { c.EmbedBatchTokens = 60 }, []int{4, 4, 2}, false},
		{"batch size 1", 3, func(c *Config) { c.EmbedBatchSize = 1 }, []int{1, 1, 1}, false},
		{"nothing", 0, nil, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, tt.cfg, openaitest.WithDim(32))
			if tt.shuffle {
				h.srv.SetPersistent(openaitest.PathEmbeddings, &openaitest.Fault{ShuffleIndex: true})
			}
			in := texts(tt.n)
			got, err := h.c.Embed(context.Background(), in)
			if err != nil {
				t.Fatalf("Embed: %v", err)
			}
			assertVectors(t, in, got, 32)
			counts := h.srv.EmbedInputCounts()
			slices.Sort(counts) // concurrent requests arrive in any order
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if !slices.Equal(counts, want) {
				t.Errorf("request sizes %v, want %v", counts, want)
			}
		})
	}
}

func TestEmbedBlankTexts(t *testing.T) {
	h := newHarness(t, nil, openaitest.WithDim(16))
	in := []string{"Alpha beta.", "", "  \n", "Gamma."}
	got, err := h.c.Embed(context.Background(), in)
	if err != nil {
		t.Fatalf("Embed: %v", err)
	}
	assertVectors(t, in, got, 16)
	for _, i := range []int{1, 2} {
		for _, x := range got[i] {
			if x != 0 {
				t.Fatalf("blank text %d got a non-zero vector", i)
			}
		}
	}
	if c := h.srv.EmbedInputCounts(); !slices.Equal(c, []int{2}) {
		t.Errorf("sent %v inputs, want only the 2 non-blank", c)
	}
	// All blank, dimension known: zero vectors, no request.
	if got, err := h.c.Embed(context.Background(), []string{""}); err != nil || len(got[0]) != 16 {
		t.Errorf("all blank after learning dim = %v, %v", got, err)
	}
	fresh := newHarness(t, nil)
	if _, err := fresh.c.Embed(context.Background(), []string{"", " "}); !errors.Is(err, ErrEmptyInput) {
		t.Errorf("all blank, dim unknown: error %v, want ErrEmptyInput", err)
	}
	if fresh.srv.Count(openaitest.PathEmbeddings) != 0 {
		t.Errorf("blank texts were sent")
	}
}

func TestEmbedBadReplies(t *testing.T) {
	tests := []struct {
		name  string
		cfg   func(*Config)
		fault openaitest.Fault
		want  string
	}{
		{"missing vector", nil, openaitest.Fault{DropLast: true}, "returned 2 vectors for 3 texts"},
		{"dimensions ignored", func(c *Config) { c.EmbedDimensions = 8 }, openaitest.Fault{Handler: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"data":[{"index":0,"embedding":[1,0,0]},{"index":1,"embedding":[0,1,0]},{"index":2,"embedding":[0,0,1]}]}`))
		}}, "returned 3-dimensional vectors, want 8 (the server may ignore the dimensions parameter)"},
		{"repeated index", nil, openaitest.Fault{Handler: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"data":[{"index":0,"embedding":[1,0]},{"index":0,"embedding":[0,1]},{"index":2,"embedding":[1,1]}]}`))
		}}, "bad or repeated index 0"},
		{"zero vector", nil, openaitest.Fault{Handler: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"data":[{"index":0,"embedding":[0,0]},{"index":1,"embedding":[0,1]},{"index":2,"embedding":[1,1]}]}`))
		}}, "zero or non-finite"},
		{"garbage", nil, openaitest.Garbage(), "not valid JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, tt.cfg)
			h.srv.Enqueue(openaitest.PathEmbeddings, tt.fault)
			got, err := h.c.Embed(context.Background(), texts(3))
			if !errors.Is(err, ErrBadResponse) || !strings.Contains(err.Error(), tt.want) || got != nil {
				t.Errorf("Embed = %d vectors, %v; want ErrBadResponse with %q", len(got), err, tt.want)
			}
		})
	}
}

func TestEmbedRetriesAndFails(t *testing.T) {
	h := newHarness(t, nil)
	h.srv.Enqueue(openaitest.PathEmbeddings, openaitest.RateLimited("2"), openaitest.ServerError())
	got, err := h.c.Embed(context.Background(), texts(10))
	if err != nil || len(got) != 10 {
		t.Fatalf("Embed after transient faults: %v", err)
	}
	if w := h.sleep.got(); len(w) != 2 || w[0] != 2e9 {
		t.Errorf("waits %v", w)
	}

	h.srv.SetPersistent(openaitest.PathEmbeddings, &openaitest.Fault{Status: 400, Body: `{"error":"input too long"}`})
	_, err = h.c.Embed(context.Background(), texts(300))
	if !errors.Is(err, ErrBadRequest) || !strings.Contains(err.Error(), "embed: rejected the request (400): input too long") {
		t.Errorf("error = %v", err)
	}
}

func TestEmbedConcurrencyIsBounded(t *testing.T) {
	var inFlight, peak atomic.Int32
	var mu sync.Mutex
	h := newHarness(t, func(c *Config) { c.EmbedBatchSize = 10; c.EmbedConcurrency = 3 })
	handler := func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		mu.Lock()
		peak.Store(max(peak.Load(), n))
		mu.Unlock()
		// Hold each request a moment so that requests sent at once
		// overlap here: without it an unbounded client could still
		// show a peak of 1.
		select {
		case <-time.After(100 * time.Millisecond):
		case <-r.Context().Done():
		}
		w.Header().Set("Content-Type", "application/json")
		var b strings.Builder
		b.WriteString(`{"data":[`)
		for i := range 10 {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, `{"index":%d,"embedding":[1,%d]}`, i, i)
		}
		b.WriteString(`]}`)
		w.Write([]byte(b.String()))
	}
	h.srv.SetPersistent(openaitest.PathEmbeddings, &openaitest.Fault{Handler: handler})
	if _, err := h.c.Embed(context.Background(), texts(100)); err != nil {
		t.Fatal(err)
	}
	if p := peak.Load(); p != 3 {
		t.Errorf("at most %d requests in flight, want 3 (EmbedConcurrency)", p)
	}
	if n := h.srv.Count(openaitest.PathEmbeddings); n != 10 {
		t.Errorf("%d requests, want 10", n)
	}
}

func TestEmbedNotConfigured(t *testing.T) {
	c, err := New(Config{ChatModel: "c"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Embed(context.Background(), []string{"x"}); !errors.Is(err, ErrNotConfigured) {
		t.Errorf("error = %v", err)
	}
}
