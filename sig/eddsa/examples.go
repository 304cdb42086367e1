package eddsa

import (
	"crypto/ed25519"
	"crypto/sha256"
	"strconv"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/sig/internal/sigex"
)

// Examples: valid signatures made here with the libraries' signing code
// (deterministic keys and nonces), for benchmarks, gas calibration and fuzz
// seeds. A valid signature is the worst case of a verifier: nothing exits
// early. Message length and key count are the cost dimensions.

func edKey(i int) ed25519.PrivateKey {
	seed := sha256.Sum256([]byte("hostcrypto ed25519 example " + strconv.Itoa(i)))
	return ed25519.NewKeyFromSeed(seed[:])
}

func edExamples() []core.Example {
	var ex []core.Example
	for _, n := range sigex.MsgSizes {
		k := edKey(1)
		m := sigex.Msg(n, 3)
		in := append(append(append([]byte(nil), k.Public().(ed25519.PublicKey)...), ed25519.Sign(k, m)...), m...)
		ex = append(ex, core.Example{Name: sigex.SizeName(n), Input: in, Worst: true})
	}
	return ex
}

func edBatchExamples() []core.Example {
	var ex []core.Example
	for _, sh := range sigex.ItemShapes() {
		c := sh.K
		in := sigex.U32(nil, c)
		for i := 0; i < c; i++ {
			k := edKey(i)
			m := sigex.Msg(sh.N, 300+i)
			in = append(append(in, k.Public().(ed25519.PublicKey)...), ed25519.Sign(k, m)...)
			in = append(sigex.U32(in, len(m)), m...)
		}
		ex = append(ex, core.Example{Name: sigex.ItemsName(c, "sigs", sh.N), Input: in, Worst: true})
	}
	return ex
}

// strictMsgSizes reach 128 KiB so that hashing (about 1 ns per byte)
// stands out of the verification's fixed cost and its noise.
var strictMsgSizes = []int{32, 16 << 10, 128 << 10}

func strictExamples() []core.Example {
	var ex []core.Example
	for _, n := range strictMsgSizes {
		k := edKey(1)
		m := sigex.Msg(n, 3)
		in := append(append(append([]byte(nil), k.Public().(ed25519.PublicKey)...), ed25519.Sign(k, m)...), m...)
		ex = append(ex, core.Example{Name: sigex.SizeName(n), Input: in, Worst: true})
	}
	return ex
}
