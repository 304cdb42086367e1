package kzg

import (
	"bufio"
	"os"
	"testing"

	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

// TestTrustedSetup checks the two embedded G2 points against the mainnet
// ceremony file: they are its first two monomial G2 points.
func TestTrustedSetup(t *testing.T) {
	f, err := os.Open(vectors.Path(t, "c-kzg-4844/trusted_setup.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if lines[0] != "4096" || lines[1] != "65" {
		t.Fatalf("unexpected header %q %q", lines[0], lines[1])
	}
	g2 := lines[2+4096:]
	if g2[0] != setupG2Gen || g2[1] != setupG2Tau {
		t.Fatal("embedded G2 points differ from trusted_setup.txt")
	}
	if loadKZGSetup() == nil {
		t.Fatal("setup did not load")
	}
}
