package cosmwasm

import (
	"encoding/binary"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/bls12381"
	"github.com/hostcrypto/hostcrypto/curves/ops"
	"github.com/hostcrypto/hostcrypto/internal/profile"
)

// chain builds the profile's descriptors (internal/profile): alias with
// the target's input unchanged, reorder with its arguments rearranged into
// the target's order (once per call: core.Func.Adapt).
var chain = profile.Chain{Family: "cosmwasm", Label: "CosmWasm"}

var (
	alias   = chain.Alias
	reorder = chain.Reorder
)

// hashSigPkToPkSigHash turns hash (32) || sig (64) || pk into pk || sig || hash.
func hashSigPkToPkSigHash(in []byte) ([]byte, error) {
	// The target takes only a 33- or 65-byte key: refuse any other length
	// before copying, so a padded input costs no more than its price.
	if n := len(in) - 96; n != 33 && n != 65 {
		return nil, core.Errorf(core.CodeMalformed, "cosmwasm: secp256k1_verify input is %d bytes, want hash (32) || sig (64) || pk (33 or 65)", len(in))
	}
	out := make([]byte, 0, len(in))
	out = append(out, in[96:]...)
	out = append(out, in[32:96]...)
	return append(out, in[:32]...), nil
}

// pkSigHashToHashSigPk is the inverse of hashSigPkToPkSigHash (examples).
func pkSigHashToHashSigPk(in []byte) []byte {
	if len(in) < 96 {
		return in
	}
	k := len(in) - 96
	out := make([]byte, 0, len(in))
	out = append(out, in[len(in)-32:]...)
	out = append(out, in[k:k+64]...)
	return append(out, in[:k]...)
}

// msgSigPkToPkSigMsg turns msg || sig (64) || pk (32) into pk || sig || msg.
func msgSigPkToPkSigMsg(in []byte) ([]byte, error) {
	if len(in) < 96 {
		return nil, core.Errorf(core.CodeMalformed, "cosmwasm: ed25519_verify input is %d bytes, want msg || sig (64) || pk (32)", len(in))
	}
	m := len(in) - 96
	out := make([]byte, 0, len(in))
	out = append(out, in[m+64:]...)
	out = append(out, in[m:m+64]...)
	return append(out, in[:m]...), nil
}

// pkSigMsgToMsgSigPk is the inverse of msgSigPkToPkSigMsg (examples).
func pkSigMsgToMsgSigPk(in []byte) []byte {
	if len(in) < 96 {
		return in
	}
	out := make([]byte, 0, len(in))
	out = append(out, in[96:]...)
	out = append(out, in[32:96]...)
	return append(out, in[:32]...)
}

const pairLen = bls12381.G1SizeCompressed + bls12381.G2SizeCompressed // 144

// pairingEquality is cosmwasm:bls12_381_pairing_equality: it decompresses
// the points and runs bls12381_pairing_check_zcash on (p_1, q_1), ...,
// (p_n, q_n), (−r, s).
func pairingEquality() *core.Func {
	target := ops.BLS12381PairingCheckZcash
	items := func(in []byte) uint64 { return uint64(len(in) / pairLen) }
	return &core.Func{
		Name:     prefix + "bls12_381_pairing_equality",
		Family:   "cosmwasm",
		MaxInput: target.InputLimit() / 2,
		Targets:  []*core.Func{target},
		Input: "ps (48·n) || qs (96·n) || r (48) || s (96), Zcash compressed, n >= 0 (length 144·(n+1)); the embedder " +
			"checks len(ps)/48 = len(qs)/96 (CosmWasm's UnequalPointAmount) before concatenating (CosmWasm bls12_381_pairing_equality)",
		Output:   "0x01 if e(p_1, q_1)···e(p_n, q_n) = e(r, s), else 0x00 (bls12381_pairing_check_zcash on the decompressed pairs and (−r, s))",
		FixedOut: 1,
		Items:    items,
		Examples: pairingEqualityExamples,
		Run: func(dst, in []byte) ([]byte, error) {
			t, err := pairingEqualityInput(in)
			if err != nil {
				return dst, err
			}
			return core.Execute(target, dst, t)
		},
	}
}

// pairingEqualityInput decodes ps || qs || r || s into
// bls12381_pairing_check_zcash's uncompressed pairs with r negated.
// Points are decoded in CosmWasm's argument order (ps, qs, r, s); subgroup
// checks are the target's.
func pairingEqualityInput(in []byte) ([]byte, error) {
	if len(in) == 0 || len(in)%pairLen != 0 {
		return nil, core.Errorf(core.CodeMalformed, "cosmwasm: bls12_381_pairing_equality input is %d bytes, want 144·(n+1)", len(in))
	}
	n := len(in)/pairLen - 1
	g1 := make([]bls12381.G1, n+1)
	g2 := make([]bls12381.G2, n+1)
	qs := in[48*n:]
	var err error
	for i := 0; i < n; i++ {
		if g1[i], err = bls12381.DecodeG1Zcash(in[48*i : 48*i+48]); err != nil {
			return nil, err
		}
	}
	for i := 0; i < n; i++ {
		if g2[i], err = bls12381.DecodeG2Zcash(qs[96*i : 96*i+96]); err != nil {
			return nil, err
		}
	}
	rs := in[len(in)-pairLen:]
	if g1[n], err = bls12381.DecodeG1Zcash(rs[:48]); err != nil {
		return nil, err
	}
	if g2[n], err = bls12381.DecodeG2Zcash(rs[48:]); err != nil {
		return nil, err
	}
	g1[n].Neg(&g1[n])
	out := make([]byte, 0, (n+1)*(bls12381.G1SizeUncompressed+bls12381.G2SizeUncompressed))
	for i := range g1 {
		out = bls12381.AppendG1Uncompressed(out, &g1[i])
		out = bls12381.AppendG2Uncompressed(out, &g2[i])
	}
	return out, nil
}

// maxDST is CosmWasm's BLS12_381_MAX_DST_SIZE (packages/vm imports.rs): a
// longer DST region is a VM error.
const maxDST = 5 << 10

// hashTo is cosmwasm:bls12_381_hash_to_g1/_g2: hash_function (u32 BE, 0 =
// SHA-256, anything else malformed_input as CosmWasm's unknown hash
// function) || target's input (DST length u32 BE || dst || msg); the
// target's uncompressed point, compressed. arkworks' hasher (ark-ff 0.5
// DefaultFieldHasher, ExpanderXmd) takes any DST: empty as is, over 255
// bytes hashed (RFC 9380 section 5.3.3), which the target does too.
func hashTo(name string, target *core.Func, outLen int, compress func(dst, p []byte) ([]byte, error)) *core.Func {
	return &core.Func{
		Name:     prefix + name,
		Family:   "cosmwasm",
		MaxInput: target.InputLimit() + 4,
		Targets:  []*core.Func{target},
		Input: "hash_function (u32 big-endian; 0 = SHA-256, the only one) || dst length L (u32 big-endian, 0..5120) || dst (L) || msg: " +
			target.Name + "'s input after a 4-byte hash function id (CosmWasm " + name + "(hash_function, msg, dst); " +
			"any DST as CosmWasm's arkworks hasher: empty accepted, over 255 bytes hashed per RFC 9380 section 5.3.3; " +
			"over 5 KiB malformed_input, CosmWasm's region limit)",
		Output:   "the compressed point (" + itoa(outLen) + " bytes)",
		FixedOut: outLen,
		Examples: func() []core.Example {
			var ex []core.Example
			for _, e := range target.Examples() {
				ex = append(ex, core.Example{Name: e.Name, Input: append([]byte{0, 0, 0, 0}, e.Input...), Worst: e.Worst})
			}
			return ex
		},
		Run: func(dst, in []byte) ([]byte, error) {
			if len(in) < 8 {
				return dst, core.Errorf(core.CodeMalformed, "cosmwasm: %s input is %d bytes, want a 4-byte hash function id and a 4-byte DST length first", name, len(in))
			}
			if h := binary.BigEndian.Uint32(in); h != 0 {
				return dst, core.Errorf(core.CodeMalformed, "cosmwasm: %s: unknown hash function %d (0 = SHA-256)", name, h)
			}
			if n := binary.BigEndian.Uint32(in[4:]); n > maxDST {
				return dst, core.Errorf(core.CodeMalformed, "cosmwasm: %s: DST of %d bytes, CosmWasm reads at most %d", name, n, maxDST)
			}
			p, err := core.Execute(target, nil, in[4:])
			if err != nil {
				return dst, err
			}
			return compress(dst, p)
		},
	}
}

func compressG1(dst, p []byte) ([]byte, error) {
	q, err := bls12381.DecodeG1Zcash(p)
	if err != nil {
		return dst, err
	}
	return bls12381.AppendG1Compressed(dst, &q), nil
}

func compressG2(dst, p []byte) ([]byte, error) {
	q, err := bls12381.DecodeG2Zcash(p)
	if err != nil {
		return dst, err
	}
	return bls12381.AppendG2Compressed(dst, &q), nil
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
