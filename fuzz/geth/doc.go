// Package geth is a differential harness: it runs inputs through
// hostcrypto's evm.Run and go-ethereum's own Osaka precompiles
// (vm.PrecompiledContractsOsaka, at the go-ethereum version pinned in this
// nested module's go.mod) and requires the same output bytes, the same gas
// and an error in exactly the same cases, for every address. It lives in its
// own module so that go-ethereum stays out of hostcrypto's go.mod.
package geth
