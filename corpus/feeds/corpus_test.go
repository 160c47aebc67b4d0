package feeds

import (
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/corpus"
)

// TestCorpusLoadsFeedFiles: the corpus loader reads what the fetcher wrote
// with the metadata intact and no load errors.
func TestCorpusLoadsFeedFiles(t *testing.T) {
	s := newSite(t)
	paras := articleText(600, 5)
	s.set("/a", route{ctype: htmlType, body: articlePage(pageOpts{title: "Ignored page title", paras: paras, siteName: "Example Times"})})
	s.set("/feed", route{body: rss2("Example", rssItem{title: `Floods: "worst in decades"`, link: s.url("/a"),
		date: "Sat, 31 May 2025 07:30:00 +0000", author: "Ana Díaz"})})
	f := newFetcher(t, testConfig(t))
	rep := fetch(t, f, s.url("/feed"))
	arts, loadErrs, err := corpus.LoadDir(f.Dir())
	if err != nil {
		t.Fatal(err)
	}
	if len(loadErrs) != 0 {
		t.Fatalf("load errors: %v", loadErrs)
	}
	if len(arts) != 1 {
		t.Fatalf("loaded %d articles, want 1", len(arts))
	}
	a := arts[0]
	if a.ID != rep.ChangedIDs[0] {
		t.Errorf("ID = %q, want %q", a.ID, rep.ChangedIDs[0])
	}
	if a.Title != `Floods: "worst in decades"` || a.Source != "Example Times" || a.URL != s.url("/a") || a.Author != "Ana Díaz" {
		t.Errorf("loaded %q %q %q %q", a.Title, a.Source, a.URL, a.Author)
	}
	if want := time.Date(2025, 5, 31, 7, 30, 0, 0, time.UTC); !a.Published.Equal(want) || a.PublishedFrom != corpus.FromFrontMatter {
		t.Errorf("published %v from %q", a.Published, a.PublishedFrom)
	}
	for _, p := range paras {
		if !strings.Contains(a.Text, p) {
			t.Errorf("loaded text lacks %q", p)
		}
	}
}
