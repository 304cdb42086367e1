// Package geth benchmarks hostcrypto's curve functions against go-ethereum's
// own precompiles on the same inputs. It is a separate module so that
// go-ethereum never enters the library's go.mod. Note that Go's minimal
// version selection makes both sides run on the same gnark-crypto (the
// newer of the two requirements).
//
//	cd bench/geth && go test -tags gethsecp256k1 -run XXX -bench . -benchtime=200ms
//
// -tags gethsecp256k1 is needed in every module that links go-ethereum:
// hostcrypto then calls go-ethereum's libsecp256k1 instead of linking a
// second copy (see tag_test.go and docs/signatures.md).
package geth

import (
	"bytes"
	"crypto/rand"
	"math/big"
	"testing"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	blsfr "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
	bn "github.com/consensys/gnark-crypto/ecc/bn254"
	bnfr "github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/vm"

	"github.com/hostcrypto/hostcrypto"
	"github.com/hostcrypto/hostcrypto/curves/bls12381"
	"github.com/hostcrypto/hostcrypto/curves/bn254"
	"github.com/hostcrypto/hostcrypto/dispatch"
)

func precompile(addr byte) vm.PrecompiledContract {
	return vm.PrecompiledContractsOsaka[common.BytesToAddress([]byte{addr})]
}

// randScalar returns a uniformly random non-zero scalar below r.
func randScalar(tb testing.TB, r *big.Int) *big.Int {
	for {
		k, err := rand.Int(rand.Reader, r)
		if err != nil {
			tb.Fatal(err)
		}
		if k.Sign() != 0 {
			return k
		}
	}
}

// productOneScalars returns a, b, c, d with a·b + c·d = 0 mod r, so that
// e(aG1, bG2)·e(cG1, dG2) = 1 with four unrelated points (not the (P, Q),
// (-P, Q) shape on which gnark-crypto's final exponentiation exits early).
func productOneScalars(tb testing.TB, r *big.Int) (a, b, c, d *big.Int) {
	a, b, c = randScalar(tb, r), randScalar(tb, r), randScalar(tb, r)
	d = new(big.Int).Mul(a, b)
	d.Neg(d).Mul(d, new(big.Int).ModInverse(c, r)).Mod(d, r)
	return
}

func bn254PairingInput(tb testing.TB) []byte {
	a, b, c, d := productOneScalars(tb, bnfr.Modulus())
	_, _, g1, g2 := bn.Generators()
	var in []byte
	for _, s := range [][2]*big.Int{{a, b}, {c, d}} {
		var p bn.G1Affine
		var q bn.G2Affine
		p.ScalarMultiplication(&g1, s[0])
		q.ScalarMultiplication(&g2, s[1])
		in = bn254.AppendG1(in, &p)
		in = bn254.AppendG2(in, &q)
	}
	return in
}

func blsPairingInput(tb testing.TB) []byte {
	a, b, c, d := productOneScalars(tb, blsfr.Modulus())
	_, _, g1, g2 := bls.Generators()
	var in []byte
	for _, s := range [][2]*big.Int{{a, b}, {c, d}} {
		var p bls.G1Affine
		var q bls.G2Affine
		p.ScalarMultiplication(&g1, s[0])
		q.ScalarMultiplication(&g2, s[1])
		in = bls12381.AppendG1EIP2537(in, &p)
		in = bls12381.AppendG2EIP2537(in, &q)
	}
	return in
}

func blsG1MSMInput(tb testing.TB, k int) []byte {
	_, _, g1, _ := bls.Generators()
	var in []byte
	for range k {
		var p bls.G1Affine
		p.ScalarMultiplication(&g1, randScalar(tb, blsfr.Modulus()))
		in = bls12381.AppendG1EIP2537(in, &p)
		var s [32]byte
		rand.Read(s[:])
		in = append(in, s[:]...)
	}
	return in
}

// bench runs hostcrypto's fn (under each BLS backend when blst applies) and
// go-ethereum's precompile at addr on the same input, after checking that
// both agree (on the pairing, hostcrypto's byte is geth's last byte).
func bench(b *testing.B, fn string, addr byte, in []byte, backends []string) {
	ours, _, err := hostcrypto.Call(fn, in)
	if err != nil {
		b.Fatal(err)
	}
	theirs, err := precompile(addr).Run(in)
	if err != nil {
		b.Fatal(err)
	}
	if len(ours) == 1 {
		theirs = theirs[31:]
		if ours[0] != 1 {
			b.Fatalf("pairing input does not check: %x", ours)
		}
	}
	if !bytes.Equal(ours, theirs) {
		b.Fatalf("hostcrypto %x != geth %x", ours, theirs)
	}
	b.Run("geth", func(b *testing.B) {
		p := precompile(addr)
		for b.Loop() {
			p.Run(in)
		}
	})
	for _, be := range backends {
		b.Run("hostcrypto-"+be, func(b *testing.B) {
			spec := ""
			if be != "default" {
				spec = be
			}
			if err := dispatch.Force(spec); err != nil {
				b.Skip(err)
			}
			defer dispatch.Force("")
			f, _ := hostcrypto.Lookup(fn)
			for b.Loop() {
				f.Run(nil, in)
			}
		})
	}
}

func BenchmarkBN254Pairing2(b *testing.B) {
	bench(b, "bn254_pairing_check", 0x08, bn254PairingInput(b), []string{"default"})
}

func BenchmarkBLS12381Pairing2(b *testing.B) {
	bench(b, "bls12381_pairing_check", 0x0f, blsPairingInput(b), []string{"default", "gnark", "blst"})
}

func BenchmarkBLS12381G1MSM64(b *testing.B) {
	bench(b, "bls12381_g1_msm", 0x0c, blsG1MSMInput(b, 64), []string{"default", "gnark", "blst"})
}

func BenchmarkBLS12381G1MSM1024(b *testing.B) {
	bench(b, "bls12381_g1_msm", 0x0c, blsG1MSMInput(b, 1024), []string{"default", "gnark", "blst"})
}
