package brief

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/newsbot/newsbot/prompts"
	"github.com/newsbot/newsbot/rag/answer"
)

// Model mode limits.
const (
	// storyPassages is how many sentences a story sends to the model.
	storyPassages = 12
	// passageBudget bounds the passages of one story prompt, in tokens.
	passageBudget = 3000
)

var (
	markerRe = regexp.MustCompile(`\[(\d+(?:\s*,\s*\d+)*)\]`)
	// spaceBeforePunct is left behind by a dropped marker.
	spaceBeforePunct = regexp.MustCompile(`\s+([.,;:!?])`)
	// sentenceEndRe splits model prose after a sentence end and its markers.
	sentenceEndRe = regexp.MustCompile(`[.!?]["”’)]*(?:\s*\[\d+(?:\s*,\s*\d+)*\])*\s+`)
)

// generate rewrites each story's summary with the model (map) and writes
// the overview (reduce). A story whose model call fails, or whose reply
// has no verifiable citation, keeps its extractive summary and the
// briefing gets a warning. Only ctx's end is an error.
func (b *Briefer) generate(ctx context.Context, docs []doc, groups [][]int, out *answer.Briefing) error {
	today := out.GeneratedAt.Format("2006-01-02")
	generated := 0
	for i, g := range groups {
		if err := ctx.Err(); err != nil {
			return err
		}
		st, warns, ok := b.modelStory(ctx, docs, g, out.Stories[i], today)
		for _, w := range warns {
			out.Warnings = append(out.Warnings, fmt.Sprintf("story %d: %s", i+1, w))
		}
		if ok {
			out.Stories[i] = st
			generated++
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if generated == 0 {
		out.Warnings = append(out.Warnings, "the model wrote no story; extractive summaries shown")
		return nil
	}
	out.Mode = "llm"
	if len(out.Stories) > 1 {
		overview, warns := b.modelOverview(ctx, out.Stories, today)
		out.Overview = overview
		out.Warnings = append(out.Warnings, warns...)
	}
	return ctx.Err()
}

// modelStory asks the model for one story's summary from numbered
// sentences and verifies its markers.
func (b *Briefer) modelStory(ctx context.Context, docs []doc, g []int, ext answer.Story, today string) (answer.Story, []string, bool) {
	cands, lens := candidates(docs, g)
	var sents []*sentence
	f := storyFacts(docs, g, reports(docs, g))
	for _, p := range selectSentences(cands, lens, f.avoid(docs), storyPassages, 0) {
		sents = append(sents, p.s)
		sents = append(sents, p.also...)
	}
	if len(sents) == 0 {
		return ext, nil, false
	}
	sents = append(sents, f.ledgerSentences(docs, sents)...)
	passages := make([]prompts.Passage, len(sents))
	for i, s := range sents {
		d := docs[s.doc]
		passages[i] = prompts.Passage{N: i + 1, Title: d.a.Title, Source: d.outlet, Text: s.text}
		if knownDate(d.a) {
			passages[i].Date = d.a.Published.Format("2006-01-02")
		}
	}
	passages = prompts.Pack(passages, passageBudget, nil)
	system, user, err := prompts.BriefStory(prompts.StoryData{Topic: ext.Headline, Passages: passages, Today: today, Figures: f.promptFigures(docs, sents, passages)})
	if err != nil {
		return ext, []string{"prompt: " + err.Error()}, false
	}
	reply, err := b.cfg.Generate(ctx, system, user)
	if err != nil {
		b.log.Warn("briefing: model failed; extractive summary kept", "err", err)
		return ext, []string{"the model failed; extractive summary shown"}, false
	}
	summary := modelSummary(reply)
	// Re-cite: passage n becomes a story citation.
	sent := make(map[int]*sentence, len(passages))
	for _, p := range passages {
		sent[p.N] = sents[p.N-1]
	}
	st := ext
	c := newCiter(docs)
	var warns []string
	dropped := 0
	var kept, staleDropped []string
	for _, sentText := range splitProse(summary) {
		valid := 0
		rewritten := markerRe.ReplaceAllStringFunc(sentText, func(m string) string {
			var marks strings.Builder
			for _, f := range strings.Split(strings.Trim(m, "[]"), ",") {
				n, err := strconv.Atoi(strings.TrimSpace(f))
				s, ok := sent[n]
				if err != nil || !ok {
					dropped++
					continue
				}
				fmt.Fprintf(&marks, "[%d]", c.cite(s.doc, s.idx))
				valid++
			}
			return marks.String()
		})
		if valid == 0 {
			dropped++ // a sentence without a verifiable source is left out
			continue
		}
		if topic, stale, oneSided := f.check(markerRe.ReplaceAllString(sentText, "")); stale {
			staleDropped = append(staleDropped, topic)
			continue // an old figure stated as current: the ledger corrects it
		} else if oneSided {
			warns = append(warns, fmt.Sprintf("the model's summary gives one side of a disputed figure (%s) as settled", topic))
		}
		kept = append(kept, tidy(rewritten))
	}
	if dropped > 0 {
		warns = append(warns, fmt.Sprintf("%d unverifiable citation markers or uncited sentences dropped from the model's summary", dropped))
	}
	for _, topic := range staleDropped {
		warns = append(warns, fmt.Sprintf("a sentence stating a superseded figure (%s) dropped from the model's summary; see Developing", topic))
	}
	if len(kept) == 0 {
		return ext, append(warns, "the model's summary had no verifiable citation; extractive summary shown"), false
	}
	st.Summary = strings.Join(kept, " ")
	st.Developing = f.developments(docs, c)
	st.Disagreements = f.disagreements(docs, c)
	st.Citations = c.cites
	return st, warns, true
}

// modelSummary takes the text after "Summary:" up to the differences.
func modelSummary(reply string) string {
	s := reply
	if i := strings.Index(s, prompts.SummaryLabel); i >= 0 {
		s = s[i+len(prompts.SummaryLabel):]
	}
	if i := strings.Index(s, prompts.DifferencesLabel); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// splitProse splits model text into sentences, keeping each sentence's
// trailing markers with it.
func splitProse(s string) []string {
	s = strings.Join(strings.Fields(s), " ")
	var out []string
	for {
		loc := sentenceEndRe.FindStringIndex(s)
		if loc == nil {
			break
		}
		out = append(out, strings.TrimSpace(s[:loc[1]]))
		s = s[loc[1]:]
	}
	if t := strings.TrimSpace(s); t != "" {
		out = append(out, t)
	}
	return out
}

// modelOverview asks for the briefing's opening; story markers [k] must
// name a story, others are dropped.
func (b *Briefer) modelOverview(ctx context.Context, stories []answer.Story, today string) (string, []string) {
	d := prompts.ReduceData{Date: today}
	for i, s := range stories {
		d.Stories = append(d.Stories, prompts.StorySummary{N: i + 1, Title: s.Headline, Summary: markerRe.ReplaceAllString(s.Summary, "")})
	}
	system, user, err := prompts.BriefReduce(d)
	if err != nil {
		return "", []string{"overview prompt: " + err.Error()}
	}
	reply, err := b.cfg.Generate(ctx, system, user)
	if err != nil {
		b.log.Warn("briefing: model failed on the overview", "err", err)
		return "", []string{"the model failed to write the overview"}
	}
	dropped := 0
	text := markerRe.ReplaceAllStringFunc(strings.TrimSpace(reply), func(m string) string {
		var out strings.Builder
		for _, f := range strings.Split(strings.Trim(m, "[]"), ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || n < 1 || n > len(stories) {
				dropped++
				continue
			}
			fmt.Fprintf(&out, "[%d]", n)
		}
		return out.String()
	})
	var warns []string
	if dropped > 0 {
		warns = append(warns, fmt.Sprintf("%d unknown story markers dropped from the overview", dropped))
	}
	return tidy(text), warns
}

// tidy collapses spaces and removes those a dropped marker left before
// punctuation.
func tidy(s string) string {
	return spaceBeforePunct.ReplaceAllString(strings.Join(strings.Fields(s), " "), "$1")
}
