package zk

import (
	bn "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/pedersen"
)

// bnCommitInfo is the BSB22 part of a gnark Groth16 verifying key.
type bnCommitInfo struct {
	keys            []pedersen.VerifyingKey
	publicCommitted [][]uint64
}

var _ = bn.G1Affine{}
