// Package sig gathers the signature-verification host functions (family
// "signature"); each scheme lives in its own subpackage (bls, eddsa,
// secp256k1, p256), which declares its descriptors and lists them in its
// Funcs.
package sig

import (
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/sig/bls"
	"github.com/hostcrypto/hostcrypto/sig/eddsa"
	"github.com/hostcrypto/hostcrypto/sig/p256"
	"github.com/hostcrypto/hostcrypto/sig/secp256k1"
)

// Funcs lists every signature function of the subpackages.
func Funcs() []*core.Func {
	var fs []*core.Func
	for _, l := range [][]*core.Func{bls.Funcs(), eddsa.Funcs(), secp256k1.Funcs(), p256.Funcs()} {
		fs = append(fs, l...)
	}
	return fs
}
