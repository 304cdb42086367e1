package hostcrypto_test

import (
	"encoding/binary"
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"

	"github.com/hostcrypto/hostcrypto"
	"github.com/hostcrypto/hostcrypto/bench"
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/gas"
)

// The price must grow at least as fast as the work (issue 14): for every
// function of the catalogue as users assemble it (this package), each
// section whose work grows is declared here with a builder of inputs in
// which only that section grows, and TestPriceGrowsWithWork checks, at
// sizes n, 2n, 4n, under the default schedule:
//
//   - strict growth: gas(2n) > gas(n), so no growing section is free (a
//     zero slope fails);
//   - the section's share at least keeps pace with the work: with g0 the
//     gas of the input without that section (size 0),
//     gas(2n) - g0 >= ratio · (gas(n) - g0), where ratio = work(2n)/work(n)
//     is 2 for linear work (the variable part at least doubles) and
//     Pippenger's k/log k ratio for MSM points;
//   - for sections that are hashed (bench.HashedBytes), a floor: doubling
//     adds at least half of what the catalogue charges for hashing the
//     added bytes with SHA-256 (a byte hashed once cannot be cheaper).
//
// Only pricing is exercised: gas depends on the input's length and count
// headers, so the builders fill sections with zeros.

// growthDim is one growing section of a function's input.
type growthDim struct {
	name  string
	sizes [3]int             // n, 2n, 4n
	build func(n int) []byte // the input with this section at size n
	// work is the cost model of the section (nil: linear); a model's ratio
	// is allowed pippengerTol of slack for the ceilings in the item count.
	work func(n int) float64
}

func zeros(n int) []byte { return make([]byte, n) }

func cat(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func be32(v int) []byte { return binary.BigEndian.AppendUint32(nil, uint32(v)) }

// message is the dimension "the trailing message", after fixed bytes.
func message(prefix []byte) growthDim {
	return growthDim{name: "message", sizes: [3]int{64 << 10, 128 << 10, 256 << 10},
		build: func(n int) []byte { return cat(prefix, zeros(n)) }}
}

func dstDim(rest []byte) growthDim {
	return growthDim{name: "dst", sizes: [3]int{32, 64, 128},
		build: func(n int) []byte { return cat([]byte{byte(n)}, zeros(n), rest) }}
}

func counted(name string, sizes [3]int, head []byte, each func(i int) []byte, tail func(n int) []byte) growthDim {
	return growthDim{name: name, sizes: sizes, build: func(n int) []byte {
		out := cat(head, be32(n))
		for i := 0; i < n; i++ {
			out = append(out, each(i)...)
		}
		if tail != nil {
			out = append(out, tail(n)...)
		}
		return out
	}}
}

func repeated(name string, sizes [3]int, unit int, work func(int) float64) growthDim {
	return growthDim{name: name, sizes: sizes, build: func(n int) []byte { return zeros(unit * n) }, work: work}
}

// pippenger is k/log2 k (k for k <= 4), the MSM cost model of docs/GAS.md.
func pippenger(k int) float64 {
	if k <= 4 {
		return float64(k)
	}
	return float64(k) / math.Log2(float64(k))
}

const pippengerTol = 0.05

var msgSizes = [3]int{64 << 10, 128 << 10, 256 << 10}

func blsSigDims(head []byte) []growthDim {
	return []growthDim{message(cat(head, zeros(48+96)))}
}

func blsAggDims(dst []byte) []growthDim {
	pre := []byte(nil)
	if dst != nil {
		pre = cat([]byte{byte(len(dst))}, dst)
	}
	keys := func(n, msgLen int) []byte {
		out := cat(pre, be32(n), zeros(48*n), zeros(96))
		for i := 0; i < n; i++ {
			out = append(append(out, be32(msgLen)...), zeros(msgLen)...)
		}
		return out
	}
	d := []growthDim{
		{name: "keys", sizes: [3]int{4, 8, 16}, build: func(n int) []byte { return keys(n, 32) }},
		{name: "message", sizes: msgSizes, build: func(n int) []byte { return keys(1, n) }},
	}
	if dst != nil {
		d = append(d, dstDim(cat(be32(1), zeros(48+96), be32(32), zeros(32))))
	}
	return d
}

func batchDims(pk, sig int) []growthDim {
	sigs := func(n, msgLen int) []byte {
		out := be32(n)
		for i := 0; i < n; i++ {
			out = cat(out, zeros(pk+sig), be32(msgLen), zeros(msgLen))
		}
		return out
	}
	return []growthDim{
		{name: "signatures", sizes: [3]int{4, 8, 16}, build: func(n int) []byte { return sigs(n, 32) }},
		{name: "message", sizes: msgSizes, build: func(n int) []byte { return sigs(1, n) }},
	}
}

func multisigDims() []growthDim {
	keys := func(n, msgLen int) []byte { return cat(be32(n), zeros(96*n), zeros(48), zeros(msgLen)) }
	return []growthDim{
		{name: "keys", sizes: [3]int{4, 8, 16}, build: func(n int) []byte { return keys(n, 32) }},
		{name: "message", sizes: msgSizes, build: func(n int) []byte { return keys(1, n) }},
	}
}

// arkworksDims: the prepared verifying key's gamma_abc_g1 points (64 bytes
// each past the fixed part), as groth16Items counts them.
func arkworksDims() []growthDim {
	const fixed = 35866
	return []growthDim{{name: "gamma_abc points", sizes: [3]int{16, 32, 64}, build: func(n int) []byte {
		return cat(be32(fixed+64*n), zeros(fixed+64*n), be32(128), zeros(128), be32(64), zeros(64))
	}}}
}

func hashDims() []growthDim { return []growthDim{message(nil)} }

// growthSpecs: the growing sections of every function outside the EVM
// profile (whose gas is go-ethereum's) and the pending list below.
var growthSpecs = map[string][]growthDim{
	"blake2b_256": hashDims(),
	"blake2b_512": hashDims(),
	// BLAKE3 hashes inputs past 2 KiB with SIMD after a fixed set-up
	// (blake3Items): the section that grows linearly is what follows.
	"blake3_256":              {message(zeros(4 << 10))},
	"keccak256":               hashDims(),
	"ripemd160":               hashDims(),
	"sha256":                  hashDims(),
	"sha3_256":                hashDims(),
	"hash_to_scalar_bls12381": hashDims(),
	"dusk:hash":               hashDims(),
	"dusk:keccak256":          hashDims(),
	"dusk:sha256":             hashDims(),
	"blake2f": {{name: "rounds", sizes: [3]int{1024, 2048, 4096}, build: func(n int) []byte {
		return cat(be32(n), zeros(209))
	}}},
	"poseidon_bn254":         {repeated("elements", [3]int{2, 4, 8}, 32, nil)},
	"poseidon_bls12381_dusk": {repeated("elements", [3]int{16, 32, 64}, 32, nil)},
	"dusk:poseidon_hash":     {repeated("elements", [3]int{16, 32, 64}, 32, nil)},
	"bls12381_hash_to_g1":    {message(cat([]byte{43}, zeros(43))), dstDim(zeros(32))},
	"bls12381_hash_to_g2":    {message(cat([]byte{43}, zeros(43))), dstDim(zeros(32))},

	"bls12381_verify":                blsSigDims(nil),
	"bls12381_verify_dst":            append(blsSigDims([]byte{43}), dstDim(zeros(48+96+32))),
	"bls12381_fast_aggregate_verify": {counted("keys", [3]int{4, 8, 16}, nil, func(int) []byte { return zeros(48) }, func(int) []byte { return zeros(96 + 32) }), message(cat(be32(1), zeros(48+96)))},
	"bls12381_aggregate_verify":      blsAggDims(nil),
	"bls12381_aggregate_verify_dst":  blsAggDims(zeros(43)),
	"bls12381_batch_verify":          batchDims(48, 96),
	"ed25519_verify":                 {message(zeros(96))},
	"ed25519_verify_zip215":          {message(zeros(96))},
	"ed25519_batch_verify_zip215":    batchDims(32, 64),
	"schnorr_bip340_verify":          {message(zeros(96))},

	"bn254_g1_msm":           {repeated("points", [3]int{64, 128, 256}, 96, pippenger)},
	"bls12381_g1_msm":        {repeated("points", [3]int{64, 128, 256}, 160, pippenger)},
	"bls12381_g2_msm":        {repeated("points", [3]int{64, 128, 256}, 288, pippenger)},
	"bn254_pairing_check":    {repeated("pairs", [3]int{2, 4, 8}, 192, nil)},
	"bls12381_pairing_check": {repeated("pairs", [3]int{2, 4, 8}, 384, nil)},

	"bls12381_verify_dusk":          {message(zeros(96 + 48))},
	"dusk:verify_bls":               {message(zeros(96 + 48))},
	"bls12381_multisig_verify_dusk": multisigDims(),
	"dusk:verify_bls_multisig":      multisigDims(),
	"groth16_bn254_verify_arkworks": arkworksDims(),
	"dusk:verify_groth16_bn254":     arkworksDims(),

	"sha512":         hashDims(),
	"sha3_384":       hashDims(),
	"sha3_512":       hashDims(),
	"keccak512":      hashDims(),
	"blake2b_128":    hashDims(),
	"blake2b_224":    hashDims(),
	"blake2b_outlen": {message([]byte{32})},
	"twox_64":        hashDims(),
	"twox_128":       hashDims(),
	"twox_256":       hashDims(),

	"ed25519_verify_strict": {message(zeros(96))},

	// curves/ops: the chains' encodings.
	"bls12381_aggregate_g1":             {repeated("points", [3]int{16, 32, 64}, 48, nil)},
	"bls12381_aggregate_g2":             {repeated("points", [3]int{16, 32, 64}, 96, nil)},
	"bls12381_g1_msm_zcash":             {repeated("points", [3]int{64, 128, 256}, 128, pippenger)},
	"bls12381_g2_msm_zcash":             {repeated("points", [3]int{64, 128, 256}, 224, pippenger)},
	"bn254_g2_msm":                      {repeated("points", [3]int{64, 128, 256}, 160, pippenger)},
	"bn254_g1_msm_le":                   {repeated("points", [3]int{64, 128, 256}, 96, pippenger)},
	"bn254_g1_sum_le":                   {repeated("items", [3]int{16, 32, 64}, 65, nil)},
	"bls12381_pairing_check_zcash":      {repeated("pairs", [3]int{2, 4, 8}, 288, nil)},
	"bls12381_miller_loop":              {repeated("pairs", [3]int{2, 4, 8}, 288, nil)},
	"bn254_pairing_check_le":            {repeated("pairs", [3]int{2, 4, 8}, 192, nil)},
	"bn254_miller_loop":                 {repeated("pairs", [3]int{2, 4, 8}, 192, nil)},
	"bls12381_hash_to_g1_zcash":         {message(cat([]byte{43}, zeros(43))), dstDim(zeros(32))},
	"bls12381_hash_to_g2_zcash":         {message(cat([]byte{43}, zeros(43))), dstDim(zeros(32))},
	"ed25519_batch_verify_zip215_lists": listsDims(),
	"bls12381_g1_sum_zcash":             {repeated("items", [3]int{16, 32, 64}, 97, nil)},
	"bls12381_g2_sum_zcash":             {repeated("items", [3]int{16, 32, 64}, 193, nil)},
	"bls12381_hash_to_g1_any_dst":       anyDSTDims(nil),
	"bls12381_hash_to_g2_any_dst":       anyDSTDims(nil),

	// cosmwasm: CosmWasm's argument layouts.
	"cosmwasm:ed25519_verify":             {message(zeros(96))},
	"cosmwasm:ed25519_batch_verify":       listsDims(),
	"cosmwasm:bls12_381_aggregate_g1":     {repeated("points", [3]int{16, 32, 64}, 48, nil)},
	"cosmwasm:bls12_381_aggregate_g2":     {repeated("points", [3]int{16, 32, 64}, 96, nil)},
	"cosmwasm:bls12_381_pairing_equality": {repeated("pairs", [3]int{2, 4, 8}, 144, nil)},
	"cosmwasm:bls12_381_hash_to_g1":       cosmwasmHashDims(),
	"cosmwasm:bls12_381_hash_to_g2":       cosmwasmHashDims(),

	// near: NEAR's argument layouts.
	"near:sha256":                  hashDims(),
	"near:keccak256":               hashDims(),
	"near:keccak512":               hashDims(),
	"near:ripemd160":               hashDims(),
	"near:ed25519_verify":          {message(zeros(96))},
	"near:alt_bn128_g1_multiexp":   {repeated("points", [3]int{64, 128, 256}, 96, pippenger)},
	"near:alt_bn128_g1_sum":        {repeated("items", [3]int{16, 32, 64}, 65, nil)},
	"near:alt_bn128_pairing_check": {repeated("pairs", [3]int{2, 4, 8}, 192, nil)},
	"near:bls12381_p1_sum":         {repeated("items", [3]int{16, 32, 64}, 97, nil)},
	"near:bls12381_p2_sum":         {repeated("items", [3]int{16, 32, 64}, 193, nil)},
	"near:bls12381_g1_multiexp":    {repeated("points", [3]int{64, 128, 256}, 128, pippenger)},
	"near:bls12381_g2_multiexp":    {repeated("points", [3]int{64, 128, 256}, 224, pippenger)},
	"near:bls12381_map_fp_to_g1":   {repeated("elements", [3]int{16, 32, 64}, 48, nil)},
	"near:bls12381_map_fp2_to_g2":  {repeated("elements", [3]int{16, 32, 64}, 96, nil)},
	"near:bls12381_pairing_check":  {repeated("pairs", [3]int{2, 4, 8}, 288, nil)},
	"near:bls12381_p1_decompress":  {repeated("points", [3]int{16, 32, 64}, 48, nil)},
	"near:bls12381_p2_decompress":  {repeated("points", [3]int{16, 32, 64}, 96, nil)},

	// soroban: Soroban's argument layouts.
	"soroban:compute_hash_sha256":           hashDims(),
	"soroban:compute_hash_keccak256":        hashDims(),
	"soroban:verify_sig_ed25519":            {message(zeros(96))},
	"soroban:bls12_381_hash_to_g1":          {message(cat([]byte{43}, zeros(43))), dstDim(zeros(32))},
	"soroban:bls12_381_hash_to_g2":          {message(cat([]byte{43}, zeros(43))), dstDim(zeros(32))},
	"soroban:bls12_381_multi_pairing_check": {repeated("pairs", [3]int{2, 4, 8}, 288, nil)},
	"soroban:bls12_381_g1_msm":              {repeated("points", [3]int{64, 128, 256}, 128, pippenger)},
	"soroban:bls12_381_g2_msm":              {repeated("points", [3]int{64, 128, 256}, 224, pippenger)},
	"soroban:bn254_g1_msm":                  {repeated("points", [3]int{64, 128, 256}, 96, pippenger)},
	"soroban:bn254_multi_pairing_check":     {repeated("pairs", [3]int{2, 4, 8}, 192, nil)},

	// EIP-encoded Groth16: vk fixed part, n+1 IC points, proof, n inputs.
	"groth16_bn254_verify":    {groth16Dim(64, 128, 32)},
	"groth16_bls12381_verify": {groth16Dim(128, 256, 32)},
	// snarkjs PLONK: nPublic (4) || power (4) || k1 k2 || 8 G1 || X_2 G2 ||
	// proof (9 G1, 6 scalars) || nPublic inputs.
	"plonk_bn254_snarkjs_verify": {{name: "public inputs", sizes: [3]int{256, 512, 1024}, build: func(n int) []byte {
		return cat(be32(n), be32(10), zeros(64+8*64+128+9*64+6*32), zeros(32*n))
	}}},
}

// cosmwasmHashDims: cosmwasm:bls12_381_hash_to_g1/_g2, hash function id
// (4) || DST length (4) || DST || msg, growing the message and the DST.
func cosmwasmHashDims() []growthDim { return anyDSTDims(zeros(4)) }

// anyDSTDims: head || DST length (u32) || DST || msg, growing the message
// and the DST (up to and past 255 bytes, where it is hashed once more).
func anyDSTDims(head []byte) []growthDim {
	return []growthDim{
		message(cat(head, be32(43), zeros(43))),
		{name: "dst", sizes: [3]int{128, 256, 512}, build: func(n int) []byte { return cat(head, be32(n), zeros(n), zeros(32)) }},
	}
}

// groth16Dim: public inputs of an EIP-encoded Groth16 input (G1 and G2
// point sizes, scalar size).
func groth16Dim(g1, g2, fr int) growthDim {
	return growthDim{name: "public inputs", sizes: [3]int{64, 128, 256}, build: func(n int) []byte {
		return cat(zeros(g1+3*g2), be32(n+1), zeros(g1*(n+1)), zeros(2*g1+g2), zeros(fr*n))
	}}
}

// listsDims: ed25519_batch_verify_zip215_lists with n messages, n
// signatures and n keys (32-byte messages), and with one long message.
func listsDims() []growthDim {
	lists := func(n, msgLen int) []byte {
		out := cat(be32(n), be32(n), be32(n), zeros(64*n), zeros(32*n))
		for i := 0; i < n; i++ {
			out = cat(out, be32(msgLen), zeros(msgLen))
		}
		return out
	}
	return []growthDim{
		{name: "signatures", sizes: [3]int{4, 8, 16}, build: func(n int) []byte { return lists(n, 32) }},
		{name: "message", sizes: msgSizes, build: func(n int) []byte { return lists(1, n) }},
	}
}

// fixedSize: functions whose input has no growing section (fixed layout,
// or bytes past a fixed length ignored).
var fixedSize = map[string]string{
	"bls12381_g1_add":             "two G1 points",
	"bls12381_g2_add":             "two G2 points",
	"bls12381_map_fp_to_g1":       "one Fp element",
	"bls12381_map_fp2_to_g2":      "one Fp2 element",
	"bn254_g1_add":                "bytes past 128 are ignored",
	"bn254_g1_mul":                "bytes past 96 are ignored",
	"secp256k1_ecdsa_verify":      "pk, r, s, 32-byte hash",
	"secp256k1_ecdsa_verify_lows": "pk, r, s, 32-byte hash",
	"secp256k1_recover":           "hash, r, s, v",
	"p256_verify":                 "hash, r, s, qx, qy",
	"schnorr_jubjub_verify_dusk":  "pk, sig, 32-byte scalar message",
	"dusk:verify_schnorr":         "as schnorr_jubjub_verify_dusk",
	"kzg_verify_proof_dusk":       "commitment, z, y, proof",
	"dusk:verify_kzg_proof":       "as kzg_verify_proof_dusk",
	"dusk:secp256k1_recover":      "as secp256k1_recover",
	"kzg_point_evaluation":        "EIP-4844's 192 bytes",

	"secp256k1_recover_rid":            "hash, r, s, recovery id",
	"secp256k1_recover_rid_lows":       "hash, r, s, recovery id",
	"secp256k1_recover_rid_compressed": "hash, r, s, recovery id",
	"secp256k1_recover_rid_xy":         "hash, r, s, recovery id",
	"secp256k1_recover_rid_xy_lows":    "hash, r, s, recovery id",
	"secp256k1_decompress":             "one 33- or 65-byte key",
	"p256_verify_sec1":                 "hash, r, s, a 33- or 65-byte key",
	"p256_verify_sec1_lows":            "hash, r, s, a 33- or 65-byte key",
	"p256_recover_rid":                 "hash, r, s, recovery id",

	"cosmwasm:secp256k1_verify":         "hash, r, s, a 33- or 65-byte key",
	"cosmwasm:secp256k1_recover_pubkey": "hash, r, s, recovery id",
	"cosmwasm:secp256r1_verify":         "hash, r, s, a 33- or 65-byte key",
	"cosmwasm:secp256r1_recover_pubkey": "hash, r, s, recovery id",
	"near:ecrecover":                    "hash, r, s, v, malleability flag",

	"soroban:recover_key_ecdsa_secp256k1":       "hash, r, s, recovery id",
	"soroban:verify_sig_ecdsa_secp256r1":        "65-byte key, hash, r, s",
	"soroban:bls12_381_g1_add":                  "two G1 points",
	"soroban:bls12_381_g2_add":                  "two G2 points",
	"soroban:bls12_381_check_g1_is_in_subgroup": "one G1 point",
	"soroban:bls12_381_check_g2_is_in_subgroup": "one G2 point",
	"soroban:bls12_381_map_fp_to_g1":            "one Fp element",
	"soroban:bls12_381_map_fp2_to_g2":           "one Fp2 element",
	"bls12381_g1_decompress_on_curve":           "one point",
	"bls12381_g2_decompress_on_curve":           "one point",
	"soroban:bls12_381_g1_mul":                  "one G1 point and a scalar",
	"soroban:bls12_381_g2_mul":                  "one G2 point and a scalar",
	"soroban:bls12_381_g1_is_on_curve":          "one G1 point",
	"soroban:bls12_381_g2_is_on_curve":          "one G2 point",
	"soroban:bn254_g1_add":                      "two G1 points",
	"soroban:bn254_g1_mul":                      "one G1 point and a scalar",
	"soroban:bn254_g1_is_on_curve":              "one G1 point",
	"soroban:bls12_381_fr_add":                  "one or two U256",
	"soroban:bls12_381_fr_sub":                  "one or two U256",
	"soroban:bls12_381_fr_mul":                  "one or two U256",
	"soroban:bls12_381_fr_inv":                  "one or two U256",
	"soroban:bls12_381_fr_pow":                  "U256 and U64",
	"soroban:bn254_fr_add":                      "one or two U256",
	"soroban:bn254_fr_sub":                      "one or two U256",
	"soroban:bn254_fr_mul":                      "one or two U256",
	"soroban:bn254_fr_inv":                      "one or two U256",
	"soroban:bn254_fr_pow":                      "U256 and U64",

	"bls12381_g1_add_zcash":        "one point or two, fixed size",
	"bls12381_g1_sub_zcash":        "one point or two, fixed size",
	"bls12381_g1_neg_zcash":        "one point or two, fixed size",
	"bls12381_g1_mul_zcash":        "one point or two, fixed size",
	"bls12381_g2_add_zcash":        "one point or two, fixed size",
	"bls12381_g2_sub_zcash":        "one point or two, fixed size",
	"bls12381_g2_neg_zcash":        "one point or two, fixed size",
	"bls12381_g2_mul_zcash":        "one point or two, fixed size",
	"bls12381_g1_compress":         "one point or two, fixed size",
	"bls12381_g1_decompress":       "one point or two, fixed size",
	"bls12381_g2_compress":         "one point or two, fixed size",
	"bls12381_g2_decompress":       "one point or two, fixed size",
	"bls12381_g1_is_on_curve":      "one point or two, fixed size",
	"bls12381_g1_is_in_subgroup":   "one point or two, fixed size",
	"bls12381_g2_is_on_curve":      "one point or two, fixed size",
	"bls12381_g2_is_in_subgroup":   "one point or two, fixed size",
	"bls12381_map_fp_to_g1_zcash":  "one point or two, fixed size",
	"bls12381_map_fp2_to_g2_zcash": "one point or two, fixed size",
	"bn254_g2_add":                 "one point or two, fixed size",
	"bn254_g2_mul":                 "one point or two, fixed size",
	"bn254_g1_compress":            "one point or two, fixed size",
	"bn254_g1_decompress":          "one point or two, fixed size",
	"bn254_g2_compress":            "one point or two, fixed size",
	"bn254_g2_decompress":          "one point or two, fixed size",
	"bn254_g1_is_on_curve":         "one point or two, fixed size",
	"bn254_g2_is_on_curve":         "one point or two, fixed size",
	"bls12381_pairing":             "one pair or GT element(s), fixed size",
	"bn254_pairing":                "one pair or GT element(s), fixed size",
	"bls12381_final_exp":           "one pair or GT element(s), fixed size",
	"bn254_final_exp":              "one pair or GT element(s), fixed size",
	"bls12381_gt_mul":              "one pair or GT element(s), fixed size",
	"bn254_gt_mul":                 "one pair or GT element(s), fixed size",
	"bls12381_gt_equal":            "one pair or GT element(s), fixed size",
	"bn254_gt_equal":               "one pair or GT element(s), fixed size",
	"bls12381_fr_add":              "32-byte scalars, fixed size",
	"bls12381_fr_sub":              "32-byte scalars, fixed size",
	"bls12381_fr_mul":              "32-byte scalars, fixed size",
	"bls12381_fr_pow":              "32-byte scalars, fixed size",
	"bls12381_fr_inv":              "32-byte scalars, fixed size",
	"bn254_fr_add":                 "32-byte scalars, fixed size",
	"bn254_fr_sub":                 "32-byte scalars, fixed size",
	"bn254_fr_mul":                 "32-byte scalars, fixed size",
	"bn254_fr_pow":                 "32-byte scalars, fixed size",
	"bn254_fr_inv":                 "32-byte scalars, fixed size",
}

// byExamples: the verifiers whose growing sections sit inside nested
// serialisations (gnark's key, proof and witness; dusk-plonk's verifier
// data), so no zero-filled builder prices them: their sections are counted
// by the function's own Items from the headers (zk.TestItems checks the
// counts against gnark's decoders). Here the check is on their worst-case
// examples, which grow one section at a time: every example's variable gas
// must keep pace with its Items (gas - base = per_item·items + per_byte·len
// exactly, per_item > 0), and a larger count must never be cheaper.
var byExamples = map[string]bool{
	"groth16_bn254_verify_gnark":    true,
	"groth16_bls12381_verify_gnark": true,
	"plonk_bn254_gnark_verify":      true,
	"plonk_bls12381_gnark_verify":   true,
	"plonk_bls12381_dusk_verify":    true,
	"dusk:verify_plonk":             true,
}

// checkByExamples returns the violations of f's examples-based check:
// per_item > 0, worst-case examples at three or more distinct positive
// item counts, and an example with more items and no fewer bytes always
// costs more.
func checkByExamples(f *core.Func, s *core.Schedule) []string {
	r, ok := s.Rules[f.Name]
	if ok && r.PerItem == 0 {
		return []string{"per_item is 0: the counted sections are free"}
	}
	type pt struct {
		name       string
		items, gas uint64
		n          int
	}
	var bad []string
	var pts []pt
	counts := map[uint64]bool{}
	for _, ex := range f.Examples() {
		if !ex.Worst {
			continue
		}
		g, err := s.Gas(f, ex.Input)
		if err != nil {
			bad = append(bad, err.Error())
			continue
		}
		it := f.ItemCount(ex.Input)
		if it == 0 {
			bad = append(bad, ex.Name+": counts no items")
		}
		counts[it] = true
		pts = append(pts, pt{ex.Name, it, g, len(ex.Input)})
	}
	if len(counts) < 3 {
		bad = append(bad, fmt.Sprintf("worst-case examples at %d distinct item counts, want 3 or more", len(counts)))
	}
	for _, a := range pts {
		for _, b := range pts {
			if b.items > a.items && b.n >= a.n && b.gas <= a.gas {
				bad = append(bad, fmt.Sprintf("%s (%d items, %d B) costs %d, not more than %s (%d items, %d B) at %d",
					b.name, b.items, b.n, b.gas, a.name, a.items, a.n, a.gas))
			}
		}
	}
	return bad
}

// checkGrowth returns the violations of f's growth spec under s.
func checkGrowth(f *core.Func, s *core.Schedule, dims []growthDim) []string {
	var bad []string
	gasOf := func(in []byte) uint64 {
		g, err := s.Gas(f, in)
		if err != nil {
			bad = append(bad, err.Error())
		}
		return g
	}
	sha, _ := hostcrypto.Lookup("sha256")
	shaGas := func(n int) float64 {
		g, _ := s.Gas(sha, zeros(n))
		return float64(g)
	}
	for _, d := range dims {
		g0 := gasOf(d.build(0))
		for i := 0; i+1 < len(d.sizes); i++ {
			n, n2 := d.sizes[i], d.sizes[i+1]
			in, in2 := d.build(n), d.build(n2)
			if len(in2) > f.InputLimit() {
				bad = append(bad, fmt.Sprintf("%s: size %d builds %d bytes, over the input limit", d.name, n2, len(in2)))
				continue
			}
			g, g2 := gasOf(in), gasOf(in2)
			if g2 <= g {
				bad = append(bad, fmt.Sprintf("%s %d -> %d: gas %d -> %d does not grow", d.name, n, n2, g, g2))
				continue
			}
			ratio, tol := 2.0, 0.0
			if d.work != nil {
				ratio, tol = d.work(n2)/d.work(n), pippengerTol
			}
			if float64(g2-g0) < ratio*(1-tol)*float64(g-g0) {
				bad = append(bad, fmt.Sprintf("%s %d -> %d: variable gas %d -> %d grows %.3fx, the work %.3fx",
					d.name, n, n2, g-g0, g2-g0, float64(g2-g0)/float64(g-g0), ratio))
			}
			if _, hashed := bench.HashedBytes[f.Name]; hashed && d.name == "message" {
				added := len(in2) - len(in)
				floor := 0.5 * (shaGas(2*added) - shaGas(added))
				if float64(g2-g) < floor {
					bad = append(bad, fmt.Sprintf("%s %d -> %d: %d more bytes, hashed, cost %d gas, under half of sha256's price for them (%.0f)",
						d.name, n, n2, added, g2-g, 2*floor))
				}
			}
		}
	}
	return bad
}

// TestPriceGrowsWithWork checks every function's growth spec under the
// shipped default schedule, and that every function is classified.
func TestPriceGrowsWithWork(t *testing.T) {
	var unclassified []string
	checked := 0
	for _, f := range hostcrypto.Functions() {
		if f.Gas != nil {
			continue // the EVM profile: go-ethereum's gas
		}
		dims, ok := growthSpecs[f.Name]
		switch {
		case ok:
			if bad := checkGrowth(f, gas.Default, dims); len(bad) > 0 {
				t.Errorf("%s: price does not keep pace with the work:\n  %s", f.Name, strings.Join(bad, "\n  "))
			}
			checked++
		case fixedSize[f.Name] != "":
		case byExamples[f.Name]:
			if bad := checkByExamples(f, gas.Default); len(bad) > 0 {
				t.Errorf("%s: price does not keep pace with the work:\n  %s", f.Name, strings.Join(bad, "\n  "))
			}
			checked++
		default:
			unclassified = append(unclassified, f.Name)
		}
	}
	sort.Strings(unclassified)
	if len(unclassified) > 0 {
		t.Errorf("functions with no growth spec, not declared fixed-size: %v", unclassified)
	}
	for name := range growthSpecs {
		if _, ok := hostcrypto.Lookup(name); !ok {
			t.Errorf("growth spec for %q, which is not in the catalogue", name)
		}
	}
	t.Logf("%d functions checked", checked)
}

// TestPriceGrowthCheckFails: the check catches a rule whose growing section
// is free (per_byte 0, as schnorr_bip340_verify and
// ed25519_batch_verify_zip215 were priced before issue 14), one that grows
// too slowly, and sublinear items.
func TestPriceGrowthCheckFails(t *testing.T) {
	cases := []struct {
		fn   string
		rule core.Rule
	}{
		{"schnorr_bip340_verify", core.Rule{Base: 792268}},
		{"ed25519_batch_verify_zip215", core.Rule{Base: 196389, PerItem: 164893}},
		{"bls12381_verify_dst", core.Rule{Base: 9278831, PerByte: 1}},
		{"bn254_pairing_check", core.Rule{Base: 1810675, PerByte: 0, PerItem: 0}},
	}
	for _, c := range cases {
		f, ok := hostcrypto.Lookup(c.fn)
		if !ok {
			t.Fatalf("%s not in the catalogue", c.fn)
		}
		s := &core.Schedule{Name: "zero-slope", Rules: map[string]core.Rule{"sha256": gas.Default.Rules["sha256"], c.fn: c.rule}}
		if bad := checkGrowth(f, s, growthSpecs[c.fn]); len(bad) == 0 {
			t.Errorf("%s with %+v passes the growth check", c.fn, c.rule)
		} else {
			t.Logf("%s with %+v fails as it should: %s", c.fn, c.rule, bad[0])
		}
	}
	// Items that stop growing (a cap) fail the share check.
	capped := &core.Func{Name: "capped", Run: func(d, _ []byte) ([]byte, error) { return d, nil },
		Items: func(in []byte) uint64 { return min(uint64(len(in)/32), 6) }}
	s := &core.Schedule{Name: "capped", Rules: map[string]core.Rule{"sha256": gas.Default.Rules["sha256"], "capped": {Base: 100, PerByte: 1, PerItem: 1000}}}
	if bad := checkGrowth(capped, s, []growthDim{repeated("elements", [3]int{4, 8, 16}, 32, nil)}); len(bad) == 0 {
		t.Error("capped items pass the growth check")
	}
}
