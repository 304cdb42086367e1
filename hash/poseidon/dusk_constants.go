package poseidon

import (
	"crypto/sha512"
	"math/big"
)

// duskConstantBytes derives Dusk Poseidon252's constant tables, in the byte
// form of Poseidon252's assets/arc.bin and assets/mds.bin (consecutive
// 32-byte little-endian integers; the tests compare them with the shared
// vector copies of those files byte for byte).
//
// Poseidon252's generator (src/hades: round constants and MDS matrix):
//   - round constants: b_0 = "poseidon-for-plonk", b_{i+1} = SHA-512(b_i);
//     c_i = (b_{i+1} read as a 512-bit little-endian integer) + c_{i-1} mod r,
//     with c_{-1} = 1, for i = 0 .. 339 (68 rounds x width 5);
//   - MDS: the Cauchy matrix M[i][j] = 1 / (x_i + y_j) mod r with x_i = i and
//     y_j = j + 5.
//
// Its build wrote each value v as the raw Montgomery limbs of v, i.e. the
// integer v·2^256 mod r; those integers are the bytes produced here (Dusk
// then loads them with from_raw, as dusk.go explains).
func duskConstantBytes() (arc, mds []byte) {
	r := blsModulus
	mont := new(big.Int).Lsh(big.NewInt(1), 256)
	mont.Mod(mont, r)
	put := func(dst []byte, v *big.Int) []byte {
		w := new(big.Int).Mul(v, mont)
		w.Mod(w, r)
		var be [32]byte
		w.FillBytes(be[:])
		for i := 31; i >= 0; i-- {
			dst = append(dst, be[i])
		}
		return dst
	}

	seed := []byte("poseidon-for-plonk")
	prev := big.NewInt(1)
	for i := 0; i < duskRounds*duskWidth; i++ {
		h := sha512.Sum512(seed)
		seed = h[:]
		var be [64]byte
		for k := range be {
			be[k] = h[63-k]
		}
		c := new(big.Int).SetBytes(be[:])
		c.Add(c, prev).Mod(c, r)
		arc = put(arc, c)
		prev = c
	}
	for i := 0; i < duskWidth; i++ {
		for j := 0; j < duskWidth; j++ {
			d := big.NewInt(int64(i + j + duskWidth))
			mds = put(mds, d.ModInverse(d, r))
		}
	}
	return arc, mds
}
