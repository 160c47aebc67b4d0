package feeds

import (
	"errors"
	"testing"
	"time"
)

func TestNewValidates(t *testing.T) {
	cases := map[string]Config{
		"negative timeout":  {Timeout: -time.Second},
		"negative body cap": {MaxBodyBytes: -1},
		"negative redirect": {MaxRedirects: -1},
	}
	for name, cfg := range cases {
		t.Run(name, func(t *testing.T) {
			cfg.Dir = t.TempDir()
			cfg.DB = testDB(t, cfg.Dir)
			if _, err := New(cfg); !errors.Is(err, ErrInvalidConfig) {
				t.Errorf("New error = %v, want ErrInvalidConfig", err)
			}
		})
	}
}

func TestNewNeedsDatabase(t *testing.T) {
	if _, err := New(Config{Dir: t.TempDir()}); !errors.Is(err, ErrInvalidConfig) {
		t.Errorf("New without DB: error = %v, want ErrInvalidConfig", err)
	}
}

func TestNewDefaults(t *testing.T) {
	f := newFetcher(t, Config{Dir: t.TempDir()})
	c := f.cfg
	if c.UserAgent != DefaultUserAgent || c.Timeout != DefaultTimeout || c.MaxBodyBytes != DefaultMaxBodyBytes ||
		c.MaxRedirects != DefaultMaxRedirects || c.HostDelay != DefaultHostDelay || c.MinTextChars != DefaultMinTextChars {
		t.Errorf("defaults not applied: %+v", c)
	}
}
