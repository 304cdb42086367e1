package p256

import "github.com/hostcrypto/hostcrypto/sig/internal/sigtest"

// st calls the package's functions by catalogue name.
var st = sigtest.New(Funcs()...)
