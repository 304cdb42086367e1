package zk

import (
	"github.com/hostcrypto/hostcrypto/internal/vkcache"
)

// vkKey identifies a verifying key in a cache: SHA-256 of a domain tag and
// the key's bytes exactly as they appear in the input (vkcache.KeyOf).
type vkKey = vkcache.Key

func keyOf(tag string, vk []byte) vkKey { return vkcache.KeyOf(tag, vk) }

// lru is one function's view of the shared verifying-key cache
// (internal/vkcache): least recently used eviction under one byte budget
// for all the zk caches together. Callers put a prepared key only after a
// call with it verified a proof, so failing inputs never grow the cache; a
// hit and a miss give the same verdict, error code and gas (gas is priced
// from the input before the cache is consulted, as if every call missed).
type lru[V any] struct{}

func newLRU[V any]() *lru[V] { return &lru[V]{} }

// get returns the value for k and marks it most recently used.
func (c *lru[V]) get(k vkKey) (v V, ok bool) {
	x, ok := vkcache.Get(k)
	if !ok {
		return v, false
	}
	v, ok = x.(V)
	return v, ok
}

// put stores v under k, charged size bytes (an estimate of v's memory).
func (c *lru[V]) put(k vkKey, v V, size int) { vkcache.Put(k, v, int64(size)) }

// purge empties every cache (tests and benchmarks of the cold path).
func (c *lru[V]) purge() { vkcache.Purge() }
