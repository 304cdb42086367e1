package eddsa

import (
	"crypto/ed25519"
	"encoding/binary"
	"github.com/hostcrypto/hostcrypto/sig/internal/sigex"
	"strconv"

	"github.com/hostcrypto/hostcrypto/core"
)

// Ed25519BatchVerifyZIP215Lists is ed25519_batch_verify_zip215_lists: ZIP-215 batch
// verification over three lists, in the three shapes of CosmWasm's
// ed25519_batch_verify (cosmwasm-crypto, on ed25519-zebra 4):
//
//	n_msg (4 BE) || n_sig (4 BE) || n_pk (4 BE) ||
//	n_sig x sig (R 32 || S 32) || n_pk x pk (32) || n_msg x (len (4 BE) || msg)
//
// with (n_msg, n_sig, n_pk) one of
//
//	(n, n, n)  signature i by key i on message i;
//	(1, n, n)  n keys signing one message (multisig);
//	(n, n, 1)  one key signing n messages.
//
// (1, 1, 1) is the first shape; (1, 0, 0) and (0, 0, 1) are empty batches
// like (0, 0, 0). Any other combination, a truncated list or trailing
// bytes is CodeMalformed. The answer is 0x01 iff every signature satisfies
// the ZIP-215 equation [8]([S]B - R - [k]A) = 0 (an empty batch is 0x01,
// as in CosmWasm); undecodable A or R is CodeInvalidPoint and S >= l
// CodeNonCanonical (CosmWasm answers false for those: see the profile
// table in docs/signatures.md). With two or more signatures the check is
// one multi-scalar multiplication with 128-bit coefficients hashed from the
// whole input, as ed25519_batch_verify_zip215 (docs/signatures.md).
//
// Gas items are SHA-512-block equivalents: BatchSigWeight per signature
// plus, in the (1, n, n) shape, the blocks of the shared message that are
// hashed once per signature (k_i = SHA-512(R_i || A_i || M)) beyond the
// once that per_byte pays for.
var Ed25519BatchVerifyZIP215Lists = &core.Func{
	Name: "ed25519_batch_verify_zip215_lists", Family: "signature",
	Input: "n_msg (4 BE) || n_sig (4 BE) || n_pk (4 BE) || n_sig x sig (64) || n_pk x pk (32) || n_msg x (len (4 BE) || msg); " +
		"shapes (n,n,n), (1,n,n), (n,n,1) (CosmWasm ed25519_batch_verify)",
	Output:     "0x01 if every signature verifies under ZIP-215 (empty batch: 0x01), else 0x00",
	FixedOut:   1,
	Primitives: []string{PrimitiveZIP215},
	Items:      batchListsItems,
	Examples:   batchListsExamples,
	Run:        runBatchLists,
}

// BatchSigWeight is the gas item weight of one signature in
// ed25519_batch_verify_zip215_lists, in SHA-512 blocks: on the reference
// machine a batched signature costs 16.4 µs (bench/results, 64-signature
// ed25519_batch_verify_zip215) and SHA-512 about 1 ns per byte
// (ed25519_verify's per_byte), so one signature weighs 128 blocks.
const BatchSigWeight = 128

const listsDomain = "hostcrypto/ed25519_batch_verify_zip215_lists/v1"

// listsHeader reads the three counts; ok is false if in is shorter than 12.
func listsHeader(in []byte) (nMsg, nSig, nPk uint64, ok bool) {
	if len(in) < 12 {
		return 0, 0, 0, false
	}
	return uint64(binary.BigEndian.Uint32(in)), uint64(binary.BigEndian.Uint32(in[4:])),
		uint64(binary.BigEndian.Uint32(in[8:])), true
}

func batchListsItems(in []byte) uint64 {
	nMsg, nSig, nPk, ok := listsHeader(in)
	if !ok {
		return 0
	}
	items := nSig * BatchSigWeight // < 2^38
	if nMsg == 1 && nSig > 1 {
		// The shared message's length header, when the input reaches it
		// (best effort for malformed input: the input's length bounds it).
		off := 12 + 64*nSig + 32*nPk
		l := uint64(len(in))
		if off+4 <= uint64(len(in)) {
			l = min(uint64(binary.BigEndian.Uint32(in[off:])), uint64(len(in)))
		}
		items += (nSig - 1) * ((l + 64 + 127) / 128) // < 2^32 * 2^26
	}
	return items
}

func runBatchLists(dst, in []byte) ([]byte, error) {
	nMsg, nSig, nPk, ok := listsHeader(in)
	if !ok {
		return dst, core.Errorf(core.CodeMalformed, "eddsa: missing counts")
	}
	switch {
	case nMsg == nSig && nSig == nPk:
	case nMsg == 1 && nSig == nPk:
	case nPk == 1 && nMsg == nSig:
	default:
		return dst, core.Errorf(core.CodeMalformed, "eddsa: %d messages, %d signatures, %d keys is no batch shape", nMsg, nSig, nPk)
	}
	rest := in[12:]
	// Counts are < 2^32, so these sums cannot overflow.
	if nSig*sigSize+nPk*pkSize+nMsg*4 > uint64(len(rest)) {
		return dst, core.Errorf(core.CodeMalformed, "eddsa: the lists do not fit the input")
	}
	sigs := rest[:nSig*sigSize]
	pks := rest[nSig*sigSize : nSig*sigSize+nPk*pkSize]
	rest = rest[nSig*sigSize+nPk*pkSize:]
	msgs := make([][]byte, nMsg)
	for i := range msgs {
		if len(rest) < 4 {
			return dst, core.Errorf(core.CodeMalformed, "eddsa: input truncated")
		}
		l := binary.BigEndian.Uint32(rest)
		rest = rest[4:]
		if uint64(l) > uint64(len(rest)) {
			return dst, core.Errorf(core.CodeMalformed, "eddsa: message length %d exceeds the input", l)
		}
		msgs[i], rest = rest[:l], rest[l:]
	}
	if len(rest) != 0 {
		return dst, core.Errorf(core.CodeMalformed, "eddsa: %d trailing bytes", len(rest))
	}
	if nSig == 0 {
		return core.Verdict(dst, true), nil
	}
	items := make([]item, nSig)
	for i := range items {
		pk, msg := pks, msgs[0]
		if nPk > 1 {
			pk = pks[i*pkSize:]
		}
		if nMsg > 1 {
			msg = msgs[i]
		}
		if err := decodeZIP215(&items[i], pk[:pkSize], sigs[i*sigSize:(i+1)*sigSize], msg); err != nil {
			return dst, err
		}
	}
	return core.Verdict(dst, batchEquation(items, listsDomain, in)), nil
}

// AppendBatchLists encodes an ed25519_batch_verify_zip215_lists input.
func AppendBatchLists(dst []byte, msgs, sigs, pks [][]byte) []byte {
	dst = binary.BigEndian.AppendUint32(dst, uint32(len(msgs)))
	dst = binary.BigEndian.AppendUint32(dst, uint32(len(sigs)))
	dst = binary.BigEndian.AppendUint32(dst, uint32(len(pks)))
	for _, s := range sigs {
		dst = append(dst, s...)
	}
	for _, p := range pks {
		dst = append(dst, p...)
	}
	for _, m := range msgs {
		dst = binary.BigEndian.AppendUint32(dst, uint32(len(m)))
		dst = append(dst, m...)
	}
	return dst
}

// batchListsExamples: valid batches (the worst case: nothing exits early)
// of each shape at 1, 8 and 64 signatures with 32-byte messages; long
// messages (one signature on 64 KiB, 8 on 16 KiB each) to separate the
// per-byte cost; and the shared-message shape with a 16 KiB message,
// hashed once per signature.
func batchListsExamples() []core.Example {
	var ex []core.Example
	for _, n := range []int{1, 8, 64} {
		for _, shape := range []string{"nnn", "1nn", "nn1"} {
			if n == 1 && shape != "nnn" {
				continue
			}
			for _, size := range []int{32, 16 << 10, 64 << 10} {
				long := size > 32
				switch {
				case long && shape == "1nn" && size == 16<<10:
				case long && shape == "nnn" && n == 1 && size == 64<<10:
				case long && shape == "nnn" && n == 8 && size == 16<<10:
				case long:
					continue
				}
				var msgs, sigs, pks [][]byte
				shared := sigex.Msg(size, 400)
				for i := 0; i < n; i++ {
					k := edKey(i)
					if shape == "nn1" {
						k = edKey(0)
					}
					m := shared
					if shape != "1nn" {
						m = sigex.Msg(size, 500+i)
					}
					sigs = append(sigs, ed25519.Sign(k, m))
					if shape != "nn1" || i == 0 {
						pks = append(pks, k.Public().(ed25519.PublicKey))
					}
					if shape != "1nn" || i == 0 {
						msgs = append(msgs, m)
					}
				}
				ex = append(ex, core.Example{
					Name:  shape + "/" + strconv.Itoa(n) + "sigs/" + sigex.SizeName(size),
					Input: AppendBatchLists(nil, msgs, sigs, pks), Worst: true,
				})
			}
		}
	}
	return ex
}
