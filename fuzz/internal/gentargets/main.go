// Command gentargets writes fuzz/fuzz_targets_test.go: one fuzz target per
// catalogue function.
package main

import (
	"log"
	"os"

	"github.com/hostcrypto/hostcrypto"
	"github.com/hostcrypto/hostcrypto/fuzz"
)

func main() {
	if err := os.WriteFile(fuzz.TargetsFile(), []byte(fuzz.Render(hostcrypto.Catalogue())), 0o644); err != nil {
		log.Fatal(err)
	}
}
