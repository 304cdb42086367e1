package zk

import (
	"container/list"
	"crypto/sha256"
	"sync"
)

// vkKey identifies a verifying key in a cache: SHA-256 of a domain tag and
// the key's bytes exactly as they appear in the input. SHA-256 is collision
// resistant, so a hit can only return the prepared form of the same bytes.
type vkKey [32]byte

func keyOf(tag string, vk []byte) vkKey {
	h := sha256.New()
	h.Write([]byte(tag))
	h.Write([]byte{0})
	h.Write(vk)
	var k vkKey
	h.Sum(k[:0])
	return k
}

// lru is a bounded, goroutine-safe least-recently-used map from vkKey to a
// prepared verifying key. Only keys that decoded and validated completely
// are stored, so a hit and a miss give the same verdict and error code; the
// gas of a call never depends on the cache (it is priced from the input
// length and count header before the cache is consulted).
type lru[V any] struct {
	mu  sync.Mutex
	max int
	m   map[vkKey]*list.Element
	l   list.List // front: most recently used; values are *lruEntry[V]
}

type lruEntry[V any] struct {
	k vkKey
	v V
}

func newLRU[V any](max int) *lru[V] {
	return &lru[V]{max: max, m: make(map[vkKey]*list.Element, max)}
}

// get returns the value for k and marks it most recently used.
func (c *lru[V]) get(k vkKey) (v V, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[k]
	if !ok {
		return v, false
	}
	c.l.MoveToFront(e)
	return e.Value.(*lruEntry[V]).v, true
}

// put stores v under k, evicting the least recently used entry when full.
func (c *lru[V]) put(k vkKey, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.m[k]; ok {
		e.Value.(*lruEntry[V]).v = v
		c.l.MoveToFront(e)
		return
	}
	if c.max <= 0 {
		return
	}
	for c.l.Len() >= c.max {
		last := c.l.Back()
		delete(c.m, last.Value.(*lruEntry[V]).k)
		c.l.Remove(last)
	}
	c.m[k] = c.l.PushFront(&lruEntry[V]{k: k, v: v})
}

// len returns the number of cached entries.
func (c *lru[V]) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.l.Len()
}

// purge empties the cache (tests and benchmarks of the cold path).
func (c *lru[V]) purge() {
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(c.m)
	c.l.Init()
}
