package sig

import (
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/gas"
)

// TestCatalogue: every signature function is listed by Funcs, priced by
// the default schedule and documented.
func TestCatalogue(t *testing.T) {
	c, err := core.NewCatalogue(Funcs()...)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"bls12381_verify", "bls12381_verify_dst", "bls12381_fast_aggregate_verify",
		"bls12381_aggregate_verify", "bls12381_aggregate_verify_dst", "bls12381_batch_verify",
		"ed25519_verify", "ed25519_verify_zip215", "ed25519_batch_verify_zip215",
		"secp256k1_ecdsa_verify", "secp256k1_ecdsa_verify_lows", "secp256k1_recover",
		"schnorr_bip340_verify", "p256_verify",
		"ed25519_verify_strict", "ed25519_batch_verify_zip215_lists",
		"secp256k1_recover_rid", "secp256k1_recover_rid_lows", "secp256k1_recover_rid_compressed",
		"secp256k1_recover_rid_xy", "secp256k1_recover_rid_xy_lows", "secp256k1_decompress",
		"p256_verify_sec1", "p256_verify_sec1_lows", "p256_recover_rid",
	}
	// secp256k1_decompress has one implementation (no dispatch primitive).
	for _, name := range want {
		f, ok := c.Lookup(name)
		if !ok {
			t.Errorf("%s not in Funcs", name)
			continue
		}
		if f.Family != "signature" || f.Input == "" || f.Output == "" || (len(f.Primitives) == 0 && name != "secp256k1_decompress") {
			t.Errorf("%s: incomplete descriptor", name)
		}
		if _, err := gas.Default.Gas(f, make([]byte, 200)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if c.Len() != len(want) {
		t.Errorf("Funcs lists %d functions, want %d", c.Len(), len(want))
	}
	for _, f := range c.Funcs() {
		if f.Family == "signature" {
			if _, err := gas.Default.Gas(f, nil); err != nil {
				t.Errorf("%s: %v", f.Name, err)
			}
		}
	}
}
