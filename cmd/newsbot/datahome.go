package main

import (
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"runtime"
)

// The data home holds the database and the feeds folder. Nothing else is
// read from or written to a default location: the current directory is
// used only for paths the user names.
const (
	dataHomeName = "newsbot"
	dbFileName   = "newsbot.db"
	feedsDirName = "feeds"
)

// dataHomeHelp says where the default data home is, for --help.
const dataHomeHelp = `$XDG_DATA_HOME/newsbot, else ~/.local/share/newsbot on Linux,
~/Library/Application Support/newsbot on macOS, %LocalAppData%\newsbot on Windows`

// defaultDataHome returns the per-user data folder for goos, from the
// environment: $XDG_DATA_HOME/newsbot (when absolute), else
// ~/.local/share/newsbot; ~/Library/Application Support/newsbot on macOS;
// %LocalAppData%\newsbot on Windows. It returns an error when the
// environment names no home folder.
func defaultDataHome(env Env, goos string) (string, error) {
	join := filepath.Join
	if goos == "windows" {
		if d := env("LocalAppData"); d != "" {
			return join(d, dataHomeName), nil
		}
		if d := env("USERPROFILE"); d != "" {
			return join(d, "AppData", "Local", dataHomeName), nil
		}
		return "", errors.New("neither LocalAppData nor USERPROFILE is set")
	}
	if goos != "darwin" {
		if d := env("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
			return join(d, dataHomeName), nil
		}
	}
	home := env("HOME")
	if home == "" {
		return "", errors.New("HOME is not set")
	}
	if goos == "darwin" {
		return join(home, "Library", "Application Support", dataHomeName), nil
	}
	return join(home, ".local", "share", dataHomeName), nil
}

// where says where a run's data lives, as `sources`, `ingest` and `-v`
// report it.
type where struct {
	// DataHome is the data folder; DataHomeFrom says how it was chosen:
	// "--data", "NEWSBOT_DATA" or "default".
	DataHome     string `json:"data_home"`
	DataHomeFrom string `json:"data_home_from"`
	Database     string `json:"database"`
	FeedsDir     string `json:"feeds_dir"`
	// Corpus is the configured article folder, "" when none is.
	Corpus string `json:"corpus,omitempty"`
}

// resolvePaths fills o.data, o.db and o.feedsDir from the flags set on fs,
// the environment and the default data home, in that order. The database
// and feeds folder default to files in the data home; --db, NEWSBOT_DB,
// --feeds-dir and NEWSBOT_FEEDS_DIR override them one by one. It returns a
// usage error when a path is needed but no data home can be found.
func resolvePaths(o *options, fs *flag.FlagSet, env Env) error {
	o.corpusSet = isSet(fs, "corpus") || env("NEWSBOT_CORPUS") != ""
	switch {
	case isSet(fs, "data"):
		o.dataFrom = "--data"
	case env("NEWSBOT_DATA") != "":
		o.data, o.dataFrom = env("NEWSBOT_DATA"), "NEWSBOT_DATA"
	default:
		o.dataFrom = "default"
		home, err := defaultDataHome(env, runtime.GOOS)
		if err != nil {
			if o.db == "" {
				return usagef("no data folder: %v; set --data DIR or NEWSBOT_DATA", err)
			}
			// The database was named: run without a data home; fetching
			// feeds then needs --feeds-dir (see newFetcher).
			o.dataFrom = "none: " + err.Error()
			return nil
		}
		o.data = home
	}
	if o.data == "" {
		return usagef("--data: the data folder is empty")
	}
	o.data = absPath(o.data)
	if o.db == "" {
		o.db = filepath.Join(o.data, dbFileName)
	}
	if o.feedsDir == "" {
		o.feedsDir = filepath.Join(o.data, feedsDirName)
	}
	return nil
}

// where returns the run's data locations.
func (o options) where() where {
	w := where{DataHome: o.data, DataHomeFrom: o.dataFrom, Database: absPath(o.db)}
	if o.feedsDir != "" {
		w.FeedsDir = absPath(o.feedsDir)
	}
	if o.corpusSet {
		w.Corpus = absPath(o.corpus)
	}
	return w
}

// String is the one line `-v` prints.
func (w where) String() string {
	s := fmt.Sprintf("data home %s (%s); database %s; feeds %s", w.DataHome, w.DataHomeFrom, w.Database, w.FeedsDir)
	if w.Corpus != "" {
		s += "; corpus " + w.Corpus
	}
	return s
}
