package main

import (
	"fmt"
	"math/big"

	"github.com/mmcloughlin/avo/attr"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// mulVecIFMA emits the AVX-512 IFMA batch kernel for 4-limb fields:
//
//	mulVecIFMA(z, x, y *[4]uint64, n uint64), n a multiple of 8
//
// Each step takes 8 elements of x and y, transposes them so each ZMM holds
// one 64-bit limb of all 8 lanes, and re-splits the limbs into five 52-bit
// limbs. x is shifted left by 4 bits on the way (x*16 < 2^259 as an integer,
// no reduction needed), so five rounds of radix-2^52 Montgomery reduction
// (VPMADD52LUQ/VPMADD52HUQ, Gueron and Krasnov, "Accelerating big integer
// arithmetic using Intel IFMA extensions", ARITH 2016) yield
// 16x*y*2^-260 = x*y*2^-256 mod q: the same Montgomery product as the scalar
// kernels. Limbs are carried lazily (each stays below 2^58), normalised
// once, reduced from [0, 1.5q) by one vector conditional subtraction, packed
// back to 64-bit limbs and transposed back.
func (g *gen) mulVecIFMA() {
	// Constants.
	mask := uint64(1)<<52 - 1
	q52 := make([]uint64, 5)
	w := new(big.Int).Set(g.q)
	m52 := new(big.Int).SetUint64(mask)
	for i := range q52 {
		q52[i] = new(big.Int).And(w, m52).Uint64()
		w.Rsh(w, 52)
	}
	two52 := new(big.Int).Lsh(big.NewInt(1), 52)
	inv := new(big.Int).ModInverse(new(big.Int).SetUint64(q52[0]), two52)
	qInv52 := new(big.Int).Sub(two52, inv).Uint64()
	if g.q.BitLen() > 255 {
		panic("IFMA kernel needs q < 2^255")
	}

	consts := g.StaticGlobal("ifmaconst")
	g.DataAttributes(attr.RODATA | attr.NOPTR)
	off := 0
	put := func(v uint64) Mem {
		m := consts.Offset(off)
		g.AddDatum(off, U64(v))
		off += 8
		return m
	}
	var q52Mem []Mem
	for _, v := range q52 {
		q52Mem = append(q52Mem, put(v))
	}
	qInvMem := put(qInv52)
	maskMem := put(mask)
	// Permutation tables (VPERMT2Q: index bit 3 picks the second table).
	perms := map[string][8]uint64{
		"A": {0, 4, 8, 12, 1, 5, 9, 13}, // limbs 0,1 of 4 elements
		"B": {2, 6, 10, 14, 3, 7, 11, 15},
		"C": {0, 1, 2, 3, 8, 9, 10, 11},
		"D": {4, 5, 6, 7, 12, 13, 14, 15},
		"E": {0, 8, 1, 9, 2, 10, 3, 11}, // inverse transpose
		"F": {4, 12, 5, 13, 6, 14, 7, 15},
		"G": {0, 1, 8, 9, 2, 3, 10, 11},
		"H": {4, 5, 12, 13, 6, 7, 14, 15},
	}
	permMem := map[string]Mem{}
	for _, k := range []string{"A", "B", "C", "D", "E", "F", "G", "H"} {
		permMem[k] = consts.Offset(off)
		for _, v := range perms[k] {
			put(v)
		}
	}

	g.sig("mulVecIFMA", "mulVecIFMA sets z[i] = x[i]*y[i]*2^-256 mod q for i < n, n a multiple of 8 (AVX-512F + IFMA).",
		"func(z, x, y *[4]uint64, n uint64)")
	zp, xp, yp, cnt := RDI, RSI, RDX, RCX
	g.Load(g.Param("z"), zp)
	g.Load(g.Param("x"), xp)
	g.Load(g.Param("y"), yp)
	g.Load(g.Param("n"), cnt)
	g.SHRQ(U8(3), cnt)
	g.JZ(LabelRef("done"))

	// Loop invariants: q in 52-bit limbs, -q^-1 mod 2^52, the limb mask.
	Q := []VecPhysical{Z16, Z17, Z18, Z19, Z20}
	for i := range Q {
		g.VPBROADCASTQ(q52Mem[i], Q[i])
	}
	QINV, MASK := Z21, Z22
	g.VPBROADCASTQ(qInvMem, QINV)
	g.VPBROADCASTQ(maskMem, MASK)

	g.Label("loop")
	// transpose loads 8 elements at p into L[0..3] (limb k of lane e in
	// L[k]), using T as scratch; idx registers hold tables A-D.
	idx := []VecPhysical{Z23, Z24, Z25, Z26}
	for i, k := range []string{"A", "B", "C", "D"} {
		g.VMOVDQU64(permMem[k], idx[i])
	}
	transpose := func(p Register, X, T []VecPhysical) {
		for k := 0; k < 4; k++ {
			g.VMOVDQU64(Mem{Base: p, Disp: 64 * k}, X[k])
		}
		// T0 = limbs 0,1 of e0..e3; T1 = limbs 2,3 of e0..e3; T2, T3 for e4..e7.
		for h := 0; h < 2; h++ {
			for s := 0; s < 2; s++ {
				dst := T[2*h+s]
				g.VMOVDQA64(X[2*h], dst)
				g.VPERMT2Q(X[2*h+1], idx[s], dst)
			}
		}
		// L0 = limb 0 of e0..e7, ...
		for s := 0; s < 2; s++ {
			for c := 0; c < 2; c++ {
				dst := X[2*s+c]
				g.VMOVDQA64(T[s], dst)
				g.VPERMT2Q(T[2+s], idx[2+c], dst)
			}
		}
	}
	X := []VecPhysical{Z0, Z1, Z2, Z3}
	T := []VecPhysical{Z4, Z5, Z6, Z7}
	tmp := Z31

	g.Comment("x: transpose, then a = 16x in five 52-bit limbs")
	transpose(xp, X, T)
	A := []VecPhysical{Z8, Z9, Z10, Z11, Z12}
	// a0 = (x0<<4)&M, a1 = (x0>>48 | x1<<16)&M, a2 = (x1>>36 | x2<<28)&M,
	// a3 = (x2>>24 | x3<<40)&M, a4 = x3>>12.
	split := func(L []VecPhysical, out []VecPhysical, shift uint) {
		// bit offset of 52-bit limb k within the 64-bit limbs, for value v<<shift
		for k := 0; k < 5; k++ {
			lo := 52*k - int(shift) // bit position in x of limb k's bit 0
			if lo < 0 {
				g.VPSLLQ(U8(-lo), L[0], out[k])
				g.VPANDQ(MASK, out[k], out[k])
				continue
			}
			w, b := lo/64, lo%64
			if b == 0 {
				g.VPANDQ(MASK, L[w], out[k])
				continue
			}
			g.VPSRLQ(U8(b), L[w], out[k])
			if w+1 < 4 && 64-b < 52 {
				g.VPSLLQ(U8(64-b), L[w+1], tmp)
				g.VPORQ(tmp, out[k], out[k])
			}
			if k < 4 {
				g.VPANDQ(MASK, out[k], out[k])
			}
		}
	}
	split(X, A, 4)
	g.Comment("y: transpose, then b = y in five 52-bit limbs")
	transpose(yp, X, T)
	B := []VecPhysical{Z13, Z14, Z15, Z27, Z28}
	split(X, B, 0)

	g.Comment("five rounds: t = (t + a_i*b + m*q) / 2^52, m = t0*(-q^-1) mod 2^52")
	t := []VecPhysical{Z0, Z1, Z2, Z3, Z4, Z5}
	M := Z6
	for _, r := range t {
		g.VPXORQ(r, r, r)
	}
	for i := 0; i < 5; i++ {
		for j := 0; j < 5; j++ {
			g.VPMADD52LUQ(B[j], A[i], t[j])
			g.VPMADD52HUQ(B[j], A[i], t[j+1])
		}
		g.VPXORQ(M, M, M)
		g.VPMADD52LUQ(QINV, t[0], M)
		for j := 0; j < 5; j++ {
			g.VPMADD52LUQ(Q[j], M, t[j])
			g.VPMADD52HUQ(Q[j], M, t[j+1])
		}
		// t0 is now 0 mod 2^52: carry its high part into t1 and shift.
		g.VPSRLQ(U8(52), t[0], tmp)
		g.VPADDQ(tmp, t[1], t[1])
		old := t[0]
		t = append(t[1:6:6], old)
		if i < 4 {
			g.VPXORQ(old, old, old)
		}
	}
	r := t[:5]
	g.Comment("normalise the limbs to 52 bits (value < 1.5q < 2^256)")
	for j := 0; j < 4; j++ {
		g.VPSRLQ(U8(52), r[j], tmp)
		g.VPADDQ(tmp, r[j+1], r[j+1])
		g.VPANDQ(MASK, r[j], r[j])
	}
	g.Comment("d = r - q with borrows; keep r where d < 0")
	D := []VecPhysical{Z7, Z8, Z9, Z10, Z11}
	for j := 0; j < 5; j++ {
		g.VPSUBQ(Q[j], r[j], D[j])
		if j > 0 {
			g.VPADDQ(tmp, D[j], D[j])
		}
		if j < 4 {
			g.VPSRAQ(U8(52), D[j], tmp)
			g.VPANDQ(MASK, D[j], D[j])
		}
	}
	sign := Z12
	g.VPSRAQ(U8(63), D[4], sign)
	for j := 0; j < 5; j++ {
		// r = d ^ ((r ^ d) & sign)
		g.VPXORQ(D[j], r[j], tmp)
		g.VPANDQ(sign, tmp, tmp)
		g.VPXORQ(tmp, D[j], r[j])
	}
	g.Comment("pack to 64-bit limbs: z0 = r0|r1<<52, z1 = r1>>12|r2<<40, z2 = r2>>24|r3<<28, z3 = r3>>36|r4<<16")
	Zo := []VecPhysical{Z13, Z14, Z15, Z27}
	for k := 0; k < 4; k++ {
		if k == 0 {
			g.VMOVDQA64(r[0], Zo[0])
		} else {
			g.VPSRLQ(U8(12*k), r[k], Zo[k])
		}
		g.VPSLLQ(U8(52-12*k), r[k+1], tmp)
		g.VPORQ(tmp, Zo[k], Zo[k])
	}
	g.Comment("transpose back and store")
	for i, k := range []string{"E", "F", "G", "H"} {
		g.VMOVDQU64(permMem[k], idx[i])
	}
	U := []VecPhysical{Z0, Z1, Z2, Z3}
	// U0 = (l0,l1) pairs of e0..e3, U1 = of e4..e7, U2/U3 = (l2,l3) pairs.
	for h := 0; h < 2; h++ {
		for s := 0; s < 2; s++ {
			dst := U[2*h+s]
			g.VMOVDQA64(Zo[2*h], dst)
			g.VPERMT2Q(Zo[2*h+1], idx[s], dst)
		}
	}
	O := []VecPhysical{Z4, Z5, Z6, Z7}
	// O0 = e0,e1; O1 = e2,e3 (from U0,U2); O2 = e4,e5; O3 = e6,e7 (from U1,U3).
	for h := 0; h < 2; h++ {
		for c := 0; c < 2; c++ {
			dst := O[2*h+c]
			g.VMOVDQA64(U[h], dst)
			g.VPERMT2Q(U[2+h], idx[2+c], dst)
		}
	}
	for k := 0; k < 4; k++ {
		g.VMOVDQU64(O[k], Mem{Base: zp, Disp: 64 * k})
	}
	g.ADDQ(U32(256), xp)
	g.ADDQ(U32(256), yp)
	g.ADDQ(U32(256), zp)
	g.DECQ(cnt)
	g.JNZ(LabelRef("loop"))
	g.VZEROUPPER()
	g.Label("done")
	g.RET()
	_ = fmt.Sprint
}
