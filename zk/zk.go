// Package zk declares the zero-knowledge proof verification host functions
// (family "zk"): Groth16 over BN254 and BLS12-381 in EVM encodings, Groth16
// and PLONK in gnark's binary formats (with the BSB22 Pedersen commitment
// extension), and snarkjs PLONK over BN254.
//
// Every function returns one byte, 0x01 (the proof verifies) or 0x00 (it
// does not); an input that cannot be decoded (wrong length, field element
// not canonical, point off the curve or outside the prime-order subgroup)
// returns a core error instead. docs/zk.md describes every byte layout.
//
// Prepared verifying keys (e(α, β), G2 line evaluations, decoded points) are
// kept in bounded LRU caches keyed by SHA-256 of the key's bytes. Gas never
// depends on the cache: it is priced from the input length and count header
// before any work, so a hit and a miss cost the same gas and return the same
// bytes and error codes.
package zk

import (
	"github.com/consensys/gnark-crypto/ecc"
	"runtime"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch"
)

func init() {
	dispatch.Register("zk.groth16.bn254", dispatch.Impl{Name: "gnark", Available: true,
		Note: "gnark-crypto bn254 pairing, fixed-Q Miller loop for γ, δ"})
	dispatch.Register("zk.groth16.bls12381", dispatch.Impl{Name: "gnark", Available: true,
		Note: "gnark-crypto bls12-381 pairing, fixed-Q Miller loop for γ, δ"})

	dispatch.Register("zk.plonk.gnark", dispatch.Impl{Name: "gnark", Available: true,
		Note: "github.com/consensys/gnark v0.16.1 PLONK verifier"})

	dispatch.Register("zk.plonk.snarkjs", dispatch.Impl{Name: "gnark", Available: true,
		Note: "own snarkjs PLONK verifier on gnark-crypto bn254 (one 18-point MSM, fixed-Q pairing)"})

}

// The zk family's verifiers, one per catalogue function (named after it).
var (
	Groth16BN254Verify = &core.Func{
		Name:   "groth16_bn254_verify",
		Family: "zk",
		Input: "vk || proof || public inputs, EIP-197 encodings (G1 64 bytes x||y; G2 128 bytes x.c1||x.c0||y.c1||y.c0; " +
			"all-zero = infinity): vk = alpha G1 || beta G2 || gamma G2 || delta G2 || n (4-byte BE) || IC_0..IC_{n-1} G1, " +
			"n = public inputs + 1; proof = A G1 || B G2 || C G1; public inputs = n-1 x 32-byte BE, each < r",
		Output:     "0x01 if e(A,B) = e(alpha,beta)·e(IC_0+Σx_i·IC_i+1, gamma)·e(C,delta), else 0x00",
		MaxInput:   bnVKFixed + bnMaxInputs*(bnG1Size+bnFrSize) + bnProofSize,
		FixedOut:   1,
		Items:      bnGroth16Items,
		Primitives: []string{"zk.groth16.bn254"},
		Examples:   func() []core.Example { return groth16Examples(false) },
		Run:        runBnGroth16,
	}
	Groth16BLS12381Verify = &core.Func{
		Name:   "groth16_bls12381_verify",
		Family: "zk",
		Input: "vk || proof || public inputs, EIP-2537 encodings (Fp 64 bytes, 16 zero bytes then 48-byte BE; G1 128 bytes x||y; " +
			"G2 256 bytes x.c0||x.c1||y.c0||y.c1; all-zero = infinity): layout as groth16_bn254_verify; public inputs 32-byte BE < r",
		Output:     "0x01 if the Groth16 pairing equation holds, else 0x00",
		MaxInput:   blsVKFixed + bnMaxInputs*(blsG1Size+blsFrSize) + blsProofSize,
		FixedOut:   1,
		Items:      blsGroth16Items,
		Primitives: []string{"zk.groth16.bls12381"},
		Examples:   func() []core.Example { return groth16Examples(true) },
		Run:        runBlsGroth16,
	}
	Groth16BN254VerifyGnark = &core.Func{
		Name:   "groth16_bn254_verify_gnark",
		Family: "zk",
		Input: "three sections, each a 4-byte BE length then bytes: gnark v0.9-v0.16 groth16 BN254 verifying key " +
			"(WriteTo or WriteRawTo, with BSB22 commitment keys), proof (WriteTo or WriteRawTo), public witness (MarshalBinary)",
		Output:     "0x01 if the proof (and its BSB22 commitments) verify, else 0x00",
		FixedOut:   1,
		Items:      gnarkGroth16Items(&bnSizes, &bnWeights),
		Primitives: []string{"zk.groth16.bn254"},
		Examples:   withExtra(bnGnarkG16Examples, gnarkExamples(ecc.BN254, false)),
		Run:        runGnarkBnGroth16,
	}
	Groth16BLS12381VerifyGnark = &core.Func{
		Name:   "groth16_bls12381_verify_gnark",
		Family: "zk",
		Input: "three sections, each a 4-byte BE length then bytes: gnark v0.9-v0.16 groth16 BLS12-381 verifying key " +
			"(WriteTo or WriteRawTo, with BSB22 commitment keys), proof (WriteTo or WriteRawTo), public witness (MarshalBinary)",
		Output:     "0x01 if the proof (and its BSB22 commitments) verify, else 0x00",
		FixedOut:   1,
		Items:      gnarkGroth16Items(&blsSizes, &blsWeights),
		Primitives: []string{"zk.groth16.bls12381"},
		Examples:   withExtra(blsGnarkG16Examples, gnarkExamples(ecc.BLS12_381, false)),
		Run:        runGnarkBlsGroth16,
	}
	PlonkBN254GnarkVerify = &core.Func{
		Name:   "plonk_bn254_gnark_verify",
		Family: "zk",
		Input: "three sections, each a 4-byte BE length then bytes: gnark v0.14-v0.16 PLONK BN254 verifying key " +
			"(WriteTo or WriteRawTo), proof (WriteTo), public witness (MarshalBinary)",
		Output:     "0x01 if gnark's PLONK verifier accepts, else 0x00",
		FixedOut:   1,
		Items:      gnarkPlonkItems(&bnSizes, &bnWeights),
		Primitives: []string{"zk.plonk.gnark"},
		Examples:   withExtra(func() []core.Example { return gnarkPlonkExamples()["plonk_bn254_gnark_verify"] }, gnarkExamples(ecc.BN254, true)),
		Run:        runGnarkBnPlonk,
	}
	PlonkBLS12381GnarkVerify = &core.Func{
		Name:   "plonk_bls12381_gnark_verify",
		Family: "zk",
		Input: "three sections, each a 4-byte BE length then bytes: gnark v0.14-v0.16 PLONK BLS12-381 verifying key " +
			"(WriteTo or WriteRawTo), proof (WriteTo), public witness (MarshalBinary)",
		Output:     "0x01 if gnark's PLONK verifier accepts, else 0x00",
		FixedOut:   1,
		Items:      gnarkPlonkItems(&blsSizes, &blsWeights),
		Primitives: []string{"zk.plonk.gnark"},
		Examples:   withExtra(func() []core.Example { return gnarkPlonkExamples()["plonk_bls12381_gnark_verify"] }, gnarkExamples(ecc.BLS12_381, true)),
		Run:        runGnarkBlsPlonk,
	}
	PlonkBN254SnarkjsVerify = &core.Func{
		Name:   "plonk_bn254_snarkjs_verify",
		Family: "zk",
		Input: "snarkjs 0.7 PLONK, EIP-197 points, 32-byte BE scalars: vk = nPublic (4-byte BE) || power (4-byte BE, 1..28) || " +
			"k1 || k2 || Qm Ql Qr Qo Qc S1 S2 S3 (G1) || X_2 (G2); proof = A B C Z T1 T2 T3 Wxi Wxiw (G1, not infinity) || " +
			"eval_a eval_b eval_c eval_s1 eval_s2 eval_zw (each < r; the Solidity verifier's 24 words); public inputs = nPublic x 32 bytes, each < r",
		Output:     "0x01 if snarkjs's PLONK verifier (Keccak-256 transcript) accepts, else 0x00",
		MaxInput:   sjFixed + 32*sjMaxPublic,
		FixedOut:   1,
		Items:      sjItems,
		Primitives: []string{"zk.plonk.snarkjs"},
		Examples:   withExtra(snarkjsExamples, ownExamplesOf("plonk_bn254_snarkjs_verify")),
		Run:        runSnarkjsPlonk,
	}
)

// Funcs lists the package's host functions.
func Funcs() []*core.Func {
	return []*core.Func{Groth16BN254Verify, Groth16BLS12381Verify, Groth16BN254VerifyGnark, Groth16BLS12381VerifyGnark, PlonkBN254GnarkVerify, PlonkBLS12381GnarkVerify, PlonkBN254SnarkjsVerify}
}

// parallel reports whether a verification may use a second goroutine for
// an independent Miller loop. It never changes a result, only the latency.
func parallel() bool { return runtime.GOMAXPROCS(0) > 1 }

// msmThreshold: Groth16 public-input combinations with more inputs than
// this use a multi-scalar multiplication instead of separate GLV scalar
// multiplications.
const msmThreshold = 4
