package pairing

import (
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/curves"
	"github.com/hostcrypto/hostcrypto/dispatch"
	"github.com/hostcrypto/hostcrypto/internal/parallel"
)

// TestWorkerPanicIsInternalError makes every worker goroutine this package
// and package curves start panic (workerHook, parallel.WorkerHook) and
// checks that each call that started one
// fails with internal_error, on every backend, with the process alive; and
// that the same calls succeed again once the hook is gone.
func TestWorkerPanicIsInternalError(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	var ran atomic.Int64
	defer func() { workerHook, parallel.WorkerHook = nil, nil }()
	prev := dispatch.Current()
	defer dispatch.Force(prev)
	hit := 0
	c := core.MustCatalogue(append(curves.Funcs(), Funcs()...)...)
	for _, f := range c.Funcs() {
		if f.Family != "curve" || f.Examples == nil {
			continue
		}
		for _, impl := range append([]string{""}, c.Backends(f)...) {
			if err := dispatch.Force(impl); err != nil {
				t.Fatal(err)
			}
			for _, ex := range f.Examples() {
				ran.Store(0)
				workerHook = func() { ran.Add(1); panic("injected worker panic") }
				parallel.WorkerHook = workerHook
				_, err := core.Execute(f, nil, ex.Input)
				workerHook, parallel.WorkerHook = nil, nil
				if ran.Load() == 0 {
					if err != nil {
						t.Errorf("%s/%s/%s: %v without a worker", f.Name, ex.Name, impl, err)
					}
					continue
				}
				hit++
				if core.CodeOf(err) != core.CodeInternal {
					t.Errorf("%s/%s/%s: a worker panicked, got %v, want internal_error", f.Name, ex.Name, impl, err)
				}
				if _, err := core.Execute(f, nil, ex.Input); err != nil {
					t.Errorf("%s/%s/%s: without the hook: %v", f.Name, ex.Name, impl, err)
				}
			}
		}
	}
	if hit == 0 {
		t.Fatal("no call started a worker goroutine: the test checked nothing")
	}
	t.Logf("%d calls had a worker panic and returned internal_error", hit)
}
