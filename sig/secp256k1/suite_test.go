package secp256k1

import "github.com/hostcrypto/hostcrypto/sig/internal/sigtest"

// st calls the package's functions by catalogue name.
var st = sigtest.New(Funcs()...)
