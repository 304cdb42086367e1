//go:build !cgo || purego

package h2c

const (
	blstAvailable = false
	blstNote      = "needs cgo and a build without the purego tag"
)

func blstHashToG1(out, msg, dst []byte) []byte {
	panic("h2c: internal error: blst selected but not built in")
}

func blstHashToG2(out, msg, dst []byte) []byte {
	panic("h2c: internal error: blst selected but not built in")
}
