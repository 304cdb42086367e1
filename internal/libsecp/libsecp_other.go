//go:build !cgo || purego

package libsecp

// Without cgo, or with the purego tag, libsecp256k1 is not linked in: the
// backend registers as unavailable and these functions are never called.
var Available = false

func unavailable() {
	panic("libsecp: internal error: libsecp256k1 backend called in a build without it")
}

func Recover(out *[65]byte, hash, rs []byte, rid byte) bool  { unavailable(); return false }
func Verify(pk65, rs, hash []byte) bool                      { unavailable(); return false }
func Combine(out *[65]byte, k, a, b *[32]byte, rid byte) int { unavailable(); return 0 }
