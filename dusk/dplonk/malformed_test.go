package dplonk

import (
	"encoding/binary"
	"errors"
	"math/big"
	"testing"

	bls12381 "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fp"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/internal/vkcache"
)

// validCase returns the first valid V3 proof of the shared vectors.
func validCase(t testing.TB) (vd, proof []byte, pis [][]byte) {
	v := loadDuskVectors(t)
	c := v.Circuits[0]
	for _, p := range c.Proofs {
		if p.Verdicts["V3"] == "ok" {
			for _, pi := range p.PublicInputs {
				pis = append(pis, unhex(t, pi))
			}
			return unhex(t, c.Verifier), unhex(t, p.Proof), pis
		}
	}
	t.Fatal("no valid V3 proof")
	return
}

func run(in []byte) ([]byte, error) {
	f, _ := testCatalogue.Lookup(Name)
	return core.Execute(f, nil, in)
}

func clone(b []byte) []byte { return append([]byte(nil), b...) }

// g1NotInSubgroup returns a compressed G1 point on the curve outside the
// prime-order subgroup.
func g1NotInSubgroup(t *testing.T) []byte {
	var four fp.Element
	four.SetUint64(4)
	for x := uint64(1); ; x++ {
		var p bls12381.G1Affine
		p.X.SetUint64(x)
		var y2 fp.Element
		y2.Square(&p.X).Mul(&y2, &p.X).Add(&y2, &four)
		if p.Y.Sqrt(&y2) == nil {
			continue
		}
		if p.IsInSubGroup() {
			continue
		}
		b := p.X.Bytes()
		b[0] |= 0x80
		if p.Y.LexicographicallyLargest() {
			b[0] |= 0x20
		}
		return b[:]
	}
}

// g1OffCurve returns a compressed x with no curve point.
func g1OffCurve(t *testing.T) []byte {
	var four fp.Element
	four.SetUint64(4)
	for x := uint64(1); ; x++ {
		var X, y2, y fp.Element
		X.SetUint64(x)
		y2.Square(&X).Mul(&y2, &X).Add(&y2, &four)
		if y.Sqrt(&y2) != nil {
			continue
		}
		b := X.Bytes()
		b[0] |= 0x80
		return b[:]
	}
}

func TestMalformed(t *testing.T) {
	vd, proof, pis := validCase(t)
	if out, err := run(buildInput(3, vd, proof, pis)); err != nil || out[0] != 1 {
		t.Fatalf("baseline: %x %v", out, err)
	}
	modulusLE := func() []byte {
		b := fr.Modulus().Bytes()
		le := make([]byte, 32)
		for i := range b {
			le[len(b)-1-i] = b[i]
		}
		return le
	}()
	pModulus := fp.Modulus().Bytes()

	type tc struct {
		name string
		in   []byte
		code core.Code
	}
	var cases []tc
	add := func(name string, in []byte, code core.Code) { cases = append(cases, tc{name, in, code}) }

	full := buildInput(3, vd, proof, pis)
	add("empty", nil, core.CodeMalformed)
	add("version 0", buildInput(0, vd, proof, pis), core.CodeMalformed)
	add("version 4", buildInput(4, vd, proof, pis), core.CodeMalformed)
	for _, n := range []int{1, 3, 5, 5 + len(vd) + 2, 5 + len(vd) + 4 + 100, len(full) - 33, len(full) - 1} {
		add("truncated to "+itoa(n), full[:n], core.CodeMalformed)
	}
	add("proof 1007", buildInput(3, vd, proof[:1007], pis), core.CodeMalformed)
	add("proof 1009", buildInput(3, vd, append(clone(proof), 0), pis), core.CodeMalformed)
	add("no public inputs", buildInput(3, vd, proof, nil), core.CodeMalformed)
	add("two public inputs", buildInput(3, vd, proof, [][]byte{pis[0], pis[0]}), core.CodeMalformed)
	add("public input = r", buildInput(3, vd, proof, [][]byte{modulusLE}), core.CodeNonCanonical)
	add("trailing byte", append(clone(full), 0), core.CodeMalformed)

	// Proof commitments and evaluations.
	for i := 0; i < 11; i++ {
		set := func(name string, enc []byte, code core.Code) {
			p := clone(proof)
			copy(p[i*g1Size:], enc)
			add("commitment "+itoa(i)+" "+name, buildInput(3, vd, p, pis), code)
		}
		p := clone(proof)
		p[i*g1Size] &^= 0x80
		add("commitment "+itoa(i)+" uncompressed flag", buildInput(3, vd, p, pis), core.CodeMalformed)
		inf := make([]byte, g1Size)
		inf[0] = 0xE0
		set("infinity with sort flag", inf, core.CodeNonCanonical)
		inf[0], inf[47] = 0xC0, 1
		set("infinity with x", inf, core.CodeNonCanonical)
		x := clone(pModulus)
		x[0] |= 0x80
		set("x = p", x, core.CodeNonCanonical)
		set("off curve", g1OffCurve(t), core.CodeInvalidPoint)
		set("not in subgroup", g1NotInSubgroup(t), core.CodeNotInSubgroup)
	}
	for i := 0; i < 15; i++ {
		p := clone(proof)
		copy(p[oEvals+i*scalarSize:], modulusLE)
		add("evaluation "+itoa(i)+" = r", buildInput(3, vd, p, pis), core.CodeNonCanonical)
	}

	// Verifier data.
	vkOff := verifierHeader + int(binary.BigEndian.Uint64(vd)) // label length
	okOff := vkOff + verifierKeySize
	withVD := func(name string, v []byte, code core.Code) { add("verifier "+name, buildInput(3, v, proof, pis), code) }
	withVD("empty", nil, core.CodeMalformed)
	withVD("header only", vd[:verifierHeader], core.CodeMalformed)
	withVD("last byte missing", vd[:len(vd)-1], core.CodeMalformed)
	hdr := func(field int, val uint64) []byte {
		v := clone(vd)
		binary.BigEndian.PutUint64(v[8*field:], val)
		return v
	}
	withVD("label_len huge", hdr(0, 1<<63), core.CodeMalformed)
	withVD("vk_len 967", hdr(1, 967), core.CodeMalformed)
	withVD("ok_len 239", hdr(2, 239), core.CodeMalformed)
	withVD("n_pi huge", hdr(3, 1<<62), core.CodeMalformed)
	withVD("pi count 0", hdr(3, 0), core.CodeMalformed) // one input given, none expected
	withVD("size 0 (index out of range)", hdr(4, 0), core.CodeMalformed)
	{
		v := clone(vd)
		binary.LittleEndian.PutUint64(v[vkOff:], 1<<31+1)
		withVD("n = 2^31+1", v, core.CodeMalformed)
	}
	for i := 0; i < 15; i++ {
		v := clone(vd)
		copy(v[vkOff+8+i*g1Size:], g1NotInSubgroup(t))
		withVD("vk commitment "+itoa(i)+" not in subgroup", v, core.CodeNotInSubgroup)
		v = clone(vd)
		copy(v[vkOff+8+i*g1Size:], g1OffCurve(t))
		withVD("vk commitment "+itoa(i)+" off curve", v, core.CodeInvalidPoint)
	}
	{
		v := clone(vd)
		copy(v[okOff:], g1OffCurve(t))
		withVD("opening g off curve", v, core.CodeInvalidPoint)
		for j, off := range []int{okOff + g1Size, okOff + g1Size + g2Size} {
			v = clone(vd)
			v[off+g2Size-1] ^= 1 // x.c0 changes: off the curve (with overwhelming probability) or out of the subgroup
			_, err := parseVerifier(v)
			if c := core.CodeOf(err); c != core.CodeInvalidPoint && c != core.CodeNotInSubgroup {
				t.Fatalf("G2 %d: %v", j, err)
			}
			v = clone(vd)
			copy(v[off+fp.Bytes:], pModulus)
			withVD("G2 "+itoa(j)+" x.c0 = p", v, core.CodeNonCanonical)
			v = clone(vd)
			v[off] &^= 0x80
			withVD("G2 "+itoa(j)+" uncompressed", v, core.CodeMalformed)
		}
	}

	for _, c := range cases {
		out, err := run(c.in)
		if err == nil {
			t.Errorf("%s: accepted with %x", c.name, out)
			continue
		}
		if got := core.CodeOf(err); got != c.code {
			t.Errorf("%s: code %v, want %v (%v)", c.name, got, c.code, err)
		}
	}
}

func itoa(i int) string { return big.NewInt(int64(i)).String() }

// Like Verifier::try_from_bytes and VerifierKey/OpeningKey::from_slice,
// bytes past what the header describes, and vk/ok bytes past their fixed
// sizes, are ignored: the valid proof still verifies.
func TestVerifierSlack(t *testing.T) {
	vd, proof, pis := validCase(t)
	v := append(clone(vd), 1, 2, 3)
	if out, err := run(buildInput(3, v, proof, pis)); err != nil || out[0] != 1 {
		t.Fatalf("trailing bytes: %x %v", out, err)
	}
	// vk_len + 8 with 8 junk bytes after the 968-byte key.
	labelLen := int(binary.BigEndian.Uint64(vd))
	vkEnd := verifierHeader + labelLen + verifierKeySize
	v = clone(vd[:vkEnd])
	v = append(v, 9, 9, 9, 9, 9, 9, 9, 9)
	v = append(v, vd[vkEnd:]...)
	binary.BigEndian.PutUint64(v[8:], verifierKeySize+8)
	if out, err := run(buildInput(3, v, proof, pis)); err != nil || out[0] != 1 {
		t.Fatalf("longer vk: %x %v", out, err)
	}
}

// publicInputEval equals the naive barycentric sum over the dense vector.
func TestPublicInputEval(t *testing.T) {
	d, _ := newDomain(16)
	p := &prepared{dom: d, size: 16}
	for _, idx := range [][]uint64{{0}, {3, 3}, {1, 5, 1, 9, 15}, {2, 4, 6, 8, 10, 12, 14, 1, 3, 5, 7, 9, 11, 13, 15, 0, 2, 4}} {
		p.piIndexes = idx
		p.piOmegaInv = make([]fr.Element, len(idx))
		for i, j := range idx {
			p.piOmegaInv[i] = frPow(&d.genInv, j)
		}
		pis := make([]fr.Element, len(idx))
		for i := range pis {
			if i%3 != 2 {
				pis[i] = randFr(t)
			}
		}
		z := randFr(t)
		zN := d.powSize(&z)
		var one, zH fr.Element
		one.SetOne()
		zH.Sub(&zN, &one)
		got := p.publicInputEval(pis, &z, &zH)

		dense := make([]fr.Element, p.size)
		for i, j := range idx {
			dense[j] = pis[i]
		}
		var want, w fr.Element
		w.SetOne()
		for i := range dense {
			// L_i(z) = ω^i (z^n − 1) / (n (z − ω^i))
			var num, den fr.Element
			num.Mul(&w, &zH)
			den.Sub(&z, &w).Mul(&den, &d.sizeFr).Inverse(&den)
			num.Mul(&num, &den).Mul(&num, &dense[i])
			want.Add(&want, &num)
			w.Mul(&w, &d.gen)
		}
		if !got.Equal(&want) {
			t.Fatalf("indexes %v: mismatch", idx)
		}
	}
}

// The cache changes neither result nor error, grows only after a proof
// verified, and stays within its byte budget.
func TestCache(t *testing.T) {
	vd, proof, pis := validCase(t)
	vkcache.Purge()
	defer vkcache.Purge()
	n0, _ := vkcache.Used()
	for i := range 3 {
		v := append(clone(vd), byte(i), 0xCA) // distinct keys, same verifier
		// A V3 proof: V2 rejects it, and a rejected call caches nothing.
		if out, err := run(buildInput(2, v, proof, pis)); err != nil || out[0] != 0 {
			t.Fatalf("entry %d, V2: %x %v", i, out, err)
		}
		if n, _ := vkcache.Used(); n != n0+i {
			t.Fatalf("entry %d: a rejected proof grew the cache to %d entries", i, n)
		}
		for pass := range 2 {
			if out, err := run(buildInput(3, v, proof, pis)); err != nil || out[0] != 1 {
				t.Fatalf("entry %d pass %d: %x %v", i, pass, out, err)
			}
		}
		if n, _ := vkcache.Used(); n != n0+i+1 {
			t.Fatalf("entry %d: cache has %d entries after a valid proof", i, n)
		}
	}
	old := vkcache.SetBudget(300 << 10)
	defer vkcache.SetBudget(old)
	for i := range 20 {
		v := append(clone(vd), byte(i), 0xCB)
		if out, err := run(buildInput(3, v, proof, pis)); err != nil || out[0] != 1 {
			t.Fatalf("entry %d: %x %v", i, out, err)
		}
		if _, b := vkcache.Used(); b > 300<<10 {
			t.Fatalf("cache holds %d bytes > budget", b)
		}
	}
	bad := clone(vd)
	bad[len(bad)-1] ^= 0xff // PI index out of range
	for i := 0; i < 2; i++ {
		if _, err := run(buildInput(3, bad, proof, pis)); !errors.Is(err, core.ErrMalformed) {
			t.Fatalf("bad verifier, try %d: %v", i, err)
		}
	}
}

func FuzzVerify(f *testing.F) {
	vd, proof, pis := validCase(f)
	for v := byte(0); v <= 4; v++ {
		f.Add(buildInput(v, vd, proof, pis))
	}
	f.Add(buildInput(3, vd, proof, nil))
	f.Add([]byte{3, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, in []byte) {
		out, err := run(in)
		if err == nil && (len(out) != 1 || out[0] > 1) {
			t.Fatalf("output %x", out)
		}
		if core.CodeOf(err) == core.CodeInternal {
			t.Fatalf("internal error: %v", err)
		}
	})
}

// Concurrent calls share the cache and the prepared verifiers safely and
// agree (run with -race).
func TestConcurrent(t *testing.T) {
	vd, proof, pis := validCase(t)
	errc := make(chan error, 8)
	for g := 0; g < 8; g++ {
		go func(g int) {
			var err error
			for i := 0; i < 3 && err == nil; i++ {
				v := append(clone(vd), byte(g), byte(i), 0xCC)
				for ver := byte(2); ver <= 3; ver++ {
					out, e := run(buildInput(ver, v, proof, pis))
					if e != nil || out[0] != ver-2 {
						err = errors.New("verdict differs under concurrency")
					}
				}
			}
			errc <- err
		}(g)
	}
	for g := 0; g < 8; g++ {
		if err := <-errc; err != nil {
			t.Fatal(err)
		}
	}
}

// The per-verifier ω^(−i) (reduced mod the domain size, by a table of
// ω^(−2^j)) equals the direct power.
func TestPublicInputPowers(t *testing.T) {
	vd, _, _ := validCase(t)
	v, _ := withPublicInputs(vd, 40)
	p, err := parseVerifier(v)
	if err != nil {
		t.Fatal(err)
	}
	if p.dom.size != 1<<31 {
		t.Fatalf("domain %d", p.dom.size)
	}
	for i, idx := range p.piIndexes {
		want := frPow(&p.dom.genInv, idx)
		if !p.piOmegaInv[i].Equal(&want) {
			t.Fatalf("index %d", idx)
		}
	}
	// The same indexes over the shared circuit's domain of 8 wrap.
	labelLen := binary.BigEndian.Uint64(v)
	binary.LittleEndian.PutUint64(v[verifierHeader+int(labelLen):], 7)
	p, err = parseVerifier(v)
	if err != nil || p.dom.size != 8 {
		t.Fatal(err)
	}
	for i, idx := range p.piIndexes {
		want := frPow(&p.dom.genInv, idx)
		if !p.piOmegaInv[i].Equal(&want) {
			t.Fatalf("index %d over domain 8", idx)
		}
	}
}

// FuzzProof fuzzes proof and public-input bytes under the shared verifier
// (cached, so each run is one verification).
func FuzzProof(f *testing.F) {
	vd, proof, pis := validCase(f)
	f.Add(byte(3), proof, pis[0])
	f.Add(byte(2), proof, pis[0])
	f.Fuzz(func(t *testing.T, ver byte, pr, pi []byte) {
		out, err := run(buildInput(ver%4, vd, pr, [][]byte{pi}))
		if err == nil && (len(out) != 1 || out[0] > 1) {
			t.Fatalf("output %x", out)
		}
		if core.CodeOf(err) == core.CodeInternal {
			t.Fatalf("internal error: %v", err)
		}
	})
}
