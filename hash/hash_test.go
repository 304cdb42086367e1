package hash

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"golang.org/x/crypto/blake2b"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

// call runs a catalogue function through core.Invoke, the host-call path.
func call(t testing.TB, name string, in []byte) ([]byte, error) {
	t.Helper()
	f, ok := testCatalogue.Lookup(name)
	if !ok {
		t.Fatalf("%s is not registered", name)
	}
	out, _, err := core.Invoke(f, gas.Default, nil, nil, in)
	return out, err
}

func readJSON(t testing.TB, rel string, v any) {
	t.Helper()
	vectors.JSON(t, rel, v)
}

func unhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.TrimPrefix(s, "0x"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestBlake2bKAT runs the official unkeyed BLAKE2b-512 KATs (inputs 0..255
// bytes) through blake2b_512.
func TestBlake2bKAT(t *testing.T) {
	var kats []struct{ Hash, In, Key, Out string }
	readJSON(t, "blake2/blake2-kat.json", &kats)
	dispatchtest.Backends(t, func(t *testing.T, _ string) {
		n := 0
		for _, k := range kats {
			if k.Hash != "blake2b" || k.Key != "" {
				continue
			}
			n++
			got, err := call(t, "blake2b_512", unhex(t, k.In))
			if err != nil || !bytes.Equal(got, unhex(t, k.Out)) {
				t.Fatalf("blake2b_512(%s) = %x, %v; want %s", k.In, got, err, k.Out)
			}
		}
		if n != 256 {
			t.Fatalf("ran %d unkeyed blake2b KATs, want 256", n)
		}
	})
}

// TestRFC7693 checks Appendix A (BLAKE2b-512("abc")) through blake2b_512 and
// the Appendix E self-test, whose unkeyed 32- and 64-byte digests come from
// blake2b_256 and blake2b_512 (the other lengths and the keyed digests, which
// no host function offers, from x/crypto).
func TestRFC7693(t *testing.T) {
	var v struct {
		A struct {
			InputASCII string `json:"input_ascii"`
			Expected   string
		} `json:"appendix_A_blake2b_512_abc"`
		E struct {
			MdLen    []int  `json:"md_len"`
			InLen    []int  `json:"in_len"`
			Expected string `json:"expected_grand_hash_blake2b_256"`
		} `json:"appendix_E_selftest"`
	}
	readJSON(t, "blake2/rfc7693_vectors.json", &v)
	got, err := call(t, "blake2b_512", []byte(v.A.InputASCII))
	if err != nil || !bytes.Equal(got, unhex(t, v.A.Expected)) {
		t.Fatalf("appendix A: got %x, %v", got, err)
	}
	seq := func(n int, seed uint32) []byte {
		out := make([]byte, n)
		a, b := 0xDEAD4BAD*seed, uint32(1)
		for i := range out {
			tt := a + b
			a, b = b, tt
			out[i] = byte(tt >> 24)
		}
		return out
	}
	sum := func(outlen int, key, in []byte) []byte {
		if key == nil && (outlen == 32 || outlen == 64) {
			name := map[int]string{32: "blake2b_256", 64: "blake2b_512"}[outlen]
			d, err := call(t, name, in)
			if err != nil {
				t.Fatal(err)
			}
			return d
		}
		h, err := blake2b.New(outlen, key)
		if err != nil {
			t.Fatal(err)
		}
		h.Write(in)
		return h.Sum(nil)
	}
	var all []byte
	for _, outlen := range v.E.MdLen {
		for _, inlen := range v.E.InLen {
			in := seq(inlen, uint32(inlen))
			all = append(all, sum(outlen, nil, in)...)
			all = append(all, sum(outlen, seq(outlen, uint32(outlen)), in)...)
		}
	}
	grand := sum(32, nil, all)
	if !bytes.Equal(grand, unhex(t, v.E.Expected)) {
		t.Fatalf("appendix E grand hash %x, want %s", grand, v.E.Expected)
	}
}

// TestBlake2F runs go-ethereum's EIP-152 vectors: blake2f must produce
// geth's output and fail (with CodeMalformed) exactly where geth fails.
func TestBlake2F(t *testing.T) {
	var ok []struct{ Input, Expected, Name string }
	var bad []struct{ Input, ExpectedError, Name string }
	readJSON(t, "go-ethereum-precompiles/blake2F.json", &ok)
	readJSON(t, "go-ethereum-precompiles/fail-blake2f.json", &bad)
	if len(ok) == 0 || len(bad) == 0 {
		t.Fatal("no vectors")
	}
	// blake2f has one implementation; TestVectorsThroughCLI runs these
	// vectors under the backend selections too.
	func() {
		for _, v := range ok {
			got, err := call(t, "blake2f", unhex(t, v.Input))
			if err != nil || !bytes.Equal(got, unhex(t, v.Expected)) {
				t.Errorf("%s: got %x, %v; want %s", v.Name, got, err, v.Expected)
			}
		}
		for _, v := range bad {
			got, err := call(t, "blake2f", unhex(t, v.Input))
			if !errors.Is(err, core.ErrMalformed) {
				t.Errorf("%s: got %x, %v; want malformed (geth: %s)", v.Name, got, err, v.ExpectedError)
			}
		}
	}()
}

// TestBlake2FMatchesBlake2b checks F against a full BLAKE2b-512 of a
// one-block message: h0 = IV ^ parameter block, t = len, final = 1, 12 rounds.
func TestBlake2FMatchesBlake2b(t *testing.T) {
	for _, n := range []int{0, 1, 64, 127, 128} {
		msg := bytes.Repeat([]byte{0xa5}, n)
		in := make([]byte, blake2fInputLen)
		in[3] = 12
		h := blake2bIV
		h[0] ^= 0x01010000 ^ 64
		for i, w := range h {
			for j := 0; j < 8; j++ {
				in[4+8*i+j] = byte(w >> (8 * j))
			}
		}
		copy(in[68:], msg)
		in[196] = byte(n)
		in[212] = 1
		got, err := call(t, "blake2f", in)
		want := blake2b.Sum512(msg)
		if err != nil || !bytes.Equal(got, want[:]) {
			t.Fatalf("len %d: got %x, %v; want %x", n, got, err, want)
		}
	}
	// Gas items are the round count.
	f, _ := testCatalogue.Lookup("blake2f")
	if got := f.ItemCount([]byte{0, 1, 0, 2}); got != 0x10002 {
		t.Fatalf("items = %d", got)
	}
}

// TestDigestsAgainstLibraries checks every byte hash against known answers
// from the algorithms' specifications (FIPS 180-4, FIPS 202, the Keccak
// team, the BLAKE3 and RIPEMD-160 papers): the digests of "" and "abc".
func TestDigestsAgainstLibraries(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"sha256", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
		{"sha3_256", "abc", "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532"},
		{"sha3_256", "", "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a"},
		{"keccak256", "", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"},
		{"keccak256", "abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"},
		{"blake3_256", "", "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262"},
		{"blake3_256", "abc", "6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85"},
		{"ripemd160", "", "9c1185a5c5e9fc54612808977ee8f548b2258d31"},
		{"ripemd160", "abc", "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc"},
		{"blake2b_256", "abc", "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319"},
	}
	dispatchtest.Backends(t, func(t *testing.T, _ string) {
		for _, c := range cases {
			got, err := call(t, c.name, []byte(c.in))
			if err != nil || hex.EncodeToString(got) != c.want {
				t.Errorf("%s(%q) = %x, %v; want %s", c.name, c.in, got, err, c.want)
			}
		}
	})
}

// TestByteHashesZeroAlloc checks that each byte hash appends its digest
// without allocating when dst has room.
func TestByteHashesZeroAlloc(t *testing.T) {
	in := bytes.Repeat([]byte{7}, 1000)
	dst := make([]byte, 0, 64)
	for _, name := range []string{"sha256", "sha3_256", "keccak256", "blake2b_256", "blake2b_512", "blake3_256", "ripemd160", "blake2f"} {
		f, _ := testCatalogue.Lookup(name)
		x := in
		if name == "blake2f" {
			x = make([]byte, blake2fInputLen)
			x[3] = 12
		}
		if _, err := f.Run(dst, x); err != nil {
			t.Fatal(err)
		}
		if n := testing.AllocsPerRun(50, func() { f.Run(dst, x) }); n != 0 {
			t.Errorf("%s: %.1f allocations per call", name, n)
		}
	}
}

// TestAppendsToDst checks the append contract: existing dst bytes are kept.
func TestAppendsToDst(t *testing.T) {
	f, _ := testCatalogue.Lookup("keccak256")
	out, err := f.Run([]byte("prefix"), []byte("abc"))
	if err != nil || string(out[:6]) != "prefix" || len(out) != 38 {
		t.Fatalf("got %q, %v", out, err)
	}
	d := sha256.Sum256(nil)
	if out, _ := call(t, "sha256", nil); !bytes.Equal(out, d[:]) {
		t.Fatal("sha256(empty)")
	}
}
