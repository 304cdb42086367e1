package bls

import (
	"encoding/binary"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves/bls12381"
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
	r := wire.NewReader(in, "bls")
	n := r.Count(1)
	if r.Err() == nil && n > r.Len()/pkSize {
		r.SetErr(core.Errorf(core.CodeMalformed, "bls: %d keys do not fit the input", n))
	}
	pks = make([][]byte, 0, n)
	for i := 0; i < n && r.Err() == nil; i++ {
		pks = append(pks, r.Next(pkSize))
	}
	sig = r.Next(sigSize)
	if r.Err() != nil {
		return nil, nil, nil, r.Err()
	}
	msg = r.Rest()
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
	r := wire.NewReader(in, "bls")
	n := r.Count(1)
	if r.Err() == nil && n > r.Len()/(pkSize+4) {
		r.SetErr(core.Errorf(core.CodeMalformed, "bls: %d keys do not fit the input", n))
	}
	pks = make([][]byte, 0, n)
	for i := 0; i < n && r.Err() == nil; i++ {
		pks = append(pks, r.Next(pkSize))
	}
	sig = r.Next(sigSize)
	msgs = make([][]byte, 0, n)
	for i := 0; i < n && r.Err() == nil; i++ {
		msgs = append(msgs, r.Next(r.Count(1)))
	}
	if err := r.Done(); err != nil {
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
	r := wire.NewReader(in, "bls")
	n := r.Count(1)
	if r.Err() == nil && n > r.Len()/(pkSize+sigSize+4) {
		r.SetErr(core.Errorf(core.CodeMalformed, "bls: %d sets do not fit the input", n))
	}
	pks = make([][]byte, 0, n)
	sigs = make([][]byte, 0, n)
	msgs = make([][]byte, 0, n)
	for i := 0; i < n && r.Err() == nil; i++ {
		pks = append(pks, r.Next(pkSize))
		sigs = append(sigs, r.Next(sigSize))
		msgs = append(msgs, r.Next(r.Count(1)))
	}
	if err := r.Done(); err != nil {
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
