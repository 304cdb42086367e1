package cosmwasm_test

// These tests import package cosmwasm alone (plus core and test helpers)
// and run the peers' vectors (../shared/vectors/peers: CosmWasm's own test
// files, and the other files for the same rules) through the profile's
// functions under CosmWasm's names and argument layouts.

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/cosmwasm"
	"github.com/hostcrypto/hostcrypto/curves/bls12381"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

type peerCase struct {
	Family, Fn, Input, Expect, ID string
	in                            []byte
}

func load(t *testing.T, name string) []peerCase {
	t.Helper()
	f, err := os.Open(vectors.Path(t, "peers/"+name))
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
			t.Fatal(err)
		}
		if c.in, err = hex.DecodeString(c.Input); err != nil {
			t.Fatal(err)
		}
		cs = append(cs, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cs
}

// judge returns "" when (out, err) is what expect says: "01" exactly 0x01,
// "00" 0x00 or an error code, "error" an error code, other hex the exact
// output.
func judge(expect string, out []byte, err error) string {
	switch expect {
	case "01":
		if err != nil || !bytes.Equal(out, []byte{1}) {
			return "want 01, got " + hex.EncodeToString(out) + errString(err)
		}
	case "00":
		if err == nil && !bytes.Equal(out, []byte{0}) {
			return "want 00 or an error, got " + hex.EncodeToString(out)
		}
	case "error":
		if err == nil {
			return "want an error, got " + hex.EncodeToString(out)
		}
	default:
		if err != nil || hex.EncodeToString(out) != expect {
			return "want " + expect + ", got " + hex.EncodeToString(out) + errString(err)
		}
	}
	return ""
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return " (" + err.Error() + ")"
}

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

// convert maps a peer case of a catalogue function onto the CosmWasm
// function with the same rules, in CosmWasm's argument layout; ok is false
// for cases no CosmWasm function serves.
func convert(t *testing.T, c peerCase) (name string, in []byte, expect string, ok bool) {
	in, expect = c.in, c.Expect
	switch c.Fn {
	case "ed25519_verify_zip215": // pk || sig || msg -> msg || sig || pk
		if len(in) < 96 {
			return "", nil, "", false
		}
		return "ed25519_verify", cat(in[96:], in[32:96], in[:32]), expect, true
	case "ed25519_batch_verify_zip215": // n || n x (pk || sig || len || msg) -> lists
		n := int(binary.BigEndian.Uint32(in))
		var sigs, pks, msgs []byte
		p := in[4:]
		for range n {
			pks, sigs = append(pks, p[:32]...), append(sigs, p[32:96]...)
			l := int(binary.BigEndian.Uint32(p[96:]))
			msgs = append(msgs, p[96:100+l]...)
			p = p[100+l:]
		}
		var hdr [12]byte
		for i := range 3 {
			binary.BigEndian.PutUint32(hdr[4*i:], uint32(n))
		}
		return "ed25519_batch_verify", cat(hdr[:], sigs, pks, msgs), expect, true
	case "secp256k1_ecdsa_verify": // pk || r || s || hash -> hash || sig || pk
		k := len(in) - 96
		return "secp256k1_verify", cat(in[k+64:], in[k:k+64], in[:k]), expect, true
	case "secp256k1_recover": // hash || r || s || v, v in {0, 1, 27, 28} -> rid v mod 27
		rid := in[96]
		if rid >= 27 {
			rid -= 27
		}
		return "secp256k1_recover_pubkey", cat(in[:96], []byte{rid}), expect, true
	case "p256_verify": // hash || r || s || qx || qy -> hash || sig || 04 || qx || qy
		return "secp256r1_verify", cat(in[:96], []byte{4}, in[96:]), expect, true
	case "p256_recover_rid":
		return "secp256r1_recover_pubkey", in, expect, true
	case "bls12381_aggregate_g1":
		return "bls12_381_aggregate_g1", in, expect, true
	case "bls12381_aggregate_g2":
		return "bls12_381_aggregate_g2", in, expect, true
	case "bls12381_hash_to_g2": // EIP-2537 output -> compressed
		if expect != "00" && expect != "01" && expect != "error" {
			b, _ := hex.DecodeString(expect)
			q, err := bls12381.DecodeG2EIP2537(b)
			if err != nil {
				t.Fatalf("%s: expected point: %v", c.ID, err)
			}
			expect = hex.EncodeToString(bls12381.AppendG2Compressed(nil, &q))
		}
		return "bls12_381_hash_to_g2", cat([]byte{0, 0, 0, 0, 0, 0, 0}, in), expect, true // the 1-byte DST length widened to u32
	}
	return "", nil, "", false
}

// TestPeerVectorsThroughProfile runs every peer case of a function a
// CosmWasm function serves through that function, called by CosmWasm's
// name through Exports and the profile's catalogue.
func TestPeerVectorsThroughProfile(t *testing.T) {
	c, err := cosmwasm.Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	exports := cosmwasm.Exports()
	seen := map[string]int{}
	cosmwasmOwn := 0
	for _, file := range []string{"cases.jsonl", "future.jsonl"} {
		for _, pc := range load(t, file) {
			name, in, expect, ok := convert(t, pc)
			if !ok {
				continue
			}
			full, ok := exports[name]
			if !ok {
				t.Fatalf("no export %q", name)
			}
			f, ok := c.Lookup(full)
			if !ok {
				t.Fatalf("%s not in the catalogue", full)
			}
			out, err := core.Execute(f, nil, in)
			if msg := judge(expect, out, err); msg != "" {
				t.Errorf("%s %s %s via %s: %s", file, pc.Family, pc.ID, name, msg)
			}
			seen[name]++
			if strings.HasPrefix(pc.Family, "cosmwasm") {
				cosmwasmOwn++
			}
		}
	}
	for _, name := range []string{"ed25519_verify", "ed25519_batch_verify", "secp256k1_verify", "secp256k1_recover_pubkey",
		"secp256r1_verify", "secp256r1_recover_pubkey", "bls12_381_aggregate_g1", "bls12_381_aggregate_g2", "bls12_381_hash_to_g2"} {
		if seen[name] == 0 {
			t.Errorf("no case ran through %s", name)
		}
	}
	if cosmwasmOwn == 0 {
		t.Error("no case from CosmWasm's own test files ran")
	}
	t.Logf("cases per function: %v (%d from CosmWasm's own files)", seen, cosmwasmOwn)
}
