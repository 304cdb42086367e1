package curves_test

import (
	"fmt"
	"math/big"
	"syscall"
	"testing"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	blsfr "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
	bn "github.com/consensys/gnark-crypto/ecc/bn254"
	bnfr "github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/hostcrypto/hostcrypto/curves"
	"github.com/hostcrypto/hostcrypto/dispatch"
)

// BenchmarkMSM/<curve>/<n>/<impl> times one MSM of n random points on
// each backend of the primitive, reporting cpu-ns/op (the process's CPU
// time per operation, every thread included: on a shared machine it
// ignores time spent descheduled). Run with -cpu 1 and -cpu 2.
func BenchmarkMSM(b *testing.B) {
	sizes := []int{2, 8, 16, 32, 64, 256, 1024, 4096}
	impls := []string{"native", "gnark", "blst", "native-novec"}
	run := func(b *testing.B, prim, vec string, n int, f func()) {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for _, impl := range impls {
				b.Run(impl, func(b *testing.B) {
					spec := prim + "=" + impl
					if impl == "native-novec" {
						// native with the field's vector multiply forced to
						// its scalar loop: what IFMA contributes.
						spec = prim + "=native," + vec + "=portable"
					} else if p, _ := dispatch.Lookup(prim); !hasImpl(p, impl) {
						b.Skipf("%s has no available %s backend", prim, impl)
					}
					prev := dispatch.Current()
					if err := dispatch.Force(spec); err != nil {
						b.Fatal(err)
					}
					defer dispatch.Force(prev)
					f() // warm up
					b.ResetTimer()
					t0 := processCPU()
					for i := 0; i < b.N; i++ {
						f()
					}
					b.ReportMetric(float64(processCPU()-t0)/float64(b.N), "cpu-ns/op")
				})
			}
		})
	}
	b.Run("bls12381g1", func(b *testing.B) {
		for _, n := range sizes {
			P, s := benchBLSG1(n)
			run(b, "msm.bls12381g1", "fieldmulvec.bls12381fp", n, func() { curves.BLS12381MSMG1(P, s) })
		}
	})
	b.Run("bls12381g2", func(b *testing.B) {
		for _, n := range sizes {
			P, s := benchBLSG2(n)
			run(b, "msm.bls12381g2", "fieldmulvec.bls12381fp", n, func() { curves.BLS12381MSMG2(P, s) })
		}
	})
	b.Run("bn254g1", func(b *testing.B) {
		for _, n := range sizes {
			P, s := benchBNG1(n)
			run(b, "msm.bn254g1", "fieldmulvec.bn254fp", n, func() { curves.BN254MSMG1(P, s) })
		}
	})
}

func hasImpl(p dispatch.Primitive, name string) bool {
	for _, i := range p.Impls {
		if i.Name == name {
			return i.Available
		}
	}
	return false
}

func processCPU() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

func benchBLSG1(n int) ([]bls.G1Affine, []blsfr.Element) {
	g, _, _, _ := bls.Generators()
	var k blsfr.Element
	k.SetUint64(12345)
	var q, acc bls.G1Jac
	q.ScalarMultiplication(&g, k.BigInt(new(big.Int)))
	J := make([]bls.G1Jac, n)
	s := make([]blsfr.Element, n)
	for i := range J {
		acc.AddAssign(&q)
		J[i] = acc
		s[i].SetRandom()
	}
	return bls.BatchJacobianToAffineG1(J), s
}

func benchBNG1(n int) ([]bn.G1Affine, []bnfr.Element) {
	g, _, _, _ := bn.Generators()
	var k bnfr.Element
	k.SetUint64(12345)
	var q, acc bn.G1Jac
	q.ScalarMultiplication(&g, k.BigInt(new(big.Int)))
	J := make([]bn.G1Jac, n)
	s := make([]bnfr.Element, n)
	for i := range J {
		acc.AddAssign(&q)
		J[i] = acc
		s[i].SetRandom()
	}
	return bn.BatchJacobianToAffineG1(J), s
}

func benchBLSG2(n int) ([]bls.G2Affine, []blsfr.Element) {
	_, g, _, _ := bls.Generators()
	var k blsfr.Element
	k.SetUint64(12345)
	var q, acc bls.G2Jac
	q.ScalarMultiplication(&g, k.BigInt(new(big.Int)))
	P := make([]bls.G2Affine, n)
	s := make([]blsfr.Element, n)
	for i := range P {
		acc.AddAssign(&q)
		P[i].FromJacobian(&acc)
		s[i].SetRandom()
	}
	return P, s
}
