// Command genguest writes the contract SDKs from the catalogue: package
// guest's import wrappers (one //go:wasmimport declaration and one Go
// wrapper per catalogue function whose name has no profile prefix ("evm:",
// "dusk:")), and the C header, Rust crate root and AssemblyScript modules
// under guest/c, guest/rust and guest/assemblyscript (modules "hostcrypto"
// and "dusk").
//
//	go run ./internal/cmd/genguest -out guest
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/hostcrypto/hostcrypto/internal/guestgen"
)

func main() {
	out := flag.String("out", "guest", "directory of package guest")
	flag.Parse()
	files, err := guestgen.Render()
	if err != nil {
		log.Fatal(err)
	}
	for name, data := range files {
		path := filepath.Join(*out, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			log.Fatal(err)
		}
		fmt.Println("wrote", filepath.Join(*out, name))
	}
}
