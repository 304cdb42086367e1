package bls

import (
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
	. "github.com/hostcrypto/hostcrypto/sig/internal/sigtest"
)

// TestWorkerPanicIsInternalError makes every goroutine the BLS verifiers
// start panic (workerHook) and checks that the call fails with
// internal_error, on every backend, with the process alive, and that the
// same call succeeds once the hook is gone.
func TestWorkerPanicIsInternalError(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	defer func() { workerHook = nil }()
	pks, sigs, msgs := batchSets(t)
	inputs := map[string][]byte{
		"bls12381_fast_aggregate_verify": cat(U32(nil, 2), pks[0], pks[1], sigs[0], msgs[0]),
		"bls12381_aggregate_verify":      aggInput(t, []string{hexs(pks[0]), hexs(pks[1])}, hexs(sigs[0]), [][]byte{msgs[0], msgs[1]}),
		"bls12381_batch_verify":          batchInput(pks, sigs, msgs),
	}
	var ran atomic.Int64
	hit := 0
	dispatchtest.ForEach(t, Primitive, func(t *testing.T) {
		for name, in := range inputs {
			f, ok := core.MustCatalogue(Funcs()...).Lookup(name)
			if !ok {
				t.Fatalf("%s not registered", name)
			}
			ran.Store(0)
			workerHook = func() { ran.Add(1); panic("injected worker panic") }
			_, err := core.Execute(f, nil, in)
			workerHook = nil
			if ran.Load() == 0 {
				if err != nil {
					t.Errorf("%s: %v without a worker", name, err)
				}
				continue
			}
			hit++
			if core.CodeOf(err) != core.CodeInternal {
				t.Errorf("%s: a worker panicked, got %v, want internal_error", name, err)
			}
			if _, err := core.Execute(f, nil, in); err != nil {
				t.Errorf("%s: without the hook: %v", name, err)
			}
		}
	})
	if hit == 0 {
		t.Fatal("no call started a worker goroutine: the test checked nothing")
	}
	t.Logf("%d calls had a worker panic and returned internal_error", hit)
}
