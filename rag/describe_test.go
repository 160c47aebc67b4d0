package rag

import (
	"strings"
	"testing"
	"time"

	"github.com/newsbot/newsbot/corpus"
	"github.com/newsbot/newsbot/rag/answer"
)

// TestNameDescriptions: a person the question names by what they are is
// read with the name the passages write beside that title, when one name
// is written so more often than any other; a question asking who they
// are, or one naming them already, keeps its words.
func TestNameDescriptions(t *testing.T) {
	texts := []string{
		"Zendan President Ana Ruiz met Belmar Prime Minister Tom Hale on Tuesday.",
		"Lena Berg, the Zendan president's daughter-in-law, attended. Belmar Foreign Minister Mira Sol said little.",
		"Ana Ruiz, the Zendan President, left early.",
	}
	for q, want := range map[string]string{
		"What did the Zendan leader say after the talks?":         "What did Ruiz say after the talks?",
		"what did belmar's top diplomat say":                      "what did Sol say",
		"Where did the president's daughter-in-law sit?":          "Where did Berg sit?",
		"Which bill did the Belmar head of government sign?":      "Which bill did Hale sign?",
		"Who is the Zendan leader?":                               "Who is the Zendan leader?",
		"What did Zendan President Ana Ruiz say after the talks?": "What did Zendan President Ana Ruiz say after the talks?",
		"What did the leader say after the talks?":                "What did the leader say after the talks?", // two leaders, once each
		"What did the Kaltan leader say after the talks?":         "What did the Kaltan leader say after the talks?",
	} {
		if got := nameDescriptions(q, texts); got != want {
			t.Errorf("nameDescriptions(%q) = %q, want %q", q, got, want)
		}
	}
}

// TestDescribedPersonAnswered: a question refused as worded is answered
// when the person it describes is read by name.
func TestDescribedPersonAnswered(t *testing.T) {
	passages := []string{
		"Zendan President Ana Ruiz opened a school in the capital on Monday.",
		"The meeting came after Ruiz earlier signalled that her forces were prepared to keep fighting until the war aims are achieved.",
	}
	checkLead(t, "Ahead of the talks, what did the Zendan leader indicate her troops were willing to do?", passages, "keep fighting")
	checkLead(t, "Ahead of the talks, what did the Kaltan leader indicate her troops were willing to do?", passages, "")
}

// TestAskDescribedPerson: Ask reads a refused question's description by
// the name the stored articles give it, and searches with the name.
func TestAskDescribedPerson(t *testing.T) {
	ctx := t.Context()
	s := openTest(t, Config{})
	arts := []corpus.Article{
		{ID: "a1", Title: "Zendan talks", Source: "Post", Hash: "a1", Text: "Zendan President Ana Ruiz opened a school in the capital on Monday. Teachers welcomed the visit."},
		{ID: "a2", Title: "Before the talks", Source: "Herald", Hash: "a2", Text: "The meeting came after Ruiz earlier signalled that her forces were prepared to keep fighting until the war aims are achieved."},
	}
	if _, err := s.Ingest(ctx, arts, IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	ans, err := s.Ask(ctx, answer.Request{Question: "Ahead of the talks, what did the Zendan leader indicate her troops were willing to do?"})
	if err != nil {
		t.Fatal(err)
	}
	checkFirst(t, ans.Question, ans, "keep fighting")
}

// TestNameDescriptionsLongText: a hostile passage full of titles does not
// hang the reading of a question (each apposition is looked for within a
// bounded reach, not in all the text before its title). Read so, 500 KB
// take about 2 s with -race on a 2-core machine (2 MB took about 10 s and
// once passed the old 20 s limit on a loaded one); the limit guards
// against a hang, it times nothing.
func TestNameDescriptionsLongText(t *testing.T) {
	text := strings.Repeat("the president, and the Zendan president ", 12500)
	done := make(chan string, 1)
	go func() { done <- nameDescriptions("What did the Zendan leader say?", []string{text}) }()
	select {
	case got := <-done:
		if got != "What did the Zendan leader say?" {
			t.Errorf("got %q, want the question unchanged", got)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("nameDescriptions on a 500 KB text did not finish in 60s")
	}
}

// TestDescribedAlways: a question naming a person by description is read
// with their name even when, read as asked, it finds another answer.
func TestDescribedAlways(t *testing.T) {
	checkLead(t, "On what matter did Zenda's top diplomat say there had been some progress?", []string{
		"\"There has been some progress on some matters,\" the top Belmar diplomat said of the talks with Zenda on the border.",
		"Zenda Secretary of State Ana Ruiz had previously expressed cautious optimism, suggesting that some progress was being made on security guarantees.",
	}, "security guarantees")
}

// TestDescribedSpelling: the name put for a description is spelled as the
// texts write it most often.
func TestDescribedSpelling(t *testing.T) {
	texts := []string{
		"Zenda President Ana Tarasenkoo met the envoys. Zenda President Ana Tarasenkoo spoke later.",
		"Zenda President Ana Tarasenko said the talks would go on. Tarasenko met Hale. Tarasenko left.",
	}
	if got := nameDescriptions("What did the Zenda leader say?", texts); got != "What did Tarasenko say?" {
		t.Errorf("nameDescriptions = %q, want %q", got, "What did Tarasenko say?")
	}
}
