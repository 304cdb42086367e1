package dplonk

import (
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
)

// TestWorkerPanicIsInternalError makes the verifier's helper goroutines
// panic (workerHook): the call must fail with internal_error, the process
// must stay alive, and the same call must succeed once the hook is gone.
func TestWorkerPanicIsInternalError(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	defer func() { workerHook = nil }()
	vd, proof, pis := validCase(t)
	in := buildInput(3, vd, proof, pis)
	var ran atomic.Int64
	workerHook = func() { ran.Add(1); panic("injected worker panic") }
	_, err := run(in)
	workerHook = nil
	if ran.Load() == 0 {
		t.Fatal("no worker goroutine started: the test checked nothing")
	}
	if core.CodeOf(err) != core.CodeInternal {
		t.Fatalf("a worker panicked, got %v, want internal_error", err)
	}
	if out, err := run(in); err != nil || out[0] != 1 {
		t.Fatalf("without the hook: %x %v", out, err)
	}
}
