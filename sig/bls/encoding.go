package bls

import (
	"encoding/binary"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/bls12381"
)

// Sizes of the compressed encodings (ZCash serialisation of BLS12-381 points,
// draft-irtf-cfrg-pairing-friendly-curves-11 Appendix C, as used by the IETF
// BLS signature draft and the Ethereum consensus specs).
const (
	fpSize  = 48
	pkSize  = fpSize     // compressed G1 point
	sigSize = 2 * fpSize // compressed G2 point
)

// Flag bits in the first byte of a compressed point.
const (
	flagCompressed = 0x80
	flagInfinity   = 0x40
	flagSign       = 0x20
	flagMask       = flagCompressed | flagInfinity | flagSign
)

// checkPublicKey validates a compressed G1 public key encoding: KeyValidate
// of the IETF draft (section 2.5) minus the curve and subgroup checks the
// backends do; the point at infinity is rejected with ErrInfinity.
func checkPublicKey(b []byte) error {
	inf, err := bls12381.CheckCompressed(b, 1)
	if err != nil {
		return err
	}
	if inf {
		return core.Errorf(core.CodeInfinity, "bls: public key is the point at infinity")
	}
	return nil
}

// checkSignature validates a compressed G2 signature encoding. The point at
// infinity is a valid signature encoding (it is in the subgroup); it simply
// never verifies against a non-infinity key.
func checkSignature(b []byte) error {
	_, err := bls12381.CheckCompressed(b, 2)
	return err
}

// reader walks an input left to right; every read is bounds-checked.
type reader struct {
	b   []byte
	err error
}

func (r *reader) take(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.b) {
		r.err = core.Errorf(core.CodeMalformed, "bls: input truncated")
		return nil
	}
	out := r.b[:n:n]
	r.b = r.b[n:]
	return out
}

func (r *reader) u32() int {
	b := r.take(4)
	if b == nil {
		return 0
	}
	v := binary.BigEndian.Uint32(b)
	if uint64(v) > uint64(len(r.b)) && r.err == nil {
		// Every counted item and every length is followed by at least
		// that many bytes, so a larger value cannot be honest.
		r.err = core.Errorf(core.CodeMalformed, "bls: count or length %d exceeds the input", v)
		return 0
	}
	return int(v)
}

// end fails unless the whole input was consumed.
func (r *reader) end() error {
	if r.err == nil && len(r.b) != 0 {
		r.err = core.Errorf(core.CodeMalformed, "bls: %d trailing bytes", len(r.b))
	}
	return r.err
}

// splitDST reads the 1-byte DST length and the DST of the *_dst functions.
// RFC 9380 section 3.1 requires a non-empty DST of at most 255 bytes.
func splitDST(in []byte) (dst, body []byte, err error) {
	if len(in) < 1 {
		return nil, nil, core.Errorf(core.CodeMalformed, "bls: missing DST length")
	}
	n := int(in[0])
	if n == 0 {
		return nil, nil, core.Errorf(core.CodeMalformed, "bls: empty DST")
	}
	if len(in) < 1+n {
		return nil, nil, core.Errorf(core.CodeMalformed, "bls: DST truncated")
	}
	return in[1 : 1+n : 1+n], in[1+n:], nil
}

// parseVerify splits pk (48) || sig (96) || msg.
func parseVerify(in []byte) (pk, sig, msg []byte, err error) {
	if len(in) < pkSize+sigSize {
		return nil, nil, nil, core.Errorf(core.CodeMalformed, "bls: input shorter than pk || sig")
	}
	pk, sig, msg = in[:pkSize], in[pkSize:pkSize+sigSize], in[pkSize+sigSize:]
	if err := checkPublicKey(pk); err != nil {
		return nil, nil, nil, err
	}
	if err := checkSignature(sig); err != nil {
		return nil, nil, nil, err
	}
	return pk, sig, msg, nil
}

// parseFastAggregate splits n (4) || n pks || sig || msg.
func parseFastAggregate(in []byte) (pks [][]byte, sig, msg []byte, err error) {
	r := reader{b: in}
	n := r.u32()
	if r.err == nil && n > len(r.b)/pkSize {
		r.err = core.Errorf(core.CodeMalformed, "bls: %d keys do not fit the input", n)
	}
	pks = make([][]byte, 0, n)
	for i := 0; i < n && r.err == nil; i++ {
		pks = append(pks, r.take(pkSize))
	}
	sig = r.take(sigSize)
	if r.err != nil {
		return nil, nil, nil, r.err
	}
	msg = r.b
	for _, pk := range pks {
		if err := checkPublicKey(pk); err != nil {
			return nil, nil, nil, err
		}
	}
	if err := checkSignature(sig); err != nil {
		return nil, nil, nil, err
	}
	return pks, sig, msg, nil
}

// parseAggregate splits n (4) || n pks || sig || n x (len (4) || msg).
func parseAggregate(in []byte) (pks [][]byte, sig []byte, msgs [][]byte, err error) {
	r := reader{b: in}
	n := r.u32()
	if r.err == nil && n > len(r.b)/(pkSize+4) {
		r.err = core.Errorf(core.CodeMalformed, "bls: %d keys do not fit the input", n)
	}
	pks = make([][]byte, 0, n)
	for i := 0; i < n && r.err == nil; i++ {
		pks = append(pks, r.take(pkSize))
	}
	sig = r.take(sigSize)
	msgs = make([][]byte, 0, n)
	for i := 0; i < n && r.err == nil; i++ {
		msgs = append(msgs, r.take(r.u32()))
	}
	if err := r.end(); err != nil {
		return nil, nil, nil, err
	}
	for _, pk := range pks {
		if err := checkPublicKey(pk); err != nil {
			return nil, nil, nil, err
		}
	}
	if err := checkSignature(sig); err != nil {
		return nil, nil, nil, err
	}
	return pks, sig, msgs, nil
}

// parseBatch splits n (4) || n x (pk || sig || len (4) || msg).
func parseBatch(in []byte) (pks, sigs, msgs [][]byte, err error) {
	r := reader{b: in}
	n := r.u32()
	if r.err == nil && n > len(r.b)/(pkSize+sigSize+4) {
		r.err = core.Errorf(core.CodeMalformed, "bls: %d sets do not fit the input", n)
	}
	pks = make([][]byte, 0, n)
	sigs = make([][]byte, 0, n)
	msgs = make([][]byte, 0, n)
	for i := 0; i < n && r.err == nil; i++ {
		pks = append(pks, r.take(pkSize))
		sigs = append(sigs, r.take(sigSize))
		msgs = append(msgs, r.take(r.u32()))
	}
	if err := r.end(); err != nil {
		return nil, nil, nil, err
	}
	for i := range pks {
		if err := checkPublicKey(pks[i]); err != nil {
			return nil, nil, nil, err
		}
		if err := checkSignature(sigs[i]); err != nil {
			return nil, nil, nil, err
		}
	}
	return pks, sigs, msgs, nil
}

// countHeader returns the 4-byte big-endian count at the start of in (0 if
// absent), for gas: it never fails.
func countHeader(in []byte) uint64 {
	if len(in) < 4 {
		return 0
	}
	return uint64(binary.BigEndian.Uint32(in))
}

// distinct reports whether all messages differ (IETF draft section 3.1.1,
// required by the basic scheme's AggregateVerify).
func distinct(msgs [][]byte) bool {
	seen := make(map[string]struct{}, len(msgs))
	for _, m := range msgs {
		if _, dup := seen[string(m)]; dup {
			return false
		}
		seen[string(m)] = struct{}{}
	}
	return true
}
