package poseidon

import (
	"encoding/binary"
)

// Dusk Poseidon252 over the BLS12-381 scalar field.
//
// Hades permutation (dusk-network/Poseidon252, src/hades): width 5, S-box
// x^5, 4 full rounds, 60 partial rounds, 4 full rounds. Every round adds its
// 5 round constants to the state, applies the S-box to every element (full
// round) or to the last element s_4 only (partial round), then sets s = M s
// with (M s)_k = sum_j M[k][j] s_j.
//
// Constants: Poseidon252's assets/arc.bin and assets/mds.bin, 32-byte
// little-endian integers, derived here by duskConstantBytes the way
// Poseidon252 derives them. Dusk's generator wrote them in Montgomery form, but Dusk loads
// each chunk with BlsScalar::from_raw, i.e. as a plain integer; the values
// in use (and here) are therefore the chunks read as integers (mod r).
//
// Sponge (dusk-safe): state = (tag, 0, 0, 0, 0), capacity 1, rate 4.
// Absorbing element x adds it to s_{1+pos} after a permutation whenever the
// 4 rate positions are used; squeezing permutes first and then reads s_1,
// s_2, ... The tag is hash_to_scalar of the encoded IO pattern and domain
// (see duskTag).

const (
	duskWidth   = 5
	duskRate    = duskWidth - 1
	duskFull    = 8
	duskPartial = 60
	duskRounds  = duskFull + duskPartial
)

type duskParams struct {
	arc [duskRounds][duskWidth]blsElem
	mds [duskWidth][duskWidth]blsElem
	// opt is the appendix-B form of the permutation conjugated by duskPi,
	// which moves the partial-round S-box from s_4 to position 0.
	opt *optimised[blsElem]
}

// duskPi is the index map of the conjugation: optimised position i holds
// Dusk's element duskPi[i].
var duskPi = [duskWidth]int{4, 0, 1, 2, 3}

// duskTab holds the parameters, decoded at package init from the generated
// tables (params.go).
var duskTab *duskParams

func dusk() *duskParams { return duskTab }

// buildDusk derives Dusk's constants (duskConstantBytes) and runs the
// appendix-B precomputation: what the generated tables hold.
func buildDusk() *duskParams {
	duskArcBin, duskMDSBin := duskConstantBytes()
	p := &duskParams{}
	for r := 0; r < duskRounds; r++ {
		for i := 0; i < duskWidth; i++ {
			p.arc[r][i] = reduce256(duskArcBin[32*(r*duskWidth+i):])
		}
	}
	for i := 0; i < duskWidth; i++ {
		for j := 0; j < duskWidth; j++ {
			p.mds[i][j] = reduce256(duskMDSBin[32*(i*duskWidth+j):])
		}
	}
	rc := newMat[blsElem](duskRounds, duskWidth)
	for r := range rc {
		for i := range rc[r] {
			rc[r][i] = p.arc[r][duskPi[i]]
		}
	}
	m := newMat[blsElem](duskWidth, duskWidth)
	for i := range m {
		for j := range m[i] {
			m[i][j] = p.mds[duskPi[i]][duskPi[j]]
		}
	}
	p.opt = optimise[blsElem](rc, m, duskFull/2, duskPartial)
	return p
}

// permute applies the Hades permutation to s, in the optimised form.
func (p *duskParams) permute(st *[duskWidth]blsElem) {
	o := p.opt
	var s, tmp [duskWidth]blsElem
	for i := range s {
		s[i] = st[duskPi[i]]
	}
	full := func(r int, m [][]blsElem) {
		for i := range s {
			s[i].Add(&s[i], &o.rc[r][i])
			pow5BLS(&s[i])
		}
		if r == duskFull/2-1 {
			for i := range s {
				s[i].Add(&s[i], &o.pre[i])
			}
		}
		for k := range tmp {
			var acc, t blsElem
			for j := range s {
				t.Mul(&m[k][j], &s[j])
				acc.Add(&acc, &t)
			}
			tmp[k] = acc
		}
		s = tmp
	}
	for r := 0; r < duskFull/2-1; r++ {
		full(r, o.mds)
	}
	full(duskFull/2-1, o.dense)
	// Partial rounds, scaled (s[0] holds sigma; see optimise.go).
	for r := 0; r < duskPartial; r++ {
		pow5BLS(&s[0])
		s[0].Add(&s[0], &o.kh[r])
		s0 := s[0]
		var m blsElem
		v, w := o.vh[r], o.wh[r]
		for j := 1; j < duskWidth; j++ {
			m.Mul(&s[j], &v[j-1])
			s0.Add(&s0, &m)
		}
		for j := 1; j < duskWidth; j++ {
			m.Mul(&s[0], &w[j-1])
			s[j].Add(&s[j], &m)
		}
		s[0] = s0
	}
	s[0].Mul(&s[0], &o.lambdaEnd)
	for r := duskFull/2 + duskPartial; r < duskRounds; r++ {
		full(r, o.mds)
	}
	for i := range s {
		st[duskPi[i]] = s[i]
	}
}

// pow5BLS sets x = x^5.
func pow5BLS(x *blsElem) {
	var x2 blsElem
	x2.Square(x)
	x2.Square(&x2)
	x.Mul(x, &x2)
}

// duskSponge is the dusk-safe sponge over Hades, restricted to what
// Hash::digest uses: absorb calls, then one squeeze of one element.
type duskSponge struct {
	s   [duskWidth]blsElem
	pos int // rate positions used since the last permutation
	p   *duskParams
}

func newDuskSponge(tag blsElem) duskSponge {
	return duskSponge{s: [duskWidth]blsElem{tag}, p: dusk()}
}

func (z *duskSponge) absorb(x *blsElem) {
	if z.pos == duskRate {
		z.p.permute(&z.s)
		z.pos = 0
	}
	z.s[1+z.pos].Add(&z.s[1+z.pos], x)
	z.pos++
}

// squeeze1 permutes and returns s_1 (the first squeezed element).
func (z *duskSponge) squeeze1() blsElem {
	z.p.permute(&z.s)
	return z.s[1]
}

// DomainOther is dusk-poseidon's Domain::Other separator (0).
const DomainOther uint64 = 0

// duskTag is the dusk-safe tag for the IO pattern
// [Absorb(n), Squeeze(1)] and domain separator d: hash_to_scalar of the
// bytes u32be(0x80000000 + n) || u32be(1) || u64be(d). (dusk-safe encodes
// consecutive absorbs as one u32 with the top bit set and the total length,
// consecutive squeezes as one u32 with the total length.)
func duskTag(n int, d uint64) blsElem {
	var b [16]byte
	binary.BigEndian.PutUint32(b[0:], 0x8000_0000+uint32(n))
	binary.BigEndian.PutUint32(b[4:], 1)
	binary.BigEndian.PutUint64(b[8:], d)
	return HashToScalarBLS12381(b[:])
}

// MaxInputsDusk bounds n so that the IO-pattern length fits dusk-safe's
// 31-bit call length.
const MaxInputsDusk = 1<<31 - 1

// AppendHashDusk decodes in as n = len(in)/32 little-endian canonical
// BLS12-381 scalars (n >= 1) and appends the 32-byte little-endian
// dusk_poseidon::Hash::digest(Domain::Other, in)[0]. It returns ErrLength if
// len(in) is not a positive multiple of 32 and ErrNonCanonical if an
// element is >= r.
func AppendHashDusk(dst, in []byte) ([]byte, error) {
	if len(in) == 0 || len(in)%32 != 0 || len(in)/32 > MaxInputsDusk {
		return dst, ErrLength
	}
	n := len(in) / 32
	z := newDuskSponge(duskTag(n, DomainOther))
	for i := 0; i < n; i++ {
		x, err := littleEndianBLS((*[32]byte)(in[32*i:]))
		if err != nil {
			return dst, ErrNonCanonical
		}
		z.absorb(&x)
	}
	return AppendScalarLE(dst, z.squeeze1()), nil
}
