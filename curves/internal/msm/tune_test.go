package msm

import (
	"fmt"
	"math/big"
	"syscall"
	"testing"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	blsfr "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
)

func BenchmarkTuneC(b *testing.B) {
	for _, n := range []int{64, 256, 1024, 4096} {
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
		P := bls.BatchJacobianToAffineG1(J)
		c0, _ := params(n, 255)
		for c := c0 - 2; c <= c0+2; c++ {
			b.Run(fmt.Sprintf("%d/c%d", n, c), func(b *testing.B) {
				forceC = c
				defer func() { forceC = 0 }()
				var ru0, ru1 syscall.Rusage
				syscall.Getrusage(0, &ru0)
				for i := 0; i < b.N; i++ {
					BLS12381G1(P, s)
				}
				syscall.Getrusage(0, &ru1)
				b.ReportMetric(float64(ru1.Utime.Nano()+ru1.Stime.Nano()-ru0.Utime.Nano()-ru0.Stime.Nano())/float64(b.N), "cpu-ns/op")
			})
		}
	}
}

// BenchmarkShapes compares random inputs with adversarial ones (one point
// repeated, with one scalar or random scalars: every addition of a window
// meets the same bucket, so batches shrink and XYZZ additions take over).
func BenchmarkShapes(b *testing.B) {
	const n = 1024
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
	P := bls.BatchJacobianToAffineG1(J)
	same := make([]bls.G1Affine, n)
	one := make([]blsfr.Element, n)
	for i := range same {
		same[i], one[i] = P[0], s[0]
	}
	for _, c := range []struct {
		name string
		P    []bls.G1Affine
		s    []blsfr.Element
	}{{"random", P, s}, {"samepoint", same, s}, {"samepoint-samescalar", same, one}} {
		b.Run(c.name, func(b *testing.B) {
			var ru0, ru1 syscall.Rusage
			syscall.Getrusage(0, &ru0)
			for i := 0; i < b.N; i++ {
				BLS12381G1(c.P, c.s)
			}
			syscall.Getrusage(0, &ru1)
			b.ReportMetric(float64(ru1.Utime.Nano()+ru1.Stime.Nano()-ru0.Utime.Nano()-ru0.Stime.Nano())/float64(b.N), "cpu-ns/op")
		})
	}
}

func BenchmarkTuneCG2(b *testing.B) {
	for _, n := range []int{32, 64, 256, 1024, 4096} {
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
		c0, _ := params(n, 255)
		for c := c0 - 1; c <= c0+1; c++ {
			b.Run(fmt.Sprintf("%d/c%d", n, c), func(b *testing.B) {
				forceC = c
				defer func() { forceC = 0 }()
				var ru0, ru1 syscall.Rusage
				syscall.Getrusage(0, &ru0)
				for i := 0; i < b.N; i++ {
					BLS12381G2(P, s)
				}
				syscall.Getrusage(0, &ru1)
				b.ReportMetric(float64(ru1.Utime.Nano()+ru1.Stime.Nano()-ru0.Utime.Nano()-ru0.Stime.Nano())/float64(b.N), "cpu-ns/op")
			})
		}
	}
}

// BenchmarkShapesG2 is BenchmarkShapes on G2.
func BenchmarkShapesG2(b *testing.B) {
	const n = 1024
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
	same := make([]bls.G2Affine, n)
	one := make([]blsfr.Element, n)
	for i := range same {
		same[i], one[i] = P[0], s[0]
	}
	for _, c := range []struct {
		name string
		P    []bls.G2Affine
		s    []blsfr.Element
	}{{"random", P, s}, {"samepoint", same, s}, {"samepoint-samescalar", same, one}} {
		b.Run(c.name, func(b *testing.B) {
			var ru0, ru1 syscall.Rusage
			syscall.Getrusage(0, &ru0)
			for i := 0; i < b.N; i++ {
				BLS12381G2(c.P, c.s)
			}
			syscall.Getrusage(0, &ru1)
			b.ReportMetric(float64(ru1.Utime.Nano()+ru1.Stime.Nano()-ru0.Utime.Nano()-ru0.Stime.Nano())/float64(b.N), "cpu-ns/op")
		})
	}
}
