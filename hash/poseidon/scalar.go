package poseidon

import (
	"encoding/binary"
	"math/bits"

	"golang.org/x/crypto/blake2b"
)

// blsRLimbs is the BLS12-381 scalar modulus r as little-endian 64-bit limbs.
var blsRLimbs = limbsOf(blsModulus.Bits())

// blsTwo256 is 2^256 mod r, in Montgomery form.
var blsTwo256 = func() blsElem {
	var two, z blsElem
	two.SetUint64(2)
	z.SetOne()
	for i := 0; i < 256; i++ {
		z.Mul(&z, &two)
	}
	return z
}()

func limbsOf[W ~uint | ~uint64](w []W) (l [4]uint64) {
	for i := range w {
		l[i] = uint64(w[i])
	}
	return l
}

// reduce256 returns the 256-bit little-endian integer b reduced mod r. As
// 2^256 < 3r, at most two subtractions of r are needed.
func reduce256(b []byte) blsElem {
	var x [4]uint64
	for i := range x {
		x[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	for k := 0; k < 2; k++ {
		var y [4]uint64
		var borrow uint64
		for i := range y {
			y[i], borrow = bits.Sub64(x[i], blsRLimbs[i], borrow)
		}
		if borrow == 0 { // x >= r
			x = y
		}
	}
	var buf [32]byte
	for i := range x {
		binary.LittleEndian.PutUint64(buf[8*i:], x[i])
	}
	z, err := littleEndianBLS(&buf)
	if err != nil {
		panic("poseidon: internal error: reduce256 left a value >= r")
	}
	return z
}

// HashToScalarBLS12381 is Dusk's BlsScalar::hash: the BLAKE2b-512 digest of
// msg read as a 512-bit little-endian integer d and reduced modulo the
// BLS12-381 scalar field order r. It computes d mod r as
// lo + hi * 2^256 (mod r), where d = lo + hi * 2^256.
func HashToScalarBLS12381(msg []byte) blsElem {
	d := blake2b.Sum512(msg)
	return wideToScalar(&d)
}

func wideToScalar(d *[64]byte) blsElem {
	lo := reduce256(d[:32])
	hi := reduce256(d[32:])
	hi.Mul(&hi, &blsTwo256)
	lo.Add(&lo, &hi)
	return lo
}
