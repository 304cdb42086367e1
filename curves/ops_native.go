package curves

import (
	"github.com/hostcrypto/hostcrypto/dispatch"
)

// The "native" MSMs: hostcrypto's own Pippenger on its field kernels
// (package curves/internal/msm; IFMA vector products where the CPU has
// them). Set by dispatch, read by BLS12381MSMG1 and BN254MSMG1.
var blsMSMG1Native, bnMSMG1Native bool

// nativeMSMPriority orders "native" against gnark (10/20) and blst
// (20/10) on each MSM primitive; see docs/curves.md for the measurements.
var nativeMSMPriority = map[string]int{
	"msm.bls12381g1": 5,
	"msm.bn254g1":    5,
}

func init() {
	for prim, flag := range map[string]*bool{"msm.bls12381g1": &blsMSMG1Native, "msm.bn254g1": &bnMSMG1Native} {
		flag := flag
		dispatch.Register(prim, dispatch.Impl{Name: "native", Available: true, Priority: nativeMSMPriority[prim],
			Note: "hostcrypto Pippenger, batch-affine buckets on the field kernels"})
		dispatch.OnSelect(prim, func(impl string) { *flag = impl == "native" })
	}
}
