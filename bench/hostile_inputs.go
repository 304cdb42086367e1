package bench

import (
	"bytes"
	"encoding/binary"

	"github.com/hostcrypto/hostcrypto/core"
)

// Format-aware hostile inputs for the functions whose longest section sits
// inside a counted layout (so that zero padding at the end, which
// HostileFromExamples tries, is only a length mismatch): one item whose
// length-prefixed message fills the input limit, with the key and
// signature of the function's one-item example, so that the signature is
// wrong and found wrong only after the whole message is hashed.

func init() {
	// n (4) || pk || sig || len (4) || msg
	for fn, pkSig := range map[string]int{"ed25519_batch_verify_zip215": 32 + 64, "bls12381_batch_verify": 48 + 96} {
		RegisterHostile(fn, longItemMessage(fn, 0, 4+pkSig))
	}
	// n (4) || pk (48) || sig (96) || len (4) || msg, after an optional DST
	RegisterHostile("bls12381_aggregate_verify", longItemMessage("bls12381_aggregate_verify", 0, 4+48+96))
	RegisterHostile("bls12381_aggregate_verify_dst", longItemMessage("bls12381_aggregate_verify_dst", -1, 4+48+96))
}

// longItemMessage returns a generator that takes fn's smallest one-item
// worst-case example, keeps its first skip+head bytes (skip = -1: a DST
// length byte and the DST) and replaces the message by one that fills the
// input limit, its last byte changed.
func longItemMessage(fn string, skip, head int) func() []core.Example {
	return func() []core.Example {
		f, ok := core.Default.Lookup(fn)
		if !ok || f.Examples == nil {
			return nil
		}
		var one []byte
		for _, ex := range f.Examples() {
			in := ex.Input
			off := skip
			if skip < 0 {
				if len(in) == 0 {
					continue
				}
				off = 1 + int(in[0])
			}
			if ex.Worst && len(in) >= off+head+4 && binary.BigEndian.Uint32(in[off:]) == 1 && (one == nil || len(in) < len(one)) {
				one = in[:off+head]
			}
		}
		if one == nil {
			return nil
		}
		limit := min(f.MaxIn(), 1<<20)
		n := limit - len(one) - 4
		in := binary.BigEndian.AppendUint32(bytes.Clone(one), uint32(n))
		in = append(in, make([]byte, n)...)
		in[len(in)-1] = 1
		return []core.Example{{Name: "1item-longest-message-bad-sig", Input: in}}
	}
}
