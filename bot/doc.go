// Package bot is newsbot's Discord adapter, built on discordgo: slash
// commands (/ask, /sources, /help, and /brief with channel subscriptions
// when a Briefer is configured), questions by mention, reply or in a thread
// the bot answered in (with the earlier turns as context), answers streamed
// into a message and finished with their cited sources, feedback buttons
// stored in SQLite, per-user rate limits and a bounded answer queue.
//
// # What a reader sees
//
// An answer is an embed whose title and colour show its status (answered,
// uncertain, unsupported parts, sources differ, quoted because the model
// failed, not covered) and whether it is still being written; the citation
// check's warnings are fields, never hidden. Sources are one entry per
// article, and the answer's [n] markers are renumbered to those entries.
// Outlets that are really ids show as the URL's host or a short title.
// Config.PlainText posts the same as plain text. One answer takes at most
// three messages. /brief and scheduled briefings post a short overview and
// the stories in a thread started from it; a question in that thread is
// answered from the briefing's articles first.
//
// # Safety
//
// Every message, edit, follow-up and interaction response the bot sends
// carries empty allowed mentions, so nothing it posts can ping; links do
// not unfurl (wrapped in <...>, and plain-text messages carry the flag
// SUPPRESS_EMBEDS);
// untrusted text (articles, model output, echoed questions) is neutralized
// before display. The token is a Secret that never prints. Errors reach the
// user as one sentence with a short reference id; the cause is logged under
// that id.
//
// # Discord-compatible servers
//
// Config.APIBase points the bot at any Discord-compatible API (such as the
// local fake in bot/discordtest): discordgo's REST calls to discord.com are
// rewritten to it, and the gateway is whatever its GET /api/v9/gateway
// returns.
//
// # Lifecycle
//
// New validates a Config; Run connects, registers the commands, answers until
// its context ends, then drains in-flight answers (bounded) and closes the
// gateway. discordgo resumes dropped gateway connections by itself.
package bot
