package dusk

import (
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

// TestKZGVectors runs c-kzg-4844's verify_kzg_proof cases (consensus-specs
// kzg-mainnet): output true -> 01, false -> 00, null -> an error.
func TestKZGVectors(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(vectors.Dir(t, "c-kzg-4844/verify_kzg_proof/kzg-mainnet"), "*", "data.yaml"))
	if err != nil || len(dirs) != 122 {
		t.Fatalf("%d cases, %v", len(dirs), err)
	}
	counts := map[string]int{}
	for _, p := range dirs {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		fields := map[string]string{}
		for _, line := range strings.Split(string(data), "\n") {
			k, v, ok := strings.Cut(strings.TrimSpace(line), ":")
			if ok {
				fields[k] = strings.Trim(strings.TrimSpace(v), "'\"")
			}
		}
		var in []byte
		for _, k := range []string{"commitment", "z", "y", "proof"} {
			b, err := hex.DecodeString(strings.TrimPrefix(fields[k], "0x"))
			if err != nil {
				t.Fatalf("%s: %s: %v", p, k, err)
			}
			in = append(in, b...)
		}
		name := filepath.Base(filepath.Dir(p))
		want := fields["output"]
		counts[want]++
		for _, fn := range []string{"kzg_verify_proof_dusk", "dusk:verify_kzg_proof"} {
			out, err := call(t, fn, in)
			switch want {
			case "true", "false":
				w := byte(0)
				if want == "true" {
					w = 1
				}
				if err != nil || len(out) != 1 || out[0] != w {
					t.Errorf("%s %s: got %x, %v; want %s", fn, name, out, err, want)
				}
			case "null":
				if err == nil || core.CodeOf(err) == core.CodeInternal {
					t.Errorf("%s %s: got %x, %v; want a decoding error", fn, name, out, err)
				}
			default:
				t.Fatalf("%s: output %q", name, want)
			}
		}
	}
	if counts["true"] != 54 || counts["false"] != 48 || counts["null"] != 20 {
		t.Fatalf("counts %v", counts)
	}
}
