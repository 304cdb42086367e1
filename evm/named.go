package evm

import (
	"github.com/hostcrypto/hostcrypto/core"
)

// The adapters below wrap the descriptor a precompile forwards to (its
// target, held as a value) with go-ethereum's length rules and output
// re-encodings.

// fixedNamed runs target on in truncated or right-padded with zeros to exactly
// size bytes (EIP-196: missing input bytes are zero, extra bytes are
// ignored), and checks the output length.
func fixedNamed(target *core.Func, size, outLen int) func(dst, in []byte) ([]byte, error) {
	return func(dst, in []byte) ([]byte, error) {
		buf := make([]byte, size)
		copy(buf, in)
		return checkedNamed(target, dst, buf, outLen)
	}
}

// exactNamed fails unless len(in) is want (go-ethereum's length rule), then
// runs target.
func exactNamed(target *core.Func, want, outLen int) func(dst, in []byte) ([]byte, error) {
	return func(dst, in []byte) ([]byte, error) {
		if len(in) != want {
			return dst, core.Errorf(core.CodeMalformed, "evm: %s: input is %d bytes, want %d", target.Name, len(in), want)
		}
		return checkedNamed(target, dst, in, outLen)
	}
}

// multipleNamed fails unless len(in) is a non-zero multiple of unit, then
// runs target.
func multipleNamed(target *core.Func, unit, outLen int) func(dst, in []byte) ([]byte, error) {
	return func(dst, in []byte) ([]byte, error) {
		if len(in) == 0 || len(in)%unit != 0 {
			return dst, core.Errorf(core.CodeMalformed, "evm: %s: input is %d bytes, want a non-zero multiple of %d", target.Name, len(in), unit)
		}
		return checkedNamed(target, dst, in, outLen)
	}
}

// checkedNamed runs target and verifies it appended exactly outLen bytes.
func checkedNamed(target *core.Func, dst, in []byte, outLen int) ([]byte, error) {
	n := len(dst)
	out, err := target.Run(dst, in)
	if err != nil {
		return dst, err
	}
	if len(out)-n != outLen {
		return dst, core.Errorf(core.CodeInternal, "evm: %s returned %d bytes, want %d", target.Name, len(out)-n, outLen)
	}
	return out, nil
}

// verdictWord runs a pairing check returning one byte (0x00 or 0x01) and
// re-encodes it as the 32-byte word uint256(0) or uint256(1). unit > 0
// requires len(in) to be a multiple of unit; emptyOK says whether the empty
// input is valid (EIP-197: it is, and the empty product is 1).
func verdictWord(target *core.Func, unit int, emptyOK bool) func(dst, in []byte) ([]byte, error) {
	return func(dst, in []byte) ([]byte, error) {
		if len(in)%unit != 0 || (len(in) == 0 && !emptyOK) {
			return dst, core.Errorf(core.CodeMalformed, "evm: %s: input is %d bytes, want a multiple of %d", target.Name, len(in), unit)
		}
		if len(in) == 0 {
			return append(append(dst, make([]byte, 31)...), 1), nil
		}
		var v [1]byte
		out, err := target.Run(v[:0], in)
		if err != nil {
			return dst, err
		}
		if len(out) != 1 || out[0] > 1 {
			return dst, core.Errorf(core.CodeInternal, "evm: %s returned %x, want one byte 0x00 or 0x01", target.Name, out)
		}
		return append(append(dst, make([]byte, 31)...), out[0]), nil
	}
}

// leftPadded runs target and left-pads its outLen-byte output to 32 bytes
// (RIPEMD-160's 20-byte digest as an EVM word).
func leftPadded(target *core.Func, outLen int) func(dst, in []byte) ([]byte, error) {
	return func(dst, in []byte) ([]byte, error) {
		n := len(dst)
		out, err := checkedNamed(target, append(dst, make([]byte, 32-outLen)...), in, outLen)
		if err != nil {
			return dst[:n], err
		}
		return out, nil
	}
}
