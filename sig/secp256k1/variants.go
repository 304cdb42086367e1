package secp256k1

import (
	"crypto/sha256"

	dsecp "github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/decred/dcrd/dcrec/secp256k1/v4/ecdsa"

	"github.com/hostcrypto/hostcrypto/core"
)

// Recovery with a recovery id 0..3 and the output forms the chains use.
// Every one takes
//
//	hash (32) || r (32) || s (32) || rid (1: 0, 1, 2 or 3)
//
// where rid&1 is the parity of R.y and rid&2 says x(R) = r + n (SEC 1
// section 4.1.6 step 1.1 with j = 1; possible only when r < p - n, about
// 2^-127 of signatures). Errors: wrong length or rid > 3 CodeMalformed;
// r or s >= n CodeNonCanonical (and, for the _lows variants, s > n/2);
// r or s zero, r + n >= p, no curve point with that x, or Q at infinity
// CodeNoResult.
var (
	// Secp256k1RecoverRid: 65-byte 0x04 || x || y, high s accepted (CosmWasm
	// secp256k1_recover_pubkey with rid 0/1, which normalises high s and
	// flips the parity: the same key).
	Secp256k1RecoverRid = recoverFunc("secp256k1_recover_rid", outUncompressed, false)
	// Secp256k1RecoverRidLowS: 65 bytes, s <= n/2 required (Soroban
	// recover_key_ecdsa_secp256k1).
	Secp256k1RecoverRidLowS = recoverFunc("secp256k1_recover_rid_lows", outUncompressed, true)
	// Secp256k1RecoverRidCompressed: the 33-byte compressed key 0x02/0x03 || x,
	// high s accepted (Sui ecrecover).
	Secp256k1RecoverRidCompressed = recoverFunc("secp256k1_recover_rid_compressed", outCompressed, false)
	// Secp256k1RecoverRidXY: 64 bytes x || y without the prefix, high s accepted
	// (NEAR ecrecover with malleability_flag = 0).
	Secp256k1RecoverRidXY = recoverFunc("secp256k1_recover_rid_xy", outXY, false)
	// Secp256k1RecoverRidXYLowS: 64 bytes, s <= n/2 required (NEAR ecrecover with
	// malleability_flag = 1).
	Secp256k1RecoverRidXYLowS = recoverFunc("secp256k1_recover_rid_xy_lows", outXY, true)
)

// Secp256k1Decompress is secp256k1_decompress: a SEC 1 public key, compressed
// (33 bytes, 0x02/0x03 || x) or uncompressed (65 bytes, 0x04 || x || y),
// checked and returned uncompressed. Wrong length or prefix (hybrid
// 0x06/0x07 included) CodeMalformed; a coordinate >= p CodeNonCanonical;
// no curve point CodeInvalidPoint.
var Secp256k1Decompress = &core.Func{
	Name: "secp256k1_decompress", Family: "signature",
	Input:    "public key: 33 bytes (0x02/0x03 || x) or 65 bytes (0x04 || x || y)",
	Output:   "65-byte uncompressed key 0x04 || x || y, checked on the curve",
	FixedOut: 65, Items: func([]byte) uint64 { return 1 },
	Examples: func() []core.Example {
		k := exampleKey(3)
		return []core.Example{
			{Name: "compressed", Input: k.PubKey().SerializeCompressed(), Worst: true},
			{Name: "uncompressed", Input: k.PubKey().SerializeUncompressed()},
		}
	},
	Run: func(dst, in []byte) ([]byte, error) {
		x, y, err := parsePubKey(in)
		if err != nil {
			return dst, err
		}
		return appendKey(dst, &x, &y, outUncompressed), nil
	},
}

// Output forms of a recovered key.
const (
	outUncompressed = iota // 0x04 || x || y (65)
	outCompressed          // 0x02/0x03 || x (33)
	outXY                  // x || y (64)
)

var outSize = [...]int{outUncompressed: 65, outCompressed: 33, outXY: 64}

func recoverFunc(name string, form int, lowS bool) *core.Func {
	out := map[int]string{
		outUncompressed: "65-byte uncompressed key 0x04 || x || y",
		outCompressed:   "33-byte compressed key 0x02/0x03 || x",
		outXY:           "64 bytes x || y (no prefix)",
	}[form]
	rule := "high s accepted"
	if lowS {
		rule = "s > n/2 is non_canonical"
	}
	return &core.Func{
		Name: name, Family: "signature",
		Input:    "hash (32) || r (32) || s (32) || rid (1: 0..3; rid&1 = parity of R.y, rid&2: x(R) = r + n)",
		Output:   out + "; " + rule + "; no_result when no key recovers",
		FixedOut: outSize[form], Items: func([]byte) uint64 { return 1 }, Primitives: []string{PrimitiveECDSA},
		Examples: recoverRidExamples,
		Run: func(dst, in []byte) ([]byte, error) {
			return runRecoverRid(dst, in, form, lowS)
		},
	}
}

func runRecoverRid(dst, in []byte, form int, lowS bool) ([]byte, error) {
	if len(in) != 97 {
		return dst, core.Errorf(core.CodeMalformed, "secp256k1: recover input is %d bytes, want 97", len(in))
	}
	rid := in[96]
	if rid > 3 {
		return dst, core.Errorf(core.CodeMalformed, "secp256k1: recovery id %d, want 0..3", rid)
	}
	r, s, err := parseRS(in[32:96])
	if err != nil {
		return dst, err
	}
	if lowS && s.IsOverHalfOrder() {
		return dst, core.Errorf(core.CodeNonCanonical, "secp256k1: s > n/2")
	}
	if r.IsZero() || s.IsZero() {
		return dst, core.Errorf(core.CodeNoResult, "secp256k1: r or s is zero")
	}
	var buf [65]byte
	var key []byte
	switch ecdsaImpl {
	case implGnark:
		key, err = recoverGnark(buf[:0], in[:32], in[32:64], in[64:96], rid)
	case implLibsecp:
		key, err = recoverLibsecp(buf[:0], in[:32], in[32:96], rid)
	default:
		key, err = recoverDecred(buf[:0], in[:32], in[32:96], rid)
	}
	if err != nil {
		return dst, err
	}
	var x, y dsecp.FieldVal
	x.SetByteSlice(key[1:33])
	y.SetByteSlice(key[33:65])
	return appendKey(dst, &x, &y, form), nil
}

// recoverDecred recovers with decred's RecoverCompact (compact header
// 27 + rid, uncompressed key).
func recoverDecred(dst, hash, rs []byte, rid byte) ([]byte, error) {
	var compact [65]byte
	compact[0] = 27 + rid
	copy(compact[1:], rs)
	pk, _, err := ecdsa.RecoverCompact(compact[:], hash)
	if err != nil {
		return dst, core.Errorf(core.CodeNoResult, "secp256k1: no public key recovers")
	}
	return append(dst, pk.SerializeUncompressed()...), nil
}

// appendKey appends the normalized affine point (x, y) in the given form.
func appendKey(dst []byte, x, y *dsecp.FieldVal, form int) []byte {
	var b [65]byte
	x.PutBytesUnchecked(b[1:33])
	y.PutBytesUnchecked(b[33:65])
	switch form {
	case outCompressed:
		b[0] = 2 + b[64]&1
		return append(dst, b[:33]...)
	case outXY:
		return append(dst, b[1:]...)
	}
	b[0] = 4
	return append(dst, b[:]...)
}

func exampleKey(i int) *dsecp.PrivateKey {
	seed := sha256.Sum256([]byte{'s', 'e', 'c', 'p', byte(i)})
	return dsecp.PrivKeyFromBytes(seed[:])
}

// recoverRidExamples: a signature that recovers (decred signs with RFC 6979
// nonces and low s, so every variant accepts it); recovery costs the same
// for every recovering input.
func recoverRidExamples() []core.Example {
	h := sha256.Sum256([]byte("hostcrypto recover_rid example"))
	compact := ecdsa.SignCompact(exampleKey(1), h[:], false) // 27 + rid || r || s
	in := append(append(append([]byte(nil), h[:]...), compact[1:]...), compact[0]-27)
	return []core.Example{{Name: "recover", Input: in, Worst: true}}
}
