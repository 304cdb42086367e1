package zk

import (
	"encoding/binary"
	"math/big"

	blsecc "github.com/consensys/gnark-crypto/ecc/bls12-381"
	blsfr "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
	blsh2f "github.com/consensys/gnark-crypto/ecc/bls12-381/fr/hash_to_field"
	bnecc "github.com/consensys/gnark-crypto/ecc/bn254"
	bnfr "github.com/consensys/gnark-crypto/ecc/bn254/fr"
	bnh2f "github.com/consensys/gnark-crypto/ecc/bn254/fr/hash_to_field"
)

// Synthetic gnark Groth16 inputs with BSB22 commitments, for examples
// (several sizes of every growing section) and hostile inputs. As in
// groth16Examples, every point is a known multiple of a generator, so the
// proof is solved for rather than proven:
//
//	K_i = k_i·G1, cm_i = d_i·G1, [G]2 = G2, [−σG]2 = −σ·G2, A = s·G1, B = t·G2
//	h_i = hash_to_field("bsb22-commitment", cm_i || committed inputs)
//	ρ   = hash_to_field("G16-BSB22", h_0 || h_1 || ...)
//	pok = σ·Σ ρ^i·cm_i                       (the Pedersen batch check holds)
//	C   = (s·t − a·b − l·g)/d · G1, l = k_0 + Σ x_j·k_j + Σ h_i·k_{p+1+i} + Σ d_i
//
// so the input verifies (0x01) exactly as a prover's would. Points are in
// gnark's compressed encoding (WriteTo), the costlier one to decode. The K
// points and commitments are arithmetic progressions (k_i = k_0 + i·Δ),
// made by additions, so that even a megabyte of them is quick to build.
type g16Curve struct {
	r *big.Int
	// g1s returns the compressed and raw (x||y) encodings of
	// (k0 + i·dk)·G1 for i < n.
	g1s func(k0, dk *big.Int, n int) (comp, raw [][]byte)
	// g2 returns the compressed encoding of k·G2.
	g2 func(k *big.Int) []byte
	// commitHash is gnark's h_i (hash_to_field, first fr bytes, reduced).
	commitHash func(msg []byte) *big.Int
	// rho is fr.Hash(msg, "G16-BSB22", 1).
	rho func(msg []byte) *big.Int
	// g1Inf is the compressed encoding of the point at infinity.
	g1Inf []byte
}

var bnG16Curve = g16Curve{
	r: bnfr.Modulus(),
	g1s: func(k0, dk *big.Int, n int) (comp, raw [][]byte) {
		var p, d bnecc.G1Affine
		p.ScalarMultiplicationBase(k0)
		d.ScalarMultiplicationBase(dk)
		jac := make([]bnecc.G1Jac, n)
		var dj bnecc.G1Jac
		dj.FromAffine(&d)
		for i := range jac {
			if i == 0 {
				jac[i].FromAffine(&p)
			} else {
				jac[i].Set(&jac[i-1]).AddAssign(&dj)
			}
		}
		for _, q := range bnecc.BatchJacobianToAffineG1(jac) {
			c, r := q.Bytes(), q.RawBytes()
			comp, raw = append(comp, c[:]), append(raw, r[:])
		}
		return
	},
	g2: func(k *big.Int) []byte {
		var q bnecc.G2Affine
		q.ScalarMultiplicationBase(k)
		b := q.Bytes()
		return b[:]
	},
	commitHash: func(msg []byte) *big.Int {
		h := bnh2f.New([]byte("bsb22-commitment"))
		h.Write(msg)
		d := h.Sum(nil)
		var e bnfr.Element
		e.SetBytes(d[:min(bnfr.Bytes, len(d))])
		return e.BigInt(new(big.Int))
	},
	rho: func(msg []byte) *big.Int {
		e, err := bnfr.Hash(msg, []byte("G16-BSB22"), 1)
		if err != nil {
			panic("zk: internal error: " + err.Error())
		}
		return e[0].BigInt(new(big.Int))
	},
	g1Inf: func() []byte { var p bnecc.G1Affine; b := p.Bytes(); return b[:] }(),
}

var blsG16Curve = g16Curve{
	r: blsfr.Modulus(),
	g1s: func(k0, dk *big.Int, n int) (comp, raw [][]byte) {
		var p, d blsecc.G1Affine
		p.ScalarMultiplicationBase(k0)
		d.ScalarMultiplicationBase(dk)
		jac := make([]blsecc.G1Jac, n)
		var dj blsecc.G1Jac
		dj.FromAffine(&d)
		for i := range jac {
			if i == 0 {
				jac[i].FromAffine(&p)
			} else {
				jac[i].Set(&jac[i-1]).AddAssign(&dj)
			}
		}
		for _, q := range blsecc.BatchJacobianToAffineG1(jac) {
			c, r := q.Bytes(), q.RawBytes()
			comp, raw = append(comp, c[:]), append(raw, r[:])
		}
		return
	},
	g2: func(k *big.Int) []byte {
		var q blsecc.G2Affine
		q.ScalarMultiplicationBase(k)
		b := q.Bytes()
		return b[:]
	},
	commitHash: func(msg []byte) *big.Int {
		h := blsh2f.New([]byte("bsb22-commitment"))
		h.Write(msg)
		d := h.Sum(nil)
		var e blsfr.Element
		e.SetBytes(d[:min(blsfr.Bytes, len(d))])
		return e.BigInt(new(big.Int))
	},
	rho: func(msg []byte) *big.Int {
		e, err := blsfr.Hash(msg, []byte("G16-BSB22"), 1)
		if err != nil {
			panic("zk: internal error: " + err.Error())
		}
		return e[0].BigInt(new(big.Int))
	},
	g1Inf: func() []byte { var p blsecc.G1Affine; b := p.Bytes(); return b[:] }(),
}

// g16Shape of a synthetic input: nPub public inputs, nc commitments, each
// hashing nIdx committed public inputs.
type g16Spec struct {
	nPub, nc, nIdx int
}

// sections of a synthetic gnark Groth16 input.
type g16Parts struct {
	vk, proof, witness []byte
}

func (p g16Parts) input() []byte {
	var in []byte
	for _, s := range [][]byte{p.vk, p.proof, p.witness} {
		in = binary.BigEndian.AppendUint32(in, uint32(len(s)))
		in = append(in, s...)
	}
	return in
}

// synthGnarkGroth16 returns a valid gnark Groth16 input of shape sp.
func (c *g16Curve) synth(sp g16Spec) g16Parts {
	r := c.r
	sc := func(l string, i int) *big.Int { return exScalar("gnark-g16 "+l, i, r) }
	mod := func(x *big.Int) *big.Int { return x.Mod(x, r) }
	a, b, g, d, s, t, sigma := sc("a", 0), sc("b", 0), sc("g", 0), sc("d", 0), sc("s", 0), sc("t", 0), sc("sigma", 0)
	nK := sp.nPub + sp.nc + 1
	k0, dk := sc("k0", 0), sc("dk", 0)
	kComp, _ := c.g1s(k0, dk, nK)
	kAt := func(i int) *big.Int { return mod(new(big.Int).Add(k0, new(big.Int).Mul(dk, big.NewInt(int64(i))))) }
	d0, dd := sc("d0", 0), sc("dd", 0)
	cmComp, cmRaw := c.g1s(d0, dd, sp.nc)
	dAt := func(i int) *big.Int { return mod(new(big.Int).Add(d0, new(big.Int).Mul(dd, big.NewInt(int64(i))))) }

	// Public inputs, then the commitments' challenges.
	frBytes := (r.BitLen() + 7) / 8
	fb := func(x *big.Int) []byte { return x.FillBytes(make([]byte, frBytes)) }
	out := make([]*big.Int, 0, sp.nPub+sp.nc)
	for j := range sp.nPub {
		out = append(out, sc("x", j))
	}
	idx := make([][]uint64, sp.nc)
	var hashed []byte
	for i := range sp.nc {
		msg := append([]byte(nil), cmRaw[i]...)
		span := uint64(sp.nPub + i)
		for m := range sp.nIdx {
			if span == 0 {
				break
			}
			j := 1 + uint64(m*7919+i)%span
			idx[i] = append(idx[i], j)
			msg = append(msg, fb(out[j-1])...)
		}
		h := c.commitHash(msg)
		out = append(out, h)
		hashed = append(hashed, fb(h)...)
	}
	// pok = σ·Σ ρ^i·d_i, l = k_0 + Σ out_j·k_{j+1} + Σ d_i.
	pok, l := new(big.Int), kAt(0)
	if sp.nc > 0 {
		rho, ri := c.rho(hashed), big.NewInt(1)
		for i := range sp.nc {
			pok.Add(pok, new(big.Int).Mul(ri, dAt(i)))
			ri = mod(ri.Mul(ri, rho))
			l.Add(l, dAt(i))
		}
		mod(pok.Mul(pok, sigma))
	}
	for j, x := range out {
		l.Add(l, new(big.Int).Mul(x, kAt(j+1)))
	}
	cc := new(big.Int).Mul(s, t)
	cc.Sub(cc, new(big.Int).Mul(a, b))
	cc.Sub(cc, new(big.Int).Mul(mod(l), g))
	cc.Mul(cc, new(big.Int).ModInverse(d, r))
	mod(cc)

	g1 := func(k *big.Int) []byte { comp, _ := c.g1s(k, big.NewInt(1), 1); return comp[0] }
	var p g16Parts
	// vk = [α]1 [β]1 [β]2 [γ]2 [δ]1 [δ]2 | K | commitment infos | keys
	p.vk = append(p.vk, g1(a)...)
	p.vk = append(p.vk, g1(b)...)
	p.vk = append(p.vk, c.g2(b)...)
	p.vk = append(p.vk, c.g2(g)...)
	p.vk = append(p.vk, g1(d)...)
	p.vk = append(p.vk, c.g2(d)...)
	p.vk = binary.BigEndian.AppendUint32(p.vk, uint32(nK))
	for _, k := range kComp {
		p.vk = append(p.vk, k...)
	}
	p.vk = binary.BigEndian.AppendUint32(p.vk, uint32(sp.nc))
	for _, l := range idx {
		p.vk = binary.BigEndian.AppendUint32(p.vk, uint32(len(l)))
		for _, j := range l {
			p.vk = binary.BigEndian.AppendUint64(p.vk, j)
		}
	}
	p.vk = binary.BigEndian.AppendUint32(p.vk, uint32(sp.nc))
	if sp.nc > 0 {
		gk, gs := c.g2(big.NewInt(1)), c.g2(mod(new(big.Int).Sub(r, sigma)))
		for range sp.nc {
			p.vk = append(append(p.vk, gk...), gs...)
		}
	}
	// proof = A B C | commitments | pok
	p.proof = append(p.proof, g1(s)...)
	p.proof = append(p.proof, c.g2(t)...)
	p.proof = append(p.proof, g1(cc)...)
	p.proof = binary.BigEndian.AppendUint32(p.proof, uint32(sp.nc))
	for _, cm := range cmComp {
		p.proof = append(p.proof, cm...)
	}
	if pok.Sign() == 0 {
		// No commitment: gnark writes the zero proof of knowledge.
		p.proof = append(p.proof, c.g1Inf...)
	} else {
		p.proof = append(p.proof, g1(pok)...)
	}
	// witness = nbPublic | nbSecret = 0 | len | scalars
	p.witness = binary.BigEndian.AppendUint32(p.witness, uint32(sp.nPub))
	p.witness = binary.BigEndian.AppendUint32(p.witness, 0)
	p.witness = binary.BigEndian.AppendUint32(p.witness, uint32(sp.nPub))
	for _, x := range out[:sp.nPub] {
		p.witness = append(p.witness, fb(x)...)
	}
	return p
}
