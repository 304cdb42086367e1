package curves

import (
	"github.com/hostcrypto/hostcrypto/dispatch"
)

// The "native" MSMs: hostcrypto's own Pippenger on its field kernels
// (package curves/internal/msm; batch-affine buckets whose products run 8
// at a time on AVX-512 IFMA). Set by dispatch, read by BLS12381MSMG1,
// BN254MSMG1 and BLS12381MSMG2.
var blsMSMG1Native, bnMSMG1Native, blsMSMG2Native bool

// nativeMinBLS12381G1 is the size from which the native backend runs its
// own MSM on BLS12-381 G1; smaller ones go to gnark's GLV sum (same run,
// one core, CPU time, loaded machine: native / fastest peer = 1.28x at
// n = 2, 0.93x at 4, 0.63x at 8, 0.59x at 12). On BN254 G1 native is at
// or below gnark from n = 2 (0.9x), so it runs every size there.
const nativeMinBLS12381G1 = 4

// nativeMinBLS12381G2 is the same for BLS12-381 G2 (plain Pippenger, no
// endomorphism): same run, one core, CPU time, shared machine, native's own
// code / fastest peer = 1.40x at n = 4 (gnark), 1.00x at 8 (blst), 0.78x
// at 12, 0.85x at 16, 0.65x at 24, 0.51x at 32.
const nativeMinBLS12381G2 = 12

// nativeMSMPriority is native's priority on an MSM primitive whose base
// field has (vec) or lacks the IFMA vector multiply: the default (above
// gnark and blst, 10/20) only with IFMA, where it was measured fastest.
//
// Single-core CPU time, native / the faster of gnark and blst, same run,
// Zen 4 with IFMA (docs/curves.md, "Native MSM"): BLS12-381 G1 n = 64:
// 0.45, 256: 0.66, 1024: 0.60, 4096: 0.41; BN254 G1 0.48, 0.49, 0.39,
// 0.40; BLS12-381 G2 0.54, 0.52, 0.45, 0.49. Without IFMA (native-novec)
// it is near the peers at some sizes (BLS12-381 G1 0.75x at 1024, G2
// 1.15x at 64 in one run), so there it stays below both.
func nativeMSMPriority(vec string) int {
	if p, ok := dispatch.Lookup(vec); ok {
		for _, i := range p.Impls {
			if i.Name == "ifma" && i.Available {
				return 30
			}
		}
	}
	return 5
}

func init() {
	for _, m := range []struct {
		prim, vec string
		flag      *bool
	}{
		{"msm.bls12381g1", "fieldmulvec.bls12381fp", &blsMSMG1Native},
		{"msm.bn254g1", "fieldmulvec.bn254fp", &bnMSMG1Native},
		{"msm.bls12381g2", "fieldmulvec.bls12381fp", &blsMSMG2Native},
	} {
		flag := m.flag
		dispatch.Register(m.prim, dispatch.Impl{Name: "native", Available: true, Priority: nativeMSMPriority(m.vec),
			Note: "hostcrypto Pippenger, batch-affine buckets on the field kernels"})
		dispatch.OnSelect(m.prim, func(impl string) { *flag = impl == "native" })
	}
}
