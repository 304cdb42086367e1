package poseidon

// Appendix-B rewriting of a Poseidon/Hades permutation, generic over the
// field element type (only the one-time precomputation is generic; each
// field's hot loop is written for its concrete type).
//
// The permutation, as specified, with the partial-round S-box on element 0
// (a permutation with the S-box elsewhere is conjugated first, see dusk.go):
// R_F/2 full rounds, R_P partial rounds, R_F/2 full rounds; each round adds
// its constant vector c_r, applies x^5 (to every element, or to s_0 only),
// and sets s = M s.
//
// Constants. Write the partial rounds as z_{r+1} = M S0(z_r + c_{h+r})
// (h = R_F/2). Working backwards with acc = c_{h+R_P-1}: since
// M S0(u) + acc = M (S0(u) + q) with q = M^-1 acc, and adding (0, q_1, ...)
// commutes with S0, round r-1 keeps only the scalar k_{r-1} = q_0, added to
// s_0 after its S-box, and its constant vector becomes c_{h+r-1} + (0, q_1,
// ...). What is left for the first partial round, a_0, moves before the
// matrix of the last first-half full round as pre = M^-1 a_0.
//
// Matrices. Split M = [[m00, x], [y, M']] (M' is (t-1)x(t-1)). Any
// X = [[m00, x], [w, X']] equals N D with N = [[m00, x X'^-1], [w, I]] and
// D = diag(1, X'). D does not touch s_0, so it commutes with S0 and with
// adding k e_0, and moves into the previous round's matrix, where
// D_{r+1} M = [[m00, x], [X'_{r+1} y, X'_{r+1} M']]. From the last round
// (D = I) back: X'_r = M'^(R_P-r), so partial round r multiplies by the
// sparse N_r with
//
//	v_r = x M'^-(R_P-r)   (new s_0 = m00 s_0 + v_r . s_{1..})
//	w_r = M'^(R_P-1-r) y  (new s_j = s_j + w_r[j-1] s_0)
//
// and the last first-half full round multiplies by dense = diag(1, M'^R_P) M.
// A partial round then costs 3 + (2t-1) multiplications instead of 3 + t^2.
//
// Scaling. One more multiplication per partial round goes by keeping s_0 as
// lambda_r * sigma: since (lambda x)^5 = lambda^5 x^5, with L = lambda_r^5,
//
//	u = s_0^5 + k_r = L (sigma^5 + k_r/L)
//	new s_0 = m00 u + v_r . s = (m00 L) (sigma^5 + k_r/L + v_r/(m00 L) . s)
//	new s_j = s_j + (w_r[j-1] L) (sigma^5 + k_r/L)
//
// so the round computes u' = sigma^5 + kh_r and sigma' = u' + vh_r . s,
// s_j += wh_r[j-1] u', with kh_r = k_r/L, vh_r = v_r/(m00 L),
// wh_r = w_r L and lambda_{r+1} = m00 L (lambda_0 = 1); after the last
// partial round s_0 = lambdaEnd * sigma. That is 3 + 2(t-1) multiplications
// per round and one at the end.

// elemPtr is the method set the precomputation needs; gnark-crypto's
// fr.Element and the project's field/ elements both have it.
type elemPtr[E any] interface {
	*E
	Add(x, y *E) *E
	Sub(x, y *E) *E
	Mul(x, y *E) *E
	Inverse(x *E) *E
	IsZero() bool
	SetOne() *E
}

// optimised is a permutation's appendix-B form.
type optimised[E any] struct {
	t, rfHalf, rp int
	rc            [][]E // the specified round constants
	mds           [][]E // M
	pre           []E   // M^-1 a_0
	dense         [][]E // diag(1, M'^R_P) M
	k             []E   // k_r (k_{R_P-1} = 0)
	v, w          [][]E // the sparse matrices N_r
	// The scaled partial rounds: kh_r, vh_r, wh_r and lambdaEnd.
	kh        []E
	vh, wh    [][]E
	lambdaEnd E
}

func optimise[E any, P elemPtr[E]](rc, mds [][]E, rfHalf, rp int) *optimised[E] {
	t := len(mds)
	o := &optimised[E]{t: t, rfHalf: rfHalf, rp: rp, rc: rc, mds: mds}

	// Constants.
	minv := matInv[E, P](mds)
	o.k = make([]E, rp)
	acc := append([]E(nil), rc[rfHalf+rp-1]...)
	for r := rp - 1; r >= 1; r-- {
		q := matVec[E, P](minv, acc)
		o.k[r-1] = q[0]
		acc = append(acc[:0], rc[rfHalf+r-1]...)
		for i := 1; i < t; i++ {
			P(&acc[i]).Add(&acc[i], &q[i])
		}
	}
	o.pre = matVec[E, P](minv, acc)

	// Sparse matrices.
	sub := make([][]E, t-1) // M'
	y := make([]E, t-1)
	for i := 1; i < t; i++ {
		sub[i-1] = append([]E(nil), mds[i][1:]...)
		y[i-1] = mds[i][0]
	}
	subInv := matInv[E, P](sub)
	o.v = make([][]E, rp)
	o.w = make([][]E, rp)
	v := append([]E(nil), mds[0][1:]...) // x
	w := y
	for r := rp - 1; r >= 0; r-- {
		v = vecMat[E, P](v, subInv)
		o.v[r] = v
		o.w[r] = w
		w = matVec[E, P](sub, w)
	}

	// dense = diag(1, M'^R_P) M.
	pow := matPow[E, P](sub, rp)
	o.dense = make([][]E, t)
	o.dense[0] = append([]E(nil), mds[0]...)
	lower := make([][]E, t-1)
	for i := range lower {
		lower[i] = mds[i+1]
	}
	rest := matMul[E, P](pow, lower)
	for i := 1; i < t; i++ {
		o.dense[i] = rest[i-1]
	}

	// Scaling.
	m00 := mds[0][0]
	if P(&m00).IsZero() {
		panic("poseidon: internal error: M[0][0] is zero")
	}
	var lambda E
	P(&lambda).SetOne()
	o.kh = make([]E, rp)
	o.vh = make([][]E, rp)
	o.wh = make([][]E, rp)
	for r := 0; r < rp; r++ {
		var l, linv, mlinv E
		P(&l).Mul(&lambda, &lambda)
		P(&l).Mul(&l, &l)
		P(&l).Mul(&l, &lambda) // L = lambda^5
		P(&linv).Inverse(&l)
		P(&mlinv).Mul(&m00, &l)
		P(&mlinv).Inverse(&mlinv) // 1/(m00 L)
		P(&o.kh[r]).Mul(&o.k[r], &linv)
		o.vh[r] = make([]E, t-1)
		o.wh[r] = make([]E, t-1)
		for j := 0; j < t-1; j++ {
			P(&o.vh[r][j]).Mul(&o.v[r][j], &mlinv)
			P(&o.wh[r][j]).Mul(&o.w[r][j], &l)
		}
		P(&lambda).Mul(&m00, &l)
	}
	o.lambdaEnd = lambda
	return o
}

func newMat[E any](rows, cols int) [][]E {
	m := make([][]E, rows)
	for i := range m {
		m[i] = make([]E, cols)
	}
	return m
}

// matVec returns m v.
func matVec[E any, P elemPtr[E]](m [][]E, v []E) []E {
	out := make([]E, len(m))
	for i := range m {
		for j := range v {
			var t E
			P(&t).Mul(&m[i][j], &v[j])
			P(&out[i]).Add(&out[i], &t)
		}
	}
	return out
}

// vecMat returns the row vector v m.
func vecMat[E any, P elemPtr[E]](v []E, m [][]E) []E {
	out := make([]E, len(m[0]))
	for j := range out {
		for i := range v {
			var t E
			P(&t).Mul(&v[i], &m[i][j])
			P(&out[j]).Add(&out[j], &t)
		}
	}
	return out
}

// matMul returns a b.
func matMul[E any, P elemPtr[E]](a, b [][]E) [][]E {
	out := newMat[E](len(a), len(b[0]))
	for i := range a {
		for k := range b {
			for j := range b[k] {
				var t E
				P(&t).Mul(&a[i][k], &b[k][j])
				P(&out[i][j]).Add(&out[i][j], &t)
			}
		}
	}
	return out
}

// matPow returns m^e (e >= 1) by square and multiply.
func matPow[E any, P elemPtr[E]](m [][]E, e int) [][]E {
	var acc [][]E
	base := m
	for e > 0 {
		if e&1 == 1 {
			if acc == nil {
				acc = base
			} else {
				acc = matMul[E, P](acc, base)
			}
		}
		e >>= 1
		if e > 0 {
			base = matMul[E, P](base, base)
		}
	}
	return acc
}

// matInv inverts m by Gauss-Jordan elimination. The matrices inverted here
// (MDS matrices and their lower-right blocks) are invertible; a singular one
// is a bug in the constants.
func matInv[E any, P elemPtr[E]](m [][]E) [][]E {
	n := len(m)
	a := newMat[E](n, n)
	inv := newMat[E](n, n)
	for i := range m {
		copy(a[i], m[i])
		P(&inv[i][i]).SetOne()
	}
	for c := 0; c < n; c++ {
		piv := -1
		for r := c; r < n; r++ {
			if !P(&a[r][c]).IsZero() {
				piv = r
				break
			}
		}
		if piv < 0 {
			panic("poseidon: internal error: singular matrix")
		}
		a[c], a[piv] = a[piv], a[c]
		inv[c], inv[piv] = inv[piv], inv[c]
		var f E
		P(&f).Inverse(&a[c][c])
		for j := 0; j < n; j++ {
			P(&a[c][j]).Mul(&a[c][j], &f)
			P(&inv[c][j]).Mul(&inv[c][j], &f)
		}
		for r := 0; r < n; r++ {
			if r == c || P(&a[r][c]).IsZero() {
				continue
			}
			f = a[r][c]
			for j := 0; j < n; j++ {
				var t E
				P(&t).Mul(&f, &a[c][j])
				P(&a[r][j]).Sub(&a[r][j], &t)
				P(&t).Mul(&f, &inv[c][j])
				P(&inv[r][j]).Sub(&inv[r][j], &t)
			}
		}
	}
	return inv
}
