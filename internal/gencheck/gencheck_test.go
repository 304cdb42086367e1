package gencheck_test

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

// generator is one //go:generate line: go ARGS run in DIR (relative to
// the repository root), with TMP replaced by the temporary root.
type generator struct {
	name, dir string
	args      []string
	// outputs are the directories (relative to the root) it writes into:
	// committed files there that say "Code generated" must come from it.
	outputs []string
}

var generators = []generator{
	{"field", "field", []string{"run", "./internal/gen", "-root", "TMP"},
		[]string{"field/bn254fp", "field/bn254fr", "field/bls12381fp", "field/bls12381fr"}},
	{"asm_amd64", "asm_amd64", []string{"run", ".", "-root", "TMP"}, nil},
	{"asm_arm64", "asm_arm64", []string{"run", ".", "-root", "TMP"}, nil},
	{"fuzz targets", "fuzz", []string{"run", "./internal/gentargets", "-root", "TMP"}, []string{"fuzz"}},
	{"guest SDK", "guest", []string{"run", "../internal/cmd/genguest", "-out", "TMP/guest"}, []string{"guest"}},
	{"zk examples", "zk", []string{"run", "./internal/genexamples", "-root", "TMP"}, []string{"zk"}},
	{"zk groth16", "zk", []string{"run", "./internal/gengroth16", "-root", "TMP"}, []string{"zk"}},
	{"msm", "curves/internal/msm", []string{"run", "./internal/gen", "-root", "TMP"}, []string{"curves/internal/msm"}},
}

// TestGeneratedFilesFresh fails when any generated file is stale, missing
// or left over: run `go generate ./...` and commit the result.
func TestGeneratedFilesFresh(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every generator (go run)")
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root, err := vectors.RepoRoot(wd)
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	goBin := filepath.Join(runtime.GOROOT(), "bin", "go")
	if err := os.MkdirAll(filepath.Join(tmp, "guest"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, g := range generators {
		args := make([]string, len(g.args))
		for i, a := range g.args {
			args[i] = strings.Replace(a, "TMP", tmp, 1)
		}
		cmd := exec.Command(goBin, args...)
		cmd.Dir = filepath.Join(root, g.dir)
		// The generators build for the host, whatever the test targets.
		cmd.Env = append(os.Environ(), "GOOS=", "GOARCH=")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: go %s: %v\n%s", g.name, strings.Join(args, " "), err, out)
		}
	}

	made := map[string]bool{}
	err = filepath.WalkDir(tmp, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(tmp, path)
		made[filepath.ToSlash(rel)] = true
		want, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		got, err := os.ReadFile(filepath.Join(root, rel))
		switch {
		case err != nil:
			t.Errorf("%s: generated but not committed (%v)", rel, err)
		case !bytes.Equal(got, want):
			t.Errorf("%s is stale", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(made) < 40 {
		t.Fatalf("the generators wrote only %d files", len(made))
	}
	for _, g := range generators {
		for _, dir := range g.outputs {
			ents, err := os.ReadDir(filepath.Join(root, dir))
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range ents {
				rel := dir + "/" + e.Name()
				if e.IsDir() || made[rel] || !strings.HasSuffix(rel, ".go") || notReproducible[rel] != "" {
					continue
				}
				b, err := os.ReadFile(filepath.Join(root, rel))
				if err == nil && bytes.HasPrefix(b, []byte("// Code generated")) {
					t.Errorf("%s says it is generated, but no generator writes it", rel)
				}
			}
		}
	}
	if t.Failed() {
		t.Log("run `go generate ./...` from the repository root and commit the result")
	}
}

// notReproducible: generated files whose generator draws fresh randomness
// (a prover's blinding), so a rerun writes different, equally valid bytes.
// They are not compared; the tests that use them check every one verifies.
var notReproducible = map[string]string{
	"zk/examples_plonk.go": "go run ./zk/internal/genplonk: gnark PLONK proofs; zk.TestExamples verifies each",
}
