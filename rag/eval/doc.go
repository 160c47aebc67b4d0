// Package eval measures newsbot: answers on a question set about a corpus
// (RunQuestions), the sentence scorer of extractive answers on the
// Microsoft Research WikiQA corpus (RunWikiQA, Yang, Yih and Meek, EMNLP
// 2015) and offline briefing summaries on the L-Eval Multi-News sample
// with ROUGE-1/2 (RunMultiNews).
//
// WikiQA is scored the way the paper did: every candidate sentence of a
// question is ranked, and mean average precision (MAP) and mean reciprocal
// rank (MRR) are taken over the questions listed in
// WikiQA-<split>-filtered.ref (those with at least one correct and one
// incorrect candidate), with trec_eval's ordering. The ranker measured is
// rag.ScoreSentences, the code path extractive answers use; the baselines
// beside it are labelled as such.
//
// The public data sets are research-only: they are read at run time from
// a folder outside the repository and never shipped.
package eval
