package feeds

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"time"
)

// addrGuard decides which addresses feed entries and redirects may reach.
// Requests to the configured feed's own origin and to hosts the operator
// allowed go out as they are; every other request is only connected to a
// public address or one in an allowed network. The check is made on the
// address actually dialled (after DNS resolution, at connect time), so a
// name that resolves differently on a second lookup (DNS rebinding) cannot
// slip through.
type addrGuard struct {
	nets  []netip.Prefix
	hosts map[string]bool // lower-case host names, no port
}

func newAddrGuard(cfg Config) *addrGuard {
	g := &addrGuard{nets: cfg.AllowNets, hosts: map[string]bool{}}
	for _, h := range cfg.AllowHosts {
		if h = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(h), ".")); h != "" {
			g.hosts[h] = true
		}
	}
	return g
}

// cgnat is the shared address space of carrier-grade NAT (RFC 6598).
var cgnat = netip.MustParsePrefix("100.64.0.0/10")

// refusal returns why addr may not be reached ("loopback address"), or ""
// when it may.
func (g *addrGuard) refusal(addr netip.Addr) string {
	addr = addr.Unmap()
	for _, p := range g.nets {
		if p.Contains(addr) {
			return ""
		}
	}
	return addrClass(addr)
}

// addrClass names the kind of a non-public address, or "" for a public one.
func addrClass(a netip.Addr) string {
	a = a.Unmap()
	switch {
	case !a.IsValid():
		return "invalid address"
	case a.IsLoopback():
		return "loopback address"
	case a.IsUnspecified(), a.Is4() && a.As4()[0] == 0:
		return "unspecified address"
	case a == netip.AddrFrom4([4]byte{169, 254, 169, 254}):
		return "link-local address (cloud metadata)"
	case a.IsLinkLocalUnicast():
		return "link-local address"
	case a.IsMulticast():
		return "multicast address"
	case a.IsPrivate():
		return "private address"
	case cgnat.Contains(a):
		return "shared (CGNAT) address"
	case a.Is4() && a.As4()[0] >= 240:
		return "reserved address"
	}
	return ""
}

// refuse returns a *RefusedError when addr may not be reached.
func (g *addrGuard) refuse(addr netip.Addr) error {
	if why := g.refusal(addr); why != "" {
		return &RefusedError{Addr: addr.Unmap(), Reason: why}
	}
	return nil
}

// control is a net.Dialer Control function: it runs after resolution,
// before connect(2), with the address about to be dialled.
func (g *addrGuard) control(_, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return &RefusedError{Reason: "unparsable address " + address}
	}
	return g.refuse(ap.Addr())
}

// checkHost resolves host and refuses it when any of its addresses may not
// be reached. It is used where the connection is made by someone else (a
// proxy), so the dial-time check cannot see the target.
func (g *addrGuard) checkHost(ctx context.Context, host string) error {
	if a, err := netip.ParseAddr(host); err == nil {
		return g.refuse(a)
	}
	addrs, err := net.DefaultResolver.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return err
	}
	for _, a := range addrs {
		if err := g.refuse(a); err != nil {
			return err
		}
	}
	return nil
}

// originKey is the context key for the origin of the feed a request is
// made for; requests to that origin are not checked.
type originKey struct{}

// withFeedOrigin returns ctx marked with feedURL's origin.
func withFeedOrigin(ctx context.Context, feedURL string) context.Context {
	u, err := url.Parse(feedURL)
	if err != nil {
		return ctx
	}
	return context.WithValue(ctx, originKey{}, origin(u))
}

// origin returns "scheme://host:port" with the host in lower case and the
// default port filled in.
func origin(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[u.Scheme]
	}
	return u.Scheme + "://" + net.JoinHostPort(strings.ToLower(u.Hostname()), port)
}

// guardTransport sends requests to the feed's own origin and to allowed
// hosts through open; all others through checked, whose dialer refuses
// non-public addresses. Using two transports keeps their connection pools
// apart, so a connection opened for a trusted request is never reused for
// an unchecked one.
type guardTransport struct {
	g       *addrGuard
	open    http.RoundTripper
	checked http.RoundTripper
}

func (t *guardTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	o, _ := req.Context().Value(originKey{}).(string)
	if (o != "" && o == origin(req.URL)) || t.g.hosts[strings.ToLower(strings.TrimSuffix(req.URL.Hostname(), "."))] {
		return t.open.RoundTrip(req)
	}
	resp, err := t.checked.RoundTrip(req)
	var re *RefusedError
	if err != nil && errors.As(err, &re) {
		// Name the URL; the dialler only saw the address.
		return nil, &RefusedError{URL: req.URL.String(), Addr: re.Addr, Reason: re.Reason}
	}
	return resp, err
}

// newGuardTransport builds the guarded transport from base (nil means a
// clone of http.DefaultTransport). It returns ErrInvalidConfig when base is
// not an *http.Transport, whose dialer the guard needs.
func newGuardTransport(base http.RoundTripper, g *addrGuard) (http.RoundTripper, error) {
	if base == nil {
		base = http.DefaultTransport
	}
	bt, ok := base.(*http.Transport)
	if !ok {
		return nil, fmt.Errorf("%w: HTTPClient.Transport must be an *http.Transport (or nil) so that addresses can be checked", ErrInvalidConfig)
	}
	checked := bt.Clone()
	dialer := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second, Control: g.control}
	var (
		mu      sync.Mutex
		proxies = map[string]bool{} // proxy host:port in use; the operator's, so not checked
	)
	if proxy := checked.Proxy; proxy != nil {
		checked.Proxy = func(req *http.Request) (*url.URL, error) {
			p, err := proxy(req)
			if err != nil || p == nil {
				return p, err
			}
			// The proxy connects to the target: check the target here.
			if err := g.checkHost(req.Context(), req.URL.Hostname()); err != nil {
				return nil, err
			}
			mu.Lock()
			proxies[canonicalAddr(p)] = true
			mu.Unlock()
			return p, nil
		}
	}
	inner := checked.DialContext
	checked.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		mu.Lock()
		isProxy := proxies[addr]
		mu.Unlock()
		switch {
		case isProxy && inner != nil:
			return inner(ctx, network, addr)
		case isProxy:
			return (&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}).DialContext(ctx, network, addr)
		case inner == nil:
			return dialer.DialContext(ctx, network, addr)
		}
		// A caller's own dialer: check the address it connected to.
		c, err := inner(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		if ap, perr := netip.ParseAddrPort(c.RemoteAddr().String()); perr != nil {
			c.Close()
			return nil, &RefusedError{Reason: "unknown remote address"}
		} else if err := g.refuse(ap.Addr()); err != nil {
			c.Close()
			return nil, err
		}
		return c, nil
	}
	checked.DialTLSContext = nil // TLS over our checked DialContext
	return &guardTransport{g: g, open: bt.Clone(), checked: checked}, nil
}

// canonicalAddr returns u's "host:port", the default port filled in.
func canonicalAddr(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443", "socks5": "1080", "socks5h": "1080"}[u.Scheme]
	}
	return net.JoinHostPort(u.Hostname(), port)
}

// ParseAllowList splits a comma-separated list of CIDR ranges, addresses
// and host names (e.g. "127.0.0.0/8,::1,intranet.example") into networks
// and hosts for Config.AllowNets and Config.AllowHosts. A bare address is
// taken as a one-address range. It returns ErrInvalidConfig for an entry
// that is none of these.
func ParseAllowList(s string) (nets []netip.Prefix, hosts []string, err error) {
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		switch {
		case f == "":
			continue
		case strings.Contains(f, "/"):
			p, err := netip.ParsePrefix(f)
			if err != nil {
				return nil, nil, fmt.Errorf("%w: %q is not a CIDR range", ErrInvalidConfig, f)
			}
			nets = append(nets, p.Masked())
		default:
			if a, err := netip.ParseAddr(strings.Trim(f, "[]")); err == nil {
				nets = append(nets, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
				continue
			}
			if strings.ContainsAny(f, ":@ ") {
				return nil, nil, fmt.Errorf("%w: %q is not an address, range or host name", ErrInvalidConfig, f)
			}
			hosts = append(hosts, strings.ToLower(f))
		}
	}
	return nets, hosts, nil
}
