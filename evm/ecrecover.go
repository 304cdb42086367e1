package evm

import (
	"github.com/decred/dcrd/dcrec/secp256k1/v4/ecdsa"

	"github.com/hostcrypto/hostcrypto/dispatch"
	"github.com/hostcrypto/hostcrypto/internal/keccak"
	"github.com/hostcrypto/hostcrypto/internal/libsecp"
)

// Implementations of the dispatch primitive "evm.ecrecover", selected into
// recoverImpl.
const (
	recoverDecred = iota
	recoverGnarkImpl
	recoverLibsecp
)

var recoverImpl = recoverGnarkImpl

func init() {
	// libsecp256k1 (cgo builds) is the default: it measured about 3x
	// faster than gnark-crypto, which is the pure-Go default.
	dispatch.Register("evm.ecrecover", dispatch.Impl{Name: "libsecp256k1", Available: libsecp.Available, Priority: 30,
		Note: libsecp.Note})
	dispatch.Register("evm.ecrecover", dispatch.Impl{Name: "gnark", Available: true, Priority: 20,
		Note: "gnark-crypto v0.22.0 ecc/secp256k1, Straus-Shamir double multiplication"})
	dispatch.Register("evm.ecrecover", dispatch.Impl{Name: "decred", Available: true, Priority: 10,
		Note: "github.com/decred/dcrd/dcrec/secp256k1/v4 public key recovery"})
	dispatch.OnSelect("evm.ecrecover", func(impl string) {
		switch impl {
		case "libsecp256k1":
			recoverImpl = recoverLibsecp
		case "gnark":
			recoverImpl = recoverGnarkImpl
		default:
			recoverImpl = recoverDecred
		}
	})
}

// ecrecoverInputLen is the number of input bytes ecrecover reads: shorter
// inputs are right-padded with zeros, longer ones are truncated.
const ecrecoverInputLen = 128

// ecrecoverRun is the ECRECOVER precompile (0x01). The input is
// hash(32) || v(32) || r(32) || s(32). v must be 27 or 28 with 31 leading
// zero bytes, r and s must lie in [1, n-1] (high s is allowed, as in
// go-ethereum's precompile). On success it appends the recovered Ethereum
// address, keccak256(X || Y)[12:], left-padded to 32 bytes. Any invalid
// signature, or one from which no public key recovers, is a successful call
// with empty output, never an error.
func ecrecoverRun(dst, in []byte) ([]byte, error) {
	var buf [ecrecoverInputLen]byte
	copy(buf[:], in)
	for _, b := range buf[32:63] {
		if b != 0 {
			return dst, nil
		}
	}
	v := buf[63]
	if v != 27 && v != 28 {
		return dst, nil
	}
	var xy [64]byte
	switch recoverImpl {
	case recoverLibsecp:
		// secp256k1_ecdsa_recover rejects r or s outside [1, n-1], an r
		// that is not the x-coordinate of a curve point, and a recovered
		// point at infinity.
		var pub [65]byte
		if !libsecp.Recover(&pub, buf[:32], buf[64:128], v-27) {
			return dst, nil
		}
		copy(xy[:], pub[1:])
	case recoverGnarkImpl:
		var ok bool
		if xy, ok = recoverGnark(buf[:32], buf[64:96], buf[96:128], v == 28); !ok {
			return dst, nil
		}
	default:
		// Compact form: recovery code (27 + recid, uncompressed key) || r ||
		// s. RecoverCompact rejects r or s outside [1, n-1], an r that is
		// not the x-coordinate of a curve point, and a recovered point at
		// infinity.
		var sig [65]byte
		sig[0] = v
		copy(sig[1:], buf[64:128])
		pub, _, err := ecdsa.RecoverCompact(sig[:], buf[:32])
		if err != nil {
			return dst, nil
		}
		copy(xy[:], pub.SerializeUncompressed()[1:])
	}
	var d [32]byte
	keccak.Sum256(d[:0], xy[:])
	dst = append(dst, make([]byte, 12)...)
	return append(dst, d[12:]...), nil
}
