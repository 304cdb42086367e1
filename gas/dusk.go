package gas

import (
	"embed"

	"github.com/hostcrypto/hostcrypto/core"
)

//go:embed profiles/*.json
var profilesFS embed.FS

func mustProfile(name string) *core.Schedule {
	data, err := profilesFS.ReadFile("profiles/" + name + ".json")
	if err != nil {
		panic("gas: internal error: " + err.Error())
	}
	s, err := core.ParseSchedule(data)
	if err != nil {
		panic("gas: internal error: profiles/" + name + ".json: " + err.Error())
	}
	return s
}

// Dusk is the "dusk" profile schedule: rusk's Boreas host-query prices for
// the dusk:* functions (profiles/dusk.json cites the source).
var Dusk = mustProfile("dusk")

// DuskAegis is rusk's pricing before the Boreas fork: every host query
// costs 0 ("dusk-aegis").
var DuskAegis = mustProfile("dusk-aegis")
