package zk

import "github.com/hostcrypto/hostcrypto/internal/wire"

// gnark's binary formats (gnark v0.16.1, unchanged since v0.9): points as
// gnark-crypto encodes them, compressed (WriteTo) or uncompressed
// (WriteRawTo); the two most significant bits of a BN254 point's first byte
// say which (00: uncompressed, else compressed). Slices are a 4-byte
// big-endian length followed by the elements; integers are big-endian.

//go:generate go run ./internal/gengroth16

// The verifiers of the two curves (gnark_groth16_bn254.go,
// gnark_groth16_bls12381.go) are generated from one template by
// internal/gengroth16: edit the template, then go generate ./zk.

// reader walks a gnark encoding: a wire.Reader (bounds-checked, sticky
// errors, counts checked against what is left) with the point readers of
// each curve (gnark_groth16_bn254.go, gnark_groth16_bls12381.go,
// gnark_plonk.go).
type reader struct{ wire.Reader }

func newReader(b []byte) *reader { return &reader{wire.NewReader(b, "zk")} }
