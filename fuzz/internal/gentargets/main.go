// Command gentargets writes fuzz/fuzz_targets_test.go: one fuzz target per
// catalogue function.
//
//	go generate ./fuzz    (or: go run ./fuzz/internal/gentargets [-root DIR])
package main

import (
	"flag"
	"log"
	"os"
	"path/filepath"

	"github.com/hostcrypto/hostcrypto"
	"github.com/hostcrypto/hostcrypto/fuzz"
)

func main() {
	root := flag.String("root", "", "repository root to write fuzz/fuzz_targets_test.go under (default: this repository)")
	flag.Parse()
	path := fuzz.TargetsFile()
	if *root != "" {
		path = filepath.Join(*root, "fuzz", filepath.Base(path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			log.Fatal(err)
		}
	}
	if err := os.WriteFile(path, []byte(fuzz.Render(hostcrypto.Catalogue())), 0o644); err != nil {
		log.Fatal(err)
	}
}
