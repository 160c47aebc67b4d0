// Package brief writes newsbot's daily briefings: it groups the articles of
// a time window into stories, summarizes each story across outlets with [n]
// citations (extractively, or through a model when one is configured), and
// lists the facts that outlets state differently ("where sources differ").
//
// # Pipeline
//
//  1. Window: articles are kept when their publication time falls inside
//     the window; undated articles only with Window.All. The briefing notes
//     when some dates come from file times or are unknown.
//  2. Grouping (group.go): average-link agglomerative clustering over a
//     pairwise similarity that mixes TF-IDF cosine, embedding cosine and
//     named-entity overlap, damped by distance in time.
//  3. Summary (extractive.go): sentences are scored by centrality
//     (LexRank-style PageRank over a cosine graph plus similarity to the
//     story centroid), position in the article and support from other
//     outlets, then picked MMR-style so near-duplicates appear once; a
//     sentence repeated by other outlets is cited to each of them.
//     With Config.Generate set, the model writes each story from numbered
//     passages (map) and an overview of the day (reduce); markers that do
//     not match a passage are dropped, and any model failure falls back to
//     the extractive summary with a warning.
//  4. Disagreements (quantity.go, mention.go, slot.go, disagree.go,
//     attribution.go): durations, counts, ages, money, percentages,
//     weekdays and dates are read with their hedges ("nearly", "about",
//     "more than", "at least") as intervals of the true value and attached
//     to a slot: the kind and unit, the event they measure ("five-hour
//     meeting" → meeting, "the conflict that has raged for three years" →
//     war) and, for dates, what the date marks ("broke out on Saturday" →
//     start, "the Kremlin confirmed on Wednesday" → a statement). Values in
//     one slot from different articles conflict only when their intervals
//     do not overlap. Decision: a hedge is not a conflict — "nearly five
//     hours", "about 5 hours" and "five hours" agree and nothing is
//     reported — while "nearly three years" and "nearly four years" do
//     conflict. A slot in which one article itself states incompatible
//     values (two different meetings) is never reported, nor are values
//     tied to another occurrence ("the previous meeting", "in August"),
//     relative times ("two years ago") or reporting windows ("in the past
//     24 hours"). Who did what is compared too: the same quotation given to
//     different named speakers, and one singular office with a qualifier
//     ("Kremlin spokesman") held by different people, tolerant of
//     transliteration ("Zelensky"/"Zelenskyy"). Sentences that state a
//     disputed value are never cited for each other.
//
// Citations use answer.Citation, with the ChunkID of the rag.ChunkArticle chunk
// that holds the quoted sentence.
package brief
