// Package gas ships the named gas schedules and registers them with core:
//
//   - "default": hostcrypto's own schedule, in units of 0.1 ns of this
//     project's reference machine (see docs/GAS.md for how it is produced);
//   - further profile schedules (e.g. "dusk") as their issues land.
//
// Schedules are plain JSON (core.Schedule); an embedder may load its own.
package gas

import (
	_ "embed"

	"github.com/hostcrypto/hostcrypto/core"
)

//go:embed default.json
var defaultJSON []byte

// Default is the schedule used when none is chosen.
var Default = mustParse(defaultJSON)

func mustParse(b []byte) *core.Schedule {
	s, err := core.ParseSchedule(b)
	if err != nil {
		panic("gas: internal error: embedded schedule: " + err.Error())
	}
	return s
}

func init() {
	core.RegisterSchedule(Default)
}
