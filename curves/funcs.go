package curves

import (
	"math"
	"math/bits"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/bls12381"
	"github.com/hostcrypto/hostcrypto/curves/bn254"
)

// The "curve" family's group operations: BN254 with the EIP-196 semantics of
// the EVM precompiles 0x06-0x07 (plus an MSM in the style of EIP-2537), and
// BLS12-381 with the EIP-2537 semantics of 0x0b-0x0e and 0x10-0x11, byte for
// byte and error for error as go-ethereum implements them. The pairing
// checks (0x08, 0x0f) are in package pairing.
//
// Validation order (it decides the error code when an input has several
// faults) is go-ethereum's: elements left to right, each point's
// coordinates then its curve equation, and a point's subgroup check right
// after that point (MSM), before the next point is read.

const (
	bn254MSMLen = bn254.G1Size + 32           // 96
	blsG1MSMLen = bls12381.G1SizeEIP2537 + 32 // 160
	blsG2MSMLen = bls12381.G2SizeEIP2537 + 32 // 288
)

// msmItems counts the work of a k-point MSM, the gas item of the MSM
// functions: k for k <= 4, then ceil(2k / floor(log2 k)), following
// Pippenger's k/log k (per-point cost falls from about 33 µs at k = 1 to
// 9 µs at k = 128 on BN254 here). The point count itself reaches the gas
// rule through the input length (per_byte), so calibration fits both the
// linear and the sublinear part.
func msmItems(size int) func(in []byte) uint64 {
	return func(in []byte) uint64 {
		k := uint64(len(in) / size)
		if k <= 4 {
			return k
		}
		lg := uint64(bits.Len64(k) - 1)
		return (2*k + lg - 1) / lg
	}
}

// The "curve" family's group-operation descriptors, one per catalogue
// function (named after it).
var (
	BN254G1Add = &core.Func{
		Name: "bn254_g1_add", Family: "curve",
		Input:      "EIP-196 ECADD: two 64-byte G1 points (x || y, 32-byte big-endian each; zero bytes = infinity); shorter input is right-padded with zeros, bytes past 128 are ignored",
		Output:     "64-byte G1 point P + Q",
		MaxInput:   math.MaxInt, // only the first 128 bytes are read
		FixedOut:   64,
		Primitives: []string{"g1add.bn254"},
		Examples:   bn254AddExamples,
		Run:        runBN254Add,
	}
	BN254G1Mul = &core.Func{
		Name: "bn254_g1_mul", Family: "curve",
		Input:      "EIP-196 ECMUL: 64-byte G1 point then a 32-byte big-endian scalar (any 256-bit value); shorter input is right-padded with zeros, bytes past 96 are ignored",
		Output:     "64-byte G1 point s·P",
		MaxInput:   math.MaxInt, // only the first 96 bytes are read
		FixedOut:   64,
		Primitives: []string{"g1mul.bn254"},
		Examples:   bn254MulExamples,
		Run:        runBN254Mul,
	}
	BN254G1MSM = &core.Func{
		Name: "bn254_g1_msm", Family: "curve",
		Input:      "k >= 1 pairs (64-byte EIP-196 G1 point || 32-byte big-endian scalar), 96·k bytes exactly (EIP-2537 MSM layout with BN254 encodings)",
		Output:     "64-byte G1 point Σ s_i·P_i",
		FixedOut:   64,
		Items:      msmItems(bn254MSMLen),
		Primitives: []string{"msm.bn254g1"},
		Examples:   bn254MSMExamples,
		Run:        runBN254MSM,
	}
	BLS12381G1Add = &core.Func{
		Name: "bls12381_g1_add", Family: "curve",
		Input:      "EIP-2537 G1ADD: two 128-byte G1 points (64-byte padded Fp x || y), 256 bytes exactly; no subgroup check",
		Output:     "128-byte G1 point P + Q",
		FixedOut:   128,
		Primitives: []string{"g1add.bls12381"},
		Examples:   blsG1AddExamples,
		Run:        runBLSG1Add,
	}
	BLS12381G2Add = &core.Func{
		Name: "bls12381_g2_add", Family: "curve",
		Input:      "EIP-2537 G2ADD: two 256-byte G2 points (Fp2 = c0 || c1), 512 bytes exactly; no subgroup check",
		Output:     "256-byte G2 point P + Q",
		FixedOut:   256,
		Primitives: []string{"g2add.bls12381"},
		Examples:   blsG2AddExamples,
		Run:        runBLSG2Add,
	}
	BLS12381G1MSM = &core.Func{
		Name: "bls12381_g1_msm", Family: "curve",
		Input:      "EIP-2537 G1MSM: k >= 1 pairs (128-byte G1 point in G1 || 32-byte big-endian scalar), 160·k bytes exactly",
		Output:     "128-byte G1 point Σ s_i·P_i",
		FixedOut:   128,
		Items:      msmItems(blsG1MSMLen),
		Primitives: []string{"msm.bls12381g1", "subgroup.bls12381g1"},
		Examples:   blsMSMExamples(false),
		Run:        runBLSG1MSM,
	}
	BLS12381G2MSM = &core.Func{
		Name: "bls12381_g2_msm", Family: "curve",
		Input:      "EIP-2537 G2MSM: k >= 1 pairs (256-byte G2 point in G2 || 32-byte big-endian scalar), 288·k bytes exactly",
		Output:     "256-byte G2 point Σ s_i·Q_i",
		FixedOut:   256,
		Items:      msmItems(blsG2MSMLen),
		Primitives: []string{"msm.bls12381g2", "subgroup.bls12381g2"},
		Examples:   blsMSMExamples(true),
		Run:        runBLSG2MSM,
	}
	BLS12381MapFpToG1 = &core.Func{
		Name: "bls12381_map_fp_to_g1", Family: "curve",
		Input:      "EIP-2537 MAP_FP_TO_G1: one 64-byte padded Fp element u",
		Output:     "128-byte G1 point: RFC 9380 SSWU map + 11-isogeny + cofactor clearing of u",
		FixedOut:   128,
		Primitives: []string{"map.bls12381g1"},
		Examples:   blsMapG1Examples,
		Run:        runBLSMapG1,
	}
	BLS12381MapFp2ToG2 = &core.Func{
		Name: "bls12381_map_fp2_to_g2", Family: "curve",
		Input:      "EIP-2537 MAP_FP2_TO_G2: one 128-byte Fp2 element u = c0 || c1",
		Output:     "256-byte G2 point: RFC 9380 SSWU map + 3-isogeny + cofactor clearing of u",
		FixedOut:   256,
		Primitives: []string{"map.bls12381g2"},
		Examples:   blsMapG2Examples,
		Run:        runBLSMapG2,
	}
)

// Funcs lists the package's host functions (the group operations of the
// "curve" family; pairing.Funcs lists its pairing checks).
func Funcs() []*core.Func {
	return []*core.Func{BN254G1Add, BN254G1Mul, BN254G1MSM, BLS12381G1Add, BLS12381G2Add, BLS12381G1MSM, BLS12381G2MSM, BLS12381MapFpToG1, BLS12381MapFp2ToG2}
}

// padded returns in[off:off+n], right-padded with zeros where in is short
// (go-ethereum's getData), copied into buf.
func padded(buf []byte, in []byte, off int) []byte {
	clear(buf)
	if off < len(in) {
		copy(buf, in[off:])
	}
	return buf
}

func runBN254Add(dst, in []byte) ([]byte, error) {
	var buf [bn254.G1Size]byte
	a, err := bn254.DecodeG1(padded(buf[:], in, 0))
	if err != nil {
		return dst, err
	}
	b, err := bn254.DecodeG1(padded(buf[:], in, 64))
	if err != nil {
		return dst, err
	}
	r := BN254AddG1(&a, &b)
	return bn254.AppendG1(dst, &r), nil
}

func runBN254Mul(dst, in []byte) ([]byte, error) {
	var buf [bn254.G1Size]byte
	p, err := bn254.DecodeG1(padded(buf[:], in, 0))
	if err != nil {
		return dst, err
	}
	var s [32]byte
	padded(s[:], in, 64)
	r := BN254MulG1(&p, &s)
	return bn254.AppendG1(dst, &r), nil
}

func runBN254MSM(dst, in []byte) ([]byte, error) {
	if len(in) == 0 || len(in)%bn254MSMLen != 0 {
		return dst, core.Errorf(core.CodeMalformed, "pairing: bn254_g1_msm input is %d bytes, want a positive multiple of 96", len(in))
	}
	k := len(in) / bn254MSMLen
	P, s := make([]bn254.G1, k), make([]BN254Scalar, k)
	for i := range k {
		e := in[i*bn254MSMLen:]
		var err error
		if P[i], err = bn254.DecodeG1(e[:bn254.G1Size]); err != nil {
			return dst, err
		}
		s[i].SetBytes(e[bn254.G1Size:bn254MSMLen]) // reduced mod r: same point
	}
	r := BN254MSMG1(P, s)
	return bn254.AppendG1(dst, &r), nil
}

func runBLSG1Add(dst, in []byte) ([]byte, error) {
	if len(in) != 2*bls12381.G1SizeEIP2537 {
		return dst, core.Errorf(core.CodeMalformed, "pairing: bls12381_g1_add input is %d bytes, want 256", len(in))
	}
	a, err := bls12381.DecodeG1EIP2537(in[:128])
	if err != nil {
		return dst, err
	}
	b, err := bls12381.DecodeG1EIP2537(in[128:])
	if err != nil {
		return dst, err
	}
	r := BLS12381AddG1(&a, &b)
	return bls12381.AppendG1EIP2537(dst, &r), nil
}

func runBLSG2Add(dst, in []byte) ([]byte, error) {
	if len(in) != 2*bls12381.G2SizeEIP2537 {
		return dst, core.Errorf(core.CodeMalformed, "pairing: bls12381_g2_add input is %d bytes, want 512", len(in))
	}
	a, err := bls12381.DecodeG2EIP2537(in[:256])
	if err != nil {
		return dst, err
	}
	b, err := bls12381.DecodeG2EIP2537(in[256:])
	if err != nil {
		return dst, err
	}
	r := BLS12381AddG2(&a, &b)
	return bls12381.AppendG2EIP2537(dst, &r), nil
}

func errNotInG1() error {
	return core.Errorf(core.CodeNotInSubgroup, "bls12381: G1 point not in the r-torsion subgroup")
}

func errNotInG2() error {
	return core.Errorf(core.CodeNotInSubgroup, "bls12381: G2 point not in the r-torsion subgroup")
}

func runBLSG1MSM(dst, in []byte) ([]byte, error) {
	if len(in) == 0 || len(in)%blsG1MSMLen != 0 {
		return dst, core.Errorf(core.CodeMalformed, "pairing: bls12381_g1_msm input is %d bytes, want a positive multiple of 160", len(in))
	}
	k := len(in) / blsG1MSMLen
	P, s := make([]bls12381.G1, k), make([]Scalar, k)
	n, decErr := k, error(nil)
	for i := range k {
		e := in[i*blsG1MSMLen:]
		var err error
		if P[i], err = bls12381.DecodeG1EIP2537(e[:128]); err != nil {
			n, decErr = i, err
			break
		}
		s[i].SetBytes(e[128:blsG1MSMLen]) // reduced mod r: P[i] has order r
	}
	if BLS12381FirstNotInG1(P[:n]) >= 0 {
		return dst, errNotInG1()
	}
	if decErr != nil {
		return dst, decErr
	}
	r := BLS12381MSMG1(P, s)
	return bls12381.AppendG1EIP2537(dst, &r), nil
}

func runBLSG2MSM(dst, in []byte) ([]byte, error) {
	if len(in) == 0 || len(in)%blsG2MSMLen != 0 {
		return dst, core.Errorf(core.CodeMalformed, "pairing: bls12381_g2_msm input is %d bytes, want a positive multiple of 288", len(in))
	}
	k := len(in) / blsG2MSMLen
	Q, s := make([]bls12381.G2, k), make([]Scalar, k)
	n, decErr := k, error(nil)
	for i := range k {
		e := in[i*blsG2MSMLen:]
		var err error
		if Q[i], err = bls12381.DecodeG2EIP2537(e[:256]); err != nil {
			n, decErr = i, err
			break
		}
		s[i].SetBytes(e[256:blsG2MSMLen])
	}
	if BLS12381FirstNotInG2(Q[:n]) >= 0 {
		return dst, errNotInG2()
	}
	if decErr != nil {
		return dst, decErr
	}
	r := BLS12381MSMG2(Q, s)
	return bls12381.AppendG2EIP2537(dst, &r), nil
}

func runBLSMapG1(dst, in []byte) ([]byte, error) {
	if len(in) != bls12381.FpSizeEIP2537 {
		return dst, core.Errorf(core.CodeMalformed, "pairing: bls12381_map_fp_to_g1 input is %d bytes, want 64", len(in))
	}
	u, err := bls12381.DecodeFpEIP2537(in)
	if err != nil {
		return dst, err
	}
	r := BLS12381MapToG1(&u)
	return bls12381.AppendG1EIP2537(dst, &r), nil
}

func runBLSMapG2(dst, in []byte) ([]byte, error) {
	if len(in) != 2*bls12381.FpSizeEIP2537 {
		return dst, core.Errorf(core.CodeMalformed, "pairing: bls12381_map_fp2_to_g2 input is %d bytes, want 128", len(in))
	}
	u, err := bls12381.DecodeFp2EIP2537(in)
	if err != nil {
		return dst, err
	}
	r := BLS12381MapToG2(&u)
	return bls12381.AppendG2EIP2537(dst, &r), nil
}
