package vectors_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

// TestRepoRoot: the walk passes nested modules (fuzz/geth has its own
// go.mod) and stops at the main module's go.mod.
func TestRepoRoot(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Clean(filepath.Join(wd, "..", ".."))
	for _, from := range []string{wd, filepath.Join(want, "fuzz", "geth"), want} {
		got, err := vectors.RepoRoot(from)
		if err != nil || got != want {
			t.Errorf("RepoRoot(%s) = %s, %v; want %s", from, got, err, want)
		}
	}
	if got, err := vectors.RepoRoot(t.TempDir()); err == nil {
		t.Errorf("RepoRoot outside the repository = %s", got)
	}
}

func TestRequired(t *testing.T) {
	for env, want := range map[string]bool{"": false, "blst": false, "vectors": true, "adx, vectors ,blst": true, "vectorsx": false} {
		t.Setenv("HOSTCRYPTO_REQUIRE", env)
		if vectors.Required() != want {
			t.Errorf("HOSTCRYPTO_REQUIRE=%q: Required() = %v", env, !want)
		}
	}
}

// TestGethFilesPresent: every file of the go-ethereum-format table exists
// in the shared vectors and holds vectors.
func TestGethFilesPresent(t *testing.T) {
	for _, f := range vectors.GethFiles {
		if vs := vectors.Geth(t, f.Path); len(vs) == 0 {
			t.Errorf("%s: no vectors", f.Path)
		}
	}
}
