package fuzz

import (
	"encoding/hex"
	"sync"

	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

// maxVectorSeeds bounds the vector seeds per function: enough to reach
// every code path the vectors cover, few enough to keep `go test ./fuzz`
// (which runs every seed) fast.
const maxVectorSeeds = 64

var seedIndex = sync.OnceValue(func() map[string][][]byte {
	m := map[string][][]byte{}
	for _, f := range vectors.GethFiles {
		vs, err := vectors.LoadGeth(f.Path)
		if err != nil {
			continue // absent vectors are reported by the vector tests, not here
		}
		for _, v := range vs {
			in, err := hex.DecodeString(v.Input)
			if err != nil {
				continue
			}
			for _, fn := range []string{f.EVM, f.Named} {
				if fn != "" && len(m[fn]) < maxVectorSeeds {
					m[fn] = append(m[fn], in)
				}
			}
		}
	}
	return m
})

// vectorSeeds returns inputs from the public vectors (../shared/vectors) for
// a function: the go-ethereum, EIP-2537 and c-kzg-4844 files for the EVM
// precompiles and the named functions that take the same inputs.
func vectorSeeds(name string) [][]byte {
	return seedIndex()[name]
}
