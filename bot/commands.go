package bot

import (
	"context"
	"fmt"

	"github.com/bwmarrin/discordgo"
)

// Slash command names.
const (
	cmdAsk           = "ask"
	cmdSources       = "sources"
	cmdHelp          = "help"
	cmdBrief         = "brief"
	cmdSubscribe     = "subscribe"
	cmdUnsubscribe   = "unsubscribe"
	cmdSubscriptions = "subscriptions"
)

// commands returns the slash commands to register.
func (b *Bot) commands() []*discordgo.ApplicationCommand {
	one := 1
	cmds := []*discordgo.ApplicationCommand{
		{
			Name:        cmdAsk,
			Description: "Ask a question about the news; the answer cites its sources.",
			Options: []*discordgo.ApplicationCommandOption{
				{
					Type: discordgo.ApplicationCommandOptionString, Name: "question", Required: true,
					Description: "Your question", MinLength: &one, MaxLength: b.cfg.MaxQuestionLen,
				},
				{
					Type: discordgo.ApplicationCommandOptionString, Name: "source", Autocomplete: true,
					Description: "Only use articles from this outlet (e.g. Reuters)", MaxLength: 100,
				},
				{
					Type: discordgo.ApplicationCommandOptionString, Name: "article", Autocomplete: true,
					Description: "Only use this article (start typing its title)", MaxLength: 100,
				},
			},
		},
		{Name: cmdSources, Description: "List the articles I answer from."},
		{Name: cmdHelp, Description: "What I can do."},
	}
	if b.cfg.Briefer == nil {
		return cmds
	}
	manage := int64(discordgo.PermissionManageGuild)
	minHours := 1.0
	channelOpt := &discordgo.ApplicationCommandOption{
		Type: discordgo.ApplicationCommandOptionChannel, Name: "channel",
		Description:  "The channel (default: this one)",
		ChannelTypes: []discordgo.ChannelType{discordgo.ChannelTypeGuildText, discordgo.ChannelTypeGuildNews},
	}
	return append(cmds,
		&discordgo.ApplicationCommand{
			Name: cmdBrief, Description: "A briefing of the latest news.",
			Options: []*discordgo.ApplicationCommandOption{{
				Type: discordgo.ApplicationCommandOptionInteger, Name: "hours",
				Description: fmt.Sprintf("How many hours back (default %d)", defaultBriefHours),
				MinValue:    &minHours, MaxValue: maxBriefHours,
			}, {
				Type: discordgo.ApplicationCommandOptionBoolean, Name: "latest",
				Description: "Brief the newest day that has articles, however old",
			}},
		},
		&discordgo.ApplicationCommand{
			Name: cmdSubscribe, Description: "Post a daily briefing in a channel.", DefaultMemberPermissions: &manage,
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionString, Name: "time", Required: true, Description: "Local time of day, HH:MM (24-hour)", MaxLength: 5},
				{Type: discordgo.ApplicationCommandOptionString, Name: "timezone", Description: "IANA time zone, e.g. Europe/Berlin (default UTC)", MaxLength: 64, Autocomplete: true},
				channelOpt,
			},
		},
		&discordgo.ApplicationCommand{
			Name: cmdUnsubscribe, Description: "Stop the daily briefing in a channel.", DefaultMemberPermissions: &manage,
			Options: []*discordgo.ApplicationCommandOption{channelOpt},
		},
		&discordgo.ApplicationCommand{Name: cmdSubscriptions, Description: "List the channels that get daily briefings.", DefaultMemberPermissions: &manage},
	)
}

// registerCommands overwrites the application's commands in each configured
// guild, or globally when there are none. It returns the first error.
func (b *Bot) registerCommands(ctx context.Context, appID string) error {
	guilds := b.cfg.GuildIDs
	if len(guilds) == 0 {
		guilds = []string{""}
	}
	for _, g := range guilds {
		err := b.call(ctx, true, func(o ...discordgo.RequestOption) error {
			_, err := b.s.ApplicationCommandBulkOverwrite(appID, g, b.commands(), o...)
			return err
		})
		if err != nil {
			return fmt.Errorf("register commands (guild %q): %w", g, err)
		}
		b.log.Info("registered slash commands", "guild", g, "global", g == "")
	}
	return nil
}

// stringOption returns a string option's value, or "".
func stringOption(data discordgo.ApplicationCommandInteractionData, name string) string {
	for _, o := range data.Options {
		if o != nil && o.Name == name {
			if s, ok := o.Value.(string); ok {
				return s
			}
		}
	}
	return ""
}

// boolOption returns a boolean option's value, or false.
func boolOption(data discordgo.ApplicationCommandInteractionData, name string) bool {
	for _, o := range data.Options {
		if o != nil && o.Name == name {
			if v, ok := o.Value.(bool); ok {
				return v
			}
		}
	}
	return false
}

// intOption returns an integer option's value, or def.
func intOption(data discordgo.ApplicationCommandInteractionData, name string, def int) int {
	for _, o := range data.Options {
		if o != nil && o.Name == name {
			if f, ok := o.Value.(float64); ok {
				return int(f)
			}
		}
	}
	return def
}
