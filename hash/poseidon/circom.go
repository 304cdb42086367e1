package poseidon

import "errors"

// circomlib Poseidon over BN254 Fr.
//
// Parameters (circomlib poseidon.circom, iden3 go-iden3-crypto): width
// t = n+1 for n = 1..16 inputs, S-box x^5, R_F = 8 full rounds (4 before and
// 4 after the partial rounds), R_P partial rounds from circomRP[t-2]. Round
// constants and the MDS matrix come from the Grain LFSR seeded with
// (field=1, sbox=0, n=254, t, R_F, R_P): (R_F+R_P)*t round constants by
// rejection sampling of 254-bit integers, then 2t integers x_0..x_{t-1},
// y_0..y_{t-1} (reduced mod r) giving the Cauchy matrix M[i][j] = 1/(x_i+y_j).
//
// The permutation, as specified: the state s = (0, in_1, ..., in_n); each
// round r adds its constants c_r, applies x^5 to every element (full round)
// or to s_0 only (partial round), then sets s = M s. The hash is s_0.
//
// The evaluation uses the equivalent form of the Poseidon paper's appendix B
// (see optimise): partial rounds add one constant and multiply by a sparse
// matrix, 2t-1 multiplications instead of t^2.

// circomRP is R_P for t = 2..17.
var circomRP = [16]int{56, 57, 56, 60, 60, 63, 64, 63, 60, 66, 60, 65, 70, 60, 64, 68}

const (
	circomRF       = 8
	circomMaxWidth = 17
	// MaxInputsBN254 is the largest number of inputs poseidon_bn254 takes.
	MaxInputsBN254 = circomMaxWidth - 1
)

// circomParams holds one width's constants.
type circomParams struct {
	t, rp int
	// rc[r] is round r's constant vector, in the specified form.
	rc [][]bnElem
	// mds is M, row-major: (M s)_i = sum_j mds[i][j] s_j.
	mds [][]bnElem
	// opt is the appendix-B form the hash runs (optimise.go).
	opt *optimised[bnElem]
}

// circomTab[t] holds width t's parameters (t = 2..17), decoded at package
// init from the generated tables (params.go), so that the first call of a
// width costs what every later call costs.
var circomTab [circomMaxWidth + 1]*circomParams

// circom returns the parameters of width t.
func circom(t int) *circomParams { return circomTab[t] }

// buildCircom generates width t's parameters from scratch (Grain, then the
// appendix-B precomputation): what the generated tables hold.
func buildCircom(t int) *circomParams {
	p := generateCircom(t)
	p.opt = optimise[bnElem](p.rc, p.mds, circomRF/2, p.rp)
	return p
}

// generateCircom draws width t's round constants and MDS matrix with Grain.
func generateCircom(t int) *circomParams {
	rp := circomRP[t-2]
	g := newGrain(1, 0, 254, uint(t), circomRF, uint(rp))
	p := &circomParams{t: t, rp: rp}
	p.rc = make([][]bnElem, circomRF+rp)
	for r := range p.rc {
		p.rc[r] = make([]bnElem, t)
		for i := range p.rc[r] {
			p.rc[r][i] = g.bnFieldElement()
		}
	}
	xy := make([]bnElem, 2*t)
	for i := range xy {
		xy[i] = g.bnReduced()
	}
	p.mds = newMat[bnElem](t, t)
	for i := 0; i < t; i++ {
		for j := 0; j < t; j++ {
			p.mds[i][j].Add(&xy[i], &xy[t+j])
			p.mds[i][j].Inverse(&p.mds[i][j])
		}
	}
	return p
}

// ErrInputCount: poseidon_bn254 takes 1 to 16 inputs.
var ErrInputCount = errors.New("poseidon: input count out of range")

// HashBN254 sets out to circomlib Poseidon(in) (initial state 0, first
// output word). It returns ErrInputCount unless 1 <= len(in) <= 16.
func HashBN254(in []bnElem) (bnElem, error) {
	n := len(in)
	if n < 1 || n > MaxInputsBN254 {
		return bnElem{}, ErrInputCount
	}
	p := circom(n + 1)
	var s [circomMaxWidth]bnElem
	copy(s[1:], in)
	return p.permute(&s), nil
}

// permute runs the optimised permutation on s[:t] and returns s_0.
func (p *circomParams) permute(st *[circomMaxWidth]bnElem) bnElem {
	if p.t == 3 {
		return p.permute3((*[3]bnElem)(st[:3]))
	}
	t, o := p.t, p.opt
	s := st[:t]
	var tmp [circomMaxWidth]bnElem
	for r := 0; r < circomRF/2; r++ {
		for i := range s {
			s[i].Add(&s[i], &o.rc[r][i])
			pow5(&s[i])
		}
		if r < circomRF/2-1 {
			mulInto(tmp[:t], o.mds, s)
		} else {
			for i := range s {
				s[i].Add(&s[i], &o.pre[i])
			}
			mulInto(tmp[:t], o.dense, s)
		}
		copy(s, tmp[:t])
	}
	// Partial rounds, scaled (s[0] holds sigma; see optimise.go).
	for r := 0; r < o.rp; r++ {
		pow5(&s[0])
		s[0].Add(&s[0], &o.kh[r])
		s0 := s[0]
		var m bnElem
		v, w := o.vh[r], o.wh[r]
		for j := 1; j < t; j++ {
			m.Mul(&s[j], &v[j-1])
			s0.Add(&s0, &m)
		}
		for j := 1; j < t; j++ {
			m.Mul(&s[0], &w[j-1])
			s[j].Add(&s[j], &m)
		}
		s[0] = s0
	}
	s[0].Mul(&s[0], &o.lambdaEnd)
	last := circomRF + o.rp - 1
	for r := circomRF/2 + o.rp; r <= last; r++ {
		for i := range s {
			s[i].Add(&s[i], &o.rc[r][i])
			pow5(&s[i])
		}
		if r < last {
			mulInto(tmp[:t], o.mds, s)
			copy(s, tmp[:t])
		}
	}
	// Only s_0 of the last matrix product is output.
	var acc, m bnElem
	for j := range s {
		m.Mul(&o.mds[0][j], &s[j])
		acc.Add(&acc, &m)
	}
	return acc
}

// permute3 is permute for t = 3 (two inputs, the Merkle-tree case): the
// same steps on a fixed-size state, unrolled over the three words.
func (p *circomParams) permute3(s *[3]bnElem) bnElem {
	o := p.opt
	for r := 0; r < circomRF/2; r++ {
		sbox3(s, o.rc[r])
		if r < circomRF/2-1 {
			mds3(s, o.mds)
		} else {
			pre := o.pre[:3]
			s[0].Add(&s[0], &pre[0])
			s[1].Add(&s[1], &pre[1])
			s[2].Add(&s[2], &pre[2])
			mds3(s, o.dense)
		}
	}
	// Partial rounds, scaled (s[0] holds sigma; see optimise.go).
	var a, b bnElem
	for r := 0; r < o.rp; r++ {
		pow5(&s[0])
		s[0].Add(&s[0], &o.kh[r])
		v, w := o.vh[r][:2], o.wh[r][:2]
		a.Mul(&s[1], &v[0])
		b.Mul(&s[2], &v[1])
		a.Add(&a, &b)
		b.Mul(&s[0], &w[0])
		s[1].Add(&s[1], &b)
		b.Mul(&s[0], &w[1])
		s[2].Add(&s[2], &b)
		s[0].Add(&s[0], &a)
	}
	s[0].Mul(&s[0], &o.lambdaEnd)
	last := circomRF + o.rp - 1
	for r := circomRF/2 + o.rp; r < last; r++ {
		sbox3(s, o.rc[r])
		mds3(s, o.mds)
	}
	sbox3(s, o.rc[last])
	// Only s_0 of the last matrix product is output.
	row := o.mds[0][:3]
	a.Mul(&row[0], &s[0])
	b.Mul(&row[1], &s[1])
	a.Add(&a, &b)
	b.Mul(&row[2], &s[2])
	return *a.Add(&a, &b)
}

// sbox3 adds the round constants c to s and applies x^5 to each word.
func sbox3(s *[3]bnElem, c []bnElem) {
	c = c[:3]
	s[0].Add(&s[0], &c[0])
	s[1].Add(&s[1], &c[1])
	s[2].Add(&s[2], &c[2])
	pow5(&s[0])
	pow5(&s[1])
	pow5(&s[2])
}

// mds3 sets s = m s for a 3x3 matrix m.
func mds3(s *[3]bnElem, m [][]bnElem) {
	var out [3]bnElem
	var t bnElem
	for i := range out {
		row := m[i][:3]
		out[i].Mul(&row[0], &s[0])
		t.Mul(&row[1], &s[1])
		out[i].Add(&out[i], &t)
		t.Mul(&row[2], &s[2])
		out[i].Add(&out[i], &t)
	}
	*s = out
}

// pow5 sets x = x^5.
func pow5(x *bnElem) {
	var x2 bnElem
	x2.Square(x)
	x2.Square(&x2)
	x.Mul(x, &x2)
}

// mulInto sets dst = m s.
func mulInto(dst []bnElem, m [][]bnElem, s []bnElem) {
	for i := range dst {
		var acc, t bnElem
		row := m[i]
		for j := range s {
			t.Mul(&row[j], &s[j])
			acc.Add(&acc, &t)
		}
		dst[i] = acc
	}
}
