package guest_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
	"github.com/hostcrypto/hostcrypto/internal/cli"
)

// The example contracts of the C, Rust and AssemblyScript SDKs check their
// host calls against values from the specifications (FIPS 180-2, RFC 8032,
// the EIP-197 generators) and return a bit mask of failed checks. These
// tests build each from source, as its README says, when its toolchain is
// here, and run its export "run" through `hostcrypto run`: the result must
// be 0. Without a toolchain they skip, unless HOSTCRYPTO_REQUIRE names
// "sdk" (CI's .ci/steps/sdk.sh installs them and sets it).

const gasLimit = "100000000"

func need(t *testing.T, what, hint string, ok bool) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds a contract")
	}
	if !dispatchtest.Require(t, "sdk", ok) {
		t.Skipf("%s not found (%s); .ci/steps/sdk.sh installs it", what, hint)
	}
}

func build(t *testing.T, dir string, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}

// runContract runs `hostcrypto run wasm run --gas N` and returns its output.
func runContract(t *testing.T, wasm string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := cli.Main(&cli.Env{Stdout: &stdout, Stderr: &stderr}, []string{"run", wasm, "run", "--gas", gasLimit})
	if code != 0 || !strings.HasPrefix(stdout.String(), "result [0]\n") {
		t.Fatalf("hostcrypto run %s run: exit %d, want result [0] (a non-zero result is the bit mask of failed checks)\n%s%s",
			filepath.Base(wasm), code, stdout.String(), stderr.String())
	}
	t.Logf("%s: %s", filepath.Base(wasm), strings.ReplaceAll(stdout.String(), "\n", "; "))
}

func TestCExample(t *testing.T) {
	clang, err := exec.LookPath("clang")
	_, lldErr := exec.LookPath("wasm-ld")
	need(t, "clang and wasm-ld", "apt-get install clang lld", err == nil && lldErr == nil)
	out := filepath.Join(t.TempDir(), "contract.wasm")
	build(t, ".", clang, "--target=wasm32", "-O2", "-ffreestanding", "-nostdlib", "-Wall", "-Wextra", "-Werror",
		"-I", "c", "-Wl,--no-entry", "-o", out, "c/examples/contract.c")
	runContract(t, out)
}

// rustc returns a rustc that has the wasm32-unknown-unknown standard
// library: $HOSTCRYPTO_RUSTC, else Debian's /usr/bin/rustc (the 1.63 the
// crate must build with), else the first on PATH.
func rustc() (string, bool) {
	cands := []string{os.Getenv("HOSTCRYPTO_RUSTC"), "/usr/bin/rustc"}
	if p, err := exec.LookPath("rustc"); err == nil {
		cands = append(cands, p)
	}
	for _, c := range cands {
		if c == "" {
			continue
		}
		sysroot, err := exec.Command(c, "--print", "sysroot").Output()
		if err != nil {
			continue
		}
		if _, err := os.Stat(filepath.Join(strings.TrimSpace(string(sysroot)), "lib", "rustlib", "wasm32-unknown-unknown")); err == nil {
			return c, true
		}
	}
	return "", false
}

func TestRustExample(t *testing.T) {
	rc, ok := rustc()
	need(t, "rustc with the wasm32-unknown-unknown target", "apt-get install rustc libstd-rust-dev-wasm32", ok)
	v, _ := exec.Command(rc, "--version").Output()
	t.Logf("%s: %s", rc, bytes.TrimSpace(v))
	dir := t.TempDir()
	lib := filepath.Join(dir, "libhostcrypto_guest.rlib")
	build(t, "rust", rc, "--edition", "2021", "--crate-type", "rlib", "--crate-name", "hostcrypto_guest",
		"--target", "wasm32-unknown-unknown", "-O", "-D", "warnings", "-o", lib, "src/lib.rs")
	out := filepath.Join(dir, "contract.wasm")
	build(t, "rust", rc, "--edition", "2021", "--crate-type", "cdylib", "--crate-name", "contract",
		"--target", "wasm32-unknown-unknown", "-O", "-C", "panic=abort", "-C", "strip=symbols", "-D", "warnings",
		"--extern", "hostcrypto_guest="+lib, "-o", out, "examples/contract.rs")
	runContract(t, out)
}

func TestAssemblyScriptExample(t *testing.T) {
	asc, err := filepath.Abs(filepath.Join("assemblyscript", "node_modules", ".bin", "asc"))
	if err != nil {
		t.Fatal(err)
	}
	_, statErr := os.Stat(asc)
	_, nodeErr := exec.LookPath("node")
	need(t, "node and guest/assemblyscript/node_modules", "npm ci in guest/assemblyscript", statErr == nil && nodeErr == nil)
	dir := t.TempDir()
	// The whole SDK as an entry file: every wrapper compiles.
	build(t, "assemblyscript", asc, "assembly/index.ts", "--outFile", filepath.Join(dir, "sdk.wasm"), "--runtime", "stub", "--use", "abort=")
	out := filepath.Join(dir, "contract.wasm")
	build(t, "assemblyscript", asc, "examples/contract.ts", "--outFile", out, "--optimizeLevel", "3", "--shrinkLevel", "1",
		"--runtime", "stub", "--noAssert", "--use", "abort=")
	runContract(t, out)
}
