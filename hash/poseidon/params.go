package poseidon

import (
	_ "embed"
	"encoding/binary"
)

// The permutations' run-time parameters (the appendix-B form of optimise.go
// for circomlib widths 2..17 and for Dusk's width 5) are generated into
// params.bin by `go generate` (doc.go: TestParamsFresh with -update, which
// runs buildCircom and buildDusk) and decoded at package init, which takes
// microseconds: no call pays for generating its width's constants (tens
// of milliseconds with Grain and the precomputation). TestParamsFresh
// regenerates the file in every test run and fails on any difference.
//
// Format: consecutive elements, each the four 64-bit little-endian limbs of
// its Montgomery form (field/bn254fr, field/bls12381fr: a·2^256 mod r), in
// this order: for t = 2..17 then Dusk's width 5, the constants of the first
// R_F/2 full rounds and of the last R_F/2 (t each), M (t×t, row-major),
// pre (t), dense (t×t), kh (R_P), vh and wh (R_P×(t-1) each), lambdaEnd.
// The partial rounds' specified constants are not needed at run time.
//
//go:embed params.bin
var paramsBin []byte

type limbs interface{ ~[4]uint64 }

func init() {
	if len(paramsBin) == 0 {
		// Only when bootstrapping the generator with an empty file
		// (TestParamsFresh fails on it).
		for t := 2; t <= circomMaxWidth; t++ {
			circomTab[t] = buildCircom(t)
		}
		duskTab = buildDusk()
		return
	}
	r := paramReader{b: paramsBin}
	for t := 2; t <= circomMaxWidth; t++ {
		rp := circomRP[t-2]
		circomTab[t] = &circomParams{t: t, rp: rp, opt: readOptimised[bnElem](&r, t, circomRF/2, rp)}
	}
	duskTab = &duskParams{opt: readOptimised[blsElem](&r, duskWidth, duskFull/2, duskPartial)}
	if len(r.b) != 0 || r.short {
		panic("poseidon: internal error: params.bin does not match the parameter layout (run go generate)")
	}
}

// appendParams encodes what init decodes, from parameters built from
// scratch.
func appendParams(dst []byte) []byte {
	for t := 2; t <= circomMaxWidth; t++ {
		dst = appendOptimised(dst, buildCircom(t).opt)
	}
	return appendOptimised(dst, buildDusk().opt)
}

func appendOptimised[E limbs](dst []byte, o *optimised[E]) []byte {
	put := func(es ...E) {
		for _, e := range es {
			for _, l := range e {
				dst = binary.LittleEndian.AppendUint64(dst, l)
			}
		}
	}
	for r := 0; r < o.rfHalf; r++ {
		put(o.rc[r]...)
	}
	for r := o.rfHalf + o.rp; r < 2*o.rfHalf+o.rp; r++ {
		put(o.rc[r]...)
	}
	for _, row := range o.mds {
		put(row...)
	}
	put(o.pre...)
	for _, row := range o.dense {
		put(row...)
	}
	put(o.kh...)
	for _, row := range o.vh {
		put(row...)
	}
	for _, row := range o.wh {
		put(row...)
	}
	put(o.lambdaEnd)
	return dst
}

type paramReader struct {
	b     []byte
	short bool
}

// fill decodes len(v) elements into v.
func fill[E limbs](r *paramReader, v []E) {
	for i := range v {
		if len(r.b) < 32 {
			r.short = true
			return
		}
		b := r.b[:32]
		v[i] = E([4]uint64{binary.LittleEndian.Uint64(b[0:]), binary.LittleEndian.Uint64(b[8:]),
			binary.LittleEndian.Uint64(b[16:]), binary.LittleEndian.Uint64(b[24:])})
		r.b = r.b[32:]
	}
}

// readOptimised decodes one permutation's run-time parameters into one
// allocation. Only the full rounds' rows of rc are filled (the partial
// rounds' are nil).
func readOptimised[E limbs](r *paramReader, t, rfHalf, rp int) *optimised[E] {
	slab := make([]E, 2*rfHalf*t+2*t*t+t+rp+2*rp*(t-1)+1)
	vec := func(n int) []E {
		v := slab[:n:n]
		slab = slab[n:]
		fill(r, v)
		return v
	}
	mat := func(rows, cols int) [][]E {
		m := make([][]E, rows)
		for i := range m {
			m[i] = vec(cols)
		}
		return m
	}
	o := &optimised[E]{t: t, rfHalf: rfHalf, rp: rp}
	o.rc = make([][]E, 2*rfHalf+rp)
	for i := 0; i < rfHalf; i++ {
		o.rc[i] = vec(t)
	}
	for i := rfHalf + rp; i < 2*rfHalf+rp; i++ {
		o.rc[i] = vec(t)
	}
	o.mds = mat(t, t)
	o.pre = vec(t)
	o.dense = mat(t, t)
	o.kh = vec(rp)
	o.vh = mat(rp, t-1)
	o.wh = mat(rp, t-1)
	o.lambdaEnd = vec(1)[0]
	return o
}
