package cli

import (
	"bufio"
	"encoding/hex"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hostcrypto/hostcrypto"
	"github.com/hostcrypto/hostcrypto/dispatch"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

// runJSONL sends requests through `hostcrypto call --jsonl [--backend b]`
// in-process and returns the parsed result lines.
func runJSONL(t *testing.T, backend string, reqs []Request) []Result {
	t.Helper()
	var in strings.Builder
	for _, r := range reqs {
		b, _ := json.Marshal(r)
		in.Write(append(b, '\n'))
	}
	args := []string{"call", "--jsonl"}
	if backend != "default" {
		args = append(args, "--backend", backend)
	}
	var out, errb strings.Builder
	if code := Main(&Env{Stdin: strings.NewReader(in.String()), Stdout: &out, Stderr: &errb}, args); code != 0 {
		t.Fatalf("call --jsonl %v: exit %d: %s", args, code, errb.String())
	}
	var res []Result
	sc := bufio.NewScanner(strings.NewReader(out.String()))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var r Result
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("bad result line: %v", err)
		}
		res = append(res, r)
	}
	if len(res) != len(reqs) {
		t.Fatalf("%d results for %d requests", len(res), len(reqs))
	}
	return res
}

// TestAcceptanceEVMVectorsJSONL is issue 3's acceptance check: every
// go-ethereum, EIP-2537 and derived c-kzg-4844 vector through `call --jsonl`
// as evm:0xNN (output and Osaka gas exactly; an error exactly on failure
// vectors) and through the named function with the same input, on the
// default selection and on each backend that can serve the function.
func TestAcceptanceEVMVectorsJSONL(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every EVM vector on every backend")
	}
	prev := dispatch.Current()
	defer dispatch.Force(prev) // --backend forces globally, in-process
	for _, af := range vectors.GethFiles {
		vs := vectors.Geth(t, af.Path)
		fail := af.Fail()
		for _, fn := range []string{af.EVM, af.Named} {
			if fn == "" {
				continue
			}
			f, ok := hostcrypto.Lookup(fn)
			if !ok {
				t.Fatalf("%s is not in the catalogue", fn)
			}
			backends := append([]string{"default"}, f.Backends()...)
			var reqs []Request
			for _, v := range vs {
				reqs = append(reqs, Request{Fn: fn, Input: v.Input})
			}
			for _, b := range backends {
				t.Run(filepath.Base(af.Path)+"/"+fn+"/"+b, func(t *testing.T) {
					res := runJSONL(t, b, reqs)
					bad := 0
					for i, v := range vs {
						r := res[i]
						switch {
						case fail || v.ExpectedError != "":
							// The precompile must fail; the named function must
							// not answer a valid result (an error, or 0x00 from
							// a verification function).
							if r.Error == "" && (fn == af.EVM || r.Output != "00") {
								bad++
								t.Errorf("%s: want failure (%s), got %s", v.Name, v.ExpectedError, r.Output)
							}
						case r.Error != "" && fn == af.Named && af.Adapt != nil && af.Adapt(unhexOrNil(v.Expected))[0] == 0:
							// A verification function may answer a malformed
							// encoding with an error code instead of 0x00: both
							// are "not valid" (issue 4).
						case r.Error != "":
							bad++
							t.Errorf("%s: %s", v.Name, r.Error)
						default:
							want := unhexOrNil(v.Expected)
							if fn == af.Named && af.Adapt != nil {
								want = af.Adapt(want)
							}
							if r.Output != hex.EncodeToString(want) {
								bad++
								t.Errorf("%s: output %s, want %x", v.Name, r.Output, want)
							}
							if fn == af.EVM && af.Gas && r.Gas != v.Gas {
								bad++
								t.Errorf("%s: gas %d, want %d", v.Name, r.Gas, v.Gas)
							}
						}
						if bad > 5 {
							t.Fatal("too many failures")
						}
					}
				})
			}
		}
	}
}

func unhexOrNil(s string) []byte {
	b, _ := hex.DecodeString(s)
	return b
}
