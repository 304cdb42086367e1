// Package gencheck holds the one test that keeps generated files honest:
// every generator that `go generate ./...` runs writes into a temporary
// repository root, and the result must equal the committed files byte for
// byte. The generators and their //go:generate lines:
//
//	field/doc.go      go run ./internal/gen         field/<pkg>/*.go (4 fields)
//	                  go -C ../asm_amd64 run .      field/<pkg>/kernels_amd64.{s,go} (avo, nested module)
//	                  go -C ../asm_arm64 run .      field/<pkg>/kernels_arm64.{s,go} (nested module)
//	fuzz/gen.go       go run ./internal/gentargets  fuzz/fuzz_targets_test.go
//	guest/guest.go    go run ../internal/cmd/genguest   guest/imports_*.go, guest/sizes.go
//	                  go build ... ./examples/demo  cmd/hostcrypto/demo.wasm
//	zk/examples.go    go run ./internal/genexamples zk/examples_own.go
//	zk/gnark_groth16.go go run ./internal/gengroth16 zk/groth16_{bn254,bls12381}.go, zk/gnark_groth16_{bn254,bls12381}.go
//	curves/internal/msm/doc.go go run ./internal/gen  curves/internal/msm/bn254g1.go (from bls12381g1.go)
//
// Each generator takes -root DIR (genguest: -out DIR) so the test can run it
// outside the work tree. demo.wasm is the exception: a wasm binary whose
// bytes move with every change of the SDK's line table, it is checked by
// behaviour instead (cmd/hostcrypto's TestEmbeddedDemoUpToDate).
package gencheck
