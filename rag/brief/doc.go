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
//  2. Grouping (group.go, candidates.go, cluster.go): average-link
//     agglomerative clustering over a pairwise similarity that mixes
//     TF-IDF cosine, embedding cosine and named-entity overlap, damped by
//     distance in time. Terms are interned once and vectors are sorted
//     id slices; only the pairs an inverted index of rare terms proposes
//     (at most 100 per article) are compared, and clusters merge through
//     a heap over that sparse graph, so a window costs about linear time.
//     Embeddings come from Config.Vectors (stored vectors) when it has
//     them. Sentence vectors, facts and chunk ids are computed only for
//     the articles of the stories shown, and a story's summary is chosen
//     from at most 400 sentences (every article's lead first).
//  3. Summary (extractive.go): sentences are scored by centrality
//     (LexRank-style PageRank over a cosine graph plus similarity to the
//     story centroid), position in the article and support from other
//     outlets, then picked MMR-style so near-duplicates appear once; a
//     sentence repeated by other outlets is cited to each of them.
//     With Config.Generate set, the model writes each story from numbered
//     passages (map) and an overview of the day (reduce); markers that do
//     not match a passage are dropped, and any model failure falls back to
//     the extractive summary with a warning.
//  4. Disagreements (package disagree): durations, counts, ages, money,
//     percentages, weekdays and dates are read with their hedges as
//     intervals and compared across the story's articles, along with who
//     said a quotation and who holds a singular office ("Kremlin
//     spokesman"). A hedge is not a conflict: "nearly five hours" and
//     "five hours" agree, "nearly three years" and "nearly four years" do
//     not. Sentences that state a disputed value are never cited for each
//     other.
//  5. Copies and figures over time (syndication.go, facts.go): an article
//     whose text lies almost wholly inside another's (word 5-shingle
//     containment ≥ 0.8) is a copy of that report; a story counts its
//     independent reports and copies, and a copy adds to the comparison
//     only the sentences it changed. The figure ledger (disagree.Ledger)
//     over the publication times gives Developing (figures revised
//     later, each value cited) and the disputed figures; at most five
//     differences are shown, the most salient first (people counts,
//     money, dates, who said what), with at most three sources a side. In
//     model mode the ledger is part of the prompt, and a summary sentence
//     that states a revised figure's old value is dropped with a warning.
//
// Citations use answer.Citation, with the ChunkID of the chunk.Article chunk
// that holds the quoted sentence.
package brief
