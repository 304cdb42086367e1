package bls

import (
	"crypto/sha256"
	"math/big"
	"strconv"

	blsecc "github.com/consensys/gnark-crypto/ecc/bls12-381"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/bls12381"
	"github.com/hostcrypto/hostcrypto/sig/internal/sigex"
)

// Examples: valid signatures made here with the libraries' signing code
// (deterministic keys and nonces), for benchmarks, gas calibration and fuzz
// seeds. A valid signature is the worst case of a verifier: nothing exits
// early. Message length and key count are the cost dimensions.

// blsKey returns the i-th example secret key and its compressed public key.
func blsKey(i int) (*big.Int, []byte) {
	seed := sha256.Sum256([]byte("hostcrypto bls example key " + strconv.Itoa(i)))
	sk := new(big.Int).SetBytes(seed[:])
	sk.Mod(sk, new(big.Int).Lsh(big.NewInt(1), 250))
	_, _, g1, _ := blsecc.Generators()
	var pk blsecc.G1Affine
	pk.ScalarMultiplication(&g1, sk)
	return sk, bls12381.AppendG1Compressed(nil, &pk)
}

// blsSign returns Σ sk_i·H(m_i) compressed.
func blsSign(sks []*big.Int, msgs [][]byte, dst []byte) []byte {
	var acc blsecc.G2Jac
	for i, sk := range sks {
		h, err := blsecc.HashToG2(msgs[i], dst)
		if err != nil {
			panic("sig: internal error: " + err.Error())
		}
		var s blsecc.G2Affine
		s.ScalarMultiplication(&h, sk)
		acc.AddMixed(&s)
	}
	var out blsecc.G2Affine
	out.FromJacobian(&acc)
	return bls12381.AppendG2Compressed(nil, &out)
}

func withDST(dst []byte, body []byte) []byte {
	return append(append([]byte{byte(len(dst))}, dst...), body...)
}

func blsVerifyExamples(customDST bool) func() []core.Example {
	return func() []core.Example {
		dst := []byte(DSTPOP)
		if customDST {
			dst = []byte("BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_")
		}
		var ex []core.Example
		for _, n := range sigex.MsgSizes {
			sk, pk := blsKey(1)
			m := sigex.Msg(n, 1)
			in := append(append(append([]byte(nil), pk...), blsSign([]*big.Int{sk}, [][]byte{m}, dst)...), m...)
			if customDST {
				in = withDST(dst, in)
			}
			ex = append(ex, core.Example{Name: sigex.SizeName(n), Input: in, Worst: true})
		}
		if customDST {
			// The longest DST: expand_message_xmd hashes it in every block.
			long := make([]byte, 255)
			for i := range long {
				long[i] = 'A' + byte(i%26)
			}
			sk, pk := blsKey(1)
			m := sigex.Msg(32, 1)
			in := withDST(long, append(append(append([]byte(nil), pk...), blsSign([]*big.Int{sk}, [][]byte{m}, long)...), m...))
			ex = append(ex, core.Example{Name: "dst255-32B", Input: in, Worst: true})
		}
		return ex
	}
}

func blsFastAggExamples() []core.Example {
	var ex []core.Example
	for _, sh := range sigex.ItemShapes() {
		k := sh.K
		m := sigex.Msg(sh.N, 2)
		in := sigex.U32(nil, k)
		var sks []*big.Int
		var msgs [][]byte
		for i := 0; i < k; i++ {
			sk, pk := blsKey(i)
			sks, msgs = append(sks, sk), append(msgs, m)
			in = append(in, pk...)
		}
		in = append(append(in, blsSign(sks, msgs, []byte(DSTPOP))...), m...)
		ex = append(ex, core.Example{Name: sigex.ItemsName(k, "keys", sh.N), Input: in, Worst: true})
	}
	return ex
}

func blsAggExamples(customDST bool) func() []core.Example {
	return func() []core.Example {
		dst := []byte(DSTPOP)
		if customDST {
			dst = []byte("BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_")
		}
		var ex []core.Example
		for _, sh := range sigex.ItemShapes() {
			k := sh.K
			in := sigex.U32(nil, k)
			var sks []*big.Int
			var msgs [][]byte
			for i := 0; i < k; i++ {
				sk, pk := blsKey(i)
				sks, msgs = append(sks, sk), append(msgs, sigex.Msg(sh.N, 100+i))
				in = append(in, pk...)
			}
			in = append(in, blsSign(sks, msgs, dst)...)
			for _, m := range msgs {
				in = append(sigex.U32(in, len(m)), m...)
			}
			if customDST {
				in = withDST(dst, in)
			}
			ex = append(ex, core.Example{Name: sigex.ItemsName(k, "keys", sh.N), Input: in, Worst: true})
		}
		return ex
	}
}

func blsBatchExamples() []core.Example {
	var ex []core.Example
	for _, sh := range sigex.ItemShapes() {
		k := sh.K
		in := sigex.U32(nil, k)
		for i := 0; i < k; i++ {
			sk, pk := blsKey(i)
			m := sigex.Msg(sh.N, 200+i)
			in = append(append(in, pk...), blsSign([]*big.Int{sk}, [][]byte{m}, []byte(DSTPOP))...)
			in = append(sigex.U32(in, len(m)), m...)
		}
		ex = append(ex, core.Example{Name: sigex.ItemsName(k, "sigs", sh.N), Input: in, Worst: true})
	}
	return ex
}
