package near

import (
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/internal/profile"
)

// chain builds the profile's descriptors (internal/profile).
var chain = profile.Chain{Family: "near", Label: "NEAR"}

var (
	alias   = chain.Alias
	reorder = chain.Reorder
)

// sigMsgPkToPkSigMsg turns sig (64) || msg || pk (32) into pk || sig || msg.
func sigMsgPkToPkSigMsg(in []byte) ([]byte, error) {
	if len(in) < 96 {
		return nil, core.Errorf(core.CodeMalformed, "near: ed25519_verify input is %d bytes, want sig (64) || msg || pk (32)", len(in))
	}
	out := make([]byte, 0, len(in))
	out = append(out, in[len(in)-32:]...)
	out = append(out, in[:64]...)
	return append(out, in[64:len(in)-32]...), nil
}

// pkSigMsgToSigMsgPk is the inverse of sigMsgPkToPkSigMsg (examples).
func pkSigMsgToSigMsgPk(in []byte) []byte {
	if len(in) < 96 {
		return in
	}
	out := make([]byte, 0, len(in))
	out = append(out, in[32:96]...)
	out = append(out, in[96:]...)
	return append(out, in[:32]...)
}
