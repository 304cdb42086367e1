package dplonk

import (
	"encoding/hex"
	"testing"

	bls12381 "github.com/consensys/gnark-crypto/ecc/bls12-381"
	"github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
)

// Constants against the values in Dusk's sources.
func TestConstants(t *testing.T) {
	// dusk-bls12_381 0.14.2 src/scalar.rs ROOT_OF_UNITY, in Montgomery form
	// with R = 2^256 mod r, the same representation as fr.Element.
	want := fr.Element{0xb9b58d8c5f0e466a, 0x5b1b4c801819d7ec, 0x0af53ae352a31e64, 0x5bf3adda19e9b27b}
	if !rootOfUnity.Equal(&want) {
		t.Fatalf("ROOT_OF_UNITY = %v", rootOfUnity.String())
	}
	// dusk-jubjub (6e2b63f) src/lib.rs EDWARDS_D, canonical limbs.
	b := edwardsD.Bytes()
	if got := hex.EncodeToString(b[:]); got != "2a9318e74bfa2b48f5fd9207e6bd7fd4292d7f6d37579d2601065fd6d6343eb1" {
		t.Fatalf("EDWARDS_D = %s", got)
	}
	// ω has order exactly 8 for the vectors' n = 7.
	d, err := newDomain(7)
	if err != nil || d.size != 8 {
		t.Fatal(d.size, err)
	}
	w4 := d.gen
	for i := 0; i < 2; i++ {
		w4.Square(&w4)
	}
	var one, minusOne fr.Element
	one.SetOne()
	minusOne.Neg(&one)
	if !w4.Equal(&minusOne) {
		t.Fatal("ω^4 != -1")
	}
	for _, n := range []uint64{0, 1, 2, 3, 1 << 20, 1<<20 + 1, 1 << 31} {
		d, err := newDomain(n)
		if err != nil {
			t.Fatalf("n=%d: %v", n, err)
		}
		if d.size < n || d.size&(d.size-1) != 0 || (n > 1 && d.size/2 >= n) {
			t.Fatalf("n=%d: size %d", n, d.size)
		}
		x := d.powSize(&d.gen)
		if !x.Equal(&one) {
			t.Fatalf("n=%d: ω^size != 1", n)
		}
	}
	if _, err := newDomain(1<<31 + 1); err == nil {
		t.Fatal("domain of 2^32 accepted")
	}
}

func randFr(t *testing.T) fr.Element {
	var e fr.Element
	if _, err := e.SetRandom(); err != nil {
		t.Fatal(err)
	}
	return e
}

// term runs one widget and returns the scalar it adds.
func term(f func(m *msm)) fr.Element {
	var m msm
	f(&m)
	if len(m.terms) != 1 {
		panic("one term expected")
	}
	return m.terms[0].s
}

// jubjubPoint returns a random point of the twisted Edwards curve
// −u² + v² = 1 + d·u²v² over Fr (JubJub, a = −1).
func jubjubPoint(t *testing.T) (u, v fr.Element) {
	var one fr.Element
	one.SetOne()
	for {
		v = randFr(t)
		var num, den, v2 fr.Element
		v2.Square(&v)
		num.Sub(&v2, &one)
		den.Mul(&edwardsD, &v2).Add(&den, &one)
		den.Inverse(&den)
		num.Mul(&num, &den)
		if u.Sqrt(&num) != nil {
			return u, v
		}
	}
}

// jubjubAdd is the twisted Edwards addition law with a = −1:
// x3 = (x1y2 + y1x2)/(1 + d·x1x2y1y2), y3 = (y1y2 + x1x2)/(1 − d·x1x2y1y2).
func jubjubAdd(x1, y1, x2, y2 fr.Element) (x3, y3 fr.Element) {
	var one, k, t, den fr.Element
	one.SetOne()
	k.Mul(&x1, &x2).Mul(&k, &y1).Mul(&k, &y2).Mul(&k, &edwardsD)
	x3.Mul(&x1, &y2)
	t.Mul(&y1, &x2)
	x3.Add(&x3, &t)
	den.Add(&one, &k).Inverse(&den)
	x3.Mul(&x3, &den)
	y3.Mul(&y1, &y2)
	t.Mul(&x1, &x2)
	y3.Add(&y3, &t)
	den.Sub(&one, &k).Inverse(&den)
	y3.Mul(&y3, &den)
	return
}

// The widget identities vanish on witnesses that satisfy the gate as
// dusk-plonk's composer lays them out, and not on a wrong witness: this
// checks the gate formulas that the shared circuit (arithmetic only) does
// not reach.
func TestGateIdentities(t *testing.T) {
	var vk verifierKey
	_, _, g1, _ := bls12381.Generators()
	vk.qRange, vk.qLogic, vk.qFixed, vk.qVar = g1, g1, g1, g1
	sep := randFr(t)
	isZero := func(name string, e fr.Element, want bool) {
		t.Helper()
		if e.IsZero() != want {
			t.Fatalf("%s: zero = %v, want %v", name, e.IsZero(), want)
		}
	}

	t.Run("range", func(t *testing.T) {
		// d = acc, c = 4d+q1, b = 4c+q2, a = 4b+q3, d_ω = 4a+q4.
		for _, q := range [][4]uint64{{0, 1, 2, 3}, {3, 3, 3, 3}, {0, 0, 0, 0}, {2, 0, 1, 3}} {
			var e evaluations
			e.d = randFr(t)
			step := func(prev *fr.Element, quad uint64) fr.Element {
				var r fr.Element
				r.Double(prev).Double(&r).Add(&r, ptr(frSmall(quad)))
				return r
			}
			e.c = step(&e.d, q[0])
			e.b = step(&e.c, q[1])
			e.a = step(&e.b, q[2])
			e.dW = step(&e.a, q[3])
			isZero("valid quads", term(func(m *msm) { rangeTerm(m, &vk, &e, &sep) }), true)
			e.dW = step(&e.a, 4)
			isZero("quad 4", term(func(m *msm) { rangeTerm(m, &vk, &e, &sep) }), false)
		}
	})

	t.Run("logic", func(t *testing.T) {
		// a_ω = 4a+a', b_ω = 4b+b', d_ω = 4d+(a' op b'), c = a'·b';
		// q_c = −1 for XOR, +1 for AND (Constraint::logic_xor / logic).
		var one, minusOne fr.Element
		one.SetOne()
		minusOne.Neg(&one)
		for _, op := range []struct {
			name string
			qc   fr.Element
			f    func(x, y uint64) uint64
		}{{"xor", minusOne, func(x, y uint64) uint64 { return x ^ y }}, {"and", one, func(x, y uint64) uint64 { return x & y }}} {
			for x := uint64(0); x < 4; x++ {
				for y := uint64(0); y < 4; y++ {
					var e evaluations
					e.a, e.b, e.d = randFr(t), randFr(t), randFr(t)
					set := func(dst *fr.Element, acc *fr.Element, quad uint64) {
						dst.Double(acc).Double(dst).Add(dst, ptr(frSmall(quad)))
					}
					set(&e.aW, &e.a, x)
					set(&e.bW, &e.b, y)
					set(&e.dW, &e.d, op.f(x, y))
					e.c = frSmall(x * y)
					e.qC = op.qc
					isZero(op.name, term(func(m *msm) { logicTerm(m, &vk, &e, &sep) }), true)
					set(&e.dW, &e.d, op.f(x, y)^1)
					isZero(op.name+" wrong output", term(func(m *msm) { logicTerm(m, &vk, &e, &sep) }), false)
				}
			}
		}
	})

	t.Run("fixed base", func(t *testing.T) {
		// acc = (a, b), acc_ω = (a_ω, b_ω) = acc + bit·(q_l, q_r),
		// c = x_α·y_α, d_ω = 2d + bit, q_c = q_l·q_r.
		var one fr.Element
		one.SetOne()
		for _, bit := range []int{-1, 0, 1} {
			x1, y1 := jubjubPoint(t)
			xb, yb := jubjubPoint(t)
			var bitFr, xa, ya fr.Element
			switch bit {
			case 1:
				bitFr.SetOne()
				xa, ya = xb, yb
			case -1:
				bitFr.SetOne()
				bitFr.Neg(&bitFr)
				xa.Neg(&xb)
				ya = yb
			default:
				ya = one
			}
			x3, y3 := jubjubAdd(x1, y1, xa, ya)
			var e evaluations
			e.a, e.b, e.aW, e.bW = x1, y1, x3, y3
			e.c.Mul(&xa, &ya)
			e.d = randFr(t)
			e.dW.Double(&e.d).Add(&e.dW, &bitFr)
			e.qL, e.qR = xb, yb
			e.qC.Mul(&xb, &yb)
			isZero("valid step", term(func(m *msm) { fixedBaseTerm(m, &vk, &e, &sep) }), true)
			e.bW.Add(&e.bW, &one)
			isZero("wrong y", term(func(m *msm) { fixedBaseTerm(m, &vk, &e, &sep) }), false)
		}
	})

	t.Run("variable base", func(t *testing.T) {
		// (a, b) + (c, d) = (a_ω, b_ω), d_ω = a·d.
		x1, y1 := jubjubPoint(t)
		x2, y2 := jubjubPoint(t)
		x3, y3 := jubjubAdd(x1, y1, x2, y2)
		var e evaluations
		e.a, e.b, e.c, e.d, e.aW, e.bW = x1, y1, x2, y2, x3, y3
		e.dW.Mul(&x1, &y2)
		isZero("valid addition", term(func(m *msm) { variableBaseTerm(m, &vk, &e, &sep) }), true)
		e.aW.Neg(&e.aW)
		isZero("wrong x3", term(func(m *msm) { variableBaseTerm(m, &vk, &e, &sep) }), false)
	})
}
