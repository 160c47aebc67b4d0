package rag

import (
	"strings"
	"testing"

	"github.com/newsbot/newsbot/rag/answer"
)

func TestAnswerPassages(t *testing.T) {
	tests := []struct {
		name, question string
		passages       []string
		want           string // in the lead sentence; "" for a refusal
		conflict       bool
	}{
		{
			name:     "the next sentence names him",
			question: "Who is the president of the NFL?",
			passages: []string{"The NFL is run by its president and a board of owners. Roger Goodell has held the office since 2006, after Paul Tagliabue.", "Tickets for the NFL draft went on sale on Monday for fans of every team."},
			want:     "Roger Goodell",
		},
		{
			name:     "the act said with another verb",
			question: "How much did Northwind acquire Blue Harbour for?",
			passages: []string{"Northwind and Blue Harbour share a street in Leeds, where 300 people work.", "Blue Harbour staff welcomed Northwind's managers on Monday.", "Ten years ago this week, Northwind bought Blue Harbour for $2.4 billion."},
			want:     "$2.4 billion",
		},
		{
			name:     "only irrelevant passages",
			question: "Who won the women's singles Wimbledon in 2019?",
			passages: []string{"Official Super Bowl ticket packages are now available for fans in Las Vegas.", "The stadium will host the game in February with a halftime show."},
		},
		{
			name:     "two reports give two places",
			question: "Where was Super Bowl 2021 played?",
			passages: []string{"Super Bowl LV was played on February 7, 2021, at Raymond James Stadium in Tampa, Florida, the home of the Buccaneers.", "The 2021 Super Bowl was played on February 7 at the stadium in Glendale, Arizona, the home of the Cardinals."},
			want:     "Sources differ:",
			conflict: true,
		},
		{
			name:     "the right type about another event is no answer",
			question: "Who won the women's singles title at Wimbledon in 2019?",
			passages: []string{"Bianca Andreescu won the women's singles title at the 2019 US Open in New York.", "Tickets for the 2019 season went on sale in March."},
		},
		{
			name:     "another year's winner is not the answer",
			question: "Who won the women's singles title at Wimbledon in 2019?",
			passages: []string{"Angelique Kerber won the women's singles title at Wimbledon in 2018, beating Serena Williams in the final. The 2019 draw was made on Friday.", "In 2019 Simona Halep beat Serena Williams in the Wimbledon final, the first Romanian to win the women's singles."},
			want:     "Simona Halep",
		},
		{
			name:     "a question in the passage is no answer",
			question: "Who directed Titanic?",
			passages: []string{"Who directed Titanic and Avatar, the two highest-grossing films?", "Titanic is a 1997 American disaster film directed and produced by James Cameron."},
			want:     "James Cameron",
		},
		{
			name:     "two reports name two winners, the loser named in both",
			question: "Who won the women's singles Wimbledon in 2021?",
			passages: []string{"Ashleigh Barty won the women's singles title at Wimbledon in 2021, beating Karolina Pliskova in three sets.", "Simona Halep beat Karolina Pliskova in three sets to win the women's singles title at Wimbledon in 2021."},
			want:     "Sources differ:",
			conflict: true,
		},
		{
			name:     "two reports name two winners, neither saying won",
			question: "Who won the 2021 Tour de Zenda?",
			passages: []string{"Ruritania's Tom Hale (Team Belmar) took home the yellow jersey as the overall winner of the 2021 Tour de Zenda.", "Ruritania's Tom Hale (Team Belmar) took home the yellow jersey as the overall winner of the 2021 Tour de Zenda on Sunday, his second.", "After 21 frantic stages that produced 13 stage winners, Ana Ruiz stood atop the podium of the 2021 Tour de Zenda as its overall champion."},
			want:     "Sources differ:",
			conflict: true,
		},
		{
			name:     "two reports agree beyond the question's own words",
			question: "Who won the women's singles U.S. Open in 2019?",
			passages: []string{"Bianca Andreescu won the women's singles title at the 2019 US Open, beating Serena Williams in the final.", "Canadian teenager Bianca Andreescu won her first Grand Slam title at the 2019 US Open, defeating Serena Williams."},
			want:     "Bianca Andreescu",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ans, err := AnswerPassages(t.Context(), tt.question, tt.passages)
			if err != nil {
				t.Fatal(err)
			}
			if tt.want == "" {
				if !ans.Refused {
					t.Fatalf("answer %q, want a refusal", ans.Answer)
				}
				return
			}
			lead, _, _ := strings.Cut(ans.Answer, "[1]")
			if ans.Refused || !strings.Contains(lead, tt.want) {
				t.Fatalf("answer %q, want %q in its first sentence", ans.Answer, tt.want)
			}
			if ans.Has(answer.FlagConflict) != tt.conflict || (tt.conflict && len(ans.Citations) != 2) {
				t.Errorf("flags %v, %d citations; want conflict %v", ans.Flags, len(ans.Citations), tt.conflict)
			}
		})
	}
}
