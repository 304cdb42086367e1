//go:build wasip1

// Command contract is the premise benchmark's Go wasip1 reactor: the same
// operations done inside the contract (package ops, compiled to wasm) or by
// a host call (package guest). bench/guest builds it with
//
//	GOOS=wasip1 GOARCH=wasm go build -buildmode=c-shared ./bench/guest/contract
package main

import (
	"github.com/hostcrypto/hostcrypto/bench/guest/ops"
	"github.com/hostcrypto/hostcrypto/guest"
)

func main() {}

// buf holds the input at [0, inLen) and receives the output at outOff.
var buf [1 << 17]byte

const outOff = 1 << 16

//go:wasmexport buf
func bufAddr() int32 { return int32(uintptrOf(&buf[0])) }

// hostCalls are the host functions of ops.List, by catalogue name.
var hostCalls = map[string]func(in, out []byte) (int, error){
	"sha256":                 guest.Sha256,
	"keccak256":              guest.Keccak256,
	"ed25519_verify":         guest.Ed25519Verify,
	"secp256k1_recover":      guest.Secp256k1Recover,
	"bn254_pairing_check":    guest.Bn254PairingCheck,
	"bls12381_pairing_check": guest.Bls12381PairingCheck,
	"bls12381_verify":        guest.Bls12381Verify,
	"groth16_bn254_verify":   guest.Groth16Bn254Verify,
	"poseidon_bn254":         guest.PoseidonBn254,
}

// run does operation op of ops.List n times on buf[:inLen], inside the
// contract (host == 0) or by a host call, writes the last output at outOff
// and returns its length, or a negative value on failure (the host's code,
// or -100 for an in-contract rejection).
//
//go:wasmexport run
func run(op, inLen, n, host int32) int32 {
	o := ops.List[op]
	in, out := buf[:inLen], buf[outOff:]
	var res []byte
	for i := int32(0); i < n; i++ {
		if host != 0 {
			w, err := hostCalls[o.Function](in, out)
			if err != nil {
				return err.(guest.Error).Code()
			}
			res = out[:w]
			continue
		}
		r, err := o.Run(in)
		if err != nil {
			return -100
		}
		res = r
	}
	if host == 0 {
		copy(out, res)
	}
	return int32(len(res))
}
