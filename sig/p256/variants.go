package p256

import (
	"bytes"
	"crypto/elliptic"
	"crypto/sha256"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/secp256r1"
	"github.com/consensys/gnark-crypto/ecc/secp256r1/fp"
	"github.com/consensys/gnark-crypto/ecc/secp256r1/fr"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/internal/wire"
)

// P256VerifySEC1 is p256_verify_sec1: ECDSA verification over P-256 with the
// key SEC 1-encoded, compressed (33 bytes, 0x02/0x03 || x) or uncompressed
// (65 bytes, 0x04 || x || y), in CosmWasm's secp256r1_verify order
//
//	hash (32) || r (32) || s (32) || pk (33 or 65).
//
// The rules are p256_verify's (EIP-7951: r, s in [1, n-1], high s
// accepted); r or s >= n CodeNonCanonical, a wrong length or prefix
// CodeMalformed, x >= p CodeNonCanonical, a compressed x with no curve
// point CodeInvalidPoint, then p256_verify's checks of the uncompressed key.
var P256VerifySEC1 = verifySEC1Func("p256_verify_sec1", false)

// P256VerifySEC1LowS is p256_verify_sec1_lows: the same with s <= n/2
// required (a high s answers 0x00), as Soroban's verify_sig_ecdsa_secp256r1
// and Sui's secp256r1_verify.
var P256VerifySEC1LowS = verifySEC1Func("p256_verify_sec1_lows", true)

// P256RecoverRid is p256_recover_rid: public-key recovery (SEC 1 section
// 4.1.6) over P-256,
//
//	hash (32) || r (32) || s (32) || rid (1: 0..3)  ->  0x04 || x || y (65),
//
// rid&1 the parity of R.y, rid&2: x(R) = r + n (needs r < p - n). High s is
// accepted. Errors: wrong length or rid > 3 CodeMalformed; r or s >= n
// CodeNonCanonical; r or s zero, r + n >= p, no curve point with that x,
// or Q at infinity CodeNoResult. Implementations: crypto/elliptic
// (stdlib, default) and gnark-crypto, selected with p256_verify's.
var P256RecoverRid = &core.Func{
	Name: "p256_recover_rid", Family: "signature",
	Input:    "hash (32) || r (32) || s (32) || rid (1: 0..3; rid&1 = parity of R.y, rid&2: x(R) = r + n)",
	Output:   "65-byte uncompressed key 0x04 || x || y; no_result when no key recovers",
	FixedOut: 65, Items: func([]byte) uint64 { return 1 }, Primitives: []string{Primitive},
	Examples: recoverExamples,
	Run:      runRecover,
}

// halfN is floor(n/2), big-endian: s > halfN is a high s.
var halfN = func() (b [32]byte) {
	new(big.Int).Rsh(new(big.Int).SetBytes(orderN), 1).FillBytes(b[:])
	return
}()

func verifySEC1Func(name string, lowS bool) *core.Func {
	rule := "high s accepted"
	if lowS {
		rule = "s > n/2 is invalid"
	}
	return &core.Func{
		Name: name, Family: "signature",
		Input:    "hash (32) || r (32) || s (32) || pk (33: 0x02/0x03 || x, or 65: 0x04 || x || y)",
		Output:   "0x01 valid, 0x00 invalid (EIP-7951 rules, " + rule + ")",
		FixedOut: 1, Items: func([]byte) uint64 { return 1 }, Primitives: []string{Primitive},
		Examples: verifySEC1Examples,
		Run: func(dst, in []byte) ([]byte, error) {
			return runVerifySEC1(dst, in, lowS)
		},
	}
}

func runVerifySEC1(dst, in []byte, lowS bool) ([]byte, error) {
	var pk []byte
	switch {
	case len(in) == 96+33 && (in[96] == 2 || in[96] == 3):
	case len(in) == 96+65 && in[96] == 4:
	default:
		return dst, core.Errorf(core.CodeMalformed, "p256: want hash || r || s || pk (33 or 65 bytes with prefix 02/03 or 04)")
	}
	pk = in[96:]
	if bytes.Compare(in[32:64], orderN) >= 0 || bytes.Compare(in[64:96], orderN) >= 0 {
		return dst, core.Errorf(core.CodeNonCanonical, "p256: r or s >= n")
	}
	var eip [160]byte
	copy(eip[:96], in[:96])
	if len(pk) == 33 {
		if bytes.Compare(pk[1:], fieldP) >= 0 {
			return dst, core.Errorf(core.CodeNonCanonical, "p256: x >= p")
		}
		x, y := elliptic.UnmarshalCompressed(elliptic.P256(), pk)
		if x == nil {
			return dst, core.Errorf(core.CodeInvalidPoint, "p256: x is not on the curve")
		}
		x.FillBytes(eip[96:128])
		y.FillBytes(eip[128:160])
	} else {
		copy(eip[96:], pk[1:])
	}
	if lowS && bytes.Compare(in[64:96], halfN[:]) > 0 {
		// The key is still checked, so that the code does not depend on s.
		if err := checkKey(eip[96:128], eip[128:]); err != nil {
			return dst, err
		}
		return core.Verdict(dst, false), nil
	}
	return run(dst, eip[:])
}

// checkKey applies run's key checks, in its order and with its codes:
// coordinates < p, not (0, 0), on the curve.
func checkKey(qx, qy []byte) error {
	if bytes.Compare(qx, fieldP) >= 0 || bytes.Compare(qy, fieldP) >= 0 {
		return core.Errorf(core.CodeNonCanonical, "p256: coordinate >= p")
	}
	if wire.AllZero(qx) && wire.AllZero(qy) {
		return core.Errorf(core.CodeInfinity, "p256: public key is the point at infinity")
	}
	if !elliptic.P256().IsOnCurve(new(big.Int).SetBytes(qx), new(big.Int).SetBytes(qy)) {
		return core.Errorf(core.CodeInvalidPoint, "p256: public key not on the curve")
	}
	return nil
}

// pMinusN is p - n big-endian: x(R) = r + n exists iff r < p - n.
var pMinusN = func() (b [32]byte) {
	new(big.Int).Sub(new(big.Int).SetBytes(fieldP), new(big.Int).SetBytes(orderN)).FillBytes(b[:])
	return
}()

func runRecover(dst, in []byte) ([]byte, error) {
	if len(in) != 97 {
		return dst, core.Errorf(core.CodeMalformed, "p256: recover input is %d bytes, want 97", len(in))
	}
	hash, rb, sb, rid := in[:32], in[32:64], in[64:96], in[96]
	if rid > 3 {
		return dst, core.Errorf(core.CodeMalformed, "p256: recovery id %d, want 0..3", rid)
	}
	if bytes.Compare(rb, orderN) >= 0 || bytes.Compare(sb, orderN) >= 0 {
		return dst, core.Errorf(core.CodeNonCanonical, "p256: r or s >= n")
	}
	if wire.AllZero(rb) || wire.AllZero(sb) {
		return dst, core.Errorf(core.CodeNoResult, "p256: r or s is zero")
	}
	if rid&2 != 0 && bytes.Compare(rb, pMinusN[:]) >= 0 {
		return dst, core.Errorf(core.CodeNoResult, "p256: r + n >= p")
	}
	if useGnark {
		return recoverGnark(dst, hash, rb, sb, rid)
	}
	return recoverStdlib(dst, hash, rb, sb, rid)
}

var (
	bigN = new(big.Int).SetBytes(orderN)
	bigP = new(big.Int).SetBytes(fieldP)
)

// recoverStdlib is SEC 1 section 4.1.6 with crypto/elliptic: R from its
// compressed encoding (x = r or r + n, parity rid&1), then
// Q = [s r^-1]R + [-e r^-1]G. r, s in [1, n-1], and r + n < p if rid&2.
func recoverStdlib(dst, hash, rb, sb []byte, rid byte) ([]byte, error) {
	c := elliptic.P256()
	x := new(big.Int).SetBytes(rb)
	if rid&2 != 0 {
		x.Add(x, bigN)
	}
	var enc [33]byte
	enc[0] = 2 + rid&1
	x.FillBytes(enc[1:])
	rx, ry := elliptic.UnmarshalCompressed(c, enc[:])
	if rx == nil {
		return dst, core.Errorf(core.CodeNoResult, "p256: r is not the x of a curve point")
	}
	r := new(big.Int).SetBytes(rb)
	ri := new(big.Int).ModInverse(r, bigN)
	u2 := new(big.Int).Mul(new(big.Int).SetBytes(sb), ri)
	u2.Mod(u2, bigN)
	u1 := new(big.Int).Mul(new(big.Int).SetBytes(hash), ri)
	u1.Neg(u1).Mod(u1, bigN)
	var k1, k2 [32]byte
	ax, ay := c.ScalarMult(rx, ry, u2.FillBytes(k2[:]))
	bx, by := c.ScalarBaseMult(u1.FillBytes(k1[:]))
	qx, qy := c.Add(ax, ay, bx, by)
	if qx.Sign() == 0 && qy.Sign() == 0 {
		return dst, core.Errorf(core.CodeNoResult, "p256: recovered point is infinity")
	}
	var out [65]byte
	out[0] = 4
	qx.FillBytes(out[1:33])
	qy.FillBytes(out[33:])
	return append(dst, out[:]...), nil
}

// curveB is the P-256 coefficient b (a = -3).
var curveB = func() (e fp.Element) {
	b, _ := new(big.Int).SetString("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16)
	e.SetBigInt(b)
	return
}()

// recoverGnark is recoverStdlib on gnark-crypto's secp256r1.
func recoverGnark(dst, hash, rb, sb []byte, rid byte) ([]byte, error) {
	var rp secp256r1.G1Affine
	xb := new(big.Int).SetBytes(rb)
	if rid&2 != 0 {
		xb.Add(xb, bigN)
	}
	rp.X.SetBigInt(xb) // < p (checked by the caller)
	var y2, three fp.Element
	three.SetUint64(3)
	y2.Square(&rp.X).Sub(&y2, &three).Mul(&y2, &rp.X).Add(&y2, &curveB) // x^3 - 3x + b
	if rp.Y.Sqrt(&y2) == nil {
		return dst, core.Errorf(core.CodeNoResult, "p256: r is not the x of a curve point")
	}
	if yb := rp.Y.Bytes(); (yb[31]&1 == 1) != (rid&1 == 1) {
		rp.Y.Neg(&rp.Y)
	}
	var r, s, e, ri, u1, u2 fr.Element
	r.SetBytes(rb)
	s.SetBytes(sb)
	e.SetBytes(hash)
	ri.Inverse(&r)
	u1.Mul(&e, &ri).Neg(&u1)
	u2.Mul(&s, &ri)
	var k1, k2 big.Int
	var q secp256r1.G1Jac
	q.JointScalarMultiplicationBase(&rp, u1.BigInt(&k1), u2.BigInt(&k2))
	if q.Z.IsZero() {
		return dst, core.Errorf(core.CodeNoResult, "p256: recovered point is infinity")
	}
	var qa secp256r1.G1Affine
	qa.FromJacobian(&q)
	qx, qy := qa.X.Bytes(), qa.Y.Bytes()
	dst = append(dst, 4)
	dst = append(dst, qx[:]...)
	return append(dst, qy[:]...), nil
}

// exampleSig signs hash h with a fixed key and nonce, returning the key's
// coordinates, r, s and the recovery id (parity of R.y; x(R) < n here).
func exampleSig(h []byte) (qx, qy, r, s *big.Int, rid byte) {
	c := elliptic.P256()
	dh := sha256.Sum256([]byte("hostcrypto p256 variants example key"))
	d := new(big.Int).Mod(new(big.Int).SetBytes(dh[:]), bigN)
	qx, qy = c.ScalarBaseMult(d.Bytes())
	kh := sha256.Sum256([]byte("hostcrypto p256 variants example nonce"))
	k := new(big.Int).Mod(new(big.Int).SetBytes(kh[:]), bigN)
	rx, ry := c.ScalarBaseMult(k.Bytes())
	r = new(big.Int).Mod(rx, bigN)
	s = new(big.Int).Mul(r, d)
	s.Add(s, new(big.Int).SetBytes(h))
	s.Mul(s, new(big.Int).ModInverse(k, bigN))
	s.Mod(s, bigN)
	rid = byte(ry.Bit(0))
	if rx.Cmp(bigN) >= 0 {
		rid |= 2
	}
	return qx, qy, r, s, rid
}

func be32(v *big.Int) []byte { return v.FillBytes(make([]byte, 32)) }

// verifySEC1Examples: a valid signature (the worst case) with a compressed
// key (decompression adds a square root) and an uncompressed one; s is
// made low so the _lows variant accepts it too.
func verifySEC1Examples() []core.Example {
	h := sha256.Sum256([]byte("hostcrypto p256 sec1 example"))
	qx, qy, r, s, _ := exampleSig(h[:])
	if s.Cmp(new(big.Int).SetBytes(halfN[:])) > 0 {
		s.Sub(bigN, s)
	}
	body := bytes.Join([][]byte{h[:], be32(r), be32(s)}, nil)
	comp := append(append(bytes.Clone(body), 2+byte(qy.Bit(0))), be32(qx)...)
	unc := append(append(append(bytes.Clone(body), 4), be32(qx)...), be32(qy)...)
	return []core.Example{{Name: "compressed-pk", Input: comp, Worst: true}, {Name: "uncompressed-pk", Input: unc}}
}

func recoverExamples() []core.Example {
	h := sha256.Sum256([]byte("hostcrypto p256 recover example"))
	_, _, r, s, rid := exampleSig(h[:])
	in := bytes.Join([][]byte{h[:], be32(r), be32(s), {rid}}, nil)
	return []core.Example{{Name: "recover", Input: in, Worst: true}}
}
