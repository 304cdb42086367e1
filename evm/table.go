package evm

import (
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves"
	"github.com/hostcrypto/hostcrypto/dispatch"
	"github.com/hostcrypto/hostcrypto/hash"
	"github.com/hostcrypto/hostcrypto/pairing"
	"github.com/hostcrypto/hostcrypto/sig/p256"
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
}

// The Osaka precompiles, one descriptor per address, named after the
// address constants. Those that go-ethereum implements with a function
// of another family forward to that family's descriptor (Targets).
var (
	Ecrecover = precompile(AddrEcrecover, &core.Func{
		Input:      "hash(32) || v(32) || r(32) || s(32), zero-padded/truncated to 128 bytes",
		Output:     "32-byte left-padded address, or empty when no key recovers",
		FixedOut:   32,
		Items:      one,
		Gas:        fixedGas(gasEcrecover),
		Primitives: []string{"evm.ecrecover"},
		Examples:   ecrecoverExamples,
		Run:        ecrecoverRun,
	})
	SHA256 = precompile(AddrSha256, &core.Func{
		Input:    "raw bytes",
		Output:   "32-byte SHA-256 digest",
		FixedOut: 32,
		Items:    words,
		Gas:      wordGas(gasSha256Base, gasSha256Word),
		Targets:  []*core.Func{hash.SHA256},
		Examples: hash.SHA256.Examples,
		Run:      exactOut(hash.SHA256, 32),
	})
	RIPEMD160 = precompile(AddrRipemd160, &core.Func{
		Input:    "raw bytes",
		Output:   "20-byte RIPEMD-160 digest left-padded to 32 bytes",
		FixedOut: 32,
		Items:    words,
		Gas:      wordGas(gasRipemdBase, gasRipemdWord),
		Targets:  []*core.Func{hash.RIPEMD160},
		Examples: hash.RIPEMD160.Examples,
		Run:      leftPadded(hash.RIPEMD160, 20),
	})
	Identity = precompile(AddrIdentity, &core.Func{
		Input:    "raw bytes",
		Output:   "the input",
		OutLen:   func(in []byte) int { return len(in) },
		Items:    words,
		Gas:      wordGas(gasIdentityBase, gasIdentityWord),
		Examples: hash.SHA256.Examples,
		Run:      func(dst, in []byte) ([]byte, error) { return append(dst, in...), nil },
	})
	Modexp = precompile(AddrModexp, &core.Func{
		Input:      "len(B)(32) || len(E)(32) || len(M)(32) || B || E || M (EIP-198; each length <= 1024, EIP-7823)",
		Output:     "B^E mod M, len(M) bytes big-endian",
		OutLen:     modexpOutLen,
		Gas:        modexpGas,
		Primitives: []string{"evm.modexp"},
		Examples:   modexpExamples,
		Run:        modexpRun,
	})
	BN254Add = precompile(AddrBN254Add, &core.Func{
		Input:    "two EIP-196 G1 points (64 bytes each), zero-padded/truncated to 128 bytes",
		Output:   "64-byte G1 point",
		FixedOut: 64,
		Items:    one,
		Gas:      fixedGas(gasBN254Add),
		Targets:  []*core.Func{curves.BN254G1Add},
		Examples: curves.BN254G1Add.Examples,
		Run:      fixedNamed(curves.BN254G1Add, 128, 64),
	})
	BN254Mul = precompile(AddrBN254Mul, &core.Func{
		Input:    "EIP-196 G1 point (64) || scalar (32), zero-padded/truncated to 96 bytes",
		Output:   "64-byte G1 point",
		FixedOut: 64,
		Items:    one,
		Gas:      fixedGas(gasBN254Mul),
		Targets:  []*core.Func{curves.BN254G1Mul},
		Examples: curves.BN254G1Mul.Examples,
		Run:      fixedNamed(curves.BN254G1Mul, 96, 64),
	})
	BN254Pairing = precompile(AddrBN254Pairing, &core.Func{
		Input:    "k pairs G1(64) || G2(128) (EIP-197), k >= 0",
		Output:   "32-byte word 1 if the pairing product is one, else 0",
		FixedOut: 32,
		Items:    countOf(bn254PairSize),
		Gas:      func(in []byte) uint64 { return gasBN254PairBase + uint64(len(in)/bn254PairSize)*gasBN254PairPer },
		Targets:  []*core.Func{pairing.BN254PairingCheck},
		Examples: pairing.BN254PairingCheck.Examples,
		Run:      verdictWord(pairing.BN254PairingCheck, bn254PairSize, true),
	})
	BLAKE2F = precompile(AddrBlake2F, &core.Func{
		Input:    "rounds(4, BE) || h(64) || m(128) || t(16) || f(1) (EIP-152), exactly 213 bytes",
		Output:   "64-byte state h",
		FixedOut: 64,
		Items:    func(in []byte) uint64 { return blake2fRounds(in) },
		Gas:      blake2fRounds,
		Targets:  []*core.Func{hash.BLAKE2F},
		Examples: hash.BLAKE2F.Examples,
		Run:      blake2fRun(hash.BLAKE2F),
	})
	PointEvaluation = precompile(AddrPointEval, &core.Func{
		Input:      "versioned_hash(32) || z(32) || y(32) || commitment(48) || proof(48) (EIP-4844)",
		Output:     "uint256(4096) || uint256(BLS_MODULUS)",
		FixedOut:   64,
		Items:      one,
		Gas:        fixedGas(gasPointEval),
		Primitives: []string{"evm.point_evaluation"},
		Examples:   pointEvalExamples,
		Run:        pointEvalRun,
	})
	BLS12G1Add = precompile(AddrBLS12G1Add, &core.Func{
		Input:    "two EIP-2537 G1 points (128 bytes each)",
		Output:   "128-byte G1 point",
		FixedOut: 128,
		Items:    one,
		Gas:      fixedGas(gasBLSG1Add),
		Targets:  []*core.Func{curves.BLS12381G1Add},
		Examples: curves.BLS12381G1Add.Examples,
		Run:      exactNamed(curves.BLS12381G1Add, 256, 128),
	})
	BLS12G1MSM = precompile(AddrBLS12G1MSM, &core.Func{
		Input:    "k > 0 pairs G1(128) || scalar(32) (EIP-2537)",
		Output:   "128-byte G1 point",
		FixedOut: 128,
		Items:    countOf(blsG1MSMPairSize),
		Gas:      msmGas(blsG1MSMPairSize, gasBLSG1Mul, &g1MSMDiscount),
		Targets:  []*core.Func{curves.BLS12381G1MSM},
		Examples: curves.BLS12381G1MSM.Examples,
		Run:      multipleNamed(curves.BLS12381G1MSM, blsG1MSMPairSize, 128),
	})
	BLS12G2Add = precompile(AddrBLS12G2Add, &core.Func{
		Input:    "two EIP-2537 G2 points (256 bytes each)",
		Output:   "256-byte G2 point",
		FixedOut: 256,
		Items:    one,
		Gas:      fixedGas(gasBLSG2Add),
		Targets:  []*core.Func{curves.BLS12381G2Add},
		Examples: curves.BLS12381G2Add.Examples,
		Run:      exactNamed(curves.BLS12381G2Add, 512, 256),
	})
	BLS12G2MSM = precompile(AddrBLS12G2MSM, &core.Func{
		Input:    "k > 0 pairs G2(256) || scalar(32) (EIP-2537)",
		Output:   "256-byte G2 point",
		FixedOut: 256,
		Items:    countOf(blsG2MSMPairSize),
		Gas:      msmGas(blsG2MSMPairSize, gasBLSG2Mul, &g2MSMDiscount),
		Targets:  []*core.Func{curves.BLS12381G2MSM},
		Examples: curves.BLS12381G2MSM.Examples,
		Run:      multipleNamed(curves.BLS12381G2MSM, blsG2MSMPairSize, 256),
	})
	BLS12PairingCheck = precompile(AddrBLS12Pairing, &core.Func{
		Input:    "k > 0 pairs G1(128) || G2(256) (EIP-2537)",
		Output:   "32-byte word 1 if the pairing product is one, else 0",
		FixedOut: 32,
		Items:    countOf(blsPairingPairLen),
		Gas:      func(in []byte) uint64 { return gasBLSPairBase + uint64(len(in)/blsPairingPairLen)*gasBLSPairPer },
		Targets:  []*core.Func{pairing.BLS12381PairingCheck},
		Examples: pairing.BLS12381PairingCheck.Examples,
		Run:      verdictWord(pairing.BLS12381PairingCheck, blsPairingPairLen, false),
	})
	BLS12MapFpToG1 = precompile(AddrBLS12MapFpToG1, &core.Func{
		Input:    "EIP-2537 Fp element (64 bytes)",
		Output:   "128-byte G1 point",
		FixedOut: 128,
		Items:    one,
		Gas:      fixedGas(gasBLSMapG1),
		Targets:  []*core.Func{curves.BLS12381MapFpToG1},
		Examples: curves.BLS12381MapFpToG1.Examples,
		Run:      exactNamed(curves.BLS12381MapFpToG1, 64, 128),
	})
	BLS12MapFp2ToG2 = precompile(AddrBLS12MapFp2G2, &core.Func{
		Input:    "EIP-2537 Fp2 element (128 bytes)",
		Output:   "256-byte G2 point",
		FixedOut: 256,
		Items:    one,
		Gas:      fixedGas(gasBLSMapG2),
		Targets:  []*core.Func{curves.BLS12381MapFp2ToG2},
		Examples: curves.BLS12381MapFp2ToG2.Examples,
		Run:      exactNamed(curves.BLS12381MapFp2ToG2, 128, 256),
	})
	P256Verify = precompile(AddrP256Verify, &core.Func{
		Input:      "hash(32) || r(32) || s(32) || qx(32) || qy(32) (EIP-7951), exactly 160 bytes",
		Output:     "32-byte word 1 if the signature is valid, else empty",
		FixedOut:   32,
		Items:      one,
		Gas:        fixedGas(gasP256Verify),
		Primitives: []string{"evm.p256verify"},
		Examples:   p256.P256Verify.Examples, // the same EIP-7951 input
		Run:        p256Run,
	})
)

// table is the Osaka precompile table: address, go-ethereum's contract
// name, descriptor.
var table = []*Contract{
	{AddrEcrecover, "ECREC", Ecrecover},
	{AddrSha256, "SHA256", SHA256},
	{AddrRipemd160, "RIPEMD160", RIPEMD160},
	{AddrIdentity, "ID", Identity},
	{AddrModexp, "MODEXP", Modexp},
	{AddrBN254Add, "BN254_ADD", BN254Add},
	{AddrBN254Mul, "BN254_MUL", BN254Mul},
	{AddrBN254Pairing, "BN254_PAIRING", BN254Pairing},
	{AddrBlake2F, "BLAKE2F", BLAKE2F},
	{AddrPointEval, "KZG_POINT_EVALUATION", PointEvaluation},
	{AddrBLS12G1Add, "BLS12_G1ADD", BLS12G1Add},
	{AddrBLS12G1MSM, "BLS12_G1MSM", BLS12G1MSM},
	{AddrBLS12G2Add, "BLS12_G2ADD", BLS12G2Add},
	{AddrBLS12G2MSM, "BLS12_G2MSM", BLS12G2MSM},
	{AddrBLS12Pairing, "BLS12_PAIRING_CHECK", BLS12PairingCheck},
	{AddrBLS12MapFpToG1, "BLS12_MAP_FP_TO_G1", BLS12MapFpToG1},
	{AddrBLS12MapFp2G2, "BLS12_MAP_FP2_TO_G2", BLS12MapFp2ToG2},
	{AddrP256Verify, "P256VERIFY", P256Verify},
}

// Funcs lists the package's host functions: the 18 precompiles, in
// address order, and kzg_point_evaluation.
func Funcs() []*core.Func {
	fs := make([]*core.Func, 0, len(table)+1)
	for _, c := range table {
		fs = append(fs, c.f)
	}
	return append(fs, KZGPointEvaluation)
}

// exactOut runs target, checking it appends exactly outLen bytes.
func exactOut(target *core.Func, outLen int) func(dst, in []byte) ([]byte, error) {
	return func(dst, in []byte) ([]byte, error) { return checkedNamed(target, dst, in, outLen) }
}

// blake2fRun checks go-ethereum's BLAKE2F input rules (213 bytes, final
// flag 0 or 1), then runs target.
func blake2fRun(target *core.Func) func(dst, in []byte) ([]byte, error) {
	return func(dst, in []byte) ([]byte, error) {
		if len(in) != 213 {
			return dst, core.Errorf(core.CodeMalformed, "evm: blake2f: input is %d bytes, want 213", len(in))
		}
		if in[212] > 1 {
			return dst, core.Errorf(core.CodeMalformed, "evm: blake2f: final flag %d is not 0 or 1", in[212])
		}
		return checkedNamed(target, dst, in, 64)
	}
}

// blake2fRounds is go-ethereum's BLAKE2F price: the big-endian round count
// of a 213-byte input, 0 for any other length (the call then fails).
func blake2fRounds(in []byte) uint64 {
	if len(in) != 213 {
		return 0
	}
	return uint64(in[0])<<24 | uint64(in[1])<<16 | uint64(in[2])<<8 | uint64(in[3])
}
