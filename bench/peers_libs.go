package bench

import (
	"crypto/ed25519"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc"
	blsecc "github.com/consensys/gnark-crypto/ecc/bls12-381"
	blsfr "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
	bnecc "github.com/consensys/gnark-crypto/ecc/bn254"
	dsecp "github.com/decred/dcrd/dcrec/secp256k1/v4"
	decdsa "github.com/decred/dcrd/dcrec/secp256k1/v4/ecdsa"
	iden3 "github.com/iden3/go-iden3-crypto/poseidon"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/bls12381"
	"github.com/hostcrypto/hostcrypto/curves/bn254"
)

// Peer libraries called directly on the same example inputs. Points are
// decoded outside the timed loop, but the peer does inside it the checks the
// specification requires of the catalogue function (subgroup membership for
// EIP-197 G2 and EIP-2537 MSM and pairing inputs), so the ratio compares the
// same work. go-ethereum's precompiles are measured in the
// nested module bench/geth, which keeps go-ethereum out of this module.
func init() {
	RegisterPeer(Peer{Function: "ed25519_verify", Name: "crypto/ed25519", Prepare: func(ex core.Example) func() error {
		in := ex.Input
		if len(in) < 96 {
			return nil
		}
		pk, sig, msg := ed25519.PublicKey(in[:32]), in[32:96], in[96:]
		return func() error { ed25519.Verify(pk, msg, sig); return nil }
	}})
	RegisterPeer(Peer{Function: "secp256k1_ecdsa_verify", Name: "decred/secp256k1", Prepare: func(ex core.Example) func() error {
		in := ex.Input
		if len(in) != 33+96 && len(in) != 65+96 {
			return nil
		}
		n := len(in) - 96
		pk, err := dsecp.ParsePubKey(in[:n])
		if err != nil {
			return nil
		}
		var r, s dsecp.ModNScalar
		r.SetByteSlice(in[n : n+32])
		s.SetByteSlice(in[n+32 : n+64])
		sig := decdsa.NewSignature(&r, &s)
		hash := in[n+64:]
		return func() error { sig.Verify(hash, pk); return nil }
	}})
	RegisterPeer(Peer{Function: "secp256k1_recover", Name: "decred/secp256k1", Prepare: func(ex core.Example) func() error {
		in := ex.Input
		if len(in) != 97 {
			return nil
		}
		compact := append([]byte{27 + in[96]%27}, in[32:96]...)
		hash := in[:32]
		return func() error { _, _, err := decdsa.RecoverCompact(compact, hash); return err }
	}})
	RegisterPeer(Peer{Function: "bn254_pairing_check", Name: "gnark-crypto", Prepare: func(ex core.Example) func() error {
		var P []bnecc.G1Affine
		var Q []bnecc.G2Affine
		for in := ex.Input; len(in) >= 192; in = in[192:] {
			p, err1 := bn254.DecodeG1(in[:64])
			q, err2 := bn254.DecodeG2(in[64:192])
			if err1 != nil || err2 != nil {
				return nil
			}
			P, Q = append(P, p), append(Q, q)
		}
		return func() error {
			for i := range Q {
				Q[i].IsInSubGroup()
			}
			_, err := bnecc.PairingCheck(P, Q)
			return err
		}
	}})
	RegisterPeer(Peer{Function: "bls12381_pairing_check", Name: "gnark-crypto", Prepare: func(ex core.Example) func() error {
		var P []blsecc.G1Affine
		var Q []blsecc.G2Affine
		for in := ex.Input; len(in) >= 384; in = in[384:] {
			p, err1 := bls12381.DecodeG1EIP2537(in[:128])
			q, err2 := bls12381.DecodeG2EIP2537(in[128:384])
			if err1 != nil || err2 != nil {
				return nil
			}
			P, Q = append(P, p), append(Q, q)
		}
		return func() error {
			for i := range P {
				P[i].IsInSubGroup()
				Q[i].IsInSubGroup()
			}
			_, err := blsecc.PairingCheck(P, Q)
			return err
		}
	}})
	RegisterPeer(Peer{Function: "bls12381_g1_msm", Name: "gnark-crypto", Prepare: func(ex core.Example) func() error {
		var P []blsecc.G1Affine
		var S []blsfr.Element
		for in := ex.Input; len(in) >= 160; in = in[160:] {
			p, err := bls12381.DecodeG1EIP2537(in[:128])
			if err != nil {
				return nil
			}
			var s blsfr.Element
			s.SetBytes(in[128:160])
			P, S = append(P, p), append(S, s)
		}
		var out blsecc.G1Affine
		return func() error {
			for i := range P {
				P[i].IsInSubGroup()
			}
			_, err := out.MultiExp(P, S, ecc.MultiExpConfig{})
			return err
		}
	}})
	RegisterPeer(Peer{Function: "poseidon_bn254", Name: "go-iden3-crypto", Prepare: func(ex core.Example) func() error {
		var xs []*big.Int
		for in := ex.Input; len(in) >= 32; in = in[32:] {
			xs = append(xs, new(big.Int).SetBytes(in[:32]))
		}
		return func() error { _, err := iden3.Hash(xs); return err }
	}})
}
