package poseidon

import (
	"bytes"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite params.bin (go generate)")

// TestParamsFresh regenerates the run-time parameters from Grain, Dusk's
// constant files and the appendix-B precomputation, and requires params.bin
// (what init decodes) to be byte-identical. With -update it rewrites the
// file instead (`go generate ./hash/poseidon`).
func TestParamsFresh(t *testing.T) {
	got := appendParams(nil)
	if *update {
		if err := os.WriteFile("params.bin", got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile("params.bin")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("params.bin is stale (%d bytes, regenerated %d): run go generate ./hash/poseidon", len(want), len(got))
	}
	if !bytes.Equal(paramsBin, want) {
		t.Fatal("the embedded params.bin differs from the file")
	}
}

// TestParamsDecoded: the decoded tables are what buildCircom and buildDusk
// compute, field by field (so init's decoder and the encoder agree).
func TestParamsDecoded(t *testing.T) {
	check := func(name string, a, b [][]bnElem) {
		t.Helper()
		if len(a) != len(b) {
			t.Fatalf("%s: %d rows, want %d", name, len(a), len(b))
		}
		for i := range a {
			if len(a[i]) != len(b[i]) {
				t.Fatalf("%s row %d: length %d, want %d", name, i, len(a[i]), len(b[i]))
			}
			for j := range a[i] {
				if a[i][j] != b[i][j] {
					t.Fatalf("%s[%d][%d] differs", name, i, j)
				}
			}
		}
	}
	for w := 2; w <= circomMaxWidth; w++ {
		got, want := circom(w).opt, buildCircom(w).opt
		check("mds", got.mds, want.mds)
		check("dense", got.dense, want.dense)
		check("vh", got.vh, want.vh)
		check("wh", got.wh, want.wh)
		check("kh", [][]bnElem{got.kh, got.pre, {got.lambdaEnd}}, [][]bnElem{want.kh, want.pre, {want.lambdaEnd}})
		for r := range want.rc {
			if got.rc[r] != nil {
				check("rc", got.rc[r:r+1], want.rc[r:r+1])
			}
		}
	}
}

var builtMemo = map[int]*circomParams{}

// builtCircom is buildCircom memoised, for tests that need the specified
// form (the run-time tables keep only what the optimised form uses).
func builtCircom(t int) *circomParams {
	if p, ok := builtMemo[t]; ok {
		return p
	}
	p := buildCircom(t)
	builtMemo[t] = p
	return p
}
