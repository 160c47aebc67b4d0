package corpus

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"
)

// copyrightLine matches a copyright notice and captures the holder:
// "© Al Nisr Publishing LLC 2025. All rights reserved.", "Copyright 2025
// Reuters.", "(c) 2024-2025 The Daily Star".
var copyrightLine = regexp.MustCompile(`(?i)^\s*(?:©|\(c\)|copyright)(?:\s*(?:©|\(c\)))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(.+?)\s*(?:,?\s*\d{4})?\s*(?:[.,;|-]\s*all rights reserved\b.*)?[.\s]*$`)

// legalSuffix is a company form that readers do not need in an outlet name.
var legalSuffix = regexp.MustCompile(`(?i)[, ]+(?:llc|l\.l\.c\.|ltd\.?|limited|inc\.?|plc|gmbh|s\.a\.|co\.)$`)

// publisherOf returns the publisher a copyright notice names, or "".
func publisherOf(line string) string {
	if len(line) > maxFurnitureRunes*2 {
		return ""
	}
	m := copyrightLine.FindStringSubmatch(line)
	if m == nil {
		return ""
	}
	name := strings.TrimSpace(legalSuffix.ReplaceAllString(strings.TrimSpace(m[1]), ""))
	name = strings.Trim(name, " .,;:-–|")
	low := strings.ToLower(name)
	if !strings.ContainsFunc(name, unicode.IsLetter) || strings.HasPrefix(low, "all rights") || len([]rune(name)) > 60 {
		return ""
	}
	return name
}

// hostOutlet returns the outlet a URL names: its host without "www.", or "".
func hostOutlet(rawURL string) string {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || u.Hostname() == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}
