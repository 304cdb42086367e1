package hash_test

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"math/big"
	"strings"
	"testing"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	blsfr "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"

	"github.com/hostcrypto/hostcrypto"
	"github.com/hostcrypto/hostcrypto/dispatch"
	"github.com/hostcrypto/hostcrypto/internal/cli"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

// vectorCase is one request for `hostcrypto call --jsonl` and its judge.
type vectorCase struct {
	src   string
	req   cli.Request
	check func(r cli.Result) bool
}

func load(t *testing.T, rel string, v any) {
	t.Helper()
	vectors.JSON(t, rel, v)
}

func wantOutput(hexOut string) func(cli.Result) bool {
	want := strings.ToLower(strings.TrimPrefix(hexOut, "0x"))
	return func(r cli.Result) bool { return r.Error == "" && r.Output == want }
}

func wantError(code string) func(cli.Result) bool {
	return func(r cli.Result) bool { return r.Error == code && r.Output == "" }
}

func decBE(t *testing.T, dec string) string {
	b, ok := new(big.Int).SetString(dec, 10)
	if !ok {
		t.Fatalf("bad decimal %q", dec)
	}
	return hex.EncodeToString(b.FillBytes(make([]byte, 32)))
}

func h2cHex(dst string, msg []byte) string {
	return hex.EncodeToString(append(append([]byte{byte(len(dst))}, dst...), msg...))
}

// allVectorCases gathers every external vector of the hash family as a
// `call --jsonl` request.
func allVectorCases(t *testing.T) []vectorCase {
	var cs []vectorCase
	add := func(src, fn, in string, check func(cli.Result) bool) {
		cs = append(cs, vectorCase{src, cli.Request{Fn: fn, Input: in}, check})
	}

	var kats []struct{ Hash, In, Key, Out string }
	load(t, "blake2/blake2-kat.json", &kats)
	for _, k := range kats {
		if k.Hash == "blake2b" && k.Key == "" {
			add("blake2-kat.json", "blake2b_512", k.In, wantOutput(k.Out))
		}
	}
	var rfc struct {
		A struct {
			InputASCII string `json:"input_ascii"`
			Expected   string
		} `json:"appendix_A_blake2b_512_abc"`
	}
	load(t, "blake2/rfc7693_vectors.json", &rfc)
	add("rfc7693 A", "blake2b_512", hex.EncodeToString([]byte(rfc.A.InputASCII)), wantOutput(rfc.A.Expected))

	var b2f []struct{ Input, Expected string }
	load(t, "go-ethereum-precompiles/blake2F.json", &b2f)
	for _, v := range b2f {
		add("blake2F.json", "blake2f", v.Input, wantOutput(v.Expected))
	}
	var b2fFail []struct{ Input string }
	load(t, "go-ethereum-precompiles/fail-blake2f.json", &b2fFail)
	for _, v := range b2fFail {
		add("fail-blake2f.json", "blake2f", v.Input, wantError("malformed_input"))
	}

	type pcase struct {
		Fn, InitState string
		Inputs        []string
		Expected      json.RawMessage
	}
	for _, f := range []string{"circomlibjs_test_vectors.json", "go-iden3-crypto_test_vectors.json", "generated_cross_impl_iden3_go_vs_circomlibjs.json"} {
		var v struct {
			Cases      []pcase
			ErrorCases []struct {
				InputsLen int `json:"inputs_len"`
				Inputs    []string
				InitState string
			} `json:"error_cases"`
		}
		load(t, "poseidon/"+f, &v)
		for _, c := range v.Cases {
			if c.Fn != "" && c.Fn != "Hash" || c.InitState != "" && c.InitState != "0" {
				continue // initState / nOut variants are not this function
			}
			var want []string
			if json.Unmarshal(c.Expected, &want) != nil {
				var w string
				json.Unmarshal(c.Expected, &w)
				want = []string{w}
			}
			var in string
			for _, x := range c.Inputs {
				in += decBE(t, x)
			}
			add(f, "poseidon_bn254", in, wantOutput(decBE(t, want[0])))
		}
		for _, e := range v.ErrorCases {
			switch {
			case e.InputsLen == 17:
				add(f+" error", "poseidon_bn254", strings.Repeat(decBE(t, "1"), 17), wantError("input_too_large"))
			case e.InitState == "" && len(e.Inputs) == 1:
				b, _ := new(big.Int).SetString(e.Inputs[0], 10)
				if b.BitLen() <= 256 { // larger values have no 32-byte encoding
					add(f+" error", "poseidon_bn254", decBE(t, e.Inputs[0]), wantError("non_canonical"))
				}
			}
		}
	}

	var schnorr struct {
		Signatures []struct{ Challenge, Msg, PK, Sig string }
	}
	load(t, "dusk/jubjub-schnorr.json", &schnorr)
	for _, s := range schnorr.Signatures {
		sig, _ := hex.DecodeString(s.Sig)
		pk, _ := hex.DecodeString(s.PK)
		msg, _ := hex.DecodeString(s.Msg)
		ru, rv := jubjubUV(t, sig[32:64])
		pu, pv := jubjubUV(t, pk)
		in := hex.EncodeToString(bytes.Join([][]byte{ru, rv, pu, pv, msg}, nil))
		challenge := s.Challenge
		add("jubjub-schnorr.json challenge", "poseidon_bls12381_dusk", in, func(r cli.Result) bool {
			out, err := hex.DecodeString(r.Output)
			if r.Error != "" || err != nil || len(out) != 32 {
				return false
			}
			out[31] &= 0x03 // digest_truncated keeps the low 250 bits
			return hex.EncodeToString(out) == challenge
		})
	}

	var blsv struct {
		Scheme struct {
			H0DST string `json:"h0_dst"`
			H1DST string `json:"h1_dst"`
		}
		Single []struct {
			Msg, PK string
			H0Msg   string `json:"h0_msg"`
			H1PK    string `json:"h1_pk"`
		}
	}
	load(t, "dusk/bls12_381-bls.json", &blsv)
	for _, c := range blsv.Single {
		add("bls12_381-bls.json h1", "hash_to_scalar_bls12381", hex.EncodeToString([]byte(blsv.Scheme.H1DST))+c.PK, wantOutput(c.H1PK))
		msg, _ := hex.DecodeString(c.Msg)
		h0 := c.H0Msg
		add("bls12_381-bls.json h0", "bls12381_hash_to_g1", h2cHex(blsv.Scheme.H0DST, msg), func(r cli.Result) bool {
			out, err := hex.DecodeString(r.Output)
			if r.Error != "" || err != nil || len(out) != 128 {
				return false
			}
			var p bls.G1Affine
			p.X.SetBytes(out[16:64])
			p.Y.SetBytes(out[80:128])
			comp := p.Bytes()
			return hex.EncodeToString(comp[:]) == h0
		})
	}

	for _, f := range []struct{ file, fn string }{
		{"BLS12381G1_XMD_SHA-256_SSWU_RO_.json", "bls12381_hash_to_g1"},
		{"BLS12381G2_XMD_SHA-256_SSWU_RO_.json", "bls12381_hash_to_g2"},
	} {
		var v struct {
			DST     string
			Vectors []struct {
				Msg string
				P   struct{ X, Y string }
			}
		}
		load(t, "rfc9380-hash-to-curve/"+f.file, &v)
		for _, vec := range v.Vectors {
			var want string
			for _, coord := range []string{vec.P.X, vec.P.Y} {
				for _, part := range strings.Split(coord, ",") {
					want += strings.Repeat("0", 128-len(strings.TrimPrefix(part, "0x"))) + strings.TrimPrefix(part, "0x")
				}
			}
			add(f.file, f.fn, h2cHex(v.DST, []byte(vec.Msg)), wantOutput(want))
		}
	}
	return cs
}

// TestVectorsThroughCLI runs every vector through `hostcrypto call --jsonl`
// (the CLI's code path, in process): once with the default selection, then
// with --backend forcing each backend that can serve the vector's function
// (dispatch.BackendsFor of its primitives; other backends cannot change it).
func TestVectorsThroughCLI(t *testing.T) {
	cs := allVectorCases(t)
	if len(cs) < 400 {
		t.Fatalf("only %d cases", len(cs))
	}
	serves := map[string]map[string]bool{} // backend -> function -> ok
	for _, f := range hostcrypto.Functions() {
		for _, b := range dispatch.BackendsFor(f.Primitives) {
			if serves[b] == nil {
				serves[b] = map[string]bool{}
			}
			serves[b][f.Name] = true
		}
	}
	backends := []string{""}
	for _, b := range dispatch.Backends() {
		if serves[b] != nil {
			backends = append(backends, b)
		}
	}
	total := 0
	for _, b := range backends {
		var stdin bytes.Buffer
		enc := json.NewEncoder(&stdin)
		var sel []vectorCase
		for _, c := range cs {
			if b == "" || serves[b][c.req.Fn] {
				sel = append(sel, c)
				enc.Encode(c.req)
			}
		}
		if len(sel) == 0 {
			continue // this backend serves no hash function
		}
		args := []string{"call", "--jsonl"}
		if b != "" {
			args = append(args, "--backend", b)
		}
		var out, errs bytes.Buffer
		code := cli.Main(&cli.Env{Stdin: bytes.NewReader(stdin.Bytes()), Stdout: &out, Stderr: &errs}, args)
		dispatch.Force("")
		if code != 0 {
			t.Fatalf("backend %q: exit %d: %s", b, code, errs.String())
		}
		lines := strings.Split(strings.TrimSpace(out.String()), "\n")
		if len(lines) != len(sel) {
			t.Fatalf("backend %q: %d result lines for %d requests", b, len(lines), len(sel))
		}
		fails := 0
		for i, l := range lines {
			var r cli.Result
			if err := json.Unmarshal([]byte(l), &r); err != nil || r.Fn != sel[i].req.Fn || !sel[i].check(r) {
				fails++
				if fails <= 5 {
					t.Errorf("backend %q: %s %s(%.40s...): got %s", b, sel[i].src, sel[i].req.Fn, sel[i].req.Input, l)
				}
			}
		}
		if fails > 0 {
			t.Errorf("backend %q: %d of %d vectors failed", b, fails, len(sel))
		}
		total += len(sel)
		t.Logf("backend %-9q %3d vectors", b, len(sel))
	}
	t.Logf("%d distinct vectors, %d runs", len(cs), total)
}

// jubjubUV decodes a Dusk JubJub point (v little-endian, the parity of u in
// bit 7 of byte 31) into its affine coordinates u, v, both encoded 32-byte
// little-endian. JubJub: -u^2 + v^2 = 1 + d u^2 v^2, d = -10240/10241, over
// the BLS12-381 scalar field.
func jubjubUV(t *testing.T, enc []byte) (u, v []byte) {
	t.Helper()
	b := append([]byte(nil), enc...)
	sign := b[31] >> 7
	b[31] &= 0x7f
	vv, err := blsfr.LittleEndian.Element((*[32]byte)(b))
	if err != nil {
		t.Fatal(err)
	}
	var d, den, num, v2, one blsfr.Element
	one.SetOne()
	d.SetUint64(10241)
	d.Inverse(&d)
	num.SetUint64(10240)
	d.Mul(&d, &num)
	d.Neg(&d)
	v2.Square(&vv)
	num.Sub(&v2, &one)
	den.Mul(&d, &v2)
	den.Add(&den, &one)
	den.Inverse(&den)
	num.Mul(&num, &den)
	var uu blsfr.Element
	if uu.Sqrt(&num) == nil {
		t.Fatalf("%x is not a JubJub point", enc)
	}
	var ub [32]byte
	blsfr.LittleEndian.PutElement(&ub, uu)
	if ub[0]&1 != sign {
		uu.Neg(&uu)
		blsfr.LittleEndian.PutElement(&ub, uu)
	}
	return ub[:], b
}
