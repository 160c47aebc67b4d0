package text_test

import (
	"fmt"

	"github.com/newsbot/newsbot/corpus/text"
)

func ExampleSentences() {
	s := "Mr. Putin met U.S. envoys on Dec. 2. Talks lasted five hours.\n会谈结束了。没有达成协议！"
	for _, sp := range text.Sentences(s) {
		fmt.Println(s[sp.Start:sp.End])
	}
	// Output:
	// Mr. Putin met U.S. envoys on Dec. 2.
	// Talks lasted five hours.
	// 会谈结束了。
	// 没有达成协议！
}

func ExampleWords() {
	text.Words("Putin’s envoys REJECTED the naïve plan", func(w string) {
		if !text.IsStop(w) {
			fmt.Print(text.Stem(w), " ")
		}
	})
	fmt.Println()
	// Output: putin envoy reject naiv plan
}
