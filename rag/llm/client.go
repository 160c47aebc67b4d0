package llm

import (
	"context"
	"net/http"
	"net/url"
	"sync/atomic"

	openai "github.com/sashabaranov/go-openai"
)

// Client calls one OpenAI-compatible server. It is safe for concurrent use.
type Client struct {
	cfg  Config
	api  *openai.Client
	host string
	key  string
	// dim is the embedding length, once known (from EmbedDimensions or the
	// first reply).
	dim atomic.Int64
	tr  *transport
}

// New returns a Client for cfg, or an error wrapping ErrInvalidConfig or
// ErrNotConfigured when cfg cannot work. It makes no request.
func New(cfg Config) (*Client, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	u, _ := url.Parse(cfg.BaseURL) // checked by withDefaults

	hc := &http.Client{}
	if cfg.HTTPClient != nil {
		copied := *cfg.HTTPClient
		hc = &copied
	}
	next := hc.Transport
	if next == nil {
		next = http.DefaultTransport.(*http.Transport).Clone()
	}
	tr := &transport{
		next:       next,
		timeout:    cfg.Timeout,
		maxRetries: cfg.MaxRetries,
		base:       cfg.RetryBaseDelay,
		cap:        cfg.RetryMaxDelay,
		sleep:      cfg.Sleep,
		randN:      newRand(),
		log:        cfg.Logger,
		host:       u.Host,
	}
	hc.Transport = tr

	oc := openai.DefaultConfig(cfg.APIKey.Reveal())
	oc.BaseURL = cfg.BaseURL
	oc.HTTPClient = hc
	c := &Client{cfg: cfg, api: openai.NewClientWithConfig(oc), host: u.Host, key: cfg.APIKey.Reveal(), tr: tr}
	c.dim.Store(int64(cfg.EmbedDimensions))
	return c, nil
}

// Config returns the configuration in use, with defaults filled in.
func (c *Client) Config() Config { return c.cfg }

// Host returns the server's host[:port], as named in errors.
func (c *Client) Host() string { return c.host }

// PromptBudget returns the tokens a prompt may use: the context window
// less the tokens reserved for the answer.
func (c *Client) PromptBudget() int { return c.cfg.MaxContextTokens - c.cfg.MaxAnswerTokens }

// EmbedDim returns the embedding length: Config.EmbedDimensions, else the
// length of the first vectors received, else 0.
func (c *Client) EmbedDim() int { return int(c.dim.Load()) }

// Models lists the model names the server offers. It returns an *Error on
// failure.
func (c *Client) Models(ctx context.Context) ([]string, error) {
	ctx, st := withState(ctx)
	list, err := c.api.ListModels(ctx)
	if err != nil {
		return nil, c.wrapErr(ctx, "models", st, err)
	}
	names := make([]string, 0, len(list.Models))
	for _, m := range list.Models {
		names = append(names, m.ID)
	}
	return names, nil
}
