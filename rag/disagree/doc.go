// Package disagree finds the facts that reports (articles) of one story
// state differently: "where sources differ".
//
// Read parses one sentence once; Find compares the sentences of different
// reports and returns the disputed facts, each with the value every report
// gives and the sentence that gives it; Clash says whether two sentences
// state incompatible values, so that a summary does not cite one for the
// other.
//
// # Values
//
// Durations, counts, ages, money, percentages, weekdays and dates are read
// with their hedges ("nearly", "about", "more than", "at least") as
// intervals of the true value (quantity.go, mention.go) and attached to a
// slot (slot.go): the kind and unit, the event they measure ("five-hour
// meeting" → meeting, "the conflict that has raged for three years" → war)
// and, for dates, what the date marks ("broke out on Saturday" → start,
// "the Kremlin confirmed on Wednesday" → a statement). Values in one slot
// from different reports conflict only when their intervals do not overlap
// (disagree.go).
//
// Decision: a hedge is not a conflict — "nearly five hours", "about 5
// hours" and "five hours" agree and nothing is reported — while "nearly
// three years" and "nearly four years" do conflict. A slot in which one
// report itself states incompatible values (two different meetings) is
// never reported, nor are values tied to another occurrence ("the previous
// meeting", "in August"), relative times ("two years ago") or reporting
// windows ("in the past 24 hours").
//
// # Over time
//
// Ledger lists every quantity two or more reports state, each report's
// value in time order, as Updated (a later report revises the figure:
// "at least 48 killed" on Tuesday, "the death toll has climbed to 73" on
// Wednesday), Disputed (reports of the same time cannot both be right) or
// Agreed (hedges that fit). Only counts, money and percentages are
// revised; a different length, age or date is always a dispute. Reports
// six hours apart, or a later one that says the figure "climbed",
// "rose" or was "revised", are of different times. Entry.Check tells
// whether a summary sentence states a revised figure's old value as
// current, or one side of a dispute as settled. Labels name the quantity
// with the words of the sentence ("number of hearings"), never a stem.
//
// # Who
//
// Who did what is compared too (attribution.go): the same quotation given
// to different named speakers, and one singular office with a qualifier
// ("Kremlin spokesman") held by different people, tolerant of
// transliteration ("Zelensky"/"Zelenskyy"). A pronoun or a missing name is
// never compared, nor are offices that several people hold at once.
package disagree
