package gas

import (
	_ "embed"

	"github.com/hostcrypto/hostcrypto/core"
)

//go:embed profiles/dusk.json
var duskJSON []byte

// Dusk is the "dusk" profile schedule: rusk's host-query prices for the
// dusk:* functions (profiles/dusk.json says where they come from).
var Dusk = func() *core.Schedule {
	s, err := core.ParseSchedule(duskJSON)
	if err != nil {
		panic("gas: internal error: profiles/dusk.json: " + err.Error())
	}
	return s
}()

func init() { core.RegisterSchedule(Dusk) }
