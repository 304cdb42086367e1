package dusk_test

import (
	"bytes"
	"crypto/sha256"
	"testing"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/decred/dcrd/dcrec/secp256k1/v4/ecdsa"

	"github.com/hostcrypto/hostcrypto"
	"github.com/hostcrypto/hostcrypto/core"
)

// TestRuskSecp256k1Recover replays rusk's vm/tests secp256k1_recover_host
// (264c1ec0f) through dusk:secp256k1_recover: hash = SHA-256
// ("rusk-host-secp256k1"), sk = 32 bytes of 0x01, signature r || s || v
// with v = recid + 27, recovers sk's uncompressed public key; v = 2, an
// all-zero and an all-0xff (r, s) recover nothing; v in {0, 1} is accepted
// too. It needs secp256k1_recover (signature family) in the catalogue, linked
// through the root package, and fails without it.
func TestRuskSecp256k1Recover(t *testing.T) {
	if _, ok := core.Default.Lookup("secp256k1_recover"); !ok {
		t.Fatal("secp256k1_recover is not in the catalogue: this test runs once the signature family is merged")
	}
	hash := sha256.Sum256([]byte("rusk-host-secp256k1"))
	sk := secp256k1.PrivKeyFromBytes(bytes.Repeat([]byte{1}, 32))
	compact := ecdsa.SignCompact(sk, hash[:], false) // recid+27 || r || s
	sig := append(append([]byte(nil), compact[1:]...), compact[0])
	want := sk.PubKey().SerializeUncompressed()

	recover := func(sig []byte) ([]byte, error) {
		out, _, err := hostcrypto.Call("dusk:secp256k1_recover", append(append([]byte(nil), hash[:]...), sig...))
		return out, err
	}
	if out, err := recover(sig); err != nil || !bytes.Equal(out, want) {
		t.Fatalf("recover: %x %v, want %x", out, err, want)
	}
	v01 := append([]byte(nil), sig...)
	v01[64] -= 27
	if out, err := recover(v01); err != nil || !bytes.Equal(out, want) {
		t.Fatalf("recover with v in {0,1}: %x %v", out, err)
	}
	bad := append([]byte(nil), sig...)
	bad[64] = 2
	zero := make([]byte, 65)
	zero[64] = 27
	ff := bytes.Repeat([]byte{0xff}, 65)
	ff[64] = 27
	for name, s := range map[string][]byte{"v = 2": bad, "zero r, s": zero, "0xff r, s": ff} {
		if out, err := recover(s); err == nil {
			t.Errorf("%s: recovered %x; rusk recovers nothing", name, out)
		}
	}
}
