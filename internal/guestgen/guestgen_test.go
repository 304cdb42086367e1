package guestgen

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestGuestUpToDate fails when the committed guest SDK does not match the
// catalogue: run `go run ./internal/cmd/genguest` after adding functions.
func TestGuestUpToDate(t *testing.T) {
	files, err := Render()
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join("..", "..", "guest", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("guest/%s is stale: run `go run ./internal/cmd/genguest`", name)
		}
	}
}
