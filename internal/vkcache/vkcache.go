// Package vkcache is the one memory budget shared by every verifying-key
// cache of the zero-knowledge verifiers (zk/, dusk/dplonk): a goroutine-safe
// least-recently-used map from a 32-byte key (SHA-256 of a domain tag and
// the key's bytes) to a prepared verifying key, bounded by the estimated
// bytes of all entries together (Budget, 64 MiB by default), not by their
// number, so that no sequence of calls can make the caches hold more.
//
// Callers insert an entry only after a call with that key verified a proof
// (verdict 0x01); inputs that fail, at any stage, never grow a cache. A hit
// changes neither output nor status nor gas: gas is priced as if every call
// missed (docs/GAS.md).
package vkcache

import (
	"container/list"
	"crypto/sha256"
	"sync"
)

// DefaultBudget is the byte budget of all caches together.
const DefaultBudget = 64 << 20

// Key identifies a verifying key: SHA-256 of a domain tag, a zero byte and
// the key's bytes exactly as they appear in the input. SHA-256 is collision
// resistant, so a hit can only return the prepared form of the same bytes,
// and the tag keeps the caches of different functions apart.
type Key [32]byte

// KeyOf returns the Key of vk under tag.
func KeyOf(tag string, vk []byte) Key {
	h := sha256.New()
	h.Write([]byte(tag))
	h.Write([]byte{0})
	h.Write(vk)
	var k Key
	h.Sum(k[:0])
	return k
}

type entry struct {
	k    Key
	v    any
	size int64
}

var store = struct {
	mu     sync.Mutex
	budget int64
	used   int64
	m      map[Key]*list.Element
	l      list.List // front: most recently used; values are *entry
}{budget: DefaultBudget, m: map[Key]*list.Element{}}

// Get returns the value stored under k and marks it most recently used.
func Get(k Key) (any, bool) {
	store.mu.Lock()
	defer store.mu.Unlock()
	e, ok := store.m[k]
	if !ok {
		return nil, false
	}
	store.l.MoveToFront(e)
	return e.Value.(*entry).v, true
}

// Put stores v under k, charged size bytes (the caller's estimate of the
// prepared key's memory, at least 1), evicting least recently used entries
// until everything fits in the budget. An entry larger than the whole
// budget is not stored.
func Put(k Key, v any, size int64) {
	size = max(size, 1)
	store.mu.Lock()
	defer store.mu.Unlock()
	if e, ok := store.m[k]; ok {
		store.l.MoveToFront(e)
		return
	}
	if size > store.budget {
		return
	}
	store.used += size
	store.m[k] = store.l.PushFront(&entry{k: k, v: v, size: size})
	evict()
}

// evict drops least recently used entries until used <= budget.
func evict() {
	for store.used > store.budget {
		last := store.l.Back()
		e := last.Value.(*entry)
		delete(store.m, e.k)
		store.l.Remove(last)
		store.used -= e.size
	}
}

// SetBudget sets the byte budget of all caches together (0 turns caching
// off), evicts down to it and returns the previous budget. Benchmarks that
// must measure the uncached path, which is what gas prices, set it to 0.
func SetBudget(n int64) (old int64) {
	store.mu.Lock()
	defer store.mu.Unlock()
	old, store.budget = store.budget, max(n, 0)
	evict()
	return old
}

// Budget returns the current byte budget.
func Budget() int64 {
	store.mu.Lock()
	defer store.mu.Unlock()
	return store.budget
}

// Used returns the number of entries and their estimated bytes.
func Used() (entries int, bytes int64) {
	store.mu.Lock()
	defer store.mu.Unlock()
	return store.l.Len(), store.used
}

// Purge empties every cache.
func Purge() {
	store.mu.Lock()
	defer store.mu.Unlock()
	clear(store.m)
	store.l.Init()
	store.used = 0
}
