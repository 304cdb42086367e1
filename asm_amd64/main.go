// Command asm_amd64 generates the amd64 Montgomery multiplication kernels of
// the field packages with avo (github.com/mmcloughlin/avo). It lives in its
// own module so avo stays out of the library's go.mod.
//
//	cd asm_amd64 && go run .    (or go generate ./field)
//
// writes ../field/<pkg>/kernels_amd64.s and kernels_amd64.go for each field:
//
//	mulADX(z, x, y)            MULX/ADCX/ADOX (BMI2 + ADX)
//	mulMULQ(z, x, y)           MULQ/ADC, any amd64 CPU
//	mulVecIFMA(z, x, y, n)     AVX-512 IFMA, 8 products per step
//
// All compute the Montgomery product x*y*2^(-64N) mod q of fully reduced
// inputs with the no-carry CIOS algorithm (El Housni and Botrel, "Faster
// Montgomery multiplication and multi-scalar-multiplication for SNARKs",
// TCHES 2023/3, Algorithm 2), which needs q's top limb < (2^64-1)/2 - 1.
package main

import (
	"flag"
	"fmt"
	"log"
	"math/big"
	"os"
	"path/filepath"

	"github.com/mmcloughlin/avo/attr"
	"github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/pass"
	"github.com/mmcloughlin/avo/printer"
	. "github.com/mmcloughlin/avo/reg"
)

type field struct {
	pkg, modHex string
}

var fields = []field{
	{"bn254fp", "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47"},
	{"bn254fr", "30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001"},
	{"bls12381fp", "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab"},
	{"bls12381fr", "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001"},
}

// gen holds the state of one field's generation.
type gen struct {
	*build.Context
	n       int
	q       *big.Int
	qLimbs  []uint64
	qInvNeg uint64
	qMem    Mem // q as RODATA limbs
}

func newGen(f field) *gen {
	q, ok := new(big.Int).SetString(f.modHex, 16)
	if !ok {
		log.Fatal("bad modulus")
	}
	g := &gen{Context: build.NewContext(), q: q, n: (q.BitLen() + 63) / 64}
	mask := new(big.Int).SetUint64(^uint64(0))
	w := new(big.Int).Set(q)
	for i := 0; i < g.n; i++ {
		g.qLimbs = append(g.qLimbs, new(big.Int).And(w, mask).Uint64())
		w.Rsh(w, 64)
	}
	two64 := new(big.Int).Lsh(big.NewInt(1), 64)
	inv := new(big.Int).ModInverse(new(big.Int).SetUint64(g.qLimbs[0]), two64)
	g.qInvNeg = new(big.Int).Sub(two64, inv).Uint64()
	if g.qLimbs[g.n-1] >= (^uint64(0))/2-1 {
		log.Fatal("no-carry CIOS does not apply")
	}
	g.ConstraintExpr("!purego")
	g.qMem = g.StaticGlobal("q")
	g.DataAttributes(attr.RODATA | attr.NOPTR)
	for i, l := range g.qLimbs {
		g.AddDatum(8*i, U64(l))
	}
	// After q: -q^-1 mod 2^64 and a zero word, as memory operands (an
	// immediate would cost a MOV on the ALU ports the kernel saturates).
	g.AddDatum(8*g.n, U64(g.qInvNeg))
	g.AddDatum(8*g.n+8, U64(0))
	return g
}

func (g *gen) sig(name, doc string, params string) {
	g.Function(name)
	g.Attributes(attr.NOSPLIT)
	g.Pragma("noescape")
	g.Doc(doc)
	g.SignatureExpr(params)
}

func (g *gen) elemType() string { return fmt.Sprintf("*[%d]uint64", g.n) }

// q returns the memory operand of q's limb j.
func (g *gen) qj(j int) Mem { return g.qMem.Offset(8 * j) }

// qInvMem and zeroMem are the memory words holding -q^-1 mod 2^64 and 0.
func (g *gen) qInvMem() Mem { return g.qMem.Offset(8 * g.n) }
func (g *gen) zeroMem() Mem { return g.qMem.Offset(8*g.n + 8) }

// reduceAndStore subtracts q from t if t >= q (t < 2q) using the spare
// registers s, then stores t to the pointer in parameter z.
func (g *gen) reduceAndStore(t, s []Register) {
	g.Comment("t < 2q: subtract q unless that borrows")
	for j := range t {
		g.MOVQ(t[j], s[j])
	}
	for j := range t {
		if j == 0 {
			g.SUBQ(g.qj(j), s[j])
		} else {
			g.SBBQ(g.qj(j), s[j])
		}
	}
	for j := range t {
		g.CMOVQCC(s[j], t[j])
	}
	z := s[0]
	g.Load(g.Param("z"), z)
	for j := range t {
		g.MOVQ(t[j], Mem{Base: z, Disp: 8 * j})
	}
	g.RET()
}

// mulADX emits the MULX/ADCX/ADOX kernel. Row i multiplies x by y[i] (in
// DX) into t with two carry chains (ADOX for the low halves, ADCX for the
// high halves), then one reduction step divides t + m*q by 2^64.
//
// The reduction factor of the next row, m' = t0'*(-q^-1) where t0' is t[0]
// after the next product row, is computed off the carry chains: modulo 2^64
//
//	t0' = hi(m*q0) + lo(m*q1) + t1 + [t0 != 0] + lo(x0*y[i+1])
//
// (the carry out of t0 + lo(m*q0) = 0 mod 2^64 is 1 exactly when t0 != 0),
// so m' is ready about two cycles after hi(m*q0) instead of after the whole
// carry chain and the next product row, shortening each row's critical
// path. lo(x0*y[i+1]) comes from the next row's first MULX, issued early and
// kept in two registers; 6-limb fields lack those registers and use the
// classic m = t[0]*(-q^-1) after each product row.
func (g *gen) mulADX() {
	n := g.n
	g.sig("mulADX", "mulADX sets z = x*y*2^(-64N) mod q with MULX/ADCX/ADOX (needs BMI2 and ADX).",
		fmt.Sprintf("func(z, x, y %s)", g.elemType()))
	pool := []Register{RBX, RCX, RSI, RDI, R8, R9, R10, R11, R12, R13, R14, R15}
	take := func(k int) []Register {
		r := pool[:k]
		pool = pool[k:]
		return r
	}
	t := take(n)
	A := take(1)[0]
	H := take(1)[0]
	yp := take(1)[0]
	M := take(1)[0] // next row's m; also scratch for lo(x0*y[i+1])
	e := take(1)[0] // next row's t0' being summed
	// With enough registers (N = 4), the next row's x0*y[i+1] is computed
	// once by MULX, its halves kept in P, Phi for the product row.
	reuse := len(pool) >= 3 // P, Phi and the x pointer
	var P, Phi Register
	if reuse {
		P, Phi = take(1)[0], take(1)[0]
	}
	var x []Op
	{
		// x stays in memory: MULX takes it as a memory operand.
		xp := take(1)[0]
		g.Load(g.Param("x"), xp)
		for j := 0; j < n; j++ {
			x = append(x, Mem{Base: xp, Disp: 8 * j})
		}
	}
	g.Load(g.Param("y"), yp)
	// early: compute each row's m off the carry chains (see above). It
	// costs one multiplication per row unless x0*y[i+1] can be reused, so
	// it is used only with reuse.
	early := reuse
	if early {
		g.Comment("m for row 0 is lo(x0*y0)*(-q^-1) = x0*(y0*(-q^-1)): off the product's path")
		g.MOVQ(Mem{Base: yp}, M)
		g.IMULQ(g.qInvMem(), M)
		g.IMULQ(x[0], M)
	}
	for i := 0; i < n; i++ {
		g.Commentf("row %d: t += x*y[%d]", i, i)
		g.MOVQ(Mem{Base: yp, Disp: 8 * i}, RDX)
		if i == 0 {
			g.MULXQ(x[0], t[0], t[1])
			for j := 1; j < n; j++ {
				hi := A
				if j < n-1 {
					hi = t[j+1]
				}
				g.MULXQ(x[j], RAX, hi)
				if j == 1 {
					g.ADDQ(RAX, t[j])
				} else {
					g.ADCQ(RAX, t[j])
				}
			}
			g.ADCQ(U8(0), A)
		} else {
			g.XORQ(RAX, RAX)
			for j := 0; j < n; j++ {
				hi := H
				if j == n-1 {
					hi = A
				}
				if j == 0 && reuse {
					g.ADOXQ(P, t[0])
					g.ADCXQ(Phi, t[1])
					continue
				}
				g.MULXQ(x[j], RAX, hi)
				g.ADOXQ(RAX, t[j])
				if j < n-1 {
					g.ADCXQ(H, t[j+1])
				}
			}
			g.ADCXQ(g.zeroMem(), A)
			g.ADOXQ(g.zeroMem(), A)
		}
		g.Commentf("reduce: m = t[0]*(-q^-1), t = (t + A*2^%d + m*q) / 2^64", 64*n)
		last := i == n-1 || !early
		if !early {
			g.MOVQ(g.qInvMem(), RDX)
			g.IMULQ(t[0], RDX)
		}
		if !last {
			g.Comment("e = t1 + [t0 != 0] + lo(x0*y[i+1]), the part of the next t0 known now")
			g.MOVQ(Mem{Base: yp, Disp: 8 * (i + 1)}, RDX)
			g.MULXQ(x[0], P, Phi)
			g.MOVQ(t[0], e)
			g.NEGQ(e)
			g.MOVQ(t[1], e)
			g.ADCQ(P, e)
		}
		if early {
			g.MOVQ(M, RDX)
		}
		g.XORQ(RAX, RAX)
		g.MULXQ(g.qj(0), RAX, H)
		if !last {
			g.LEAQ(Mem{Base: e, Index: H, Scale: 1}, e)
		}
		g.ADCXQ(t[0], RAX)
		// The new t[j] is the high half just produced: rename registers
		// instead of moving (the old t[j] register becomes the scratch).
		t[0], H = H, t[0]
		for j := 1; j < n; j++ {
			g.MULXQ(g.qj(j), RAX, H)
			if j == 1 && !last {
				g.LEAQ(Mem{Base: e, Index: RAX, Scale: 1}, e)
			}
			g.ADCXQ(t[j], t[j-1])
			g.ADOXQ(RAX, t[j-1])
			t[j], H = H, t[j]
		}
		g.ADCXQ(g.zeroMem(), t[n-1])
		g.ADOXQ(A, t[n-1])
		if !last {
			g.Comment("next row's m (M and e swap roles each row)")
			g.IMULQ(g.qInvMem(), e)
			M, e = e, M
		}
	}
	spare := append([]Register{A, H, yp, M, e, RAX, RDX}, pool...)
	g.reduceAndStore(t, spare[:n])
}

// mulMULQ emits the MULQ/ADC kernel (no BMI2/ADX): the same no-carry CIOS
// with one carry chain, rows of product and reduction interleaved per word.
func (g *gen) mulMULQ() {
	n := g.n
	g.sig("mulMULQ", "mulMULQ sets z = x*y*2^(-64N) mod q with MULQ/ADC (any amd64 CPU).",
		fmt.Sprintf("func(z, x, y %s)", g.elemType()))
	pool := []Register{RBX, RCX, RSI, RDI, R8, R9, R10, R11, R12, R13, R14, R15}
	take := func(k int) []Register {
		r := pool[:k]
		pool = pool[k:]
		return r
	}
	t := take(n)
	A, C, m, xp, yp := take(1)[0], take(1)[0], take(1)[0], take(1)[0], take(1)[0]
	g.Load(g.Param("x"), xp)
	g.Load(g.Param("y"), yp)
	x := func(j int) Mem { return Mem{Base: xp, Disp: 8 * j} }
	yi := m // y[i] and m share a register: y[i] is dead once m is computed.
	for i := 0; i < n; i++ {
		g.Commentf("row %d: (A, t) = t + x*y[%d]", i, i)
		g.MOVQ(Mem{Base: yp, Disp: 8 * i}, yi)
		for j := 0; j < n; j++ {
			g.MOVQ(x(j), RAX)
			g.MULQ(yi)
			switch {
			case i == 0 && j == 0:
				g.MOVQ(RAX, t[0])
			case i == 0:
				g.ADDQ(A, RAX)
				g.ADCQ(U8(0), RDX)
				g.MOVQ(RAX, t[j])
			case j == 0:
				g.ADDQ(RAX, t[0])
				g.ADCQ(U8(0), RDX)
			default:
				// t[j] += lo first: the carry A is added last, so the
				// chain through A is two instructions per word.
				g.ADDQ(RAX, t[j])
				g.ADCQ(U8(0), RDX)
				g.ADDQ(A, t[j])
				g.ADCQ(U8(0), RDX)
			}
			g.MOVQ(RDX, A)
		}
		g.Comment("m = t[0]*(-q^-1); (C, t) = (t + m*q) / 2^64")
		g.MOVQ(U64(g.qInvNeg), m)
		g.IMULQ(t[0], m)
		g.MOVQ(m, RAX)
		g.MULQ(g.qj(0))
		g.ADDQ(t[0], RAX)
		g.ADCQ(U8(0), RDX)
		g.MOVQ(RDX, C)
		for j := 1; j < n; j++ {
			g.MOVQ(m, RAX)
			g.MULQ(g.qj(j))
			g.ADDQ(t[j], RAX)
			g.ADCQ(U8(0), RDX)
			g.ADDQ(C, RAX)
			g.ADCQ(U8(0), RDX)
			g.MOVQ(RAX, t[j-1])
			g.MOVQ(RDX, C)
		}
		g.LEAQ(Mem{Base: C, Index: A, Scale: 1}, t[n-1])
	}
	spare := append([]Register{A, C, m, xp, yp, RAX, RDX}, pool...)
	g.reduceAndStore(t, spare[:n])
}

func main() {
	root := flag.String("root", "..", "repository root to write field/<pkg>/ under (avo owns -out)")
	flag.Parse()
	for _, f := range fields {
		g := newGen(f)
		g.mulADX()
		g.mulMULQ()
		g.mulVecIFMA()
		file, err := g.Result()
		if err != nil {
			log.Fatalf("%s: %v", f.pkg, err)
		}
		if err := pass.Compile.Execute(file); err != nil {
			log.Fatalf("%s: %v", f.pkg, err)
		}
		cfg := printer.Config{Name: "hostcrypto/asm_amd64 (cd asm_amd64 && go run .)", Pkg: f.pkg}
		dir := filepath.Join(*root, "field", f.pkg)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			log.Fatal(err)
		}
		for name, p := range map[string]printer.Printer{
			"kernels_amd64.s":  printer.NewGoAsm(cfg),
			"kernels_amd64.go": printer.NewStubs(cfg),
		} {
			b, err := p.Print(file)
			if err != nil {
				log.Fatalf("%s/%s: %v", f.pkg, name, err)
			}
			if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
				log.Fatal(err)
			}
		}
	}
}
