// Package schedule delivers newsbot's daily briefings to subscribed Discord
// channels exactly once per local day.
//
// Subscriptions (guild, channel, "HH:MM", IANA time zone) and deliveries
// live in SQLite (the *sql.DB of Config, driver modernc.org/sqlite). A
// delivery is keyed by (subscription, local date) and moves
// generated → posting → posted (or skipped, failed). The generated briefing
// is stored with it, so a crash between generating and posting re-posts the
// same content rather than a new one.
//
// # Wall time and daylight saving
//
// The schedule is local wall time. On a spring-forward day a time that does
// not exist (02:30 in America/New_York) fires at the first instant after the
// gap (03:00 EDT); on a fall-back day an ambiguous time (01:30) fires at its
// first occurrence only, since the delivery key is the local date.
//
// # Catching up
//
// Tick (called every minute by Run) looks at today's and yesterday's
// scheduled instants. One that passed less than Config.Catchup ago and has
// no delivery is generated and posted; one that passed longer ago is
// recorded as skipped, with a log line. A scheduled instant earlier than the
// subscription itself never fires.
//
// # Exactly once, and where it stops
//
// Within the database, each (subscription, local date) gets one delivery
// row, claimed by a conditional UPDATE before Poster.Post is called, so two
// schedulers on one database (a restart overlapping the old process) never
// both post. What the database cannot know is whether Discord accepted a
// message when the process died inside Post: the row stays "posting", and
// once Config.PostLease has passed it is posted again with the same key.
// The key ("b<subscription>-<yyyymmdd>") is deterministic, so a Poster can
// use it to skip what it already posted (newsbot's poster records each
// message it posts under the key). Discord does not deduplicate the retry:
// discordgo v0.29 cannot send a message nonce (its MessageSend has no nonce
// or enforce_nonce field). So delivery is exactly once across restarts,
// reconnects and crashes outside Post, and at-least-once for a crash inside
// Post: a message Discord accepted but the Poster had not yet recorded is
// posted again.
package schedule
