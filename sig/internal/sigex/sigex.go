// Package sigex holds the small helpers the signature packages' examples
// share (deterministic messages, count headers, size names).
package sigex

import (
	"encoding/binary"
	"strconv"
)

// MsgSizes are the message lengths of the single-signature examples.
var MsgSizes = []int{32, 1 << 10, 16 << 10}

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
