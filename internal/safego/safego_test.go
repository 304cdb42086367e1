package safego_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/hostcrypto/hostcrypto/internal/safego"
)

func TestPanicInWorkerReachesCaller(t *testing.T) {
	var c safego.Catcher
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		safego.Go(&wg, &c, func() {
			if i == 2 {
				panic("boom")
			}
		})
	}
	wg.Wait()
	defer func() {
		r := recover()
		if s, ok := r.(string); !ok || !strings.Contains(s, "boom") || !strings.Contains(s, "x: internal error") {
			t.Fatalf("recovered %v", r)
		}
	}()
	c.Check("x")
	t.Fatal("Check did not panic")
}

func TestNoPanic(t *testing.T) {
	var c safego.Catcher
	var wg sync.WaitGroup
	safego.Go(&wg, &c, func() {})
	wg.Wait()
	c.Check("x")
}
