// Command genguest writes the guest SDK's import wrappers (package guest)
// from the catalogue: one //go:wasmimport declaration and one Go wrapper per
// catalogue function whose name has no profile prefix ("evm:", "dusk:").
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
		if err := os.WriteFile(filepath.Join(*out, name), data, 0o644); err != nil {
			log.Fatal(err)
		}
		fmt.Println("wrote", filepath.Join(*out, name))
	}
}
