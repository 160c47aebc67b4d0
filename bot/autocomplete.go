package bot

import (
	"context"
	"log/slog"

	"github.com/bwmarrin/discordgo"
)

// onAutocomplete suggests values for the option being typed: known
// outlets for /ask source:, recent article titles for /ask article:, IANA
// time zones for /subscribe timezone:. Anything else gets no suggestions.
func (b *Bot) onAutocomplete(ctx context.Context, i *discordgo.Interaction, log *slog.Logger) {
	var choices []choice
	if data, ok := i.Data.(discordgo.ApplicationCommandInteractionData); ok {
		cmd, opt, typed := focused(data)
		actx, cancel := context.WithTimeout(ctx, ackBudget)
		switch {
		case cmd == cmdAsk && (opt == "source" || opt == "article"):
			srcs, err := b.knownSources(actx)
			if err != nil {
				log.Warn("list articles for autocomplete", "err", err)
				break
			}
			if opt == "source" {
				choices = outletChoices(srcs, typed)
			} else {
				choices = articleChoices(srcs, typed)
			}
		case cmd == cmdSubscribe && opt == "timezone":
			choices = zoneChoices(typed)
		}
		cancel()
	}
	out := make([]*discordgo.ApplicationCommandOptionChoice, 0, len(choices))
	for _, c := range choices {
		out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: c.name, Value: c.value})
	}
	err := b.respond(ctx, i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: out},
	})
	if err != nil {
		log.Warn("answer autocomplete", "err", err)
	}
}

// focused returns the command name, the focused option's name and what
// the user has typed in it so far.
func focused(data discordgo.ApplicationCommandInteractionData) (cmd, opt, typed string) {
	for _, o := range data.Options {
		if o != nil && o.Focused {
			s, _ := o.Value.(string)
			return data.Name, o.Name, s
		}
	}
	return data.Name, "", ""
}
