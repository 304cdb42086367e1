package ops_test

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/ops"
)

// sharedVectors is ../shared/vectors beside the repository root.
func sharedVectors() string {
	_, here, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(here), "..", "..", "..", "shared", "vectors")
}

func absent(t *testing.T, what string) {
	t.Helper()
	if os.Getenv("HOSTCRYPTO_REQUIRE") != "" {
		t.Fatalf("%s absent", what)
	}
	t.Skipf("%s absent: skipping", what)
}

// run calls a function of the package through core.Invoke's path
// (price, limits, recovered panics) with unlimited gas.
func run(t *testing.T, f *core.Func, in []byte) ([]byte, error) {
	t.Helper()
	return core.Execute(f, nil, in)
}

// TestFutureAggregate runs the bls12381_aggregate_g1/_g2 cases of
// peers/future.jsonl (CosmWasm's Ethereum sync-committee keys; the
// Ethereum BLS `aggregate` tests): "error" must fail with a code, other
// hex is the exact output.
func TestFutureAggregate(t *testing.T) {
	path := filepath.Join(sharedVectors(), "peers", "future.jsonl")
	fh, err := os.Open(path)
	if err != nil {
		absent(t, path)
	}
	defer fh.Close()
	fns := map[string]*core.Func{"bls12381_aggregate_g1": ops.BLS12381AggregateG1, "bls12381_aggregate_g2": ops.BLS12381AggregateG2}
	sc := bufio.NewScanner(fh)
	sc.Buffer(nil, 1<<26)
	n := map[string]int{}
	for sc.Scan() {
		var c struct{ Fn, Input, Expect, ID string }
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		f, ok := fns[c.Fn]
		if !ok {
			continue
		}
		n[c.Fn]++
		in, err := hex.DecodeString(c.Input)
		if err != nil {
			t.Fatal(err)
		}
		out, err := run(t, f, in)
		if c.Expect == "error" {
			if err == nil {
				t.Errorf("%s %s: got %x, want an error", c.Fn, c.ID, out)
			}
			continue
		}
		want, _ := hex.DecodeString(c.Expect)
		if err != nil || !bytes.Equal(out, want) {
			t.Errorf("%s %s: got %x, %v; want %x", c.Fn, c.ID, out, err, want)
		}
	}
	if n["bls12381_aggregate_g1"] == 0 || n["bls12381_aggregate_g2"] == 0 {
		t.Fatalf("future.jsonl has no aggregate cases (%v)", n)
	}
	t.Logf("cases run: %v", n)
}

// TestEthDeserialization runs the Ethereum BLS deserialization_G1/_G2
// tests through decompression (on-curve and subgroup checked): output true
// means the point decodes, false that it is rejected with an error code.
func TestEthDeserialization(t *testing.T) {
	dir := filepath.Join(sharedVectors(), "eth-bls12-381-tests")
	if _, err := os.Stat(dir); err != nil {
		absent(t, dir)
	}
	for _, c := range []struct {
		sub, key string
		f        *core.Func
	}{{"deserialization_G1", "pubkey", ops.BLS12381G1Decompress}, {"deserialization_G2", "signature", ops.BLS12381G2Decompress}} {
		files, _ := filepath.Glob(filepath.Join(dir, c.sub, "*.json"))
		if len(files) == 0 {
			t.Errorf("%s: no files", c.sub)
		}
		for _, p := range files {
			raw, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			var v struct {
				Input  map[string]string
				Output bool
			}
			if err := json.Unmarshal(raw, &v); err != nil {
				t.Fatal(err)
			}
			in, err := hex.DecodeString(strings.TrimPrefix(v.Input[c.key], "0x"))
			if err != nil {
				t.Fatal(err)
			}
			out, err := run(t, c.f, in)
			if (err == nil) != v.Output {
				t.Errorf("%s: decoded %v (%x, %v), want %v", filepath.Base(p), err == nil, out, err, v.Output)
			}
			if err == nil {
				// Round trip: compressing the decoded point gives the input back.
				comp := ops.BLS12381G1Compress
				if c.f == ops.BLS12381G2Decompress {
					comp = ops.BLS12381G2Compress
				}
				back, err := run(t, comp, out)
				if err != nil || !bytes.Equal(back, in) {
					t.Errorf("%s: compress(decompress(x)) = %x, %v", filepath.Base(p), back, err)
				}
			}
		}
	}
}
