package wasmbridge_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/tetratelabs/wazero/api"

	"golang.org/x/crypto/blake2b"
	"golang.org/x/crypto/sha3"

	"github.com/hostcrypto/hostcrypto"
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/internal/cli"
	"github.com/hostcrypto/hostcrypto/wasmbridge"
)

// buildGuest compiles a Go package for GOOS=wasip1 GOARCH=wasm as a reactor.
func buildGuest(t testing.TB, pkg string) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "guest.wasm")
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-buildmode=c-shared", "-trimpath", "-o", out, pkg)
	cmd.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm", "CGO_ENABLED=0")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building %s for wasip1: %v\n%s", pkg, err, msg)
	}
	wasm, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return wasm
}

// TestGoGuest runs a real Go wasip1 contract calling host functions.
func TestGoGuest(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a wasip1 guest")
	}
	wasm := buildGuest(t, "github.com/hostcrypto/hostcrypto/internal/testguest")
	sb, err := cli.NewSandbox(context.Background(), gas.Default, 1<<40, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer sb.Close()
	mod, err := sb.Load(wasm, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := sb.CallExport(mod, "buf")
	if err != nil {
		t.Fatal(err)
	}
	base := uint32(res[0])
	mem := mod.Memory()
	call := func(fn, inOff, inLen, outOff, outCap int32) (int32, error) {
		r, err := sb.CallExport(mod, "call", api.EncodeI32(fn), api.EncodeI32(inOff), api.EncodeI32(inLen), api.EncodeI32(outOff), api.EncodeI32(outCap))
		if err != nil {
			return 0, err
		}
		return api.DecodeI32(r[0]), nil
	}
	msg := bytes.Repeat([]byte("guest->host "), 40)
	mem.Write(base, msg)
	digests := map[int32][]byte{}
	s := sha256.Sum256(msg)
	digests[0] = s[:]
	b := blake2b.Sum256(msg)
	digests[2] = b[:]
	k := sha3.NewLegacyKeccak256()
	k.Write(msg)
	digests[1] = k.Sum(nil)
	names := map[int32]string{0: "sha256", 1: "keccak256", 2: "blake2b_256"}
	for fn, want := range digests {
		f, _ := hostcrypto.Lookup(names[fn])
		before := sb.Meter.Left
		n, err := call(fn, 0, int32(len(msg)), 8192, 64)
		if err != nil || n != 32 {
			t.Fatalf("%s: n=%d err=%v", names[fn], n, err)
		}
		got, _ := mem.Read(base+8192, 32)
		if !bytes.Equal(got, want) {
			t.Fatalf("%s: guest got %x want %x", names[fn], got, want)
		}
		wantGas, _ := gas.Default.Gas(f, msg)
		if used := before - sb.Meter.Left; used != wantGas {
			t.Fatalf("%s: charged %d, rule gives %d", names[fn], used, wantGas)
		}
	}

	// Malformed input returns its status code (blake2f takes exactly 213
	// bytes, EIP-152), and gas is still charged: pricing comes first.
	f2f, _ := hostcrypto.Lookup("blake2f")
	wantGas, _ := gas.Default.Gas(f2f, msg[:212])
	before := sb.Meter.Left
	if n, err := call(3, 0, 212, 8192, 64); err != nil || core.Code(n) != core.CodeMalformed {
		t.Fatalf("blake2f on 212 bytes: n=%d err=%v, want %d", n, err, core.CodeMalformed)
	}
	if used := before - sb.Meter.Left; used != wantGas {
		t.Fatalf("malformed input charged %d, rule gives %d", used, wantGas)
	}

	// A returned error (output buffer too small) leaves the module usable.
	if n, err := call(0, 0, 10, 8192, 31); err != nil || core.Code(n) != core.CodeOutputTooSmall {
		t.Fatalf("small output: %d %v", n, err)
	}
	if n, err := call(0, 0, 10, 8192, 32); err != nil || n != 32 {
		t.Fatalf("after a returned error: %d %v", n, err)
	}

	// Out of gas traps before any output is written.
	mem.Write(base+8192, bytes.Repeat([]byte{0xee}, 32))
	f, _ := hostcrypto.Lookup("sha256")
	price, _ := gas.Default.Gas(f, msg)
	sb.Meter.Left = price - 1
	_, err = call(0, 0, int32(len(msg)), 8192, 32)
	var oog *wasmbridge.OutOfGasError
	if !errors.As(err, &oog) {
		t.Fatalf("want out-of-gas trap, got %v", err)
	}
	if got, _ := mem.Read(base+8192, 32); !bytes.Equal(got, bytes.Repeat([]byte{0xee}, 32)) {
		t.Fatal("output written before the out-of-gas trap")
	}
	if sb.Meter.Left != price-1 {
		t.Fatal("gas charged on the trap")
	}
}
