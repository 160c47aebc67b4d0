package eval

import "testing"

func TestNamesAnswer(t *testing.T) {
	barty := RGBItem{Answer: [][]string{{"Ashleigh Barty"}}}
	date := RGBItem{Answer: [][]string{{"September 20 2019", "Sep 20, 2019"}}}
	for _, tt := range []struct {
		docs []string
		it   RGBItem
		want bool
	}{
		{[]string{"Barty wins the 2021 Wimbledon."}, barty, true},
		{[]string{"Pliskova reached the final.", "Ticket news."}, barty, false},
		{[]string{"The phone was released on September 20th."}, date, true},
		{[]string{"It went on sale on 20 Sep."}, date, true},
		{[]string{"It was announced in September 2019 for a later date."}, date, false},
	} {
		if got := namesAnswer(tt.docs, tt.it); got != tt.want {
			t.Errorf("namesAnswer(%q) = %v, want %v", tt.docs, got, tt.want)
		}
	}
}
