package disagree_test

import (
	"fmt"

	"github.com/newsbot/newsbot/rag/disagree"
)

func ExampleFind() {
	sentences := []*disagree.Sentence{
		disagree.Read(0, 0, "The talks failed to end the war in Ukraine, which has raged for nearly three years."),
		disagree.Read(1, 0, "The war in Ukraine has gone on for nearly four years."),
	}
	for _, c := range disagree.Find(sentences) {
		fmt.Println(c.Kind, "/", c.Topic)
		for _, cl := range c.Claims {
			fmt.Printf("  report %d, sentence %d: %s\n", cl.Report, cl.Index, cl.Value)
		}
	}
	// Output:
	// duration / duration of the war
	//   report 0, sentence 0: nearly three years
	//   report 1, sentence 0: nearly four years
}
