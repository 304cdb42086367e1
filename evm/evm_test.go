package evm

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"math"
	"math/big"
	mrand "math/rand/v2"
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
)

func TestAddresses(t *testing.T) {
	want := []uint64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 0x100}
	got := Addresses()
	if len(got) != len(want) {
		t.Fatalf("Addresses() = %x, want %x", got, want)
	}
	for i, a := range want {
		if got[i] != a {
			t.Fatalf("Addresses() = %x, want %x", got, want)
		}
		c, ok := LookupAddress(AddressOf(a))
		if !ok || c.Address() != a {
			t.Errorf("LookupAddress(AddressOf(%#x)) failed", a)
		}
		f, ok := testCatalogue.Lookup(FuncName(a))
		if !ok || f != c.Func() || f.Family != "evm" || f.Gas == nil {
			t.Errorf("catalogue entry for %#x missing or inconsistent", a)
		}
	}
	for name, a := range map[string]uint64{"evm:0x01": 1, "evm:0x0a": 10, "evm:0x11": 17, "evm:0x100": 0x100} {
		if FuncName(a) != name {
			t.Errorf("FuncName(%#x) = %q, want %q", a, FuncName(a), name)
		}
	}
	if len(Contracts()) != len(want) {
		t.Errorf("Contracts() has %d entries", len(Contracts()))
	}
	var hi Address
	hi[0], hi[19] = 1, 1
	if _, ok := LookupAddress(hi); ok {
		t.Error("address with high bytes set resolved to a precompile")
	}
	for _, a := range []uint64{0, 0x12, 0xff, 0x101} {
		if _, g, err := Run(a, nil); !errors.Is(err, core.ErrUnknownFunction) || g != 0 {
			t.Errorf("Run(%#x) = gas %d, %v; want unknown function", a, g, err)
		}
		if _, ok := RequiredGas(a, nil); ok {
			t.Errorf("RequiredGas(%#x) ok", a)
		}
	}
}

// refModexpGas is EIP-7883's formula in unbounded integers, clamped to
// uint64 at the end (go-ethereum saturates exactly where the true value
// exceeds 2^64-1).
func refModexpGas(in []byte) uint64 {
	get := func(off, n *big.Int) []byte { // n bytes at off of in, zero-padded
		out := make([]byte, n.Int64())
		if off.IsInt64() && off.Int64() < int64(len(in)) {
			copy(out, in[off.Int64():])
		}
		return out
	}
	bl := new(big.Int).SetBytes(get(big.NewInt(0), big.NewInt(32)))
	el := new(big.Int).SetBytes(get(big.NewInt(32), big.NewInt(32)))
	ml := new(big.Int).SetBytes(get(big.NewInt(64), big.NewInt(32)))
	head := new(big.Int)
	if big.NewInt(int64(len(in))-96).Cmp(bl) > 0 {
		n := new(big.Int).Set(el)
		if n.Cmp(big.NewInt(32)) > 0 {
			n.SetInt64(32)
		}
		head.SetBytes(get(new(big.Int).Add(bl, big.NewInt(96)), n))
	}
	iter := new(big.Int)
	if el.Cmp(big.NewInt(32)) > 0 {
		iter.Sub(el, big.NewInt(32)).Mul(iter, big.NewInt(16))
	}
	if head.Sign() > 0 {
		iter.Add(iter, big.NewInt(int64(head.BitLen()-1)))
	}
	if iter.Sign() == 0 {
		iter.SetInt64(1)
	}
	x := bl
	if ml.Cmp(x) > 0 {
		x = ml
	}
	mult := big.NewInt(16)
	if x.Cmp(big.NewInt(32)) > 0 {
		w := new(big.Int).Add(x, big.NewInt(7))
		w.Rsh(w, 3)
		mult.Mul(w, w).Lsh(mult, 1)
	}
	g := new(big.Int).Mul(mult, iter)
	if g.Cmp(big.NewInt(500)) < 0 {
		return 500
	}
	if !g.IsUint64() {
		return math.MaxUint64
	}
	return g.Uint64()
}

func TestModexpGasProperty(t *testing.T) {
	r := mrand.New(mrand.NewPCG(1, 2))
	lens := []uint64{0, 1, 7, 8, 31, 32, 33, 64, 1024, 1025, 1 << 20, 1<<32 - 1, 1 << 60, math.MaxUint64 - 7, math.MaxUint64}
	word := func(b []byte, v uint64, wide bool) {
		for i := range 8 {
			b[31-i] = byte(v >> (8 * i))
		}
		if wide {
			b[r.IntN(24)] = 1
		}
	}
	for i := 0; i < 20000; i++ {
		in := make([]byte, 96+r.IntN(200))
		word(in[0:32], lens[r.IntN(len(lens))]%uint64(1+r.IntN(300)), r.IntN(50) == 0)
		if r.IntN(3) == 0 {
			word(in[0:32], lens[r.IntN(len(lens))], false)
		}
		word(in[32:64], lens[r.IntN(len(lens))], r.IntN(50) == 0)
		if r.IntN(2) == 0 {
			word(in[32:64], uint64(r.IntN(70)), false)
		}
		word(in[64:96], lens[r.IntN(len(lens))], r.IntN(50) == 0)
		for j := 96; j < len(in); j++ {
			if r.IntN(4) != 0 {
				in[j] = byte(r.Uint32() >> r.IntN(8))
			}
		}
		if r.IntN(10) == 0 {
			in = in[:r.IntN(len(in))]
		}
		if got, want := modexpGas(in), refModexpGas(in); got != want {
			t.Fatalf("modexpGas(%x) = %d, want %d", in, got, want)
		}
	}
}

func modexpIn(bl, el, ml int, data ...byte) []byte {
	in := make([]byte, 96)
	big.NewInt(int64(bl)).FillBytes(in[0:32])
	big.NewInt(int64(el)).FillBytes(in[32:64])
	big.NewInt(int64(ml)).FillBytes(in[64:96])
	return append(in, data...)
}

func TestModexpSemantics(t *testing.T) {
	for _, c := range []struct {
		name string
		in   []byte
		want string // hex; "err" for ErrTooLarge
	}{
		{"3^5 mod 7", modexpIn(1, 1, 1, 3, 5, 7), "05"},
		{"mod 0 gives len(M) zero bytes", modexpIn(1, 1, 2, 3, 5, 0, 0), "0000"},
		{"mod 1", modexpIn(1, 1, 1, 3, 5, 1), "00"},
		{"0^0 mod 7 = 1", modexpIn(1, 1, 1, 0, 0, 7), "01"},
		{"empty exponent", modexpIn(1, 0, 1, 9, 7), "01"},
		{"operands padded with zeros", modexpIn(1, 1, 2, 2, 3, 1), "0008"}, // 2^3 mod 256
		{"no base, no modulus", modexpIn(0, 5, 0, 1, 2, 3), ""},
		{"no base", modexpIn(0, 1, 1, 1, 9), "00"},
		{"bare header", nil, ""},
		{"exp len 1025", modexpIn(0, 1025, 0), "err"},
		{"base len 1025", modexpIn(1025, 0, 1), "err"},
		{"mod len 1025", modexpIn(1, 0, 1025), "err"},
		{"1024 ok", modexpIn(1024, 0, 1024), ""},
	} {
		out, err := modexpRun(nil, c.in)
		if c.want == "err" {
			if !errors.Is(err, core.ErrTooLarge) {
				t.Errorf("%s: err %v, want ErrTooLarge", c.name, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if c.name == "1024 ok" {
			if len(out) != 1024 || modexpOutLen(c.in) != 1024 {
				t.Errorf("%s: %d bytes", c.name, len(out))
			}
			continue
		}
		if hex.EncodeToString(out) != c.want {
			t.Errorf("%s: got %x, want %s", c.name, out, c.want)
		}
	}
	// A length field wider than 64 bits fails too.
	in := modexpIn(1, 1, 1, 2, 2, 5)
	in[0] = 1
	if _, err := modexpRun(nil, in); !errors.Is(err, core.ErrTooLarge) {
		t.Errorf("wide length: %v", err)
	}
}

var secp256k1N, _ = new(big.Int).SetString("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16)

func TestEcrecoverEdges(t *testing.T) {
	dispatchtest.ForEach(t, "evm.ecrecover", testEcrecoverEdges)
}

func testEcrecoverEdges(t *testing.T) {
	vs := loadVectors(t, "go-ethereum-precompiles/ecRecover.json")
	var in, want []byte
	for _, v := range vs {
		if v.Expected != "" && len(v.Input) == 256 {
			in, want = unhex(t, v.Input), unhex(t, v.Expected)
			break
		}
	}
	if in == nil {
		t.Fatal("no 128-byte vector")
	}
	run := func(b []byte) []byte {
		out, err := ecrecoverRun(nil, b)
		if err != nil {
			t.Fatalf("ecrecover returned an error: %v", err)
		}
		return out
	}
	if !bytes.Equal(run(in), want) {
		t.Fatal("vector does not recover")
	}
	if !bytes.Equal(run(append(append([]byte{}, in...), 1, 2, 3)), want) {
		t.Error("trailing bytes changed the result")
	}
	// (r, n-s) with the other recovery id is the same signature (high s is
	// allowed in the precompile).
	hs := append([]byte{}, in...)
	s := new(big.Int).SetBytes(in[96:128])
	new(big.Int).Sub(secp256k1N, s).FillBytes(hs[96:128])
	hs[63] ^= 27 ^ 28
	if !bytes.Equal(run(hs), want) {
		t.Error("high-s form did not recover the same address")
	}
	mod := func(f func(b []byte)) []byte {
		b := append([]byte{}, in...)
		f(b)
		return b
	}
	for name, b := range map[string][]byte{
		"v=29":         mod(func(b []byte) { b[63] = 29 }),
		"v=0":          mod(func(b []byte) { b[63] = 0 }),
		"v high bytes": mod(func(b []byte) { b[40] = 1 }),
		"r=0":          mod(func(b []byte) { clear(b[64:96]) }),
		"s=0":          mod(func(b []byte) { clear(b[96:128]) }),
		"r=n":          mod(func(b []byte) { secp256k1N.FillBytes(b[64:96]) }),
		"s=n":          mod(func(b []byte) { secp256k1N.FillBytes(b[96:128]) }),
		"s=2^256-1":    mod(func(b []byte) { copy(b[96:128], bytes.Repeat([]byte{0xff}, 32)) }),
		"truncated":    in[:100],
		"empty":        nil,
	} {
		if out := run(b); len(out) != 0 && bytes.Equal(out, want) {
			t.Errorf("%s: recovered the original address", name)
		} else if name != "truncated" && len(out) != 0 {
			t.Errorf("%s: got %x, want empty output", name, out)
		}
	}
}

var p256N = elliptic.P256().Params().N

func TestP256Edges(t *testing.T) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.Sum256([]byte("hostcrypto"))
	r, s, err := ecdsa.Sign(rand.Reader, key, h[:])
	if err != nil {
		t.Fatal(err)
	}
	in := make([]byte, 160)
	copy(in, h[:])
	r.FillBytes(in[32:64])
	s.FillBytes(in[64:96])
	key.X.FillBytes(in[96:128])
	key.Y.FillBytes(in[128:160])
	one := append(make([]byte, 31), 1)
	run := func(b []byte) []byte {
		out, err := p256Run(nil, b)
		if err != nil {
			t.Fatalf("p256verify returned an error: %v", err)
		}
		return out
	}
	if !bytes.Equal(run(in), one) {
		t.Fatal("valid signature rejected")
	}
	mod := func(f func(b []byte)) []byte {
		b := append([]byte{}, in...)
		f(b)
		return b
	}
	if !bytes.Equal(run(mod(func(b []byte) { new(big.Int).Sub(p256N, s).FillBytes(b[64:96]) })), one) {
		t.Error("high-s signature rejected (EIP-7951 accepts both)")
	}
	p := elliptic.P256().Params().P
	for name, b := range map[string][]byte{
		"hash flipped": mod(func(b []byte) { b[0] ^= 1 }),
		"r=0":          mod(func(b []byte) { clear(b[32:64]) }),
		"s=0":          mod(func(b []byte) { clear(b[64:96]) }),
		"r=n":          mod(func(b []byte) { p256N.FillBytes(b[32:64]) }),
		"s=n":          mod(func(b []byte) { p256N.FillBytes(b[64:96]) }),
		"r=2^256-1":    mod(func(b []byte) { copy(b[32:64], bytes.Repeat([]byte{0xff}, 32)) }),
		"Q=(0,0)":      mod(func(b []byte) { clear(b[96:160]) }),
		"Q off curve":  mod(func(b []byte) { b[159] ^= 1 }),
		"x=p":          mod(func(b []byte) { p.FillBytes(b[96:128]) }),
		"159 bytes":    in[:159],
		"161 bytes":    append(append([]byte{}, in...), 0),
		"empty":        nil,
	} {
		if out := run(b); len(out) != 0 {
			t.Errorf("%s: got %x, want empty output", name, out)
		}
	}
}

// noPointX returns a compressed G1 encoding whose x has x^3 + 4 a
// non-residue mod p (no curve point), found with math/big's Jacobi symbol.
func noPointX(t *testing.T) []byte {
	p, _ := new(big.Int).SetString("1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab", 16)
	for x := int64(1); x < 100; x++ {
		v := big.NewInt(x*x*x + 4)
		if big.Jacobi(v, p) == -1 {
			b := big.NewInt(x).FillBytes(make([]byte, 48))
			b[0] |= 0x80
			return b
		}
	}
	t.Fatal("no non-residue found")
	return nil
}

// withCommitment returns the point evaluation input in with its commitment
// replaced by c and the versioned hash recomputed.
func withCommitment(in, c []byte) []byte {
	b := append([]byte{}, in...)
	copy(b[96:144], c)
	vh := kzgToVersionedHash(b[96:144])
	copy(b, vh[:])
	return b
}

func TestPointEvaluationEdges(t *testing.T) {
	dispatchtest.ForEach(t, "evm.point_evaluation", testPointEvaluationEdges)
}

func testPointEvaluationEdges(t *testing.T) {
	v := loadVectors(t, "go-ethereum-precompiles/pointEvaluation.json")[0]
	in := unhex(t, v.Input)
	if out, err := pointEvalRun(nil, in); err != nil || !bytes.Equal(out, unhex(t, v.Expected)) {
		t.Fatalf("vector: %x, %v", out, err)
	}
	blsR, _ := new(big.Int).SetString("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16)
	if !bytes.Equal(blsR.FillBytes(make([]byte, 32)), pointEvalOutput[32:]) || new(big.Int).SetBytes(pointEvalOutput[:32]).Int64() != 4096 {
		t.Fatal("success output is not uint256(4096) || uint256(BLS_MODULUS)")
	}
	mod := func(f func(b []byte)) []byte {
		b := append([]byte{}, in...)
		f(b)
		return b
	}
	inf := append([]byte{0xc0}, make([]byte, 47)...)
	pBytes, _ := hex.DecodeString("1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab")
	for _, c := range []struct {
		name string
		in   []byte
		code core.Code
	}{
		{"191 bytes", in[:191], core.CodeMalformed},
		{"193 bytes", append(append([]byte{}, in...), 0), core.CodeMalformed},
		{"version byte", mod(func(b []byte) { b[0] = 2 }), core.CodeMalformed},
		{"hash mismatch", mod(func(b []byte) { b[31] ^= 1 }), core.CodeMalformed},
		{"z = r", mod(func(b []byte) { blsR.FillBytes(b[32:64]) }), core.CodeNonCanonical},
		{"y = r", mod(func(b []byte) { blsR.FillBytes(b[64:96]) }), core.CodeNonCanonical},
		{"wrong y", mod(func(b []byte) { b[95] ^= 1 }), core.CodeNoResult},
		{"wrong z", mod(func(b []byte) { b[63] ^= 1 }), core.CodeNoResult},
		{"proof infinity", mod(func(b []byte) { copy(b[144:], inf) }), core.CodeNoResult},
		{"commitment infinity", withCommitment(in, inf), core.CodeNoResult},
		{"uncompressed flag", withCommitment(in, append([]byte{0x00}, in[97:144]...)), core.CodeMalformed},
		{"infinity with sort flag", withCommitment(in, append([]byte{0xe0}, make([]byte, 47)...)), core.CodeMalformed},
		{"infinity not zero", withCommitment(in, append([]byte{0xc0}, append(make([]byte, 46), 1)...)), core.CodeMalformed},
		{"x = p", withCommitment(in, append([]byte{pBytes[0] | 0x80}, pBytes[1:]...)), core.CodeNonCanonical},
		{"x = 0: (0, 2) is on the curve, outside G1", withCommitment(in, append([]byte{0x80}, make([]byte, 47)...)), core.CodeNotInSubgroup},
		{"x^3 + 4 not a square", withCommitment(in, noPointX(t)), core.CodeInvalidPoint},
	} {
		_, err := pointEvalRun(nil, c.in)
		if core.CodeOf(err) != c.code {
			t.Errorf("%s: %v, want %v", c.name, err, c.code)
		}
	}
}

// TestNamedAdapters runs the forwarding precompiles' adapters over stand-in
// targets, checking go-ethereum's length rules and the re-encodings
// (pairing verdict byte to a 32-byte word, RIPEMD-160 left-padded).
func TestNamedAdapters(t *testing.T) {
	if out, err := BN254Pairing.Run(nil, nil); err != nil || !bytes.Equal(out, append(make([]byte, 31), 1)) {
		t.Errorf("empty BN254 pairing: %x, %v", out, err)
	}

	var seen []byte
	echo := func(name string, n int) *core.Func {
		return &core.Func{Name: name, Run: func(dst, in []byte) ([]byte, error) {
			seen = append(seen[:0], in...)
			return append(dst, bytes.Repeat([]byte{0xab}, n)...), nil
		}}
	}
	verdict := &core.Func{Name: "verdict", Run: func(dst, in []byte) ([]byte, error) {
		return append(dst, in[0]), nil
	}}
	run := func(f func(dst, in []byte) ([]byte, error)) *Contract {
		return &Contract{f: &core.Func{Name: "stand-in", Run: f}}
	}
	bnAdd := run(fixedNamed(echo("add", 64), 128, 64))
	bnMul := run(fixedNamed(echo("mul", 64), 96, 64))
	ripemd := run(leftPadded(echo("ripemd", 20), 20))
	bnPairing := run(verdictWord(verdict, bn254PairSize, true))
	blsPairing := run(verdictWord(echo("pairing2", 2), blsPairingPairLen, false))
	g1MSM := run(multipleNamed(echo("msm", 128), blsG1MSMPairSize, 128))
	blake := run(blake2fRun(echo("blake2f", 64)))

	out, err := bnAdd.Run([]byte{1, 2, 3})
	if err != nil || len(seen) != 128 || seen[0] != 1 || seen[3] != 0 || len(out) != 64 {
		t.Errorf("BN254 add padding: saw %d bytes, out %d, %v", len(seen), len(out), err)
	}
	if _, err := bnMul.Run(make([]byte, 200)); err != nil || len(seen) != 96 {
		t.Errorf("BN254 mul truncation: saw %d bytes, %v", len(seen), err)
	}
	out, err = ripemd.Run([]byte("abc"))
	if err != nil || !bytes.Equal(out, append(make([]byte, 12), bytes.Repeat([]byte{0xab}, 20)...)) {
		t.Errorf("ripemd160 padding: %x, %v", out, err)
	}
	for _, v := range []byte{0, 1} {
		in := make([]byte, 192)
		in[0] = v
		out, err := bnPairing.Run(in)
		if err != nil || !bytes.Equal(out, append(make([]byte, 31), v)) {
			t.Errorf("pairing verdict %d: %x, %v", v, out, err)
		}
	}
	bad := make([]byte, 192)
	bad[0] = 2
	if _, err := bnPairing.Run(bad); core.CodeOf(err) != core.CodeInternal {
		t.Errorf("verdict byte 2: %v, want internal error", err)
	}
	if _, err := bnPairing.Run(make([]byte, 191)); core.CodeOf(err) != core.CodeMalformed {
		t.Errorf("pairing 191 bytes: %v", err)
	}
	if _, err := blsPairing.Run(make([]byte, 384)); core.CodeOf(err) != core.CodeInternal {
		t.Errorf("2-byte verdict: %v, want internal error", err)
	}
	if _, err := blsPairing.Run(nil); core.CodeOf(err) != core.CodeMalformed {
		t.Errorf("empty BLS pairing: %v, want malformed", err)
	}
	for _, n := range []int{0, 159, 161} {
		if _, err := g1MSM.Run(make([]byte, n)); core.CodeOf(err) != core.CodeMalformed {
			t.Errorf("G1 MSM %d bytes: %v", n, err)
		}
	}
	if out, err := g1MSM.Run(make([]byte, 320)); err != nil || len(out) != 128 {
		t.Errorf("G1 MSM: %d bytes, %v", len(out), err)
	}
	b2 := make([]byte, 213)
	b2[212] = 2
	if _, err := blake.Run(b2); core.CodeOf(err) != core.CodeMalformed {
		t.Errorf("blake2f flag 2: %v", err)
	}
	b2[212] = 1
	if out, err := blake.Run(b2); err != nil || len(out) != 64 {
		t.Errorf("blake2f: %v", err)
	}
	// A panicking implementation is contained.
	boom := &core.Func{Name: "boom", Run: func(dst, in []byte) ([]byte, error) { panic("boom") }}
	if _, err := run(exactNamed(boom, 64, 128)).Run(make([]byte, 64)); core.CodeOf(err) != core.CodeInternal {
		t.Errorf("panic: %v", err)
	}
	// Every forwarding precompile holds its target and answers as it does.
	for _, c := range table {
		for _, tg := range c.f.Targets {
			if tg == nil || tg.Run == nil {
				t.Errorf("%s: nil target", c.f.Name)
			}
		}
	}
}

func TestGasRules(t *testing.T) {
	g := func(a uint64, n int) uint64 { x, _ := RequiredGas(a, make([]byte, n)); return x }
	for _, c := range []struct {
		addr uint64
		n    int
		want uint64
	}{
		{AddrEcrecover, 0, 3000}, {AddrSha256, 0, 60}, {AddrSha256, 33, 84},
		{AddrRipemd160, 32, 720}, {AddrIdentity, 65, 24},
		{AddrBN254Add, 0, 150}, {AddrBN254Mul, 0, 6000}, {AddrBN254Pairing, 384, 113000}, {AddrBN254Pairing, 191, 45000},
		{AddrBlake2F, 212, 0}, {AddrPointEval, 0, 50000},
		{AddrBLS12G1Add, 0, 375}, {AddrBLS12G2Add, 0, 600},
		{AddrBLS12G1MSM, 159, 0}, {AddrBLS12G1MSM, 160, 12000}, {AddrBLS12G1MSM, 320, 22776},
		{AddrBLS12G1MSM, 160 * 128, 128 * 12000 * 519 / 1000}, {AddrBLS12G1MSM, 160 * 300, 300 * 12000 * 519 / 1000},
		{AddrBLS12G2MSM, 288, 22500}, {AddrBLS12G2MSM, 576, 45000}, {AddrBLS12G2MSM, 288 * 129, 129 * 22500 * 524 / 1000},
		{AddrBLS12Pairing, 768, 37700 + 2*32600}, {AddrBLS12MapFpToG1, 0, 5500}, {AddrBLS12MapFp2G2, 0, 23800},
		{AddrP256Verify, 0, 6900}, {AddrModexp, 0, 500},
	} {
		if got := g(c.addr, c.n); got != c.want {
			t.Errorf("gas(%#x, %d bytes) = %d, want %d", c.addr, c.n, got, c.want)
		}
	}
	b := make([]byte, 213)
	b[2], b[3] = 1, 2
	if x, _ := RequiredGas(AddrBlake2F, b); x != 258 {
		t.Errorf("blake2f 258 rounds: gas %d", x)
	}
}
