//go:build wasip1

package main

import (
	"encoding/hex"
	"unsafe"

	"github.com/hostcrypto/hostcrypto/guest"
)

func uintptrOf(p *byte) uintptr { return uintptr(unsafe.Pointer(p)) }

func unhex(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}

func fixed(b []byte) func([]byte) []byte { return func([]byte) []byte { return b } }

// A BLS signature from the Ethereum consensus BLS tests (verify_valid_case_*)
// and the first Ed25519 test of RFC 8032 §7.1 (empty message).
var (
	blsInput = unhex("b53d21a4cfd562c469cc81514d4ce5a6b577d8403d32a394dc265dd190b47fa9f829fdd7963afdf972e5e77854051f6f" +
		"ae82747ddeefe4fd64cf9cedb9b04ae3e8a43420cd255e3c7cd06a8d88b7c7f8638543719981c5d16fa3527c468c25f0026704a6951bde891360c7e8d12ddee0559004ccdbe6046b55bae1b257ee97f7cdb955773d7cf29adf3ccbb9975e4eb9" +
		"abababababababababababababababababababababababababababababababab")
	edInput = unhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a" +
		"e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")
	// circomlib Poseidon(1, 2).
	poseidonInput = unhex("0000000000000000000000000000000000000000000000000000000000000001" +
		"0000000000000000000000000000000000000000000000000000000000000002")
)

// calls is the demo's script: each entry is one host call.
var calls = []call{
	{"sha256", guest.Sha256, same},
	{"keccak256", guest.Keccak256, same},
	{"blake2b_256", guest.Blake2b256, same},
	{"poseidon_bn254(1, 2)", guest.PoseidonBn254, fixed(poseidonInput)},
	{"bls12381_verify (eth consensus vector)", guest.Bls12381Verify, fixed(blsInput)},
	{"ed25519_verify (RFC 8032 test 1)", guest.Ed25519Verify, fixed(edInput)},
	{"bn254_pairing_check (no pairs)", guest.Bn254PairingCheck, fixed(nil)},
	{"bn254_pairing_check (100 bytes: malformed)", guest.Bn254PairingCheck, fixed(make([]byte, 100))},
	{"blake2f (212 bytes: malformed)", guest.Blake2f, fixed(make([]byte, 212))},
}
