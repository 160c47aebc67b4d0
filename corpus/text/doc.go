// Package text holds the text segmentation that the loader, the prompts,
// the answering service, the local embedder and the briefings share, one
// copy of each: sentence boundaries as byte spans (news abbreviations,
// initials and CJK full stops handled), word iteration, the English stop
// words, the Snowball English ("Porter2") stemmer and the splitmix64
// finaliser used to hash words and shingles.
//
// It uses the standard library only, so that corpus and prompts can
// import it.
package text
