package dusk

import (
	"encoding/binary"

	"golang.org/x/crypto/blake2b"

	"github.com/hostcrypto/hostcrypto/core"
	zcash "github.com/hostcrypto/hostcrypto/curves/bls12381"
	"github.com/hostcrypto/hostcrypto/dispatch"
)

// Dusk's BLS multisignature scheme, the secure V2 of dusk-network/bls12_381-bls
// 0.6 (src/hash.rs, src/keys/public.rs, src/signatures.rs):
//
//   - public key pk = sk*G2 in G2, 96-byte Zcash compressed encoding;
//     signature sig = sk*H0(msg) in G1, 48-byte compressed;
//   - H0 = RFC 9380 hash_to_curve to G1 (BLS12381G1_XMD:SHA-256_SSWU_RO_)
//     with DST "BLS_SIG_BLS12381G1_XMD:SHA-256_DUSK_V2";
//   - verify: pk and sig on the curve, torsion-free and not the identity,
//     then e(sig, G2) == e(H0(msg), pk);
//   - multisig: the aggregate key is apk = sum_i t_i*pk_i with
//     t_i = H1(pk_i) = BLAKE2b-512(DST1 || pk_i bytes) read as a 512-bit
//     little-endian integer reduced mod r (BlsScalar::hash_to_scalar),
//     DST1 = "BLS_SIG_BLS12381_SCALAR_SHA256_DUSK_H1_V2"; every pk_i must be
//     valid; the multisignature verifies like a single one under apk (an
//     identity apk does not verify).

const (
	blsH0DST = "BLS_SIG_BLS12381G1_XMD:SHA-256_DUSK_V2"
	blsH1DST = "BLS_SIG_BLS12381_SCALAR_SHA256_DUSK_H1_V2"

	g1Size = 48
	g2Size = 96

	// maxMultisigKeys bounds n in bls12381_multisig_verify_dusk.
	maxMultisigKeys = 4096
)

// blsH1 returns H1(pk) as 32 little-endian bytes, canonical mod r.
func blsH1(pk []byte) [32]byte {
	h, _ := blake2b.New512(nil)
	h.Write([]byte(blsH1DST))
	h.Write(pk)
	var wide [64]byte
	h.Sum(wide[:0])
	return scalarFromWideLE(&wide)
}

// blsOps is one backend of the Dusk BLS scheme. Decoding errors and
// verdicts must be identical across backends.
type blsOps interface {
	// verify checks one signature; pk and sig are their compressed
	// encodings, already through precheckG1/precheckG2.
	verify(pk, sig, msg []byte) (bool, error)
	// verifyMulti aggregates the keys with the coefficients ts (32-byte
	// little-endian scalars) and checks sig under the aggregate key.
	verifyMulti(pks [][]byte, ts [][32]byte, sig, msg []byte) (bool, error)
}

var (
	blsGnark blsOps = gnarkBLS{}
	blsImpl         = blsGnark
)

// blsBLST is the cgo backend; nil when blst is unavailable.
var blsBLST = newBLST()

// precheckCompressed validates the Zcash flag bits and the canonicity of
// the x coordinate(s) of a compressed point (48 bytes for G1, 96 for G2,
// G2's x as c1 || c0), as zkcrypto's from_compressed does before
// decompressing (curves/bls12381.CheckCompressed). It reports whether the
// encoding is the identity.
func precheckCompressed(b []byte) (infinity bool, err error) {
	return zcash.CheckCompressed(b, len(b)/zcash.FpSize)
}

// precheckPoint runs precheckCompressed and turns the identity into
// CodeInfinity: Dusk's verify rejects an identity key or signature.
func precheckPoint(b []byte) error {
	inf, err := precheckCompressed(b)
	if err != nil {
		return err
	}
	if inf {
		return core.Errorf(core.CodeInfinity, "dusk: bls: identity point")
	}
	return nil
}

// verifyBLSDusk is bls12381_verify_dusk: pk (96) || sig (48) || msg.
func verifyBLSDusk(in []byte) (bool, error) {
	if len(in) < g2Size+g1Size {
		return false, core.Errorf(core.CodeMalformed, "dusk: bls: input shorter than pk || sig")
	}
	pk, sig, msg := in[:g2Size], in[g2Size:g2Size+g1Size], in[g2Size+g1Size:]
	if err := precheckPoint(pk); err != nil {
		return false, err
	}
	if err := precheckPoint(sig); err != nil {
		return false, err
	}
	return blsImpl.verify(pk, sig, msg)
}

// verifyBLSMultisigDusk is bls12381_multisig_verify_dusk:
// n (4-byte big-endian) || n pks (96 each) || sig (48) || msg.
func verifyBLSMultisigDusk(in []byte) (bool, error) {
	if len(in) < 4 {
		return false, core.Errorf(core.CodeMalformed, "dusk: bls multisig: missing key count")
	}
	n := binary.BigEndian.Uint32(in)
	if n > maxMultisigKeys {
		return false, core.Errorf(core.CodeTooLarge, "dusk: bls multisig: %d keys (limit %d)", n, maxMultisigKeys)
	}
	need := 4 + int(n)*g2Size + g1Size
	if len(in) < need {
		return false, core.Errorf(core.CodeMalformed, "dusk: bls multisig: input shorter than %d keys || sig", n)
	}
	pks := make([][]byte, n)
	ts := make([][32]byte, n)
	for i := range pks {
		pk := in[4+i*g2Size : 4+(i+1)*g2Size]
		if err := precheckPoint(pk); err != nil {
			return false, err
		}
		pks[i] = pk
		ts[i] = blsH1(pk)
	}
	sig, msg := in[need-g1Size:need], in[need:]
	if err := precheckPoint(sig); err != nil {
		return false, err
	}
	if n == 0 {
		return false, nil // rusk: "requires at least one key", false
	}
	return blsImpl.verifyMulti(pks, ts, sig, msg)
}

func multisigItems(in []byte) uint64 {
	if len(in) < 4 {
		return 0
	}
	return uint64(min(binary.BigEndian.Uint32(in), maxMultisigKeys+1))
}

func init() {
	dispatch.Register("bls12381.dusk", dispatch.Impl{Name: "gnark", Available: true, Priority: 10,
		Note: "gnark-crypto bls12-381 hash-to-curve, multi-scalar multiplication and pairing"})
	dispatch.Register("bls12381.dusk", dispatch.Impl{Name: "blst", Available: blsBLST != nil, Priority: 20,
		Note: blstNote})
	dispatch.OnSelect("bls12381.dusk", func(impl string) {
		if impl == "blst" && blsBLST != nil {
			blsImpl = blsBLST
		} else {
			blsImpl = blsGnark
		}
	})
}

// Dusk's BLS signatures (dusk-network/bls12_381-bls V2).
var (
	BLS12381VerifyDusk = &core.Func{
		Name:   "bls12381_verify_dusk",
		Family: "dusk",
		Input: "pk (96, G2 Zcash compressed) || sig (48, G1 compressed) || msg: " +
			"dusk-network/bls12_381-bls V2, H0 = RFC 9380 hash_to_curve G1 with DST " + blsH0DST,
		Output:     "0x01 if e(sig, G2) == e(H0(msg), pk), else 0x00; an identity pk or sig is point_at_infinity",
		FixedOut:   1,
		Primitives: []string{"bls12381.dusk"},
		Examples:   blsExamples,
		Run: func(dst, in []byte) ([]byte, error) {
			ok, err := verifyBLSDusk(in)
			if err != nil {
				return dst, err
			}
			return core.Verdict(dst, ok), nil
		},
	}
	BLS12381MultisigVerifyDusk = &core.Func{
		Name:   "bls12381_multisig_verify_dusk",
		Family: "dusk",
		Input: "n (4-byte big-endian, at most 4096) || n pks (96 each, G2 compressed) || sig (48, G1 compressed) || msg: " +
			"aggregate key sum t_i*pk_i, t_i = BLAKE2b-512(" + blsH1DST + " || pk_i) mod r (little-endian)",
		Output:     "0x01 if the multisignature verifies under the aggregate key, else 0x00 (also for n = 0)",
		FixedOut:   1,
		Items:      multisigItems,
		Primitives: []string{"bls12381.dusk"},
		Examples:   multisigExamples,
		Run: func(dst, in []byte) ([]byte, error) {
			ok, err := verifyBLSMultisigDusk(in)
			if err != nil {
				return dst, err
			}
			return core.Verdict(dst, ok), nil
		},
	}
)
