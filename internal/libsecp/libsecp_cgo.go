//go:build cgo && !purego

package libsecp

import esecp "github.com/erigontech/secp256k1"

// Available: this build links libsecp256k1.
const Available = true

// Recover is SEC 1 section 4.1.6 public-key recovery with libsecp256k1's
// secp256k1_ecdsa_recover: out (65 bytes) receives 0x04 || x || y of
// Q = r^-1 (s R - e G), where e = hash mod n and R is the point with
// x(R) = r (r + n when rid&2) and y of the parity rid&1. rs is r || s
// (32 bytes each, big-endian), rid is in 0..3. It returns false when no key
// recovers: r or s zero or >= n, r + n >= p with rid&2, no curve point with
// that x, or Q at infinity. High s is accepted. One cgo crossing.
func Recover(out *[65]byte, hash, rs []byte, rid byte) bool {
	var sig [65]byte
	copy(sig[:64], rs)
	sig[64] = rid
	pk, err := esecp.RecoverPubkeyWithContext(esecp.DefaultContext, hash, sig[:], out[:0])
	if err != nil {
		return false
	}
	if &pk[0] != &out[0] {
		panic("libsecp: internal error: the binding did not write the key in place")
	}
	return true
}

// Verify is ECDSA verification (SEC 1 section 4.1.4) with libsecp256k1's
// secp256k1_ecdsa_verify. pk65 is 0x04 || x || y, rs is r || s with r, s in
// [1, n-1] and s <= n/2 (libsecp256k1 refuses high s; verifying (r, n - s)
// is equivalent, the caller normalises). hash is 32 bytes.
func Verify(pk65, rs, hash []byte) bool {
	return esecp.VerifySignature(pk65, hash, rs)
}
