package bench

import (
	"crypto/sha256"

	"golang.org/x/crypto/blake2b"
	"golang.org/x/crypto/sha3"

	"github.com/hostcrypto/hostcrypto/core"
)

// The libraries the byte hashes wrap, called directly.
func init() {
	RegisterPeer(Peer{Function: "sha256", Name: "crypto/sha256", Prepare: func(ex core.Example) func() error {
		return func() error { sha256.Sum256(ex.Input); return nil }
	}})
	RegisterPeer(Peer{Function: "blake2b_256", Name: "x/crypto/blake2b", Prepare: func(ex core.Example) func() error {
		return func() error { blake2b.Sum256(ex.Input); return nil }
	}})
	RegisterPeer(Peer{Function: "keccak256", Name: "x/crypto/sha3", Prepare: func(ex core.Example) func() error {
		var out [32]byte
		return func() error {
			h := sha3.NewLegacyKeccak256()
			h.Write(ex.Input)
			h.Sum(out[:0])
			return nil
		}
	}})
}
