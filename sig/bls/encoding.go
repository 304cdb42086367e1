package bls

import (
	"bytes"
	"encoding/binary"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/internal/wire"
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

// modulusBE is p, the BLS12-381 base-field modulus, big-endian in 48 bytes.
var modulusBE = [fpSize]byte{
	0x1a, 0x01, 0x11, 0xea, 0x39, 0x7f, 0xe6, 0x9a, 0x4b, 0x1b, 0xa7, 0xb6,
	0x43, 0x4b, 0xac, 0xd7, 0x64, 0x77, 0x4b, 0x84, 0xf3, 0x85, 0x12, 0xbf,
	0x67, 0x30, 0xd2, 0xa0, 0xf6, 0xb0, 0xf6, 0x24, 0x1e, 0xab, 0xff, 0xfe,
	0xb1, 0x53, 0xff, 0xff, 0xb9, 0xfe, 0xff, 0xff, 0xff, 0xff, 0xaa, 0xab,
}

// fpCanonical reports whether the 48-byte big-endian integer b (flag bits
// already cleared by the caller via first) is < p. first replaces b[0].
func fpCanonical(first byte, b []byte) bool {
	if first != modulusBE[0] {
		return first < modulusBE[0]
	}
	return bytes.Compare(b[1:fpSize], modulusBE[1:]) < 0
}

// checkCompressed validates the encoding of a compressed point of n field
// elements (n = 1 for G1, 2 for G2 where x = x_c1 || x_c0) without touching
// the curve: the compression flag must be set; the infinity encoding must be
// exactly 0xc0 followed by zeros; otherwise every coordinate must be < p.
// It reports whether b encodes the point at infinity. The curve equation
// and the subgroup are checked by the backends.
func checkCompressed(b []byte, n int) (infinity bool, err error) {
	if len(b) != n*fpSize {
		return false, core.Errorf(core.CodeMalformed, "bls: point encoding is %d bytes, want %d", len(b), n*fpSize)
	}
	flags := b[0] & flagMask
	if flags&flagCompressed == 0 {
		return false, core.Errorf(core.CodeMalformed, "bls: compression flag not set")
	}
	if flags&flagInfinity != 0 {
		if flags&flagSign != 0 || b[0]&^flagMask != 0 || !wire.AllZero(b[1:]) {
			return false, core.Errorf(core.CodeMalformed, "bls: infinity flag with non-zero bits")
		}
		return true, nil
	}
	if !fpCanonical(b[0]&^flagMask, b[:fpSize]) {
		return false, core.Errorf(core.CodeNonCanonical, "bls: x coordinate >= p")
	}
	for i := 1; i < n; i++ {
		c := b[i*fpSize : (i+1)*fpSize]
		if !fpCanonical(c[0], c) {
			return false, core.Errorf(core.CodeNonCanonical, "bls: x coordinate >= p")
		}
	}
	return false, nil
}

// checkPublicKey validates a compressed G1 public key encoding: KeyValidate
// of the IETF draft (section 2.5) minus the curve and subgroup checks the
// backends do; the point at infinity is rejected with ErrInfinity.
func checkPublicKey(b []byte) error {
	inf, err := checkCompressed(b, 1)
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
	_, err := checkCompressed(b, 2)
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
