// Package gas ships the named gas schedules, as values (Default, Dusk,
// DuskAegis) listed by Schedules and found by name with Lookup:
//
//   - "default": hostcrypto's own schedule. Its rules live in one JSON
//     fragment per function family under default/ (merged at start-up, a
//     function named twice is a build-time bug); units are 0.1 ns of work on
//     the reference machine (docs/GAS.md says how the numbers are produced);
//   - further profile schedules (e.g. "dusk") as JSON files under profiles/.
//
// Schedules are plain JSON (core.Schedule); an embedder may load its own.
package gas

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"

	"github.com/hostcrypto/hostcrypto/core"
)

//go:embed default/*.json
var defaultFS embed.FS

// Default is the schedule used when none is chosen.
var Default = mergeFragments("default", defaultFS, "default")

// mergeFragments builds one schedule from every *.json fragment in dir.
// Each fragment is {"rules": {name: rule, ...}}.
func mergeFragments(name string, fsys fs.FS, dir string) *core.Schedule {
	s := &core.Schedule{Name: name, Rules: map[string]core.Rule{}}
	files, err := fs.Glob(fsys, path.Join(dir, "*.json"))
	if err != nil {
		panic("gas: internal error: " + err.Error())
	}
	sort.Strings(files)
	for _, f := range files {
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			panic("gas: internal error: " + err.Error())
		}
		var frag struct {
			Rules map[string]core.Rule `json:"rules"`
		}
		if err := json.Unmarshal(data, &frag); err != nil {
			panic("gas: internal error: " + f + ": " + err.Error())
		}
		for fn, r := range frag.Rules {
			if _, dup := s.Rules[fn]; dup {
				panic("gas: internal error: " + fn + " priced twice (" + f + ")")
			}
			s.Rules[fn] = r
		}
	}
	return s
}

// Schedules lists the shipped schedules: Default, Dusk, DuskAegis.
func Schedules() []*core.Schedule { return []*core.Schedule{Default, Dusk, DuskAegis} }

// Names lists the shipped schedules' names, sorted.
func Names() []string {
	var out []string
	for _, s := range Schedules() {
		out = append(out, s.Name)
	}
	sort.Strings(out)
	return out
}

// Lookup returns the shipped schedule called nameOrFile ("default",
// "dusk", "dusk-aegis"), or else reads the JSON schedule file of that path
// (core.ParseSchedule).
func Lookup(nameOrFile string) (*core.Schedule, error) {
	for _, s := range Schedules() {
		if s.Name == nameOrFile {
			return s, nil
		}
	}
	data, err := os.ReadFile(nameOrFile)
	if err != nil {
		return nil, fmt.Errorf("gas: no schedule named %q and no such file", nameOrFile)
	}
	return core.ParseSchedule(data)
}
