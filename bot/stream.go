package bot

import (
	"context"
	"strings"
	"sync"
	"time"
)

// streamer collects streamed text and shows it through an edit function at
// most once per interval, never blocking the producer.
type streamer struct {
	interval time.Duration

	mu    sync.Mutex
	text  strings.Builder
	dirty chan struct{}
}

func newStreamer(interval time.Duration) *streamer {
	return &streamer{interval: interval, dirty: make(chan struct{}, 1)}
}

// add appends a delta; it is the Answerer's OnDelta.
func (s *streamer) add(delta string) {
	if delta == "" {
		return
	}
	s.mu.Lock()
	s.text.WriteString(delta)
	s.mu.Unlock()
	select {
	case s.dirty <- struct{}{}:
	default:
	}
}

// reset forgets the text so far (a second attempt at an answer starts
// afresh); the next delta shows.
func (s *streamer) reset() {
	s.mu.Lock()
	s.text.Reset()
	s.mu.Unlock()
}

func (s *streamer) snapshot() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.text.String()
}

// start runs the edit loop until the returned stop is called (or ctx ends);
// stop waits for an edit in progress, so nothing edits after it returns.
// edit returns an extra wait before the next edit (a rate limit's
// Retry-After), or 0.
func (s *streamer) start(ctx context.Context, edit func(ctx context.Context, text string) time.Duration) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		var last time.Time
		var shown string
		var extra time.Duration
		for {
			select {
			case <-s.dirty:
			case <-done:
				return
			case <-ctx.Done():
				return
			}
			if wait := s.interval + extra - time.Since(last); wait > 0 {
				t := time.NewTimer(wait)
				select {
				case <-t.C:
				case <-done:
					t.Stop()
					return
				case <-ctx.Done():
					t.Stop()
					return
				}
			}
			text := s.snapshot()
			if text == shown {
				continue
			}
			extra = edit(ctx, text)
			shown, last = text, time.Now()
		}
	})
	return func() {
		close(done)
		wg.Wait()
	}
}
