package soroban

import (
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/internal/profile"
)

// chain builds the profile's descriptors (internal/profile).
var chain = profile.Chain{Family: "soroban", Label: "Soroban"}

var (
	alias   = chain.Alias
	reorder = chain.Reorder
)

// pkMsgSigToPkSigMsg turns pk (32) || msg || sig (64) into pk || sig || msg.
func pkMsgSigToPkSigMsg(in []byte) ([]byte, error) {
	if len(in) < 96 {
		return nil, core.Errorf(core.CodeMalformed, "soroban: verify_sig_ed25519 input is %d bytes, want pk (32) || msg || sig (64)", len(in))
	}
	out := make([]byte, 0, len(in))
	out = append(out, in[:32]...)
	out = append(out, in[len(in)-64:]...)
	return append(out, in[32:len(in)-64]...), nil
}

// pkSigMsgToPkMsgSig is the inverse of pkMsgSigToPkSigMsg (examples).
func pkSigMsgToPkMsgSig(in []byte) []byte {
	if len(in) < 96 {
		return in
	}
	out := make([]byte, 0, len(in))
	out = append(out, in[:32]...)
	out = append(out, in[96:]...)
	return append(out, in[32:96]...)
}

// pkHashSigToHashSigPk turns pk (65) || hash (32) || sig (64) into
// p256_verify_sec1_lows's hash || sig || pk; Soroban takes only the
// 65-byte uncompressed key.
func pkHashSigToHashSigPk(in []byte) ([]byte, error) {
	if len(in) != 65+32+64 || in[0] != 4 {
		return nil, core.Errorf(core.CodeMalformed, "soroban: verify_sig_ecdsa_secp256r1 input is %d bytes, want pk (65, 0x04 || x || y) || hash (32) || sig (64)", len(in))
	}
	out := make([]byte, 0, len(in))
	out = append(out, in[65:]...)
	return append(out, in[:65]...), nil
}

// hashSigPkToPkHashSig is the inverse of pkHashSigToHashSigPk (examples);
// nil (example skipped) for a compressed key, which Soroban does not take.
func hashSigPkToPkHashSig(in []byte) []byte {
	if len(in) != 96+65 {
		return nil
	}
	out := make([]byte, 0, len(in))
	out = append(out, in[96:]...)
	return append(out, in[:96]...)
}
