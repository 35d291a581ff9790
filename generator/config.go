package generator

import "github.com/affsite/affsite/siteconfig"

// This file is the generator's view of package siteconfig, which reads
// a site's configuration: the names callers of the generator (check, the
// CLI) use.

// Config is a site's configuration (see siteconfig.Config).
type Config = siteconfig.Config

// IgnoredSetting is a configuration key affsite accepts and does not use.
type IgnoredSetting = siteconfig.IgnoredSetting

// MinifySetting is site.toml's minify key (see siteconfig.MinifySetting).
type MinifySetting = siteconfig.MinifySetting

// ThemeList is the theme key: one theme's name, or a list of them.
type ThemeList = siteconfig.ThemeList

// Environments a build and a preview read config/<environment>/ for,
// as Hugo's do by default.
const (
	EnvProduction  = siteconfig.EnvProduction
	EnvDevelopment = siteconfig.EnvDevelopment
)
