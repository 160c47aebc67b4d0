package bot

import "github.com/bwmarrin/discordgo"

// noMentions returns allowed mentions that let nothing ping: no @everyone,
// no roles, no users, not even the author of a replied-to message. It is a
// new value each time so that no caller can change another's.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}
