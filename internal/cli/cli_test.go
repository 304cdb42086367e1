package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/hostcrypto/hostcrypto"
)

func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(&Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb}, args)
	return code, out.String(), errb.String()
}

func TestCallJSONL(t *testing.T) {
	in := `{"fn":"sha256","input":"616263"}
not json
{"fn":"no_such_function","input":""}
{"fn":"sha256","input":"zz"}

{"fn":"keccak256","input":"0x"}
`
	code, out, errs := run(t, in, "call", "--jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d result lines for 5 requests:\n%s", len(lines), out)
	}
	var rs []Result
	for _, l := range lines {
		var r Result
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("bad output line %q", l)
		}
		rs = append(rs, r)
	}
	// SHA-256("abc") from FIPS 180-2, Appendix B.1.
	if rs[0].Output != "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" || rs[0].Error != "" || rs[0].Gas == 0 {
		t.Fatalf("sha256: %+v", rs[0])
	}
	if rs[1].Error != "bad_request" || rs[2].Error != "unknown_function" || rs[3].Error != "bad_request" {
		t.Fatalf("errors: %+v", rs[1:4])
	}
	// Keccak-256 of the empty string, as Ethereum uses it.
	if rs[4].Output != "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470" {
		t.Fatalf("keccak256: %+v", rs[4])
	}
}

func TestCallSingleAndFlags(t *testing.T) {
	code, out, _ := run(t, "", "call", "sha256", "616263")
	if code != 0 || !strings.Contains(out, `"output":"ba7816bf`) {
		t.Fatalf("%d %s", code, out)
	}
	if code, _, _ := run(t, "", "call", "--backend", "nosuchbackend", "sha256", "00"); code != 2 {
		t.Fatalf("unknown backend accepted: %d", code)
	}
	if code, _, _ := run(t, "", "call", "--schedule", "/nonexistent.json", "sha256", "00"); code != 2 {
		t.Fatalf("missing schedule accepted: %d", code)
	}
	if code, out, _ := run(t, "", "call", "nosuch", "00"); code != 1 || !strings.Contains(out, "unknown_function") {
		t.Fatalf("unknown function: %d %s", code, out)
	}
}

func TestListAndCPU(t *testing.T) {
	code, out, _ := run(t, "", "list", "--json")
	if code != 0 {
		t.Fatal(code)
	}
	var entries []ListEntry
	if err := json.Unmarshal([]byte(out), &entries); err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(hostcrypto.Functions()) {
		t.Fatalf("list has %d entries, catalogue %d", len(entries), len(hostcrypto.Functions()))
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Gas, "not priced") {
			t.Errorf("%s is not priced by the default schedule", e.Name)
		}
	}
	if code, out, _ := run(t, "", "cpu"); code != 0 || !strings.Contains(out, "sha256") {
		t.Fatalf("cpu: %d\n%s", code, out)
	}
	if code, _, _ := run(t, "", "cpu", "--json"); code != 0 {
		t.Fatal(code)
	}
}

func TestBenchPlotCalibrateSmoke(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := run(t, "", "bench", "--filter", "^sha256/(32B|1KiB)/", "--benchtime", "2ms", "--json", dir+"/b.json")
	if code != 0 || !strings.Contains(out, "crypto/sha256") {
		t.Fatalf("bench: %d\n%s\n%s", code, out, errs)
	}
	if code, out, errs := run(t, "", "bench", "plot", "--from", dir+"/b.json", "--out", dir); code != 0 || !strings.Contains(out, "bench-hash.svg") {
		t.Fatalf("plot: %d\n%s\n%s", code, out, errs)
	}
	// Calibration refuses data that does not cover the catalogue.
	if code, _, _ := run(t, "", "calibrate", "--from", dir+"/b.json", "--out", dir+"/s.json"); code != 1 {
		t.Fatalf("calibrate on partial data: exit %d", code)
	}
}

func TestBenchPlotGoTest(t *testing.T) {
	dir := t.TempDir()
	in := "BenchmarkMSM/bn254g1/64/native-2 10 100 ns/op 50 cpu-ns/op\nBenchmarkMSM/bn254g1/64/gnark-2 10 200 ns/op 100 cpu-ns/op\n"
	if err := os.WriteFile(dir+"/msm.txt", []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "", "bench", "plot", "--gotest", dir+"/msm.txt", "--targets", "0.7", "--out", dir)
	if code != 0 || !strings.Contains(out, "bench-msm.svg") {
		t.Fatalf("code %d, out %q, err %q", code, out, errs)
	}
	svg, err := os.ReadFile(dir + "/bench-msm.svg")
	if err != nil || !strings.Contains(string(svg), "bn254g1 n=64: 0.50") {
		t.Fatalf("svg %q, %v", svg, err)
	}
	if code, _, _ := run(t, "", "bench", "plot", "--gotest", dir+"/msm.txt", "--impl", "blst", "--out", dir); code != 2 {
		t.Fatalf("no blst rows: code %d, want 2", code)
	}
}
