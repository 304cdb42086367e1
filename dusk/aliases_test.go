package dusk

import (
	"bytes"
	"strings"
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dusk/dplonk"
	"github.com/hostcrypto/hostcrypto/gas"
)

// TestAliasesForwardToTargets: every rusk query has a function that
// answers exactly as its target on the target's examples and on malformed
// inputs (verify_plonk: as the target given the profile's version byte),
// with the target's output size and rusk's item count.
func TestAliasesForwardToTargets(t *testing.T) {
	exp := Exports()
	qs := Profile{}.Queries()
	if len(exp) != 11 || len(qs) != 11 {
		t.Fatalf("%d exports, %d queries", len(exp), len(qs))
	}
	for _, a := range qs {
		rusk := strings.TrimPrefix(a.Name, "dusk:")
		if exp[rusk] != a.Name || len(a.Targets) != 1 {
			t.Fatalf("%s: export %q, %d targets", a.Name, exp[rusk], len(a.Targets))
		}
		target := a.Targets[0]
		version := []byte(nil) // the target's input prefix
		if a == VerifyPlonk {
			version = []byte{dplonk.DefaultVersion}
		}
		inputs := [][]byte{{}, {1, 2, 3}, make([]byte, 33)}
		for _, ex := range a.Examples() {
			inputs = append(inputs, ex.Input)
		}
		if len(inputs) == 3 {
			t.Errorf("%s has no examples", a.Name)
		}
		for _, in := range inputs {
			tin := append(append([]byte(nil), version...), in...)
			wantOut, wantErr := core.Execute(target, nil, tin)
			gotOut, gotErr := core.Execute(a, nil, in)
			if core.CodeOf(gotErr) != core.CodeOf(wantErr) || !bytes.Equal(gotOut, wantOut) {
				t.Errorf("%s on %d bytes: %x %v; %s: %x %v", a.Name, len(in), gotOut, gotErr, target.Name, wantOut, wantErr)
			}
			wantItems := target.ItemCount(tin)
			switch rusk {
			case "hash", "keccak256", "sha256":
				wantItems = max(1, (uint64(len(in))+31)/32)
			case "verify_bls_multisig":
				wantItems = max(1, wantItems)
			}
			if a.OutputSize(in) != target.OutputSize(tin) || a.ItemCount(in) != wantItems {
				t.Errorf("%s: OutLen %d / Items %d, want %d / %d", a.Name, a.OutputSize(in), a.ItemCount(in), target.OutputSize(tin), wantItems)
			}
		}
	}
}

// TestDuskScheduleCoversAliases: the "dusk" schedule prices every dusk:*
// function of the profile.
func TestDuskScheduleCoversAliases(t *testing.T) {
	s, err := gas.Lookup("dusk")
	if err != nil || s != gas.Dusk {
		t.Fatalf("dusk schedule: %v", err)
	}
	n := 0
	for _, f := range Funcs() {
		if strings.HasPrefix(f.Name, "dusk:") {
			n++
			if _, err := s.Gas(f, nil); err != nil {
				t.Errorf("%s: %v", f.Name, err)
			}
		}
	}
	if n != 11 {
		t.Fatalf("%d dusk:* functions", n)
	}
}

// Rusk's Boreas prices (pricing.rs) for the queries that depend on the
// input: sha256 on 16 bytes is 3000 + 250·max(1, ceil(16/32)) = 3250.
func TestDuskScheduleBoreasPrices(t *testing.T) {
	if g, _ := gas.Dusk.Gas(SHA256, []byte("rusk-host-sha256")); g != 3250 {
		t.Fatalf("dusk:sha256 on 16 bytes costs %d, rusk's table gives 3250", g)
	}
	if g, _ := gas.Dusk.Gas(Keccak256, make([]byte, 96)); g != 4530 {
		t.Fatalf("dusk:keccak256 on 96 bytes costs %d, rusk's table gives 4530", g)
	}
	if g, _ := gas.Dusk.Gas(VerifyBLSMultisig, append([]byte{0, 0, 0, 16}, make([]byte, 16*96)...)); g != 5_700_000 {
		t.Fatalf("dusk:verify_bls_multisig with 16 keys costs %d, rusk's table gives 5700000", g)
	}
}
