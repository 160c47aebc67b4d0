package main

import (
	"context"
	"flag"
	"fmt"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/newsbot/newsbot/internal/migrate"
)

func versionFlags(fs *flag.FlagSet, o *options) {
	fs.BoolVar(&o.json, "json", false, "print JSON")
}

// versionOutput is what `newsbot version` reports.
type versionOutput struct {
	// Version is the module version ("(devel)" for a build from a work
	// tree), with the VCS revision when the build recorded one.
	Version  string `json:"version"`
	Revision string `json:"revision,omitempty"`
	Go       string `json:"go"`
	Database string `json:"database"`
	// Schema is the migration version of every owner of tables.
	Schema map[string]int `json:"schema"`
}

// runVersion prints the program's and the database's versions, opening
// (and, when new or older, migrating) the database.
func runVersion(ctx context.Context, a *app, args []string) error {
	if len(args) > 0 {
		return usagef("version takes no arguments")
	}
	out := versionOutput{Version: "unknown", Go: runtime.Version(), Database: a.opts.db}
	if info, ok := debug.ReadBuildInfo(); ok {
		out.Version = info.Main.Version
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" {
				out.Revision = s.Value
			}
		}
	}
	db, err := a.database(ctx)
	if err != nil {
		return err
	}
	if out.Schema, err = migrate.Versions(ctx, db); err != nil {
		return err
	}
	if a.opts.json {
		return writeJSON(a.stdout, out)
	}
	fmt.Fprintf(a.stdout, "newsbot %s", out.Version)
	if out.Revision != "" {
		fmt.Fprintf(a.stdout, " (%s)", out.Revision)
	}
	fmt.Fprintf(a.stdout, "\ngo %s\ndatabase %s\n", out.Go, out.Database)
	owners := make([]string, 0, len(out.Schema))
	for o := range out.Schema {
		owners = append(owners, o)
	}
	sort.Strings(owners)
	parts := make([]string, len(owners))
	for i, o := range owners {
		parts[i] = fmt.Sprintf("%s %d", o, out.Schema[o])
	}
	fmt.Fprintf(a.stdout, "schema %s\n", strings.Join(parts, ", "))
	return nil
}
