package evm

import (
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch"
)

// Named catalogue functions the table delegates to.
const (
	fnSha256        = "sha256"
	fnRipemd160     = "ripemd160"
	fnBlake2F       = "blake2f"
	fnBN254Add      = "bn254_g1_add"
	fnBN254Mul      = "bn254_g1_mul"
	fnBN254Pairing  = "bn254_pairing_check"
	fnBLSG1Add      = "bls12381_g1_add"
	fnBLSG1MSM      = "bls12381_g1_msm"
	fnBLSG2Add      = "bls12381_g2_add"
	fnBLSG2MSM      = "bls12381_g2_msm"
	fnBLSPairing    = "bls12381_pairing_check"
	fnBLSMapFpToG1  = "bls12381_map_fp_to_g1"
	fnBLSMapFp2ToG2 = "bls12381_map_fp2_to_g2"
)

// countOf returns an Items rule: floor(len/unit).
func countOf(unit int) func([]byte) uint64 {
	return func(in []byte) uint64 { return uint64(len(in) / unit) }
}

func one([]byte) uint64 { return 1 }

func init() {
	dispatch.Register("evm.modexp", dispatch.Impl{Name: "stdlib", Available: true,
		Note: "math/big Exp"})
	dispatch.Register("evm.p256verify", dispatch.Impl{Name: "stdlib", Available: true,
		Note: "crypto/ecdsa P-256"})

	register(AddrEcrecover, "ECREC", &core.Func{
		Input:      "hash(32) || v(32) || r(32) || s(32), zero-padded/truncated to 128 bytes",
		Output:     "32-byte left-padded address, or empty when no key recovers",
		FixedOut:   32,
		Items:      one,
		Gas:        fixedGas(gasEcrecover),
		Primitives: []string{"evm.ecrecover"},
		Run:        ecrecoverRun,
	})
	register(AddrSha256, "SHA256", &core.Func{
		Input:      "raw bytes",
		Output:     "32-byte SHA-256 digest",
		FixedOut:   32,
		Items:      words,
		Gas:        wordGas(gasSha256Base, gasSha256Word),
		Primitives: []string{fnSha256},
		Run: func(dst, in []byte) ([]byte, error) {
			return checkedNamed(fnSha256, dst, in, 32)
		},
	})
	register(AddrRipemd160, "RIPEMD160", &core.Func{
		Input:      "raw bytes",
		Output:     "20-byte RIPEMD-160 digest left-padded to 32 bytes",
		FixedOut:   32,
		Items:      words,
		Gas:        wordGas(gasRipemdBase, gasRipemdWord),
		Primitives: []string{fnRipemd160},
		Run:        leftPadded(fnRipemd160, 20),
	})
	register(AddrIdentity, "ID", &core.Func{
		Input:  "raw bytes",
		Output: "the input",
		OutLen: func(in []byte) int { return len(in) },
		Items:  words,
		Gas:    wordGas(gasIdentityBase, gasIdentityWord),
		Run:    func(dst, in []byte) ([]byte, error) { return append(dst, in...), nil },
	})
	register(AddrModexp, "MODEXP", &core.Func{
		Input:      "len(B)(32) || len(E)(32) || len(M)(32) || B || E || M (EIP-198; each length <= 1024, EIP-7823)",
		Output:     "B^E mod M, len(M) bytes big-endian",
		OutLen:     modexpOutLen,
		Gas:        modexpGas,
		Primitives: []string{"evm.modexp"},
		Run:        modexpRun,
	})
	register(AddrBN254Add, "BN254_ADD", &core.Func{
		Input:      "two EIP-196 G1 points (64 bytes each), zero-padded/truncated to 128 bytes",
		Output:     "64-byte G1 point",
		FixedOut:   64,
		Items:      one,
		Gas:        fixedGas(gasBN254Add),
		Primitives: []string{fnBN254Add},
		Run:        fixedNamed(fnBN254Add, 128, 64),
	})
	register(AddrBN254Mul, "BN254_MUL", &core.Func{
		Input:      "EIP-196 G1 point (64) || scalar (32), zero-padded/truncated to 96 bytes",
		Output:     "64-byte G1 point",
		FixedOut:   64,
		Items:      one,
		Gas:        fixedGas(gasBN254Mul),
		Primitives: []string{fnBN254Mul},
		Run:        fixedNamed(fnBN254Mul, 96, 64),
	})
	register(AddrBN254Pairing, "BN254_PAIRING", &core.Func{
		Input:      "k pairs G1(64) || G2(128) (EIP-197), k >= 0",
		Output:     "32-byte word 1 if the pairing product is one, else 0",
		FixedOut:   32,
		Items:      countOf(bn254PairSize),
		Gas:        func(in []byte) uint64 { return gasBN254PairBase + uint64(len(in)/bn254PairSize)*gasBN254PairPer },
		Primitives: []string{fnBN254Pairing},
		Run:        verdictWord(fnBN254Pairing, bn254PairSize, true),
	})
	register(AddrBlake2F, "BLAKE2F", &core.Func{
		Input:      "rounds(4, BE) || h(64) || m(128) || t(16) || f(1) (EIP-152), exactly 213 bytes",
		Output:     "64-byte state h",
		FixedOut:   64,
		Items:      func(in []byte) uint64 { return blake2fRounds(in) },
		Gas:        blake2fRounds,
		Primitives: []string{fnBlake2F},
		Run: func(dst, in []byte) ([]byte, error) {
			if len(in) != 213 {
				return dst, core.Errorf(core.CodeMalformed, "evm: blake2f: input is %d bytes, want 213", len(in))
			}
			if in[212] > 1 {
				return dst, core.Errorf(core.CodeMalformed, "evm: blake2f: final flag %d is not 0 or 1", in[212])
			}
			return checkedNamed(fnBlake2F, dst, in, 64)
		},
	})
	register(AddrPointEval, "KZG_POINT_EVALUATION", &core.Func{
		Input:      "versioned_hash(32) || z(32) || y(32) || commitment(48) || proof(48) (EIP-4844)",
		Output:     "uint256(4096) || uint256(BLS_MODULUS)",
		FixedOut:   64,
		Items:      one,
		Gas:        fixedGas(gasPointEval),
		Primitives: []string{"evm.point_evaluation"},
		Run:        pointEvalRun,
	})
	register(AddrBLS12G1Add, "BLS12_G1ADD", &core.Func{
		Input:      "two EIP-2537 G1 points (128 bytes each)",
		Output:     "128-byte G1 point",
		FixedOut:   128,
		Items:      one,
		Gas:        fixedGas(gasBLSG1Add),
		Primitives: []string{fnBLSG1Add},
		Run:        exactNamed(fnBLSG1Add, 256, 128),
	})
	register(AddrBLS12G1MSM, "BLS12_G1MSM", &core.Func{
		Input:      "k > 0 pairs G1(128) || scalar(32) (EIP-2537)",
		Output:     "128-byte G1 point",
		FixedOut:   128,
		Items:      countOf(blsG1MSMPairSize),
		Gas:        msmGas(blsG1MSMPairSize, gasBLSG1Mul, &g1MSMDiscount),
		Primitives: []string{fnBLSG1MSM},
		Run:        multipleNamed(fnBLSG1MSM, blsG1MSMPairSize, 128),
	})
	register(AddrBLS12G2Add, "BLS12_G2ADD", &core.Func{
		Input:      "two EIP-2537 G2 points (256 bytes each)",
		Output:     "256-byte G2 point",
		FixedOut:   256,
		Items:      one,
		Gas:        fixedGas(gasBLSG2Add),
		Primitives: []string{fnBLSG2Add},
		Run:        exactNamed(fnBLSG2Add, 512, 256),
	})
	register(AddrBLS12G2MSM, "BLS12_G2MSM", &core.Func{
		Input:      "k > 0 pairs G2(256) || scalar(32) (EIP-2537)",
		Output:     "256-byte G2 point",
		FixedOut:   256,
		Items:      countOf(blsG2MSMPairSize),
		Gas:        msmGas(blsG2MSMPairSize, gasBLSG2Mul, &g2MSMDiscount),
		Primitives: []string{fnBLSG2MSM},
		Run:        multipleNamed(fnBLSG2MSM, blsG2MSMPairSize, 256),
	})
	register(AddrBLS12Pairing, "BLS12_PAIRING_CHECK", &core.Func{
		Input:      "k > 0 pairs G1(128) || G2(256) (EIP-2537)",
		Output:     "32-byte word 1 if the pairing product is one, else 0",
		FixedOut:   32,
		Items:      countOf(blsPairingPairLen),
		Gas:        func(in []byte) uint64 { return gasBLSPairBase + uint64(len(in)/blsPairingPairLen)*gasBLSPairPer },
		Primitives: []string{fnBLSPairing},
		Run:        verdictWord(fnBLSPairing, blsPairingPairLen, false),
	})
	register(AddrBLS12MapFpToG1, "BLS12_MAP_FP_TO_G1", &core.Func{
		Input:      "EIP-2537 Fp element (64 bytes)",
		Output:     "128-byte G1 point",
		FixedOut:   128,
		Items:      one,
		Gas:        fixedGas(gasBLSMapG1),
		Primitives: []string{fnBLSMapFpToG1},
		Run:        exactNamed(fnBLSMapFpToG1, 64, 128),
	})
	register(AddrBLS12MapFp2G2, "BLS12_MAP_FP2_TO_G2", &core.Func{
		Input:      "EIP-2537 Fp2 element (128 bytes)",
		Output:     "256-byte G2 point",
		FixedOut:   256,
		Items:      one,
		Gas:        fixedGas(gasBLSMapG2),
		Primitives: []string{fnBLSMapFp2ToG2},
		Run:        exactNamed(fnBLSMapFp2ToG2, 128, 256),
	})
	register(AddrP256Verify, "P256VERIFY", &core.Func{
		Input:      "hash(32) || r(32) || s(32) || qx(32) || qy(32) (EIP-7951), exactly 160 bytes",
		Output:     "32-byte word 1 if the signature is valid, else empty",
		FixedOut:   32,
		Items:      one,
		Gas:        fixedGas(gasP256Verify),
		Primitives: []string{"evm.p256verify"},
		Run:        p256Run,
	})
}

// blake2fRounds is go-ethereum's BLAKE2F price: the big-endian round count
// of a 213-byte input, 0 for any other length (the call then fails).
func blake2fRounds(in []byte) uint64 {
	if len(in) != 213 {
		return 0
	}
	return uint64(in[0])<<24 | uint64(in[1])<<16 | uint64(in[2])<<8 | uint64(in[3])
}
