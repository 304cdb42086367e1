package hostcrypto_test

import (
	"bufio"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hostcrypto/hostcrypto"
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch"
	"github.com/hostcrypto/hostcrypto/gas"
)

// The held-out peer vectors (../shared/vectors/peers, README there): test
// files of other projects converted to {fn, input, expect}. cases.jsonl
// holds functions the catalogue has had for a while, future.jsonl
// functions added later; both are judged as the folder's run.py judges
// them: "01" must be exactly 0x01, "00" is 0x00 or any error code
// (the peers only say "invalid"), "error" any error code, other hex the
// exact output. A missing function fails.

type peerCase struct {
	Family, Fn, Input, Expect, ID, Note string
}

// peersDir is the peer vector folder beside the repository (CI checks out
// shared/ next to the clone).
func peersDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "shared", "vectors", "peers")
	if _, err := os.Stat(dir); err != nil {
		if dispatch.Required()["shared-vectors"] {
			t.Fatalf("HOSTCRYPTO_REQUIRE=shared-vectors but %s is missing", dir)
		}
		t.Skipf("%s not found (the shared vectors are not checked out beside the repository)", dir)
	}
	return dir
}

func loadPeerCases(t *testing.T, name string) []peerCase {
	t.Helper()
	f, err := os.Open(filepath.Join(peersDir(t), name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cs []peerCase
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var c peerCase
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		cs = append(cs, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cs
}

// judgePeer runs c and returns "" when the result is what c expects, or
// what went wrong.
func judgePeer(c peerCase) string {
	f, ok := hostcrypto.Lookup(c.Fn)
	if !ok {
		return "no such function"
	}
	in, err := hex.DecodeString(c.Input)
	if err != nil {
		return "bad input hex"
	}
	out, _, err := core.Invoke(f, gas.Default, nil, nil, in)
	code := core.CodeOf(err)
	switch {
	case code == core.CodeInternal || code == core.CodeUnsupported || code == core.CodeUnknownFunction:
		return "error " + code.String()
	case c.Expect == "01":
		if err != nil || hex.EncodeToString(out) != "01" {
			return "got " + hex.EncodeToString(out) + " " + code.String()
		}
	case c.Expect == "00":
		if err == nil && hex.EncodeToString(out) != "00" {
			return "got " + hex.EncodeToString(out)
		}
	case c.Expect == "error":
		if err == nil {
			return "got " + hex.EncodeToString(out) + ", want an error"
		}
	default:
		if err != nil || !strings.EqualFold(hex.EncodeToString(out), c.Expect) {
			return "got " + hex.EncodeToString(out) + " " + code.String()
		}
	}
	return ""
}

// TestPeerCases: every case of cases.jsonl passes (9,497 at the time of
// writing, all functions the catalogue had before the chain variants).
func TestPeerCases(t *testing.T) {
	cs := loadPeerCases(t, "cases.jsonl")
	fails := 0
	for _, c := range cs {
		if msg := judgePeer(c); msg != "" {
			fails++
			if fails <= 40 {
				t.Errorf("%s %s %s: %s (expect %.80s)", c.Family, c.Fn, c.ID, msg, c.Expect)
			}
		}
	}
	if fails > 0 {
		t.Errorf("%d of %d peer cases fail", fails, len(cs))
	}
	t.Logf("%d peer cases", len(cs))
}

// futureWanted are the future.jsonl functions the catalogue has, with the
// number of cases each must have there; every one must pass on every
// backend that can serve it.
var futureWanted = map[string]int{
	"ed25519_verify_strict": 926, // ed25519-speccheck (12) and C2SP CCTV (914), dalek verify_strict verdicts
	"p256_recover_rid":      622, // Project Rooterberg via CosmWasm
}

func TestPeerFuture(t *testing.T) {
	cs := loadPeerCases(t, "future.jsonl")
	byFn := map[string][]peerCase{}
	for _, c := range cs {
		byFn[c.Fn] = append(byFn[c.Fn], c)
	}
	for fn, want := range futureWanted {
		if len(byFn[fn]) != want {
			t.Errorf("future.jsonl has %d %s cases, want %d", len(byFn[fn]), fn, want)
		}
	}
	for fn, fcs := range byFn {
		f, ok := hostcrypto.Lookup(fn)
		if !ok {
			if _, wanted := futureWanted[fn]; wanted {
				t.Errorf("%s is not in the catalogue", fn)
			}
			continue // a function still to come
		}
		if _, wanted := futureWanted[fn]; !wanted {
			t.Errorf("%s is in the catalogue now: add it to futureWanted", fn)
		}
		for _, backend := range append([]string{""}, core.Default.Backends(f)...) {
			name := backend
			if name == "" {
				name = "default"
			}
			t.Run(fn+"/"+name, func(t *testing.T) {
				prev := dispatch.Current()
				defer dispatch.Force(prev)
				if err := dispatch.Force(backend); err != nil {
					t.Fatal(err)
				}
				fails := 0
				for _, c := range fcs {
					if msg := judgePeer(c); msg != "" {
						fails++
						if fails <= 20 {
							t.Errorf("%s %s: %s (expect %.80s) %s", c.Family, c.ID, msg, c.Expect, c.Note)
						}
					}
				}
				if fails > 0 {
					t.Errorf("%d of %d fail", fails, len(fcs))
				}
			})
		}
	}
}
