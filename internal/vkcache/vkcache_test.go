package vkcache_test

import (
	"strconv"
	"testing"

	"github.com/hostcrypto/hostcrypto/internal/vkcache"
)

func TestLRUByBytes(t *testing.T) {
	old := vkcache.SetBudget(1000)
	defer vkcache.SetBudget(old)
	vkcache.Purge()
	defer vkcache.Purge()
	key := func(i int) vkcache.Key { return vkcache.KeyOf("test", []byte(strconv.Itoa(i))) }
	for i := range 10 {
		vkcache.Put(key(i), i, 300) // room for three
	}
	if n, b := vkcache.Used(); n != 3 || b != 900 {
		t.Fatalf("%d entries, %d bytes", n, b)
	}
	for i := range 10 {
		v, ok := vkcache.Get(key(i))
		if ok != (i >= 7) || (ok && v != i) {
			t.Fatalf("entry %d: %v %v", i, v, ok)
		}
	}
	vkcache.Get(key(7))
	vkcache.Put(key(10), 10, 300) // evicts 8, the least recently used
	if _, ok := vkcache.Get(key(8)); ok {
		t.Fatal("did not evict the least recently used entry")
	}
	if _, ok := vkcache.Get(key(7)); !ok {
		t.Fatal("evicted a recently used entry")
	}
	vkcache.Put(key(11), 11, 1001) // larger than the budget: not stored
	if _, ok := vkcache.Get(key(11)); ok {
		t.Fatal("stored an entry larger than the budget")
	}
	vkcache.SetBudget(0)
	if n, b := vkcache.Used(); n != 0 || b != 0 {
		t.Fatalf("budget 0 keeps %d entries, %d bytes", n, b)
	}
	vkcache.Put(key(12), 12, 1)
	if _, ok := vkcache.Get(key(12)); ok {
		t.Fatal("budget 0 stores")
	}
}

// The byte bound holds under many large distinct keys.
func TestBudgetHolds(t *testing.T) {
	vkcache.Purge()
	defer vkcache.Purge()
	for i := range 2000 {
		vkcache.Put(vkcache.KeyOf("big", []byte(strconv.Itoa(i))), i, 1<<20+int64(i))
		if _, b := vkcache.Used(); b > vkcache.Budget() {
			t.Fatalf("after %d entries: %d bytes > budget %d", i+1, b, vkcache.Budget())
		}
	}
	if vkcache.Budget() != vkcache.DefaultBudget {
		t.Fatalf("budget %d", vkcache.Budget())
	}
}
