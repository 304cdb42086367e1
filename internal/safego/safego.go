// Package safego keeps a panic in a goroutine that a host call starts from
// killing the host: the goroutine records it, and the calling goroutine
// raises it again once every goroutine it started has finished, where
// core.Execute's recover turns it into that call's internal_error.
//
// The call's status code does not depend on scheduling: whichever worker
// panicked, and however the work was split, a panic in any of them makes
// the call fail with internal_error after all of them are done.
package safego

import (
	"fmt"
	"sync"
)

// Catcher records the first panic of the goroutines it guards. The zero
// value is ready to use; a Catcher must not be copied after first use.
type Catcher struct {
	mu  sync.Mutex
	val any
	hit bool
}

// Recover must be deferred directly by the guarded goroutine
// (defer c.Recover()): it stops a panic there and records it.
func (c *Catcher) Recover() {
	if r := recover(); r != nil {
		c.mu.Lock()
		if !c.hit {
			c.hit, c.val = true, r
		}
		c.mu.Unlock()
	}
}

// Check panics in the caller's goroutine if a guarded goroutine panicked.
// Call it after waiting for all of them.
func (c *Catcher) Check(pkg string) {
	c.mu.Lock()
	hit, val := c.hit, c.val
	c.mu.Unlock()
	if hit {
		panic(fmt.Sprintf("%s: internal error: worker goroutine panicked: %v", pkg, val))
	}
}

// Hit reports whether a guarded goroutine has panicked so far.
func (c *Catcher) Hit() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hit
}

// Go runs fn on a new goroutine under c, counted in wg (wg.Add(1) is done
// here; wg.Done runs even when fn panics).
func Go(wg *sync.WaitGroup, c *Catcher, fn func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer c.Recover()
		fn()
	}()
}
