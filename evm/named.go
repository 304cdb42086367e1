package evm

import (
	"github.com/hostcrypto/hostcrypto/core"
)

// catalogue is where named functions are looked up (core.Default; tests
// substitute their own).
var catalogue = core.Default

// named returns the catalogue function called name, or ErrUnsupported when
// it is not linked into this build. Lookup happens per call because family
// packages register in an order this package does not control.
func named(name string) (*core.Func, error) {
	f, ok := catalogue.Lookup(name)
	if !ok {
		return nil, core.Errorf(core.CodeUnsupported, "evm: %s is not in the catalogue", name)
	}
	return f, nil
}

// callNamed appends the output of the named function on in to dst.
func callNamed(name string, dst, in []byte) ([]byte, error) {
	f, err := named(name)
	if err != nil {
		return dst, err
	}
	return f.Run(dst, in)
}

// fixedNamed runs name on in truncated or right-padded with zeros to exactly
// size bytes (EIP-196: missing input bytes are zero, extra bytes are
// ignored), and checks the output length.
func fixedNamed(name string, size, outLen int) func(dst, in []byte) ([]byte, error) {
	return func(dst, in []byte) ([]byte, error) {
		buf := make([]byte, size)
		copy(buf, in)
		return checkedNamed(name, dst, buf, outLen)
	}
}

// exactNamed fails unless len(in) is want (go-ethereum's length rule), then
// runs name.
func exactNamed(name string, want, outLen int) func(dst, in []byte) ([]byte, error) {
	return func(dst, in []byte) ([]byte, error) {
		if len(in) != want {
			return dst, core.Errorf(core.CodeMalformed, "evm: %s: input is %d bytes, want %d", name, len(in), want)
		}
		return checkedNamed(name, dst, in, outLen)
	}
}

// multipleNamed fails unless len(in) is a non-zero multiple of unit, then
// runs name.
func multipleNamed(name string, unit, outLen int) func(dst, in []byte) ([]byte, error) {
	return func(dst, in []byte) ([]byte, error) {
		if len(in) == 0 || len(in)%unit != 0 {
			return dst, core.Errorf(core.CodeMalformed, "evm: %s: input is %d bytes, want a non-zero multiple of %d", name, len(in), unit)
		}
		return checkedNamed(name, dst, in, outLen)
	}
}

// checkedNamed runs name and verifies it appended exactly outLen bytes.
func checkedNamed(name string, dst, in []byte, outLen int) ([]byte, error) {
	n := len(dst)
	out, err := callNamed(name, dst, in)
	if err != nil {
		return dst, err
	}
	if len(out)-n != outLen {
		return dst, core.Errorf(core.CodeInternal, "evm: %s returned %d bytes, want %d", name, len(out)-n, outLen)
	}
	return out, nil
}

// verdictWord runs a pairing check returning one byte (0x00 or 0x01) and
// re-encodes it as the 32-byte word uint256(0) or uint256(1). unit > 0
// requires len(in) to be a multiple of unit; emptyOK says whether the empty
// input is valid (EIP-197: it is, and the empty product is 1).
func verdictWord(name string, unit int, emptyOK bool) func(dst, in []byte) ([]byte, error) {
	return func(dst, in []byte) ([]byte, error) {
		if len(in)%unit != 0 || (len(in) == 0 && !emptyOK) {
			return dst, core.Errorf(core.CodeMalformed, "evm: %s: input is %d bytes, want a multiple of %d", name, len(in), unit)
		}
		if len(in) == 0 {
			return append(append(dst, make([]byte, 31)...), 1), nil
		}
		var v [1]byte
		out, err := callNamed(name, v[:0], in)
		if err != nil {
			return dst, err
		}
		if len(out) != 1 || out[0] > 1 {
			return dst, core.Errorf(core.CodeInternal, "evm: %s returned %x, want one byte 0x00 or 0x01", name, out)
		}
		return append(append(dst, make([]byte, 31)...), out[0]), nil
	}
}

// leftPadded runs name and left-pads its outLen-byte output to 32 bytes
// (RIPEMD-160's 20-byte digest as an EVM word).
func leftPadded(name string, outLen int) func(dst, in []byte) ([]byte, error) {
	return func(dst, in []byte) ([]byte, error) {
		n := len(dst)
		out, err := checkedNamed(name, append(dst, make([]byte, 32-outLen)...), in, outLen)
		if err != nil {
			return dst[:n], err
		}
		return out, nil
	}
}
