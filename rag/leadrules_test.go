package rag

import (
	"slices"
	"strings"
	"testing"
)

// TestCauseAfterRetelling: asked why, the sentence after one that retells
// what happened gives the cause, even when another retelling leads.
func TestCauseAfterRetelling(t *testing.T) {
	checkLead(t, "so why did hale vote for a rate hike when everyone else didnt", []string{
		"One member of the Zenda Bank's rate-setting committee - Tom Hale - voted to raise rates to 5%. " +
			"The news surprised some analysts who had expected another unanimous decision. " +
			"Worries over consumer spending were behind the decision to freeze rates, the minutes showed. " +
			"The bank's latest report had noted that inflation might fall.",
		"However, committee member Tom Hale voted for a quarter point rise in interest rates to 5%. " +
			"He argued that economic growth was picking up, and that the housing market had been stronger than expected.",
	}, "economic growth was picking up")
}

// TestCauseOfDatedEvent: asked why something happened in a given year, a
// lead that says nothing of it then gives way to one that does.
func TestCauseOfDatedEvent(t *testing.T) {
	passages := []string{
		"Former Zenda 200m champion Tom Hale is to retire from athletics after a series of six operations left him struggling for fitness. " +
			"The 31-year-old was suspended for two years in 2011 after testing positive for nandrolone.",
	}
	for q, want := range map[string]string{
		"Why was Hale banned back in 2011?": "nandrolone",
		// Without a year, a lead's "after" may give the cause.
		"Why was Hale banned?": "six operations",
	} {
		cands := candidatesOf(t, q, passages)
		lead := slices.IndexFunc(cands, func(c candidate) bool { return strings.Contains(c.text, "six operations") })
		if lead < 0 {
			t.Fatalf("%s: no candidate retells the retirement", q)
		}
		if got := cands[causeLead(q, cands, lead)].text; !strings.Contains(got, want) {
			t.Errorf("%s: causeLead from the retirement = %q, want %q", q, got, want)
		}
	}
}

// TestVagueAmount: asked how many, a figure answers before a vague
// amount ("thousands").
func TestVagueAmount(t *testing.T) {
	checkLead(t, "How many public bodies does the Zenda Information Act cover?", []string{
		"Thousands of public bodies are ill-prepared for the Zenda Information Act, due to come into force next month, say MPs. " +
			"The act provides a right of access to information held by about 100,000 public bodies.",
	}, "100,000")
}

// TestQuotationGoesOnSaying: a quotation after one that a pronoun says
// for the speaker is the speaker's too.
func TestQuotationGoesOnSaying(t *testing.T) {
	cands := candidatesOf(t, "What did the Zenda Federation's chief economist predict about interest rates?", []string{
		"Zenda Federation chief economist Ana Ruiz said the economy had slowed. " +
			"\"The bank is having to juggle inflation against the risk of a slowdown,\" she said. " +
			"\"Interest rates are likely to remain on hold for some time.\"",
	})
	for _, c := range cands {
		if strings.Contains(c.text, "remain on hold") && (!c.says || c.unsaid) {
			t.Errorf("%q: says %v, unsaid %v; want said by Ruiz", c.text, c.says, c.unsaid)
		}
	}
}

// TestSpeakerNamedSaysBetter: asked how someone characterised something,
// a sentence in which they, named, say it leads before one that only
// reports on them, though it shares fewer of the question's words.
func TestSpeakerNamedSaysBetter(t *testing.T) {
	q := "How did Ana Ruiz characterise the government's first instinct on the anti-terror laws?"
	cands := candidatesOf(t, q, []string{
		"Ms Ruiz has been under fire in recent days for missing Monday's vote on the government's controversial anti-terrorism laws.",
		"Zenda Party leader Ana Ruiz says that the plan is a further example of the government's \"authoritarian\" response to crises.",
	})
	lead := slices.IndexFunc(cands, func(c candidate) bool { return strings.Contains(c.text, "under fire") })
	if lead < 0 {
		t.Fatal("no candidate reports on her")
	}
	if got := cands[saysBetter(localLexicon(), q, cands, lead)].text; !strings.Contains(got, "authoritarian") {
		t.Errorf("saysBetter = %q, want the sentence in which she says it", got)
	}
}

// TestAskedTime: a question that dates what it asks is answered by the
// sentence stating that time, and a time without a date may be part of a
// month ("later in January").
func TestAskedTime(t *testing.T) {
	checkLead(t, "how many staff did zenda games have back at the start of the year", []string{
		"After the latest round of cuts there are 80 staff at Zenda Games headquarters in north London, with 17 at its offices in Belmar. " +
			"At the start of the year, the Zenda firm employed 268 people.",
	}, "268")
	checkLead(t, "when is zenda motors supposed to reveal its recovery plan", []string{
		"Zenda Motors, the only major Belmar car firm in the red, confirmed on Tuesday that it would cut 1,000 jobs. " +
			"Zenda Motors is due to unveil a recovery plan later in January.",
	}, "later in January")
	// Another report's "in January last year" is another figure.
	checkLead(t, "how much did like for like sales go up in january vs last year", []string{
		"Zenda retail sales in what is traditionally a strong month rose by 0.5% on a like-for-like basis in January, compared with a year earlier.",
		"The Belmar lenders' council said gross mortgage lending stood at £17.9bn in January, up from £11.8bn in January last year.",
	}, "0.5%")
}
