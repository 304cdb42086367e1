package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/tetratelabs/wazero/api"

	"github.com/hostcrypto/hostcrypto/internal/wasmtest"
)

// TestCommandHelp: `hostcrypto <cmd> --help` (and -h, and `help <cmd>`)
// prints the command's usage with its positional arguments and flags on
// stdout and exits 0; a bad flag prints it on stderr and exits 2.
func TestCommandHelp(t *testing.T) {
	args := map[string]string{"call": "HEX", "run": "CONTRACT.wasm", "convert": "SYSTEM"}
	for _, c := range commands {
		for _, form := range [][]string{{c.Name, "--help"}, {c.Name, "-h"}, {"help", c.Name}} {
			code, out, errs := run(t, "", form...)
			if code != 0 || errs != "" {
				t.Errorf("%v: exit %d, stderr %q", form, code, errs)
			}
			if !strings.HasPrefix(out, "usage: hostcrypto "+c.Name) || !strings.Contains(out, c.Summary) {
				t.Errorf("%v: no usage on stdout:\n%s", form, out)
			}
			if a, ok := args[c.Name]; ok && (!strings.Contains(out, "arguments:") || !strings.Contains(out, "  "+a)) {
				t.Errorf("%v: positional arguments not described:\n%s", form, out)
			}
			if form[0] != "help" && c.Name != "demo" && !strings.Contains(out, "flags:") {
				t.Errorf("%v: flags not listed:\n%s", form, out)
			}
		}
	}
	// Help after positional arguments, and for `bench plot`.
	if code, out, _ := run(t, "", "call", "sha256", "--help"); code != 0 || !strings.Contains(out, "--jsonl") {
		t.Errorf("call sha256 --help: %d\n%s", code, out)
	}
	if code, out, _ := run(t, "", "bench", "plot", "--help"); code != 0 || !strings.Contains(out, "-from") {
		t.Errorf("bench plot --help: %d\n%s", code, out)
	}
	code, out, errs := run(t, "", "call", "--nosuchflag", "sha256", "00")
	if code != 2 || out != "" || !strings.Contains(errs, "nosuchflag") || !strings.Contains(errs, "usage: hostcrypto call") {
		t.Errorf("bad flag: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if code, _, errs := run(t, "", "call", "sha256"); code != 2 || !strings.Contains(errs, "usage: hostcrypto call") {
		t.Errorf("missing argument: exit %d, stderr %q", code, errs)
	}
}

// TestCallDetail: an error's code comes with its detail, in single calls
// and --jsonl, and bad_request says why.
func TestCallDetail(t *testing.T) {
	code, out, errs := run(t, "", "call", "bls12381_g1_add", "010203")
	var r Result
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%q: %v", out, err)
	}
	if code != 1 || r.Error != "malformed_input" || r.Detail == "" || !strings.Contains(errs, r.Detail) {
		t.Fatalf("exit %d, %+v, stderr %q", code, r, errs)
	}
	if strings.Contains(r.Detail, "hostcrypto: malformed_input") {
		t.Errorf("detail repeats the code: %q", r.Detail)
	}
	in := `{"fn":"sha256","input":"zz"}
not json
{"input":"00"}
{"fn":"no_such_function","input":""}
{"fn":"bls12381_g1_add","input":"010203"}
{"fn":"sha256","input":"00"}
`
	code, out, errs = run(t, in, "call", "--jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := []struct{ code, detail string }{
		{"bad_request", "not hex"}, {"bad_request", "not a JSON request"}, {"bad_request", `no "fn"`},
		{"unknown_function", "no_such_function"}, {"malformed_input", r.Detail}, {"", ""},
	}
	if len(lines) != len(want) {
		t.Fatalf("%d lines:\n%s", len(lines), out)
	}
	for i, l := range lines {
		var got map[string]any
		if err := json.Unmarshal([]byte(l), &got); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"fn", "output", "gas", "error"} {
			if _, ok := got[k]; !ok {
				t.Errorf("line %d: no %q field: %s", i, k, l)
			}
		}
		d, _ := got["detail"].(string)
		if got["error"] != want[i].code || !strings.Contains(d, want[i].detail) || (want[i].code == "") != (d == "") {
			t.Errorf("line %d: %s; want error %q with detail containing %q", i, l, want[i].code, want[i].detail)
		}
	}
}

// TestRunSignedResults: an i32 result of -10 (output_too_small) prints as
// -10, not as its unsigned bits; arguments follow the export's types.
func TestRunSignedResults(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.wasm")
	if err := os.WriteFile(path, wasmtest.Module("hostcrypto", "sha256"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "", "run", path, "call_0", "0", "32", "64", "0")
	if code != 0 || !strings.Contains(out, "result [-10]\n") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	code, out, _ = run(t, "", "run", path, "call_0", "0", "32", "64", "32")
	if code != 0 || !strings.Contains(out, "result [32]\n") {
		t.Fatalf("exit %d\n%s", code, out)
	}
	if code, _, errs := run(t, "", "run", path, "call_0", "0", "32"); code != 2 || !strings.Contains(errs, "takes 4 arguments") {
		t.Fatalf("wrong count: exit %d, %s", code, errs)
	}

	i32, i64 := api.ValueTypeI32, api.ValueTypeI64
	got, err := encodeArgs([]api.ValueType{i32, i32, i64, i64}, []string{"-1", "0xffffffff", "-1", "18446744073709551615"})
	if err != nil || got[0] != 0xffffffff || got[1] != 0xffffffff || got[2] != ^uint64(0) || got[3] != ^uint64(0) {
		t.Fatalf("encodeArgs: %x %v", got, err)
	}
	for _, bad := range []string{"4294967296", "-2147483649", "x"} {
		if _, err := encodeArgs([]api.ValueType{i32}, []string{bad}); err == nil {
			t.Errorf("i32 %q accepted", bad)
		}
	}
	if s := formatResults([]api.ValueType{i32, i64, i32}, []uint64{0xfffffff6, ^uint64(0), 7}); s != "[-10 -1 7]" {
		t.Fatalf("formatResults: %s", s)
	}
}

// TestBenchFilterAndProgress: a --filter that matches nothing fails; the
// progress line is drawn only on a terminal (here stderr is a buffer).
func TestBenchFilterAndProgress(t *testing.T) {
	code, out, errs := run(t, "", "bench", "--filter", "^no_such_function/", "--benchtime", "1ms")
	if code != 1 || !strings.Contains(errs, "matches no function") || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	code, out, errs = run(t, "", "bench", "--filter", "^sha256/32B/default$", "--benchtime", "1ms")
	if code != 0 || !strings.Contains(out, "sha256") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	if strings.Contains(errs, "\r") || strings.Contains(errs, "\033[") {
		t.Fatalf("progress drawn into a non-terminal: %q", errs)
	}
	f, err := os.Create(filepath.Join(t.TempDir(), "f"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) || isTerminal(&bytes.Buffer{}) {
		t.Fatal("a file or buffer taken for a terminal")
	}
}

// TestCPUProcess: `cpu` reports what the process may use.
func TestCPUProcess(t *testing.T) {
	code, out, _ := run(t, "", "cpu", "--json")
	var v struct{ Process ProcessCPUs }
	if err := json.Unmarshal([]byte(out), &v); code != 0 || err != nil {
		t.Fatalf("exit %d, %v", code, err)
	}
	p := v.Process
	if p.NumCPU != runtime.NumCPU() || p.GOMAXPROCS != runtime.GOMAXPROCS(0) {
		t.Fatalf("%+v", p)
	}
	if runtime.GOOS == "linux" && (p.AffinityErr != "" || len(p.Affinity) == 0 || len(p.Affinity) > p.NumCPU*64) {
		t.Fatalf("affinity on linux: %+v", p)
	}
	if code, out, _ := run(t, "", "cpu"); code != 0 || !strings.Contains(out, "process:  may use ") {
		t.Fatalf("cpu: %d\n%s", code, out)
	}
	if s := cpuRanges([]int{0, 1, 2, 3, 8, 10, 11}); s != "0-3,8,10-11" {
		t.Errorf("cpuRanges = %s", s)
	}
	if s := cpuRanges([]int{1, 3}); s != "1,3" {
		t.Errorf("cpuRanges = %s", s)
	}
}
