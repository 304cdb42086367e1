package main

import (
	"math/big"

	"github.com/mmcloughlin/avo/attr"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// mulVecIFMA emits the AVX-512 IFMA batch kernel:
//
//	mulVecIFMA(z, x, y *[N]uint64, n uint64), n a multiple of 8
//
// Each step takes 8 elements of x and y and transposes them so that each
// ZMM holds one 64-bit limb of all 8 lanes (VPERMT2Q for N = 4, gathers for
// N = 6), then re-splits the limbs into L = ceil(64N/52) limbs of 52 bits.
// x is shifted left by s = 52L - 64N bits on the way (x*2^s < 2^(52L) as an
// integer, so no reduction is needed), and L rounds of radix-2^52
// Montgomery reduction (VPMADD52LUQ/VPMADD52HUQ; Gueron and Krasnov,
// "Accelerating big integer arithmetic using Intel IFMA extensions", ARITH
// 2016) yield 2^s*x*y*2^(-52L) = x*y*2^(-64N) mod q: the same Montgomery
// product as the scalar kernels. Limbs are carried lazily (each stays well
// below 2^64), normalised once; the result, below 2q, gets one vector
// conditional subtraction, is packed back to 64-bit limbs and transposed
// back (VPERMT2Q or scatters).
func (g *gen) mulVecIFMA() {
	n := g.n
	L := (64*n + 51) / 52
	shift := 52*L - 64*n
	if g.q.BitLen()+shift > 52*L {
		panic("IFMA kernel: 2^s*x does not fit in L limbs")
	}
	mask := uint64(1)<<52 - 1
	q52 := make([]uint64, L)
	w := new(big.Int).Set(g.q)
	m52 := new(big.Int).SetUint64(mask)
	for i := range q52 {
		q52[i] = new(big.Int).And(w, m52).Uint64()
		w.Rsh(w, 52)
	}
	two52 := new(big.Int).Lsh(big.NewInt(1), 52)
	inv := new(big.Int).ModInverse(new(big.Int).SetUint64(q52[0]), two52)
	qInv52 := new(big.Int).Sub(two52, inv).Uint64()

	consts := g.StaticGlobal("ifmaconst")
	g.DataAttributes(attr.RODATA | attr.NOPTR)
	off := 0
	put := func(v uint64) Mem {
		m := consts.Offset(off)
		g.AddDatum(off, U64(v))
		off += 8
		return m
	}
	var qMem []Mem
	for _, v := range q52 {
		qMem = append(qMem, put(v))
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
	if n == 4 {
		for _, k := range []string{"A", "B", "C", "D", "E", "F", "G", "H"} {
			permMem[k] = consts.Offset(off)
			for _, v := range perms[k] {
				put(v)
			}
		}
	}
	gatherMem := consts.Offset(off)
	for e := 0; e < 8; e++ {
		put(uint64(e * n))
	}

	g.sig("mulVecIFMA", "mulVecIFMA sets z[i] = x[i]*y[i]*2^(-64N) mod q for i < n, n a multiple of 8 (AVX-512F + IFMA).",
		"func(z, x, y "+g.elemType()+", n uint64)")
	zp, xp, yp, cnt := RDI, RSI, RDX, RCX
	g.Load(g.Param("z"), zp)
	g.Load(g.Param("x"), xp)
	g.Load(g.Param("y"), yp)
	g.Load(g.Param("n"), cnt)
	g.SHRQ(U8(3), cnt)
	g.JZ(LabelRef("done"))

	// Register plan: t Z0..Z8 (L+1), a from Z9, b from Z17, M Z25,
	// MASK Z26, gather index / permutation tables Z27..Z30, tmp Z31.
	zr := func(from, k int) []VecPhysical {
		all := []VecPhysical{Z0, Z1, Z2, Z3, Z4, Z5, Z6, Z7, Z8, Z9, Z10, Z11, Z12, Z13, Z14, Z15,
			Z16, Z17, Z18, Z19, Z20, Z21, Z22, Z23, Z24, Z25, Z26, Z27, Z28, Z29, Z30, Z31}
		return all[from : from+k]
	}
	t := zr(0, L+1)
	A := zr(9, L)
	B := zr(17, L)
	M, MASK, tmp := Z25, Z26, Z31
	idx := zr(27, 4)
	g.VPBROADCASTQ(maskMem, MASK)
	if n != 4 {
		g.VMOVDQU64(gatherMem, idx[0])
	}

	g.Label("loop")
	// load puts limb k of the 8 elements at p into X[k].
	load := func(p Register, X []VecPhysical) {
		if n != 4 {
			for k := 0; k < n; k++ {
				g.KXNORW(K1, K1, K1)
				g.VPGATHERQQ(Mem{Base: p, Index: idx[0], Scale: 8, Disp: 8 * k}, K1, X[k])
			}
			return
		}
		T := zr(4, 4)
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
		// X0 = limb 0 of e0..e7, ...
		for s := 0; s < 2; s++ {
			for c := 0; c < 2; c++ {
				dst := X[2*s+c]
				g.VMOVDQA64(T[s], dst)
				g.VPERMT2Q(T[2+s], idx[2+c], dst)
			}
		}
	}
	// split writes the 52-bit limbs of X*2^sh (X in 64-bit limbs) to out.
	split := func(X []VecPhysical, out []VecPhysical, sh int) {
		for k := 0; k < L; k++ {
			lo := 52*k - sh // bit of X that becomes bit 0 of limb k
			first := true
			emit := func(src VecPhysical, right int) {
				dst := out[k]
				if !first {
					dst = tmp
				}
				switch {
				case right > 0:
					g.VPSRLQ(U8(right), src, dst)
				case right < 0:
					g.VPSLLQ(U8(-right), src, dst)
				default:
					g.VMOVDQA64(src, dst)
				}
				if !first {
					g.VPORQ(tmp, out[k], out[k])
				}
				first = false
			}
			// 64-bit limbs overlapping bits [lo, lo+52) of X.
			for wi := 0; wi < n; wi++ {
				if 64*wi+64 <= lo || 64*wi >= lo+52 {
					continue
				}
				emit(X[wi], lo-64*wi)
			}
			if lo+52 <= 64*n || first {
				g.VPANDQ(MASK, out[k], out[k])
			}
		}
	}
	X := zr(0, n)
	g.Comment("x: transpose, then a = x*2^s in 52-bit limbs")
	if n == 4 {
		for i, k := range []string{"A", "B", "C", "D"} {
			g.VMOVDQU64(permMem[k], idx[i])
		}
	}
	load(xp, X)
	split(X, A, shift)
	g.Comment("y: transpose, then b = y in 52-bit limbs")
	load(yp, X)
	split(X, B, 0)

	g.Comment("L rounds: t = (t + a_i*b + m*q) / 2^52, m = t0*(-q^-1) mod 2^52")
	for _, r := range t {
		g.VPXORQ(r, r, r)
	}
	for i := 0; i < L; i++ {
		for j := 0; j < L; j++ {
			g.VPMADD52LUQ(B[j], A[i], t[j])
			g.VPMADD52HUQ(B[j], A[i], t[j+1])
		}
		g.VPXORQ(M, M, M)
		g.VPMADD52LUQ_BCST(qInvMem, t[0], M)
		for j := 0; j < L; j++ {
			g.VPMADD52LUQ_BCST(qMem[j], M, t[j])
			g.VPMADD52HUQ_BCST(qMem[j], M, t[j+1])
		}
		// t0 is now 0 mod 2^52: carry its high part into t1 and shift.
		g.VPSRLQ(U8(52), t[0], tmp)
		g.VPADDQ(tmp, t[1], t[1])
		old := t[0]
		t = append(t[1:L+1:L+1], old)
		if i < L-1 {
			g.VPXORQ(old, old, old)
		}
	}
	r := t[:L]
	g.Comment("normalise the limbs to 52 bits (value < 2q)")
	for j := 0; j < L-1; j++ {
		g.VPSRLQ(U8(52), r[j], tmp)
		g.VPADDQ(tmp, r[j+1], r[j+1])
		g.VPANDQ(MASK, r[j], r[j])
	}
	g.Comment("d = r - q with borrows; keep r where d < 0")
	D := A
	for j := 0; j < L; j++ {
		g.VPSUBQ_BCST(qMem[j], r[j], D[j])
		if j > 0 {
			g.VPADDQ(tmp, D[j], D[j])
		}
		if j < L-1 {
			g.VPSRAQ(U8(52), D[j], tmp)
			g.VPANDQ(MASK, D[j], D[j])
		}
	}
	sign := M
	g.VPSRAQ(U8(63), D[L-1], sign)
	for j := 0; j < L; j++ {
		// r = d ^ ((r ^ d) & sign)
		g.VPXORQ(D[j], r[j], tmp)
		g.VPANDQ(sign, tmp, tmp)
		g.VPXORQ(tmp, D[j], r[j])
	}
	g.Comment("pack to 64-bit limbs")
	Zo := B[:n]
	for k := 0; k < n; k++ {
		first := true
		for j := 0; j < L; j++ {
			// 52-bit limb j covers bits [52j, 52j+52); 64-bit limb k [64k, 64k+64).
			if 52*j+52 <= 64*k || 52*j >= 64*k+64 {
				continue
			}
			dst := Zo[k]
			if !first {
				dst = tmp
			}
			switch sh := 52*j - 64*k; {
			case sh > 0:
				g.VPSLLQ(U8(sh), r[j], dst)
			case sh < 0:
				g.VPSRLQ(U8(-sh), r[j], dst)
			default:
				g.VMOVDQA64(r[j], dst)
			}
			if !first {
				g.VPORQ(tmp, Zo[k], Zo[k])
			}
			first = false
		}
	}
	g.Comment("transpose back and store")
	if n == 4 {
		for i, k := range []string{"E", "F", "G", "H"} {
			g.VMOVDQU64(permMem[k], idx[i])
		}
		U := zr(0, 4)
		// U0 = (l0,l1) pairs of e0..e3, U1 = of e4..e7, U2/U3 = (l2,l3) pairs.
		for h := 0; h < 2; h++ {
			for s := 0; s < 2; s++ {
				dst := U[2*h+s]
				g.VMOVDQA64(Zo[2*h], dst)
				g.VPERMT2Q(Zo[2*h+1], idx[s], dst)
			}
		}
		O := zr(4, 4)
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
	} else {
		for k := 0; k < n; k++ {
			g.KXNORW(K1, K1, K1)
			g.VPSCATTERQQ(Zo[k], K1, Mem{Base: zp, Index: idx[0], Scale: 8, Disp: 8 * k})
		}
	}
	step := U32(64 * n)
	g.ADDQ(step, xp)
	g.ADDQ(step, yp)
	g.ADDQ(step, zp)
	g.DECQ(cnt)
	g.JNZ(LabelRef("loop"))
	g.VZEROUPPER()
	g.Label("done")
	g.RET()
}
