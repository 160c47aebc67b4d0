package feeds

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/netip"
	"os"
	"sync"
	"time"
)

// Defaults applied by New to zero Config fields.
const (
	DefaultDir             = "./data/feeds"
	DefaultUserAgent       = "newsbot/0.1 (+https://github.com/newsbot/newsbot)"
	DefaultTimeout         = 20 * time.Second
	DefaultFeedTimeout     = 2 * time.Minute
	DefaultRunTimeout      = 10 * time.Minute
	DefaultMaxBodyBytes    = 5 << 20
	DefaultMaxRedirects    = 5
	DefaultHostDelay       = time.Second
	DefaultConcurrency     = 4
	DefaultMaxItemsPerFeed = 100
	DefaultMinTextChars    = 400
	DefaultPollInterval    = 15 * time.Minute
)

// Config configures a Fetcher. Zero fields take the defaults above.
type Config struct {
	// Dir receives one "<id>.md" file per article. Empty means DefaultDir;
	// it is created if missing. A state.db left there by an older version
	// is imported into DB once (see LegacyStateFile).
	Dir string
	// DB holds the crawl state (tables feed_sources, feed_articles,
	// feed_aliases, feed_entries, created or migrated by New); required.
	// The caller owns it: Close does not close it.
	DB *sql.DB
	// UserAgent is sent with every request; it should say who is fetching
	// and where to learn more.
	UserAgent string
	// HTTPClient is used for every request. It is copied, and the copy's
	// CheckRedirect is replaced to enforce MaxRedirects; its Timeout is
	// left alone (Timeout below bounds each request). Its Transport must be
	// nil (a clone of http.DefaultTransport) or an *http.Transport: it is
	// cloned twice, once as is for the feeds' own origins and once with a
	// dialer that refuses non-public addresses (see AllowNets).
	HTTPClient *http.Client
	// Timeout bounds one request (a feed document or one article page),
	// body included.
	Timeout time.Duration
	// FeedTimeout bounds all the requests of one feed: its document and
	// its entries' pages. Entries whose pages are not fetched by then are
	// skipped as "timeout (feed deadline)" (or stored from the feed's own
	// text when it is a full text) and tried again next run.
	FeedTimeout time.Duration
	// RunTimeout bounds one Fetch: at the deadline every request still
	// running ends, remaining entries are reported as "timeout (run
	// deadline)", feeds not yet fetched fail with that reason, and Fetch
	// returns what was stored, without error.
	RunTimeout time.Duration
	// MaxBodyBytes caps a feed or page body; larger ones are skipped
	// without being read further.
	MaxBodyBytes int64
	// AllowNets lists networks that entries' pages and redirects may reach
	// even though they are not public. By default only public addresses
	// are reached, plus the configured feed URL's own origin (scheme, host
	// and port as given): loopback, private (RFC 1918, fc00::/7),
	// link-local (169.254.0.0/16, fe80::/10, including the cloud metadata
	// address 169.254.169.254), unspecified, multicast, CGNAT
	// (100.64.0.0/10) and reserved addresses are refused, checked on the
	// address actually dialled, and the entry is skipped with e.g.
	// "refused http://127.0.0.1:8080/admin: loopback address". Feed URLs
	// themselves are trusted as given. ParseAllowList builds this and
	// AllowHosts from a string such as "127.0.0.0/8,::1".
	AllowNets []netip.Prefix
	// AllowHosts lists host names (no port; any case) whose URLs are
	// fetched whatever address they resolve to.
	AllowHosts []string
	// MaxRedirects bounds the redirects followed by one request.
	MaxRedirects int
	// HostDelay is the pause between two requests to the same host
	// (requests to one host never overlap). Negative means no pause.
	HostDelay time.Duration
	// Concurrency is how many feeds are worked on at once.
	Concurrency int
	// MaxItemsPerFeed caps the entries taken from one feed, in feed order.
	MaxItemsPerFeed int
	// MinTextChars is the shortest article text kept; shorter extractions
	// are treated as paywall or teaser stubs and skipped with a reason.
	MinTextChars int
	// Logger receives concise logs; nil discards them.
	Logger *slog.Logger
	// Progress, when set, receives one line per feed as it finishes, e.g.
	// "feed https://x/rss : 3 new, 1 updated, 2 unchanged, 1 skipped (HTTP 404)".
	Progress io.Writer
	// Now returns the current time (for state timestamps); nil means time.Now.
	Now func() time.Time
}

// Fetcher fetches feeds into Config.Dir. It is safe for concurrent use;
// concurrent Fetch calls run one after the other.
type Fetcher struct {
	cfg    Config
	log    *slog.Logger
	get    *getter
	st     *state
	runMu  sync.Mutex   // one Fetch at a time
	commit sync.Mutex   // dedup decision + file write + state update
	cache  []articleRow // every stored article's signature; guarded by commit
	outMu  sync.Mutex   // Progress lines
}

// New validates cfg, creates Dir, migrates the state tables in cfg.DB and
// imports a state.db left in Dir by an older version. It returns
// ErrInvalidConfig for a missing DB, negative settings or an HTTPClient
// transport that is not an *http.Transport, and a wrapped error when the
// directory cannot be created, the tables cannot be migrated or the old
// state cannot be imported. Call Close when done.
func New(cfg Config) (*Fetcher, error) {
	if cfg.DB == nil {
		return nil, fmt.Errorf("%w: no database", ErrInvalidConfig)
	}
	if cfg.Timeout < 0 || cfg.FeedTimeout < 0 || cfg.RunTimeout < 0 || cfg.MaxBodyBytes < 0 || cfg.MaxRedirects < 0 ||
		cfg.Concurrency < 0 || cfg.MaxItemsPerFeed < 0 || cfg.MinTextChars < 0 {
		return nil, fmt.Errorf("%w: negative value", ErrInvalidConfig)
	}
	if cfg.Dir == "" {
		cfg.Dir = DefaultDir
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = DefaultUserAgent
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.FeedTimeout == 0 {
		cfg.FeedTimeout = DefaultFeedTimeout
	}
	if cfg.RunTimeout == 0 {
		cfg.RunTimeout = DefaultRunTimeout
	}
	if cfg.MaxBodyBytes == 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if cfg.MaxRedirects == 0 {
		cfg.MaxRedirects = DefaultMaxRedirects
	}
	if cfg.HostDelay == 0 {
		cfg.HostDelay = DefaultHostDelay
	} else if cfg.HostDelay < 0 {
		cfg.HostDelay = 0
	}
	if cfg.Concurrency == 0 {
		cfg.Concurrency = DefaultConcurrency
	}
	if cfg.MaxItemsPerFeed == 0 {
		cfg.MaxItemsPerFeed = DefaultMaxItemsPerFeed
	}
	if cfg.MinTextChars == 0 {
		cfg.MinTextChars = DefaultMinTextChars
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	logger := cfg.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	get, err := newGetter(cfg)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(cfg.Dir, 0o755); err != nil {
		return nil, fmt.Errorf("create feeds dir: %w", err)
	}
	ctx := context.Background()
	st, err := newState(ctx, cfg.DB)
	if err != nil {
		return nil, err
	}
	if _, err := importLegacyState(ctx, cfg.DB, cfg.Dir, logger); err != nil {
		return nil, err
	}
	return &Fetcher{
		cfg: cfg,
		log: logger,
		get: get,
		st:  st,
	}, nil
}

// Dir returns the directory articles are written to.
func (f *Fetcher) Dir() string { return f.cfg.Dir }

// Close releases the Fetcher. It leaves Config.DB open (its owner closes
// it) and returns nil.
func (f *Fetcher) Close() error { return nil }
