package poseidon

import (
	"errors"
	"math/big"
	"sync"
)

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

// circomParams holds one width's constants in both forms.
type circomParams struct {
	t, rp int
	// rc[r] is round r's constant vector, in the specified form.
	rc [][]bnElem
	// mds is M, row-major: (M s)_i = sum_j mds[i][j] s_j.
	mds [][]bnElem

	// The optimised form (see optimise).
	pre   []bnElem   // M^-1 a_0, added after the S-boxes of full round 3
	dense [][]bnElem // D_0 M, the matrix of full round 3
	k     []bnElem   // k_r, added to s_0 after the S-box of partial round r
	v     [][]bnElem // v_r: new s_0 = m00 s_0 + sum_{j>=1} v_r[j-1] s_j
	w     [][]bnElem // w_r: new s_j = s_j + w_r[j-1] s_0, j >= 1
}

var (
	circomOnce [circomMaxWidth + 1]sync.Once
	circomTab  [circomMaxWidth + 1]*circomParams
)

// circom returns the parameters of width t, generating them on first use.
func circom(t int) *circomParams {
	circomOnce[t].Do(func() {
		p := generateCircom(t)
		p.optimise()
		circomTab[t] = p
	})
	return circomTab[t]
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
			p.rc[r][i].SetBigInt(g.fieldElement(254, bnModulus))
		}
	}
	xy := make([]bnElem, 2*t)
	for i := range xy {
		xy[i].SetBigInt(new(big.Int).Mod(g.bigBits(254), bnModulus))
	}
	p.mds = newMatrix(t)
	for i := 0; i < t; i++ {
		for j := 0; j < t; j++ {
			p.mds[i][j].Add(&xy[i], &xy[t+j])
			p.mds[i][j].Inverse(&p.mds[i][j])
		}
	}
	return p
}

// optimise derives the appendix-B form. Write the partial rounds as
// z_{r+1} = M S0(z_r + c_{4+r}) with S0 the S-box on s_0 only.
//
// Constants: working backwards with acc = c_{last}, since
// M S0(u) + acc = M (S0(u) + q) with q = M^-1 acc, and adding q_1..q_{t-1}
// commutes with S0, round r-1 keeps the scalar k_{r-1} = q_0 (added after
// its S-box) and its constant vector becomes c_{4+r-1} + (0, q_1, ...).
// The first partial round's full vector a_0 is moved before the matrix of
// full round 3 as M^-1 a_0.
//
// Matrices: any X = [[x00, x], [y, X']] equals N D with
// N = [[x00, x X'^-1], [y, I]] (sparse) and D = diag(1, X'). D touches only
// s_1.. so it commutes with S0 and with adding k e_0, and moves into the
// previous round's matrix: round r multiplies by N_r where
// D_{r+1} M = N_r D_r (D_rp = I), and full round 3 multiplies by D_0 M.
func (p *circomParams) optimise() {
	t, rp := p.t, p.rp
	minv := invertMatrix(p.mds)

	p.k = make([]bnElem, rp)
	acc := append([]bnElem(nil), p.rc[4+rp-1]...)
	for r := rp - 1; r >= 1; r-- {
		q := mulMatVec(minv, acc)
		p.k[r-1] = q[0]
		acc = append(acc[:0], p.rc[4+r-1]...)
		for i := 1; i < t; i++ {
			acc[i].Add(&acc[i], &q[i])
		}
	}
	p.pre = mulMatVec(minv, acc)

	p.v = make([][]bnElem, rp)
	p.w = make([][]bnElem, rp)
	x := p.mds // X = D_{r+1} M, starting with D_rp = I
	for r := rp - 1; r >= 0; r-- {
		sub := newMatrix(t - 1) // X'
		for i := 1; i < t; i++ {
			copy(sub[i-1], x[i][1:])
		}
		subInv := invertMatrix(sub)
		p.v[r] = make([]bnElem, t-1) // x X'^-1, x = first row of X = first row of M
		for j := 0; j < t-1; j++ {
			for i := 0; i < t-1; i++ {
				var m bnElem
				m.Mul(&x[0][i+1], &subInv[i][j])
				p.v[r][j].Add(&p.v[r][j], &m)
			}
		}
		p.w[r] = make([]bnElem, t-1)
		for i := 1; i < t; i++ {
			p.w[r][i-1] = x[i][0]
		}
		// Next X = D_r M with D_r = diag(1, X').
		d := newMatrix(t)
		d[0][0].SetOne()
		for i := 1; i < t; i++ {
			copy(d[i][1:], sub[i-1])
		}
		x = mulMatMat(d, p.mds)
	}
	p.dense = x
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
	t := p.t
	s := st[:t]
	var tmp [circomMaxWidth]bnElem
	for r := 0; r < 4; r++ {
		for i := range s {
			s[i].Add(&s[i], &p.rc[r][i])
			pow5(&s[i])
		}
		if r < 3 {
			mulInto(tmp[:t], p.mds, s)
		} else {
			for i := range s {
				s[i].Add(&s[i], &p.pre[i])
			}
			mulInto(tmp[:t], p.dense, s)
		}
		copy(s, tmp[:t])
	}
	m00 := &p.mds[0][0]
	for r := 0; r < p.rp; r++ {
		pow5(&s[0])
		s[0].Add(&s[0], &p.k[r])
		var s0, m bnElem
		s0.Mul(&s[0], m00)
		v, w := p.v[r], p.w[r]
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
	for r := 4 + p.rp; r < circomRF+p.rp; r++ {
		for i := range s {
			s[i].Add(&s[i], &p.rc[r][i])
			pow5(&s[i])
		}
		if r < circomRF+p.rp-1 {
			mulInto(tmp[:t], p.mds, s)
			copy(s, tmp[:t])
		} else {
			// Only s_0 of the last matrix product is output.
			var acc, m bnElem
			for j := range s {
				m.Mul(&p.mds[0][j], &s[j])
				acc.Add(&acc, &m)
			}
			s[0] = acc
		}
	}
	return s[0]
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

func newMatrix(n int) [][]bnElem {
	m := make([][]bnElem, n)
	for i := range m {
		m[i] = make([]bnElem, n)
	}
	return m
}

func mulMatVec(m [][]bnElem, v []bnElem) []bnElem {
	out := make([]bnElem, len(m))
	mulInto(out, m, v)
	return out
}

func mulMatMat(a, b [][]bnElem) [][]bnElem {
	n := len(a)
	out := newMatrix(n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			for k := 0; k < n; k++ {
				var t bnElem
				t.Mul(&a[i][k], &b[k][j])
				out[i][j].Add(&out[i][j], &t)
			}
		}
	}
	return out
}

// invertMatrix inverts m by Gauss-Jordan elimination. The matrices inverted
// here (Cauchy MDS matrices and their products' lower-right blocks) are
// invertible; a singular one is a bug.
func invertMatrix(m [][]bnElem) [][]bnElem {
	n := len(m)
	a := newMatrix(n)
	inv := newMatrix(n)
	for i := range m {
		copy(a[i], m[i])
		inv[i][i].SetOne()
	}
	for c := 0; c < n; c++ {
		piv := -1
		for r := c; r < n; r++ {
			if !a[r][c].IsZero() {
				piv = r
				break
			}
		}
		if piv < 0 {
			panic("poseidon: internal error: singular matrix")
		}
		a[c], a[piv] = a[piv], a[c]
		inv[c], inv[piv] = inv[piv], inv[c]
		var f bnElem
		f.Inverse(&a[c][c])
		for j := 0; j < n; j++ {
			a[c][j].Mul(&a[c][j], &f)
			inv[c][j].Mul(&inv[c][j], &f)
		}
		for r := 0; r < n; r++ {
			if r == c || a[r][c].IsZero() {
				continue
			}
			f = a[r][c]
			for j := 0; j < n; j++ {
				var t bnElem
				t.Mul(&f, &a[c][j])
				a[r][j].Sub(&a[r][j], &t)
				t.Mul(&f, &inv[c][j])
				inv[r][j].Sub(&inv[r][j], &t)
			}
		}
	}
	return inv
}
