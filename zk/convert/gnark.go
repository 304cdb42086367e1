package convert

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
)

// GnarkSections builds the input of the *_gnark functions
// (groth16_bn254_verify_gnark, groth16_bls12381_verify_gnark,
// plonk_bn254_gnark_verify, plonk_bls12381_gnark_verify) from gnark's
// serialized verifying key, proof and public witness: three sections, each
// a 4-byte big-endian length followed by the bytes. Each file may be the
// binary gnark wrote (WriteTo / WriteRawTo / MarshalBinary) or that binary
// as hex text (optionally 0x-prefixed). The contents are checked by the host
// function, not here.
func GnarkSections(vk, proof, witness []byte) ([]byte, error) {
	var out []byte
	for i, f := range [][]byte{vk, proof, witness} {
		b := maybeHex(f)
		if len(b) == 0 {
			return nil, errf("gnark section %d is empty", i)
		}
		if uint64(len(b)) > 1<<32-1 {
			return nil, errf("gnark section %d too large", i)
		}
		out = binary.BigEndian.AppendUint32(out, uint32(len(b)))
		out = append(out, b...)
	}
	return out, nil
}

// maybeHex returns the bytes f encodes when f is hex text, f itself
// otherwise (gnark's binaries are not valid hex text: hex digits are all
// below 0x67, and a 4-byte binary length header is rarely all digits).
func maybeHex(f []byte) []byte {
	s := bytes.TrimSpace(f)
	s = bytes.TrimPrefix(bytes.TrimPrefix(s, []byte("0x")), []byte("0X"))
	if len(s) == 0 || len(s)%2 != 0 {
		return f
	}
	b := make([]byte, len(s)/2)
	if _, err := hex.Decode(b, s); err != nil {
		return f
	}
	return b
}
