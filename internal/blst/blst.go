// Package blst is the BLS12-381 blst backend shared by package curves
// (additions, MSMs, maps to the curve, subgroup checks) and package pairing
// (Miller loops, final exponentiation): one cgo file calling supranational/
// blst's C functions on gnark-crypto's point layout. Available reports
// whether this build has it; without it (no cgo, purego, other
// architectures) every function panics and callers never select it.
package blst

// Fp12 is an opaque Fp12 value (12 Fp elements of six limbs).
type Fp12 [72]uint64

// JacG1 and JacG2 hold blst Jacobian points (opaque limbs).
type (
	JacG1 [18]uint64
	JacG2 [36]uint64
)
