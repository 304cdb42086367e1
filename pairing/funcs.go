package pairing

import (
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves"
	"github.com/hostcrypto/hostcrypto/curves/bls12381"
	"github.com/hostcrypto/hostcrypto/curves/bn254"
)

// The "curve" family's pairing checks: BN254 with the EIP-197 semantics of
// the EVM precompile 0x08 and BLS12-381 with the EIP-2537 semantics of 0x0f,
// byte for byte and error for error as go-ethereum implements them, except
// that they return one byte (0x01 / 0x00) where the precompiles return a
// 32-byte word. The group operations are in package curves.
//
// Validation order (it decides the error code when an input has several
// faults) is go-ethereum's: pairs left to right, each point's coordinates
// then its curve equation, and a pair's subgroup checks right after that
// pair, before the next pair is read.

const (
	bn254PairLen = bn254.G1Size + bn254.G2Size                     // 192
	blsPairLen   = bls12381.G1SizeEIP2537 + bls12381.G2SizeEIP2537 // 384
)

func itemsOf(size int) func(in []byte) uint64 {
	return func(in []byte) uint64 { return uint64(len(in) / size) }
}

// The pairing-check descriptors, one per catalogue function (named after
// it).
var (
	BN254PairingCheck = &core.Func{
		Name: "bn254_pairing_check", Family: "curve",
		Input:      "EIP-197 ECPAIRING: k >= 0 pairs (64-byte G1 point || 128-byte G2 point x.c1||x.c0||y.c1||y.c0), 192·k bytes exactly; G2 points must be in the r-torsion subgroup",
		Output:     "one byte: 0x01 if Π e(P_i, Q_i) = 1 (also for k = 0), else 0x00",
		FixedOut:   1,
		Items:      itemsOf(bn254PairLen),
		Primitives: []string{"pairing.bn254", "subgroup.bn254"},
		Examples:   bn254PairingExamples,
		Run:        runBN254Pairing,
	}
	BLS12381PairingCheck = &core.Func{
		Name: "bls12381_pairing_check", Family: "curve",
		Input:      "EIP-2537 PAIRING_CHECK: k >= 1 pairs (128-byte G1 point || 256-byte G2 point, both in their subgroups), 384·k bytes exactly",
		Output:     "one byte: 0x01 if Π e(P_i, Q_i) = 1, else 0x00",
		FixedOut:   1,
		Items:      itemsOf(blsPairLen),
		Primitives: []string{"pairing.bls12381", "subgroup.bls12381g1", "subgroup.bls12381g2"},
		Examples:   blsPairingExamples,
		Run:        runBLSPairing,
	}
)

// Funcs lists the package's host functions.
func Funcs() []*core.Func {
	return []*core.Func{BN254PairingCheck, BLS12381PairingCheck}
}

func runBN254Pairing(dst, in []byte) ([]byte, error) {
	if len(in)%bn254PairLen != 0 {
		return dst, core.Errorf(core.CodeMalformed, "pairing: bn254_pairing_check input is %d bytes, not a multiple of 192", len(in))
	}
	k := len(in) / bn254PairLen
	P, Q := make([]bn254.G1, k), make([]bn254.G2, k)
	n, decErr := k, error(nil)
	for i := range k {
		e := in[i*bn254PairLen:]
		var err error
		if P[i], err = bn254.DecodeG1(e[:bn254.G1Size]); err == nil {
			Q[i], err = bn254.DecodeG2(e[bn254.G1Size:bn254PairLen])
		}
		if err != nil {
			n, decErr = i, err
			break
		}
	}
	if decErr == nil {
		// Subgroup checks run alongside the pairing (see pairingJob).
		verdict, ok := BN254CheckPairingSubgroups(P, Q)
		if !ok {
			return dst, core.Errorf(core.CodeNotInSubgroup, "bn254: G2 point not in the r-torsion subgroup")
		}
		return core.Verdict(dst, verdict), nil
	}
	// The pairs before the first malformed one are subgroup-checked first.
	if curves.BN254FirstNotInG2(Q[:n]) >= 0 {
		return dst, core.Errorf(core.CodeNotInSubgroup, "bn254: G2 point not in the r-torsion subgroup")
	}
	return dst, decErr
}

func runBLSPairing(dst, in []byte) ([]byte, error) {
	if len(in) == 0 || len(in)%blsPairLen != 0 {
		return dst, core.Errorf(core.CodeMalformed, "pairing: bls12381_pairing_check input is %d bytes, want a positive multiple of 384", len(in))
	}
	k := len(in) / blsPairLen
	P, Q := make([]bls12381.G1, k), make([]bls12381.G2, k)
	n, decErr := k, error(nil)
	for i := range k {
		e := in[i*blsPairLen:]
		var err error
		if P[i], err = bls12381.DecodeG1EIP2537(e[:128]); err == nil {
			Q[i], err = bls12381.DecodeG2EIP2537(e[128:blsPairLen])
		}
		if err != nil {
			n, decErr = i, err
			break
		}
	}
	if decErr == nil {
		// Subgroup checks run alongside the pairing (see pairingJob).
		verdict, ok := BLS12381CheckPairingSubgroups(P, Q)
		if !ok {
			return dst, core.Errorf(core.CodeNotInSubgroup, "bls12381: point not in the r-torsion subgroup")
		}
		return core.Verdict(dst, verdict), nil
	}
	// go-ethereum checks pair i's subgroups before reading pair i+1.
	if curves.BLS12381FirstNotInG1(P[:n]) >= 0 || curves.BLS12381FirstNotInG2(Q[:n]) >= 0 {
		return dst, core.Errorf(core.CodeNotInSubgroup, "bls12381: point not in the r-torsion subgroup")
	}
	return dst, decErr
}
