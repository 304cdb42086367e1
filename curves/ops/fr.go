package ops

import (
	"math/big"
	"strconv"

	blsfr "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
	bnfr "github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/hostcrypto/hostcrypto/core"
)

// Scalar-field arithmetic of BLS12-381 (r = 0x73eda753...00000001) and
// BN254 (r = 0x30644e72...f0000001): elements are 32-byte big-endian
// integers < r (an input >= r is non_canonical, never reduced), results
// are canonical.

// frElement is gnark-crypto's generated scalar-field element of either
// curve.
type frElement[T any] interface {
	*T
	SetBytesCanonical([]byte) error
	Add(a, b *T) *T
	Sub(a, b *T) *T
	Mul(a, b *T) *T
	Exp(x T, k *big.Int) *T
	Inverse(x *T) *T
	IsZero() bool
	Bytes() [32]byte
}

func frDecode[T any, P frElement[T]](name string, b []byte) (T, error) {
	var z T
	if err := P(&z).SetBytesCanonical(b); err != nil {
		return z, core.Errorf(core.CodeNonCanonical, "ops: %s: scalar >= r", name)
	}
	return z, nil
}

func frAppend[T any, P frElement[T]](dst []byte, z *T) []byte {
	b := P(z).Bytes()
	return append(dst, b[:]...)
}

// frBinary is add, sub or mul: a || b, 64 bytes.
func frBinary[T any, P frElement[T]](name string, op func(z, a, b *T)) func(dst, in []byte) ([]byte, error) {
	return func(dst, in []byte) ([]byte, error) {
		if len(in) != 64 {
			return dst, malformed(name, len(in), "64")
		}
		a, err := frDecode[T, P](name, in[:32])
		if err != nil {
			return dst, err
		}
		b, err := frDecode[T, P](name, in[32:])
		if err != nil {
			return dst, err
		}
		var z T
		op(&z, &a, &b)
		return frAppend[T, P](dst, &z), nil
	}
}

// frPow: a || e, 64 bytes; e is any 256-bit big-endian exponent (an
// integer, not a field element: not reduced, not checked against r);
// a^0 = 1, 0^0 included.
func frPow[T any, P frElement[T]](name string) func(dst, in []byte) ([]byte, error) {
	return func(dst, in []byte) ([]byte, error) {
		if len(in) != 64 {
			return dst, malformed(name, len(in), "64")
		}
		a, err := frDecode[T, P](name, in[:32])
		if err != nil {
			return dst, err
		}
		var z T
		P(&z).Exp(a, new(big.Int).SetBytes(in[32:]))
		return frAppend[T, P](dst, &z), nil
	}
}

// frInv: a, 32 bytes; a = 0 has no inverse: no_result.
func frInv[T any, P frElement[T]](name string) func(dst, in []byte) ([]byte, error) {
	return func(dst, in []byte) ([]byte, error) {
		if len(in) != 32 {
			return dst, malformed(name, len(in), "32")
		}
		a, err := frDecode[T, P](name, in)
		if err != nil {
			return dst, err
		}
		if P(&a).IsZero() {
			return dst, core.Errorf(core.CodeNoResult, "ops: %s: zero has no inverse", name)
		}
		var z T
		P(&z).Inverse(&a)
		return frAppend[T, P](dst, &z), nil
	}
}

// frExamples: dense elements reduced below r, and for pow
// the all-ones exponent (256 squarings and multiplications, the most).
func frExamples(r *big.Int, n int, pow bool) func() []core.Example {
	return func() []core.Example {
		var in []byte
		for i := range n {
			in = append(in, be32(new(big.Int).Mod(exScalar(i+40), r))...)
		}
		if pow {
			in = append(in[:32], ones()...)
		}
		return []core.Example{{Name: strconv.Itoa(n) + "elements", Input: in, Worst: true}}
	}
}

const (
	blsFrIn = "32-byte big-endian BLS12-381 scalar-field element < r (r = 0x73eda753...00000001; >= r is non_canonical)"
	bnFrIn  = "32-byte big-endian BN254 scalar-field element < r (r = 0x30644e72...f0000001; >= r is non_canonical)"
)

func frAdd[T any, P frElement[T]](z, a, b *T) { P(z).Add(a, b) }
func frSub[T any, P frElement[T]](z, a, b *T) { P(z).Sub(a, b) }
func frMul[T any, P frElement[T]](z, a, b *T) { P(z).Mul(a, b) }

// Scalar-field functions of both curves.
var (
	BLS12381FrAdd = &core.Func{
		Name: "bls12381_fr_add", Family: "curve",
		Input: "a || b, each a " + blsFrIn, Output: "32-byte a + b mod r", FixedOut: 32,
		Examples: frExamples(blsfr.Modulus(), 2, false),
		Run:      frBinary[blsfr.Element]("bls12381_fr_add", frAdd[blsfr.Element]),
	}
	BLS12381FrSub = &core.Func{
		Name: "bls12381_fr_sub", Family: "curve",
		Input: "a || b, each a " + blsFrIn, Output: "32-byte a - b mod r", FixedOut: 32,
		Examples: frExamples(blsfr.Modulus(), 2, false),
		Run:      frBinary[blsfr.Element]("bls12381_fr_sub", frSub[blsfr.Element]),
	}
	BLS12381FrMul = &core.Func{
		Name: "bls12381_fr_mul", Family: "curve",
		Input: "a || b, each a " + blsFrIn, Output: "32-byte a · b mod r", FixedOut: 32,
		Examples: frExamples(blsfr.Modulus(), 2, false),
		Run:      frBinary[blsfr.Element]("bls12381_fr_mul", frMul[blsfr.Element]),
	}
	BLS12381FrPow = &core.Func{
		Name: "bls12381_fr_pow", Family: "curve",
		Input: "a (" + blsFrIn + ") || e (32-byte big-endian exponent, any 256-bit value, not reduced)", Output: "32-byte a^e mod r (a^0 = 1)", FixedOut: 32,
		Examples: frExamples(blsfr.Modulus(), 2, true),
		Run:      frPow[blsfr.Element]("bls12381_fr_pow"),
	}
	BLS12381FrInv = &core.Func{
		Name: "bls12381_fr_inv", Family: "curve",
		Input: "a, a " + blsFrIn + "; a = 0 is no_result", Output: "32-byte a^-1 mod r", FixedOut: 32,
		Examples: frExamples(blsfr.Modulus(), 1, false),
		Run:      frInv[blsfr.Element]("bls12381_fr_inv"),
	}
	BN254FrAdd = &core.Func{
		Name: "bn254_fr_add", Family: "curve",
		Input: "a || b, each a " + bnFrIn, Output: "32-byte a + b mod r", FixedOut: 32,
		Examples: frExamples(bnfr.Modulus(), 2, false),
		Run:      frBinary[bnfr.Element]("bn254_fr_add", frAdd[bnfr.Element]),
	}
	BN254FrSub = &core.Func{
		Name: "bn254_fr_sub", Family: "curve",
		Input: "a || b, each a " + bnFrIn, Output: "32-byte a - b mod r", FixedOut: 32,
		Examples: frExamples(bnfr.Modulus(), 2, false),
		Run:      frBinary[bnfr.Element]("bn254_fr_sub", frSub[bnfr.Element]),
	}
	BN254FrMul = &core.Func{
		Name: "bn254_fr_mul", Family: "curve",
		Input: "a || b, each a " + bnFrIn, Output: "32-byte a · b mod r", FixedOut: 32,
		Examples: frExamples(bnfr.Modulus(), 2, false),
		Run:      frBinary[bnfr.Element]("bn254_fr_mul", frMul[bnfr.Element]),
	}
	BN254FrPow = &core.Func{
		Name: "bn254_fr_pow", Family: "curve",
		Input: "a (" + bnFrIn + ") || e (32-byte big-endian exponent, any 256-bit value, not reduced)", Output: "32-byte a^e mod r (a^0 = 1)", FixedOut: 32,
		Examples: frExamples(bnfr.Modulus(), 2, true),
		Run:      frPow[bnfr.Element]("bn254_fr_pow"),
	}
	BN254FrInv = &core.Func{
		Name: "bn254_fr_inv", Family: "curve",
		Input: "a, a " + bnFrIn + "; a = 0 is no_result", Output: "32-byte a^-1 mod r", FixedOut: 32,
		Examples: frExamples(bnfr.Modulus(), 1, false),
		Run:      frInv[bnfr.Element]("bn254_fr_inv"),
	}
)
