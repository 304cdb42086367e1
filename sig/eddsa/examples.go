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

// edBatchExamples: 1, 8 and 64 signatures on 32-byte messages, and long
// messages (one signature on 64 KiB, 8 on 16 KiB each), so that the
// calibration can price the message bytes each k_i hashes.
func edBatchExamples() []core.Example {
	var ex []core.Example
	add := func(name string, c, size int) {
		in := sigex.U32(nil, c)
		for i := 0; i < c; i++ {
			k := edKey(i)
			m := sigex.Msg(size, 300+i)
			in = append(append(in, k.Public().(ed25519.PublicKey)...), ed25519.Sign(k, m)...)
			in = append(sigex.U32(in, len(m)), m...)
		}
		ex = append(ex, core.Example{Name: name, Input: in, Worst: true})
	}
	for _, c := range sigex.KeyCounts {
		add(strconv.Itoa(c)+"sigs", c, 32)
	}
	add("1sigs/64KiB", 1, 64<<10)
	add("8sigs/16KiB", 8, 16<<10)
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
