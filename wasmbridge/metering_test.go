package wasmbridge_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/tetratelabs/wazero/api"

	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/internal/cli"
	"github.com/hostcrypto/hostcrypto/wasmbridge"
	"github.com/hostcrypto/hostcrypto/wasmbridge/metering"
)

// guestRun is one sandbox running a Go guest, metered or not, recording
// every host call.
type guestRun struct {
	sb    *cli.Sandbox
	mod   api.Module
	calls []wasmbridge.Observation
	out   *os.File
}

func loadGuest(t *testing.T, wasm []byte, budget uint64, metered bool) (*guestRun, error) {
	t.Helper()
	g := &guestRun{}
	sb, err := cli.NewSandbox(context.Background(), gas.Default, budget, func(o wasmbridge.Observation) {
		o.Output = append([]byte(nil), o.Output...)
		o.Duration = 0
		g.calls = append(g.calls, o)
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sb.Close)
	if metered {
		sb.Metering = metering.DefaultTable
	}
	g.sb = sb
	g.out, err = os.Create(filepath.Join(t.TempDir(), "stdout"))
	if err != nil {
		t.Fatal(err)
	}
	g.mod, err = sb.Load(wasm, g.out, g.out)
	return g, err
}

func (g *guestRun) stdout(t *testing.T) []byte {
	b, err := os.ReadFile(g.out.Name())
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// sameHostCalls requires two runs to have made the same host calls with
// the same results and gas.
func sameHostCalls(t *testing.T, a, b []wasmbridge.Observation) {
	t.Helper()
	if len(a) != len(b) {
		t.Fatalf("%d host calls unmetered, %d metered", len(a), len(b))
	}
	for i := range a {
		if a[i].Function != b[i].Function || a[i].InLen != b[i].InLen || a[i].Gas != b[i].Gas ||
			a[i].Code != b[i].Code || !bytes.Equal(a[i].Output, b[i].Output) {
			t.Fatalf("host call %d: unmetered %+v, metered %+v", i, a[i], b[i])
		}
	}
}

// TestMeteredGoGuest runs the test guest instrumented and not: the same
// host calls, answers and host gas; guest instructions add a deterministic
// amount; and the exact total is the boundary between success and an
// out-of-gas trap.
func TestMeteredGoGuest(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a wasip1 guest")
	}
	wasm := buildGuest(t, "github.com/hostcrypto/hostcrypto/internal/testguest")
	const big = 1 << 40
	script := func(g *guestRun) (results []int32, mem []byte, err error) {
		res, err := g.sb.CallExport(g.mod, "buf")
		if err != nil {
			return nil, nil, err
		}
		base := uint32(res[0])
		g.mod.Memory().Write(base, bytes.Repeat([]byte("metered guest "), 40))
		for _, c := range [][5]int32{{0, 0, 480, 8192, 64}, {1, 0, 100, 8192, 32}, {2, 10, 0, 9000, 64},
			{3, 0, 212, 8192, 64}, {0, 0, 10, 8192, 31}, {0, 0, 480, 0, 32}} {
			r, err := g.sb.CallExport(g.mod, "call", api.EncodeI32(c[0]), api.EncodeI32(c[1]), api.EncodeI32(c[2]), api.EncodeI32(c[3]), api.EncodeI32(c[4]))
			if err != nil {
				return results, nil, err
			}
			results = append(results, api.DecodeI32(r[0]))
		}
		m, _ := g.mod.Memory().Read(base, 1<<14)
		return results, bytes.Clone(m), nil
	}
	p, err := loadGuest(t, wasm, big, false)
	if err != nil {
		t.Fatal(err)
	}
	wantRes, wantMem, err := script(p)
	if err != nil {
		t.Fatal(err)
	}
	var hostGas uint64
	for _, o := range p.calls {
		hostGas += o.Gas
	}

	used := uint64(0)
	for i := 0; i < 2; i++ {
		m, err := loadGuest(t, wasm, big, true)
		if err != nil {
			t.Fatal(err)
		}
		res, mem, err := script(m)
		if err != nil {
			t.Fatal(err)
		}
		if len(res) != len(wantRes) || !bytes.Equal(mem, wantMem) {
			t.Fatalf("metered results %v differ from unmetered %v (or memory differs)", res, wantRes)
		}
		sameHostCalls(t, p.calls, m.calls)
		u := big - m.sb.Meter.Left
		if u <= hostGas {
			t.Fatalf("metered run used %d, no more than its host calls (%d)", u, hostGas)
		}
		if i == 1 && u != used {
			t.Fatalf("gas not deterministic: %d then %d", used, u)
		}
		used = u
	}
	t.Logf("test guest: %d gas, of which host calls %d, guest instructions %d", used, hostGas, used-hostGas)

	// Exactly the total succeeds and leaves 0; one less traps out of gas.
	m, err := loadGuest(t, wasm, used, true)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := script(m); err != nil || m.sb.Meter.Left != 0 {
		t.Fatalf("budget = total: %v, %d left", err, m.sb.Meter.Left)
	}
	m, err = loadGuest(t, wasm, used-1, true)
	if err == nil {
		_, _, err = script(m)
	}
	var oog *wasmbridge.OutOfGasError
	if !errors.As(err, &oog) {
		t.Fatalf("budget = total-1: want out of gas, got %v", err)
	}
}

// TestMeteredDemo runs the embedded demo contract instrumented: the same
// output, host calls and answers as unmetered.
func TestMeteredDemo(t *testing.T) {
	wasm, err := os.ReadFile("../cmd/hostcrypto/demo.wasm")
	if err != nil {
		t.Fatal(err)
	}
	var outs [2][]byte
	var calls [2][]wasmbridge.Observation
	var results [2]uint64
	for i, metered := range []bool{false, true} {
		g, err := loadGuest(t, wasm, 1<<40, metered)
		if err != nil {
			t.Fatal(err)
		}
		res, err := g.sb.CallExport(g.mod, "run")
		if err != nil {
			t.Fatal(err)
		}
		results[i], outs[i], calls[i] = res[0], g.stdout(t), g.calls
		if metered {
			var host uint64
			for _, o := range g.calls {
				host += o.Gas
			}
			t.Logf("demo run: %d gas, of which guest instructions %d", 1<<40-g.sb.Meter.Left, 1<<40-g.sb.Meter.Left-host)
		}
	}
	if results[0] != results[1] || !bytes.Equal(outs[0], outs[1]) {
		t.Fatalf("demo differs when metered: %d vs %d\n%s\n---\n%s", results[0], results[1], outs[0], outs[1])
	}
	sameHostCalls(t, calls[0], calls[1])
}
