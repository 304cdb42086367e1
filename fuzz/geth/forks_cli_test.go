package geth

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"encoding/json"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/hostcrypto/hostcrypto/evm"
)

// TestCLIJSONLForks pipes every vector through `hostcrypto call --jsonl
// --evm-fork F` for each fork before Osaka (TestCLIJSONL covers Osaka) and
// requires go-ethereum's answer for that fork: its gas, output and
// error-or-not where the fork has the address, unknown_function with gas 0
// where it does not.
func TestCLIJSONLForks(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the CLI")
	}
	bin := filepath.Join(t.TempDir(), "hostcrypto")
	build := exec.Command("go", "build", "-o", bin, "./cmd/hostcrypto")
	build.Dir = filepath.Join("..", "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the CLI: %v\n%s", err, out)
	}
	names := make([]string, 0, len(cliFiles))
	for n := range cliFiles {
		names = append(names, n)
	}
	sort.Strings(names)
	type req struct {
		addr uint64
		in   []byte
	}
	var reqs []req
	var lines bytes.Buffer
	for _, name := range names {
		data := vectors.Read(t, name)
		var vs []struct{ Input string }
		if err := json.Unmarshal(data, &vs); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, v := range vs {
			in, err := hex.DecodeString(v.Input)
			if err != nil {
				t.Fatal(err)
			}
			reqs = append(reqs, req{cliFiles[name], in})
			line, _ := json.Marshal(map[string]string{"fn": evm.FuncName(cliFiles[name]), "input": v.Input})
			lines.Write(append(line, '\n'))
		}
	}
	for _, s := range evm.Forks() {
		if s.Name() == evm.ForkOsaka {
			continue
		}
		g := gethSet(t, s)
		cmd := exec.Command(bin, "call", "--jsonl", "--evm-fork", s.Name())
		cmd.Stdin = bytes.NewReader(lines.Bytes())
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: %v\n%s", s.Name(), err, stderr.String())
		}
		sc := bufio.NewScanner(bytes.NewReader(out))
		sc.Buffer(nil, 1<<20)
		i, bad := 0, 0
		for ; sc.Scan() && i < len(reqs); i++ {
			var res struct {
				Output, Error string
				Gas           uint64
			}
			if err := json.Unmarshal(sc.Bytes(), &res); err != nil {
				t.Fatal(err)
			}
			r := reqs[i]
			p, ok := g[common.Address(evm.AddressOf(r.addr))]
			if !ok {
				if res.Error != "unknown_function" || res.Gas != 0 {
					t.Errorf("%s %#x: %+v, want unknown_function", s.Name(), r.addr, res)
					bad++
				}
				continue
			}
			wantOut, wantErr := p.Run(r.in)
			if res.Gas != p.RequiredGas(r.in) || (res.Error == "") != (wantErr == nil) || (wantErr == nil && res.Output != hex.EncodeToString(wantOut)) {
				t.Errorf("%s %#x input %x: %+v, go-ethereum (%x, gas %d, %v)", s.Name(), r.addr, clip(r.in), res, wantOut, p.RequiredGas(r.in), wantErr)
				bad++
			}
			if bad > 20 {
				t.Fatal("too many failures")
			}
		}
		if i != len(reqs) {
			t.Fatalf("%s: %d results for %d requests", s.Name(), i, len(reqs))
		}
		t.Logf("%s: %d vectors through call --jsonl --evm-fork", s.Name(), len(reqs))
	}
}
