package bls

import (
	"bytes"
	"fmt"
	"math/big"
	"path/filepath"
	"strings"
	"testing"

	bls12381 "github.com/consensys/gnark-crypto/ecc/bls12-381"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
	. "github.com/hostcrypto/hostcrypto/sig/internal/sigtest"
)

const ethDir = "eth-bls12-381-tests"
const wpDir = "wycheproof/testvectors_v1"

// ethCase is one ethereum/bls12-381-tests file.
type ethCase struct {
	Input struct {
		Pubkey     string   `json:"pubkey"`
		Pubkeys    []string `json:"pubkeys"`
		Message    string   `json:"message"`
		Messages   []string `json:"messages"`
		Signature  string   `json:"signature"`
		Signatures []string `json:"signatures"`
	} `json:"input"`
	Output bool `json:"output"`
}

func ethCases(t testing.TB, handler string) map[string]ethCase {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(vectors.Dir(t, ethDir+"/"+handler), "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no vectors for %s: %v", handler, err)
	}
	out := map[string]ethCase{}
	for _, f := range files {
		var c ethCase
		JSON(t, f, &c)
		out[filepath.Base(f)] = c
	}
	return out
}

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

// aggInput encodes n || pks || sig || n x (len || msg).
func aggInput(t testing.TB, pks []string, sig string, msgs [][]byte) []byte {
	in := U32(nil, len(pks))
	for _, pk := range pks {
		in = append(in, Hex(t, pk)...)
	}
	in = append(in, Hex(t, sig)...)
	for _, m := range msgs {
		in = U32(in, len(m))
		in = append(in, m...)
	}
	return in
}

func hexList(t testing.TB, ss []string) [][]byte {
	out := make([][]byte, len(ss))
	for i, s := range ss {
		out[i] = Hex(t, s)
	}
	return out
}

func TestEthVectors(t *testing.T) {
	dispatchtest.ForEach(t, Primitive, func(t *testing.T) {
		for name, c := range ethCases(t, "verify") {
			in := cat(Hex(t, c.Input.Pubkey), Hex(t, c.Input.Signature), Hex(t, c.Input.Message))
			st.Verdict(t, name, "bls12381_verify", in, c.Output)
			// The _dst form with the POP DST is the same function.
			d := append([]byte{byte(len(DSTPOP))}, DSTPOP...)
			st.Verdict(t, name, "bls12381_verify_dst", cat(d, in), c.Output)
		}
		for name, c := range ethCases(t, "fast_aggregate_verify") {
			in := U32(nil, len(c.Input.Pubkeys))
			for _, pk := range c.Input.Pubkeys {
				in = append(in, Hex(t, pk)...)
			}
			in = cat(in, Hex(t, c.Input.Signature), Hex(t, c.Input.Message))
			st.Verdict(t, name, "bls12381_fast_aggregate_verify", in, c.Output)
		}
		for name, c := range ethCases(t, "aggregate_verify") {
			in := aggInput(t, c.Input.Pubkeys, c.Input.Signature, hexList(t, c.Input.Messages))
			st.Verdict(t, name, "bls12381_aggregate_verify", in, c.Output)
		}
		for name, c := range ethCases(t, "batch_verify") {
			in := U32(nil, len(c.Input.Pubkeys))
			for i := range c.Input.Pubkeys {
				m := Hex(t, c.Input.Messages[i])
				in = cat(in, Hex(t, c.Input.Pubkeys[i]), Hex(t, c.Input.Signatures[i]), U32(nil, len(m)), m)
			}
			st.Verdict(t, name, "bls12381_batch_verify", in, c.Output)
		}
	})
}

// TestEthDeserialization runs the deserialization vectors through
// bls12381_aggregate_verify with one key and an empty message, whose layout
// has no slack: a key or signature of the wrong length is malformed. A
// decodable key must not produce a decoding error (the infinity key decodes
// but is refused with CodeInfinity); an undecodable one must produce an
// error other than CodeInfinity. Signatures are allowed to be infinity.
func TestEthDeserialization(t *testing.T) {
	valid := ethCases(t, "verify")["verify_valid_case_195246ee3bd3b6ec.json"]
	if valid.Input.Pubkey == "" {
		t.Fatal("missing reference vector")
	}
	dispatchtest.ForEach(t, Primitive, func(t *testing.T) {
		for name, c := range ethCases(t, "deserialization_G1") {
			in := aggInput(t, []string{c.Input.Pubkey}, valid.Input.Signature, [][]byte{nil})
			_, err := st.Call(t, "bls12381_aggregate_verify", in)
			code := core.CodeOf(err)
			if c.Output && err != nil && code != core.CodeInfinity {
				t.Errorf("G1 %s: decodable key gave %v", name, err)
			}
			if !c.Output && (err == nil || code == core.CodeInfinity || code == core.CodeInternal) {
				t.Errorf("G1 %s: undecodable key gave %v", name, err)
			}
		}
		for name, c := range ethCases(t, "deserialization_G2") {
			in := aggInput(t, []string{valid.Input.Pubkey}, c.Input.Signature, [][]byte{nil})
			_, err := st.Call(t, "bls12381_aggregate_verify", in)
			if c.Output != (err == nil) || core.CodeOf(err) == core.CodeInternal {
				t.Errorf("G2 %s: want decodable=%v, got %v", name, c.Output, err)
			}
		}
	})
}

type wpBLS struct {
	TestGroups []struct {
		Ciphersuite string `json:"ciphersuite"`
		PublicKey   struct {
			Pk string `json:"pk"`
		} `json:"publicKey"`
		Tests []struct {
			TcID     int      `json:"tcId"`
			Comment  string   `json:"comment"`
			Msg      string   `json:"msg"`
			Sig      string   `json:"sig"`
			Pubkeys  []string `json:"pubkeys"`
			Messages []string `json:"messages"`
			Result   string   `json:"result"`
		} `json:"tests"`
	} `json:"testGroups"`
}

func TestWycheproofBLS(t *testing.T) {
	dispatchtest.ForEach(t, Primitive, func(t *testing.T) {
		n := 0
		for _, file := range []string{"bls_sig_g2_basic_verify_test.json", "bls_sig_g2_pop_verify_test.json"} {
			var v wpBLS
			JSON(t, vectors.Path(t, wpDir+"/"+file), &v)
			for _, g := range v.TestGroups {
				d := append([]byte{byte(len(g.Ciphersuite))}, g.Ciphersuite...)
				for _, c := range g.Tests {
					in := cat(d, Hex(t, g.PublicKey.Pk), Hex(t, c.Sig), Hex(t, c.Msg))
					st.Verdict(t, file+"/"+c.Comment, "bls12381_verify_dst", in, c.Result == "valid")
					if strings.HasSuffix(g.Ciphersuite, "_POP_") {
						st.Verdict(t, file+"/"+c.Comment, "bls12381_verify", in[len(d):], c.Result == "valid")
					}
					n++
				}
			}
		}
		var v wpBLS
		JSON(t, vectors.Path(t, wpDir+"/bls_sig_g2_aggregate_verify_test.json"), &v)
		for _, g := range v.TestGroups {
			d := append([]byte{byte(len(g.Ciphersuite))}, g.Ciphersuite...)
			for _, c := range g.Tests {
				in := cat(d, aggInput(t, c.Pubkeys, c.Sig, hexList(t, c.Messages)))
				st.Verdict(t, "aggregate/"+c.Comment, "bls12381_aggregate_verify_dst", in, c.Result == "valid")
				n++
			}
		}
		if n < 130 {
			t.Fatalf("ran only %d Wycheproof vectors", n)
		}
	})
}

// batchSets returns the three valid (pk, sig, msg) sets of the Ethereum
// batch vector.
func batchSets(t testing.TB) (pks, sigs, msgs [][]byte) {
	c := ethCases(t, "batch_verify")["batch_verify_valid_simple_signature_set.json"]
	if !c.Output || len(c.Input.Pubkeys) < 2 {
		t.Fatal("missing reference batch vector")
	}
	return hexList(t, c.Input.Pubkeys), hexList(t, c.Input.Signatures), hexList(t, c.Input.Messages)
}

func batchInput(pks, sigs, msgs [][]byte) []byte {
	in := U32(nil, len(pks))
	for i := range pks {
		in = cat(in, pks[i], sigs[i], U32(nil, len(msgs[i])), msgs[i])
	}
	return in
}

// TestBatchCancellation moves a G2 point X between two signatures:
// sig_0 + X and sig_1 - X still aggregate to the valid aggregate, so an
// unweighted sum would accept; the random coefficients must reject, and so
// must single verification of either set.
func TestBatchCancellation(t *testing.T) {
	pks, sigs, msgs := batchSets(t)
	_, _, _, g2 := bls12381.Generators()
	var x bls12381.G2Affine
	x.ScalarMultiplication(&g2, big.NewInt(12345))
	shift := func(b []byte, neg bool) []byte {
		var s bls12381.G2Affine
		if _, err := s.SetBytes(b); err != nil {
			t.Fatal(err)
		}
		if neg {
			s.Sub(&s, &x)
		} else {
			s.Add(&s, &x)
		}
		out := s.Bytes()
		return out[:]
	}
	bad := [][]byte{shift(sigs[0], false), shift(sigs[1], true), sigs[2]}
	dispatchtest.ForEach(t, Primitive, func(t *testing.T) {
		st.Verdict(t, "valid batch", "bls12381_batch_verify", batchInput(pks, sigs, msgs), true)
		st.Verdict(t, "shifted batch", "bls12381_batch_verify", batchInput(pks, bad, msgs), false)
		st.Verdict(t, "shifted set 0", "bls12381_verify", cat(pks[0], bad[0], msgs[0]), false)
		// The aggregate of the shifted signatures equals the valid one.
		var a, b bls12381.G2Jac
		for i := range sigs {
			var p, q bls12381.G2Affine
			p.SetBytes(sigs[i])
			q.SetBytes(bad[i])
			a.AddMixed(&p)
			b.AddMixed(&q)
		}
		if !a.Equal(&b) {
			t.Fatal("test construction: aggregates differ")
		}
	})
}

// TestDistinctMessages: the basic scheme (_NUL_) rejects repeated messages in
// AggregateVerify; the POP scheme does not.
func TestDistinctMessages(t *testing.T) {
	pks, sigs, msgs := batchSets(t)
	// Two signatures by the same key on the same message aggregate validly
	// in the POP scheme.
	var s, agg bls12381.G2Affine
	s.SetBytes(sigs[0])
	agg.Add(&s, &s)
	ab := agg.Bytes()
	pk := []string{"0x" + hexs(pks[0]), "0x" + hexs(pks[0])}
	in := aggInput(t, pk, "0x"+hexs(ab[:]), [][]byte{msgs[0], msgs[0]})
	dispatchtest.ForEach(t, Primitive, func(t *testing.T) {
		st.Verdict(t, "pop repeated", "bls12381_aggregate_verify", in, true)
		nul := "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_"
		d := append([]byte{byte(len(nul))}, nul...)
		out, err := st.Verdict(t, "nul repeated", "bls12381_aggregate_verify_dst", cat(d, in), false)
		if err != nil || !bytes.Equal(out, []byte{0}) {
			t.Errorf("nul repeated: got %x, %v; want 00", out, err)
		}
	})
}

func hexs(b []byte) string {
	const digits = "0123456789abcdef"
	out := make([]byte, 2*len(b))
	for i, v := range b {
		out[2*i], out[2*i+1] = digits[v>>4], digits[v&15]
	}
	return string(out)
}

// TestBackendsAgree runs mutated inputs through every backend and requires
// the same output and status code.
func TestBackendsAgree(t *testing.T) {
	pks, sigs, msgs := batchSets(t)
	base := map[string][]byte{
		"bls12381_verify":                cat(pks[0], sigs[0], msgs[0]),
		"bls12381_fast_aggregate_verify": cat(U32(nil, 2), pks[0], pks[1], sigs[0], msgs[0]),
		"bls12381_aggregate_verify":      aggInput(t, []string{hexs(pks[0]), hexs(pks[1])}, hexs(sigs[0]), [][]byte{msgs[0], msgs[1]}),
		"bls12381_batch_verify":          batchInput(pks[:2], sigs[:2], msgs[:2]),
	}
	type res struct {
		out  string
		code core.Code
	}
	results := map[string]res{}
	dispatchtest.ForEach(t, Primitive, func(t *testing.T) {
		for name, in := range base {
			for pos := 0; pos < len(in); pos += 13 {
				for _, flip := range []byte{0x01, 0x20, 0x40, 0x80} {
					m := bytes.Clone(in)
					m[pos] ^= flip
					out, err := st.Call(t, name, m)
					key := fmt.Sprintf("%s/%d/%x", name, pos, flip)
					r := res{string(out), core.CodeOf(err)}
					if r.code == core.CodeInternal {
						t.Fatalf("%s pos %d flip %x: %v", name, pos, flip, err)
					}
					if prev, ok := results[key]; ok {
						if prev != r {
							t.Errorf("%s pos %d flip %x: backends disagree: %v vs %v", name, pos, flip, prev, r)
						}
					} else {
						results[key] = r
					}
				}
			}
		}
	})
}

// TestFastAggregateInfinity: keys pk and -pk are each valid but sum to
// infinity, and with the infinity signature e(0, H(m)) = e(g1, 0) = 1 would
// hold; CoreVerify's KeyValidate on the aggregate key must refuse it.
func TestFastAggregateInfinity(t *testing.T) {
	pks, _, msgs := batchSets(t)
	var p bls12381.G1Affine
	if _, err := p.SetBytes(pks[0]); err != nil {
		t.Fatal(err)
	}
	p.Neg(&p)
	neg := p.Bytes()
	inf := make([]byte, sigSize)
	inf[0] = 0xc0
	in := cat(U32(nil, 2), pks[0], neg[:], inf, msgs[0])
	dispatchtest.ForEach(t, Primitive, func(t *testing.T) {
		out, err := st.Call(t, "bls12381_fast_aggregate_verify", in)
		if err != nil || !bytes.Equal(out, []byte{0}) {
			t.Errorf("pk + (-pk) with infinity signature: %x %v; want 00", out, err)
		}
		// The same pair through aggregate_verify on one message: the
		// product e(pk, H) e(-pk, H) = 1 = e(g1, 0) is a genuine (if
		// degenerate) POP-scheme aggregate; only the basic scheme, which
		// requires distinct messages, refuses it.
		agg := aggInput(t, []string{hexs(pks[0]), hexs(neg[:])}, hexs(inf), [][]byte{msgs[0], msgs[0]})
		st.Verdict(t, "aggregate pk, -pk", "bls12381_aggregate_verify", agg, true)
	})
}

// FuzzBackends feeds arbitrary inputs to every BLS function under each
// backend and requires identical outputs and status codes.
func FuzzBackends(f *testing.F) {
	pks, sigs, msgs := batchSets(f)
	f.Add(uint8(0), cat(pks[0], sigs[0], msgs[0]))
	f.Add(uint8(1), cat(U32(nil, 2), pks[0], pks[1], sigs[0], msgs[0]))
	f.Add(uint8(3), batchInput(pks, sigs, msgs))
	// Points that fail each check, from the Ethereum deserialization vectors.
	for _, h := range []string{"deserialization_G1", "deserialization_G2"} {
		for _, c := range ethCases(f, h) {
			if c.Input.Pubkey != "" {
				f.Add(uint8(0), cat(Hex(f, c.Input.Pubkey), sigs[0], msgs[0]))
			} else {
				f.Add(uint8(2), aggInput(f, []string{hexs(pks[0])}, c.Input.Signature, [][]byte{msgs[0]}))
			}
		}
	}
	names := []string{"bls12381_verify", "bls12381_fast_aggregate_verify", "bls12381_aggregate_verify", "bls12381_batch_verify"}
	f.Fuzz(func(t *testing.T, which uint8, in []byte) {
		name := names[int(which)%len(names)]
		var first *struct {
			out  string
			code core.Code
		}
		dispatchtest.ForEach(t, Primitive, func(t *testing.T) {
			out, err := st.Call(t, name, in)
			r := struct {
				out  string
				code core.Code
			}{string(out), core.CodeOf(err)}
			if r.code == core.CodeInternal {
				t.Fatalf("%s: %v", name, err)
			}
			if first == nil {
				first = &r
			} else if *first != r {
				t.Fatalf("%s: backends disagree: %v vs %v", name, *first, r)
			}
		})
	})
}

// TestErrorCodes pins the status code of each kind of bad input, on every
// backend. Off-curve and outside-the-subgroup points come from the
// Wycheproof and Ethereum deserialization vectors.
func TestErrorCodes(t *testing.T) {
	pks, sigs, msgs := batchSets(t)
	g1 := ethCases(t, "deserialization_G1")
	g2 := ethCases(t, "deserialization_G2")
	offCurvePK := Hex(t, g1["deserialization_fails_not_in_curve.json"].Input.Pubkey)
	outsidePK := Hex(t, g1["deserialization_fails_not_in_G1.json"].Input.Pubkey)
	offCurveSig := Hex(t, g2["deserialization_fails_not_in_curve.json"].Input.Signature)
	outsideSig := Hex(t, g2["deserialization_fails_not_in_G2.json"].Input.Signature)
	infPK := append([]byte{0xc0}, make([]byte, 47)...)
	bigX := bytes.Clone(pks[0])
	copy(bigX[1:], bytes.Repeat([]byte{0xff}, 47))
	bigX[0] = 0x9f
	noFlag := bytes.Clone(pks[0])
	noFlag[0] &^= 0x80
	pop := append([]byte{byte(len(DSTPOP))}, DSTPOP...)

	cases := []struct {
		name, fn string
		in       []byte
		code     core.Code
	}{
		{"infinity key", "bls12381_verify", cat(infPK, sigs[0], msgs[0]), core.CodeInfinity},
		{"x >= p", "bls12381_verify", cat(bigX, sigs[0], msgs[0]), core.CodeNonCanonical},
		{"compression flag clear", "bls12381_verify", cat(noFlag, sigs[0], msgs[0]), core.CodeMalformed},
		{"key off curve", "bls12381_verify", cat(offCurvePK, sigs[0], msgs[0]), core.CodeInvalidPoint},
		{"key outside subgroup", "bls12381_verify", cat(outsidePK, sigs[0], msgs[0]), core.CodeNotInSubgroup},
		// Regression (found by FuzzBackends): x = 0 gives (0, +-2), on the
		// curve and of order 3; blst's Uncompress refuses it outright.
		{"key (0, 2)", "bls12381_verify", cat(append([]byte{0x80}, make([]byte, 47)...), sigs[0], msgs[0]), core.CodeNotInSubgroup},
		{"key (0, -2)", "bls12381_fast_aggregate_verify", cat(U32(nil, 2), pks[0], append([]byte{0xa0}, make([]byte, 47)...), sigs[0], msgs[0]), core.CodeNotInSubgroup},
		{"key (0, 2) and off-curve signature", "bls12381_verify", cat(append([]byte{0x80}, make([]byte, 47)...), offCurveSig, msgs[0]), core.CodeInvalidPoint},
		{"signature off curve", "bls12381_verify", cat(pks[0], offCurveSig, msgs[0]), core.CodeInvalidPoint},
		{"signature outside subgroup", "bls12381_verify", cat(pks[0], outsideSig, msgs[0]), core.CodeNotInSubgroup},
		// Off-curve wins over outside-the-subgroup whatever the order.
		{"outside then off curve", "bls12381_fast_aggregate_verify", cat(U32(nil, 2), outsidePK, offCurvePK, sigs[0], msgs[0]), core.CodeInvalidPoint},
		{"outside then off curve, same chunk", "bls12381_fast_aggregate_verify", cat(U32(nil, 6), outsidePK, offCurvePK, pks[0], pks[1], pks[2], pks[0], sigs[0], msgs[0]), core.CodeInvalidPoint},
		{"outside then off curve, same chunk, aggregate", "bls12381_aggregate_verify",
			aggInput(t, []string{hexs(outsidePK), hexs(offCurvePK), hexs(pks[0]), hexs(pks[1])}, hexs(sigs[0]), [][]byte{msgs[0], msgs[1], msgs[2], msgs[0]}), core.CodeInvalidPoint},
		{"off-curve signature, outside key", "bls12381_aggregate_verify", aggInput(t, []string{hexs(outsidePK)}, hexs(offCurveSig), [][]byte{msgs[0]}), core.CodeInvalidPoint},
		{"batch outside key", "bls12381_batch_verify", batchInput([][]byte{pks[0], outsidePK}, sigs[:2], msgs[:2]), core.CodeNotInSubgroup},
		// Regression (FuzzBackends, testdata/fuzz/FuzzBackends/9aed519d69756ab2):
		// an off-curve point after an outside one in the same chunk.
		{"batch outside then off-curve", "bls12381_batch_verify",
			batchInput([][]byte{outsidePK, offCurvePK, pks[0], pks[1], pks[2], pks[0]}, [][]byte{sigs[0], sigs[1], sigs[0], sigs[1], sigs[2], sigs[0]}, [][]byte{msgs[0], msgs[1], msgs[0], msgs[1], msgs[2], msgs[0]}),
			core.CodeInvalidPoint},
		{"short", "bls12381_verify", cat(pks[0], sigs[0][:95]), core.CodeMalformed},
		{"count too large", "bls12381_fast_aggregate_verify", cat(U32(nil, 3), pks[0], pks[1], sigs[0]), core.CodeMalformed},
		{"trailing byte", "bls12381_aggregate_verify", append(aggInput(t, []string{hexs(pks[0])}, hexs(sigs[0]), [][]byte{msgs[0]}), 0), core.CodeMalformed},
		{"message length too large", "bls12381_batch_verify", cat(U32(nil, 1), pks[0], sigs[0], U32(nil, 1000), msgs[0]), core.CodeMalformed},
		{"empty DST", "bls12381_verify_dst", cat([]byte{0}, pks[0], sigs[0], msgs[0]), core.CodeMalformed},
		{"truncated DST", "bls12381_verify_dst", pop[:10], core.CodeMalformed},
		{"empty input", "bls12381_aggregate_verify_dst", nil, core.CodeMalformed},
	}
	dispatchtest.ForEach(t, Primitive, func(t *testing.T) {
		for _, c := range cases {
			if _, err := st.Call(t, c.fn, c.in); core.CodeOf(err) != c.code {
				t.Errorf("%s: got %v, want %v", c.name, err, c.code)
			}
		}
		for _, fn := range []string{"bls12381_fast_aggregate_verify", "bls12381_aggregate_verify", "bls12381_batch_verify"} {
			in := U32(nil, 0)
			if fn != "bls12381_batch_verify" {
				in = append(in, sigs[0]...)
			}
			if fn == "bls12381_fast_aggregate_verify" {
				in = append(in, msgs[0]...)
			}
			if out, err := st.Call(t, fn, in); err != nil || !bytes.Equal(out, []byte{0}) {
				t.Errorf("%s with n = 0: %x %v; want 00", fn, out, err)
			}
		}
	})
}

// FuzzStructured builds inputs from a pool of valid and bad points (valid
// keys and signatures, off the curve, outside the subgroup, infinity,
// (0, +-2), non-canonical, bad flags) chosen by the fuzzer, so that every
// function sees mixes of failures in every order, and requires both
// backends to agree.
func FuzzStructured(f *testing.F) {
	pks, sigs, msgs := batchSets(f)
	g1 := ethCases(f, "deserialization_G1")
	g2 := ethCases(f, "deserialization_G2")
	pkPool := append([][]byte{}, pks...)
	for _, c := range g1 {
		if b := Hex(f, c.Input.Pubkey); len(b) == pkSize {
			pkPool = append(pkPool, b)
		}
	}
	pkPool = append(pkPool, append([]byte{0xa0}, make([]byte, 47)...))
	sigPool := append([][]byte{}, sigs...)
	for _, c := range g2 {
		if b := Hex(f, c.Input.Signature); len(b) == sigSize {
			sigPool = append(sigPool, b)
		}
	}
	f.Add([]byte{0, 1, 0, 0, 0})
	f.Add([]byte{3, 3, 0, 0, 1, 1, 2, 2})
	f.Add([]byte{2, 4, 9, 3, 0, 1, 2, 5})
	names := []string{"bls12381_verify", "bls12381_fast_aggregate_verify", "bls12381_aggregate_verify", "bls12381_batch_verify"}
	f.Fuzz(func(t *testing.T, choice []byte) {
		if len(choice) < 2 {
			return
		}
		name := names[int(choice[0])%len(names)]
		n := 1 + int(choice[1])%6
		choice = choice[2:]
		next := func() int {
			if len(choice) == 0 {
				return 0
			}
			v := int(choice[0])
			choice = choice[1:]
			return v
		}
		pk := func() []byte { return pkPool[next()%len(pkPool)] }
		sg := func() []byte { return sigPool[next()%len(sigPool)] }
		msg := func() []byte { return msgs[next()%len(msgs)] }
		var in []byte
		switch name {
		case "bls12381_verify":
			in = cat(pk(), sg(), msg())
		case "bls12381_fast_aggregate_verify":
			in = U32(nil, n)
			for i := 0; i < n; i++ {
				in = append(in, pk()...)
			}
			in = cat(in, sg(), msg())
		case "bls12381_aggregate_verify":
			var ps []string
			var ms [][]byte
			for i := 0; i < n; i++ {
				ps = append(ps, hexs(pk()))
				ms = append(ms, msg())
			}
			in = aggInput(t, ps, hexs(sg()), ms)
		default:
			var ps, ss, ms [][]byte
			for i := 0; i < n; i++ {
				ps, ss, ms = append(ps, pk()), append(ss, sg()), append(ms, msg())
			}
			in = batchInput(ps, ss, ms)
		}
		var first *string
		dispatchtest.ForEach(t, Primitive, func(t *testing.T) {
			out, err := st.Call(t, name, in)
			if core.CodeOf(err) == core.CodeInternal {
				t.Fatal(err)
			}
			r := string(out) + "|" + core.CodeOf(err).String()
			if first == nil {
				first = &r
			} else if *first != r {
				t.Fatalf("%s: backends disagree: %q vs %q", name, *first, r)
			}
		})
	})
}
