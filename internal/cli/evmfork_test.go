package cli

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// fermatModexp is EIP-198's example: 3^(p-1) mod p for p = 2^256-2^32-977,
// priced 13056 gas by EIP-198, 1360 by EIP-2565 and 4080 by EIP-7883.
const fermatModexp = "0000000000000000000000000000000000000000000000000000000000000001" +
	"0000000000000000000000000000000000000000000000000000000000000020" +
	"0000000000000000000000000000000000000000000000000000000000000020" +
	"03" +
	"fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e" +
	"fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f"

func TestCallEVMFork(t *testing.T) {
	req := `{"fn":"evm:0x05","input":"` + fermatModexp + `"}
{"fn":"evm:0x06","input":""}
{"fn":"evm:0x0a","input":""}
{"fn":"sha256","input":"616263"}
`
	for _, c := range []struct {
		args      []string
		modexpGas uint64
		addGas    uint64
		hasKZG    bool
	}{
		{nil, 4080, 150, true},
		{[]string{"--evm-fork", "osaka"}, 4080, 150, true},
		{[]string{"--evm-fork", "prague"}, 1360, 150, true},
		{[]string{"--evm-fork=london"}, 1360, 150, false},
		{[]string{"--evm-fork", "Byzantium"}, 13056, 500, false},
	} {
		code, out, errs := run(t, req, append([]string{"call", "--jsonl"}, c.args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", c.args, code, errs)
		}
		var rs []Result
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			var r Result
			if err := json.Unmarshal([]byte(l), &r); err != nil {
				t.Fatalf("bad line %q", l)
			}
			rs = append(rs, r)
		}
		if len(rs) != 4 {
			t.Fatalf("%v: %d results", c.args, len(rs))
		}
		if rs[0].Error != "" || rs[0].Gas != c.modexpGas || rs[0].Output != strings.Repeat("0", 62)+"01" {
			t.Errorf("%v: modexp %+v, want gas %d and output 1", c.args, rs[0], c.modexpGas)
		}
		if rs[1].Error != "" || rs[1].Gas != c.addGas {
			t.Errorf("%v: BN254 add %+v, want gas %d", c.args, rs[1], c.addGas)
		}
		if kzg := rs[2].Error != "unknown_function"; kzg != c.hasKZG {
			t.Errorf("%v: point evaluation %+v, fork has it: %v", c.args, rs[2], c.hasKZG)
		}
		if rs[3].Error != "" || !strings.HasPrefix(rs[3].Output, "ba7816bf") {
			t.Errorf("%v: sha256 %+v", c.args, rs[3])
		}
	}
	code, out, _ := run(t, "", "call", "--evm-fork", "homestead", "evm:0x05", "")
	if code != 1 || !strings.Contains(out, `"unknown_function"`) {
		t.Errorf("modexp in homestead: %d %s", code, out)
	}
	if code, _, errs := run(t, "", "call", "--evm-fork", "nosuchfork", "sha256", ""); code != 2 || !strings.Contains(errs, "unknown fork") {
		t.Errorf("unknown fork: %d %s", code, errs)
	}
}

func TestListEVMFork(t *testing.T) {
	names := func(args ...string) []string {
		code, out, errs := run(t, "", append([]string{"list", "--json"}, args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		var es []ListEntry
		if err := json.Unmarshal([]byte(out), &es); err != nil {
			t.Fatal(err)
		}
		var n []string
		for _, e := range es {
			n = append(n, e.Name)
		}
		return n
	}
	if got, want := names("--evm-fork", "homestead"), []string{"evm:0x01", "evm:0x02", "evm:0x03", "evm:0x04"}; !slices.Equal(got, want) {
		t.Errorf("homestead: %v, want %v", got, want)
	}
	if got := names("--evm-fork", "cancun"); len(got) != 10 || got[9] != "evm:0x0a" {
		t.Errorf("cancun: %v", got)
	}
	if got := names("--evm-fork", "osaka"); len(got) != 18 || got[17] != "evm:0x100" {
		t.Errorf("osaka: %v", got)
	}
	all := names()
	if !slices.Contains(all, "sha256") || !slices.Contains(all, "evm:0x100") {
		t.Errorf("list without --evm-fork is not the whole catalogue: %d entries", len(all))
	}
	code, out, _ := run(t, "", "list", "--evm-fork", "berlin")
	if code != 0 || !strings.Contains(out, "9 precompiles of EVM fork berlin") || !strings.Contains(out, "no length limit") {
		t.Errorf("list --evm-fork berlin: %d\n%s", code, out)
	}
	if code, _, _ := run(t, "", "list", "--evm-fork", "x"); code != 2 {
		t.Errorf("unknown fork: exit %d", code)
	}
}
