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

// formatHostile are bench's format-aware hostile inputs, by function name.
var formatHostile = map[string]func(f *core.Func) []core.Example{
	// n (4) || pk || sig || len (4) || msg
	"ed25519_batch_verify_zip215": longItemMessage(0, 4+32+64),
	"bls12381_batch_verify":       longItemMessage(0, 4+48+96),
	// n (4) || pk (48) || sig (96) || len (4) || msg, after an optional DST
	"bls12381_aggregate_verify":     longItemMessage(0, 4+48+96),
	"bls12381_aggregate_verify_dst": longItemMessage(-1, 4+48+96),
}

// longItemMessage returns a generator that takes f's smallest one-item
// worst-case example, keeps its first skip+head bytes (skip = -1: a DST
// length byte and the DST) and replaces the message by one that fills the
// input limit, its last byte changed.
func longItemMessage(skip, head int) func(f *core.Func) []core.Example {
	return func(f *core.Func) []core.Example {
		if f.Examples == nil {
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
		limit := min(f.InputLimit(), 1<<20)
		n := limit - len(one) - 4
		in := binary.BigEndian.AppendUint32(bytes.Clone(one), uint32(n))
		in = append(in, make([]byte, n)...)
		in[len(in)-1] = 1
		return []core.Example{{Name: "1item-longest-message-bad-sig", Input: in}}
	}
}
