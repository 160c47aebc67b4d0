package feeds

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"testing"
)

func TestAddrClass(t *testing.T) {
	cases := []struct {
		addr, want string
	}{
		{"127.0.0.1", "loopback address"},
		{"127.1.2.3", "loopback address"},
		{"::1", "loopback address"},
		{"::ffff:127.0.0.1", "loopback address"},
		{"10.1.2.3", "private address"},
		{"172.16.0.1", "private address"},
		{"192.168.1.1", "private address"},
		{"fd12:3456::1", "private address"},
		{"169.254.169.254", "link-local address (cloud metadata)"},
		{"169.254.1.1", "link-local address"},
		{"fe80::1", "link-local address"},
		{"0.0.0.0", "unspecified address"},
		{"0.1.2.3", "unspecified address"},
		{"::", "unspecified address"},
		{"224.0.0.1", "multicast address"},
		{"ff02::1", "multicast address"},
		{"100.64.0.1", "shared (CGNAT) address"},
		{"255.255.255.255", "reserved address"},
		{"93.184.216.34", ""},
		{"2606:2800:220:1:248:1893:25c8:1946", ""},
	}
	for _, c := range cases {
		if got := addrClass(netip.MustParseAddr(c.addr)); got != c.want {
			t.Errorf("addrClass(%s) = %q, want %q", c.addr, got, c.want)
		}
	}
}

func TestParseAllowList(t *testing.T) {
	nets, hosts, err := ParseAllowList(" 127.0.0.0/8, ::1,10.1.2.3/16 , Intranet.Example,")
	if err != nil {
		t.Fatal(err)
	}
	want := []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("::1/128"), netip.MustParsePrefix("10.1.0.0/16")}
	if !slices.Equal(nets, want) || !slices.Equal(hosts, []string{"intranet.example"}) {
		t.Errorf("got %v %v", nets, hosts)
	}
	for _, bad := range []string{"10.0.0.0/33", "http://x", "a b"} {
		if _, _, err := ParseAllowList(bad); err == nil {
			t.Errorf("ParseAllowList(%q) accepted", bad)
		}
	}
}

// internalServer is a local server standing for an internal service: it
// counts every request and serves an article at /admin1, /admin2, /admin3.
func internalServer(t *testing.T) *site {
	t.Helper()
	s := newSite(t)
	for i := 1; i <= 3; i++ {
		p := fmt.Sprintf("/admin%d", i)
		s.set(p, route{ctype: htmlType, body: articlePage(pageOpts{title: "Internal " + p, paras: articleText(uint64(700+i), 4)})})
	}
	return s
}

// hostileFeed serves on its own origin a feed whose entries point at the
// internal server directly, by the name localhost, and through a redirect,
// plus one ordinary entry on the feed's origin. Every entry carries a full
// text, so a refused entry would be storable from the feed alone.
func hostileFeed(t *testing.T, internal *site) (feed *site, refused map[string]string) {
	t.Helper()
	feed = newSite(t)
	iu, _ := url.Parse(internal.srv.URL)
	full := "<p>" + strings.Join(articleText(750, 4), "</p><p>") + "</p>"
	feed.set("/go", route{handler: func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, internal.url("/admin3"), http.StatusFound)
	}})
	feed.set("/own", route{ctype: htmlType, body: articlePage(pageOpts{title: "Own story", paras: articleText(760, 4)})})
	direct, byName := internal.url("/admin1"), "http://localhost:"+iu.Port()+"/admin2"
	feed.set("/rss", route{body: rss2("Hostile",
		rssItem{title: "Direct", link: direct, content: full},
		rssItem{title: "By name", link: byName, content: full},
		rssItem{title: "Redirected", link: feed.url("/go"), content: full},
		rssItem{title: "Own", link: feed.url("/own")},
	)})
	return feed, map[string]string{
		direct:          "refused " + direct + ": loopback address",
		byName:          "refused " + byName + ": loopback address",
		feed.url("/go"): "refused " + internal.url("/admin3") + ": loopback address",
	}
}

// TestEntriesToInternalAddressesAreRefused: entries of a feed that point at
// another local server, directly, by name or through a redirect, are not
// fetched nor stored, and the report names each refused URL with why; the
// feed's own origin is still fetched.
func TestEntriesToInternalAddressesAreRefused(t *testing.T) {
	internal := internalServer(t)
	feed, refused := hostileFeed(t, internal)
	f := newFetcher(t, testConfig(t))
	rep := fetch(t, f, feed.url("/rss"))

	if n := internal.totalHits(); n != 0 {
		t.Errorf("internal server got %d requests, want 0", n)
	}
	if rep.Added != 1 || len(rep.Feeds[0].Skipped) != 3 {
		t.Fatalf("report = %+v", rep)
	}
	for _, s := range rep.Feeds[0].Skipped {
		if want := refused[s.URL]; s.Reason != want {
			t.Errorf("skip %s: reason %q, want %q", s.URL, s.Reason, want)
		}
	}
	docs := stored(t, f.Dir())
	if len(docs) != 1 {
		t.Errorf("stored %d articles, want only the feed's own", len(docs))
	}
	byURL(t, docs, feed.url("/own"))
	if line := rep.Feeds[0].Line(); !strings.Contains(line, refused[feed.url("/go")]) {
		t.Errorf("progress line %q does not say what was refused", line)
	}

	// With the operator's allowance the same entries are fetched.
	cfg := testConfig(t)
	cfg.AllowNets = loopback
	f2 := newFetcher(t, cfg)
	rep = fetch(t, f2, feed.url("/rss"))
	if rep.Added != 4 || len(rep.Feeds[0].Skipped) != 0 {
		t.Errorf("with AllowNets: report = %+v", rep)
	}
	for i := 1; i <= 3; i++ {
		if n := internal.hitCount(fmt.Sprintf("/admin%d", i)); n != 1 {
			t.Errorf("with AllowNets: /admin%d got %d requests, want 1", i, n)
		}
	}
}

// TestAllowHosts: a host name the operator allowed is fetched whatever its
// address; other names on that address are still refused.
func TestAllowHosts(t *testing.T) {
	internal := internalServer(t)
	feed, _ := hostileFeed(t, internal)
	cfg := testConfig(t)
	cfg.AllowHosts = []string{"LOCALHOST"}
	f := newFetcher(t, cfg)
	rep := fetch(t, f, feed.url("/rss"))
	if internal.hitCount("/admin2") != 1 || internal.hitCount("/admin1") != 0 || rep.Added != 2 {
		t.Errorf("hits %v, report %+v", internal.hits, rep)
	}
}

// TestTrustedFeedDoesNotOpenTheWay: a feed configured on the internal
// server is fetched, but a connection opened for it is not reused for
// another feed's entry pointing there.
func TestTrustedFeedDoesNotOpenTheWay(t *testing.T) {
	internal := internalServer(t)
	internal.set("/rss", route{body: rss2("Internal")})
	other := newSite(t)
	other.set("/rss", route{body: rss2("Other", rssItem{title: "Admin", link: internal.url("/admin1"), content: "<p>" + strings.Join(articleText(9, 4), "</p><p>") + "</p>"})})
	cfg := testConfig(t)
	cfg.Concurrency = 1
	f := newFetcher(t, cfg)
	rep := fetch(t, f, internal.url("/rss"), other.url("/rss"))
	if internal.hitCount("/rss") != 1 || internal.hitCount("/admin1") != 0 {
		t.Errorf("internal hits = %v", internal.hits)
	}
	if rep.Failed != 0 || rep.Added != 0 || len(rep.Feeds[1].Skipped) != 1 {
		t.Errorf("report = %+v", rep)
	}
}

// TestProxiedEntriesAreChecked: with a proxy the dialler only sees the
// proxy's address, so the target is checked before the request goes to
// the proxy.
func TestProxiedEntriesAreChecked(t *testing.T) {
	internal := internalServer(t)
	feed, _ := hostileFeed(t, internal)
	// A forward proxy: it fetches the absolute URL it is asked for and
	// passes the answer back, redirects included.
	direct := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		resp, err := direct.Get(r.URL.String())
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		for k, vs := range resp.Header {
			w.Header()[k] = vs
		}
		w.WriteHeader(resp.StatusCode)
		io.Copy(w, resp.Body)
	}))
	defer proxy.Close()
	pu, _ := url.Parse(proxy.URL)
	cfg := testConfig(t)
	cfg.HTTPClient = &http.Client{Transport: &http.Transport{Proxy: http.ProxyURL(pu)}}
	f := newFetcher(t, cfg)
	rep := fetch(t, f, feed.url("/rss"))
	if n := internal.totalHits(); n != 0 {
		t.Errorf("internal server got %d requests through the proxy, want 0", n)
	}
	if len(rep.Feeds) != 1 || rep.Added != 1 || len(rep.Feeds[0].Skipped) != 3 {
		t.Fatalf("report = %+v", rep)
	}
	for _, s := range rep.Feeds[0].Skipped {
		if !strings.HasPrefix(s.Reason, "refused ") {
			t.Errorf("skip %s: %q, want refused", s.URL, s.Reason)
		}
	}
}

func TestHTTPClientTransportMustBeWrappable(t *testing.T) {
	cfg := testConfig(t)
	cfg.HTTPClient = &http.Client{Transport: roundTripFunc(func(*http.Request) (*http.Response, error) { return nil, nil })}
	if _, err := New(cfg); err == nil {
		t.Error("New accepted a transport whose dialer cannot be checked")
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
