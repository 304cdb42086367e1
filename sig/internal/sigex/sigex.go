// Package sigex holds the small helpers the signature packages' examples
// share (deterministic messages, count headers, size names).
package sigex

import (
	"encoding/binary"
	"strconv"
)

// MsgSizes are the message lengths of the single-signature examples. The
// large ones (256 KiB and its double) give calibration a per-byte slope
// that does not drown in the fixed cost (a message is hashed at least once,
// ~0.5 ns/byte, next to a fixed cost of 50 µs to 1 ms); the growth test
// (growth_test.go in the root package) compares each pair n, 2n.
var MsgSizes = []int{32, 1 << 10, 16 << 10, 256 << 10, 512 << 10}

// LongMsgSizes are the message lengths of the one-item examples of the
// multi-item functions, whose messages are hashed too.
var LongMsgSizes = []int{256 << 10, 512 << 10}

// KeyCounts are the key (or signature) counts of the aggregate and batch
// examples.
var KeyCounts = []int{1, 8, 64}

// Msg returns a deterministic n-byte message.
func Msg(n, seed int) []byte {
	m := make([]byte, n)
	for i := range m {
		m[i] = byte(i*31 + seed*17 + 5)
	}
	return m
}

// U32 appends v as a 4-byte big-endian count.
func U32(dst []byte, v int) []byte { return binary.BigEndian.AppendUint32(dst, uint32(v)) }

// SizeName names a length: "32B", "16KiB".
func SizeName(n int) string {
	if n >= 1<<10 && n%(1<<10) == 0 {
		return strconv.Itoa(n>>10) + "KiB"
	}
	return strconv.Itoa(n) + "B"
}

// ItemShape is one example shape of a multi-item function: K items, each
// with an N-byte message.
type ItemShape struct{ K, N int }

// ItemShapes: 32-byte messages at every key count, then one item with long
// messages, so that calibration separates the per-item and per-byte costs,
// and two items with long messages.
func ItemShapes() []ItemShape {
	var out []ItemShape
	for _, k := range KeyCounts {
		out = append(out, ItemShape{k, 32})
	}
	for _, n := range LongMsgSizes {
		out = append(out, ItemShape{1, n})
	}
	// Two items with long messages: with more than one item the batch
	// verifiers also hash the whole input for their random coefficients.
	return append(out, ItemShape{2, 256 << 10})
}

// ItemsName names an example "8keys", or "1keys-256KiB" when its messages
// are long.
func ItemsName(k int, what string, n int) string {
	if n == 32 {
		return strconv.Itoa(k) + what
	}
	return strconv.Itoa(k) + what + "-" + SizeName(n)
}
