package secp256k1

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"math/big"
	"os"
	"testing"

	"golang.org/x/crypto/cryptobyte"
	"golang.org/x/crypto/cryptobyte/asn1"
	"golang.org/x/crypto/sha3"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch/dispatchtest"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
	. "github.com/hostcrypto/hostcrypto/sig/internal/sigtest"
)

const wpDir = "wycheproof/testvectors_v1/"

type wpECDSA struct {
	TestGroups []struct {
		PublicKey struct {
			Uncompressed string `json:"uncompressed"`
			Wx           string `json:"wx"`
			Wy           string `json:"wy"`
		} `json:"publicKey"`
		Sha   string `json:"sha"`
		Tests []struct {
			TcID    int    `json:"tcId"`
			Comment string `json:"comment"`
			Msg     string `json:"msg"`
			Sig     string `json:"sig"`
			Result  string `json:"result"`
		} `json:"tests"`
	} `json:"testGroups"`
}

// fixed32 left-pads a big-endian integer given as hex (Wycheproof wx/wy may
// carry a leading 00 or be short) to 32 bytes.
func fixed32(t *testing.T, h string) []byte {
	v := new(big.Int).SetBytes(Hex(t, h))
	if v.BitLen() > 256 {
		t.Fatalf("coordinate %s wider than 256 bits", h)
	}
	return v.FillBytes(make([]byte, 32))
}

// keys returns the uncompressed and compressed encodings of a group's key.
func keys(t *testing.T, wx, wy string) (unc, comp []byte) {
	x, y := fixed32(t, wx), fixed32(t, wy)
	unc = append(append([]byte{4}, x...), y...)
	comp = append([]byte{2 | y[31]&1}, x...)
	return unc, comp
}

// parseDER decodes a strict DER ECDSA-Sig-Value SEQUENCE { r INTEGER, s
// INTEGER } (cryptobyte enforces minimal lengths and minimal, non-negative
// integers) into r || s of 32 bytes each; ok is false for anything else,
// including an integer wider than 256 bits.
func parseDER(sig []byte) (rs []byte, ok bool) {
	var seq cryptobyte.String
	in := cryptobyte.String(sig)
	r, s := new(big.Int), new(big.Int)
	if !in.ReadASN1(&seq, asn1.SEQUENCE) || !in.Empty() ||
		!seq.ReadASN1Integer(r) || !seq.ReadASN1Integer(s) || !seq.Empty() {
		return nil, false
	}
	if r.Sign() < 0 || s.Sign() < 0 || r.BitLen() > 256 || s.BitLen() > 256 {
		return nil, false
	}
	return append(r.FillBytes(make([]byte, 32)), s.FillBytes(make([]byte, 32))...), true
}

func runECDSAFile(t *testing.T, file, fn string, der bool) int {
	var v wpECDSA
	JSON(t, vectors.Path(t, wpDir+file), &v)
	n := 0
	for _, g := range v.TestGroups {
		if g.Sha != "SHA-256" {
			t.Fatalf("%s: unexpected hash %s", file, g.Sha)
		}
		unc, comp := keys(t, g.PublicKey.Wx, g.PublicKey.Wy)
		if !bytes.Equal(unc, Hex(t, g.PublicKey.Uncompressed)) {
			t.Fatalf("%s: key encodings disagree", file)
		}
		for _, c := range g.Tests {
			valid := c.Result == "valid"
			h := sha256.Sum256(Hex(t, c.Msg))
			sig := Hex(t, c.Sig)
			if der {
				rs, ok := parseDER(sig)
				if !ok {
					if valid {
						t.Errorf("%s %d %s: valid vector is not strict DER", file, c.TcID, c.Comment)
					}
					n++
					continue
				}
				sig = rs
			}
			for _, pk := range [][]byte{unc, comp} {
				in := bytes.Join([][]byte{pk, sig, h[:]}, nil)
				st.Verdict(t, file+"/"+c.Comment, fn, in, valid)
			}
			n++
		}
	}
	return n
}

func TestWycheproofECDSA(t *testing.T) {
	dispatchtest.ForEach(t, PrimitiveECDSA, func(t *testing.T) {
		n := runECDSAFile(t, "ecdsa_secp256k1_sha256_p1363_test.json", "secp256k1_ecdsa_verify", false)
		n += runECDSAFile(t, "ecdsa_secp256k1_sha256_test.json", "secp256k1_ecdsa_verify", true)
		n += runECDSAFile(t, "ecdsa_secp256k1_sha256_bitcoin_test.json", "secp256k1_ecdsa_verify_lows", true)
		if n != 252+476+463 {
			t.Fatalf("ran %d vectors", n)
		}
	})
}

// pMinusN is p - n of secp256k1.
var pMinusN, _ = new(big.Int).SetString("14551231950b75fc4402da1722fc9baee", 16)

// halfN is (n-1)/2 of secp256k1.
var halfN, _ = new(big.Int).SetString("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0", 16)

// TestRecoverWycheproof: for every valid P1363 vector, recovery with one of
// v = 0, 1 (or 27, 28) returns the vector's key (unless r was reduced mod
// n, then neither may), and every high-s valid vector is rejected by the
// low-s function but accepted by the plain one.
func TestRecoverWycheproof(t *testing.T) {
	var v wpECDSA
	JSON(t, vectors.Path(t, wpDir+"ecdsa_secp256k1_sha256_p1363_test.json"), &v)
	dispatchtest.ForEach(t, PrimitiveECDSA, func(t *testing.T) {
		found, highS := 0, 0
		for _, g := range v.TestGroups {
			unc, _ := keys(t, g.PublicKey.Wx, g.PublicKey.Wy)
			for _, c := range g.Tests {
				if c.Result != "valid" {
					continue
				}
				h := sha256.Sum256(Hex(t, c.Msg))
				sig := Hex(t, c.Sig)
				hits := 0
				for _, vb := range []byte{0, 1, 27, 28} {
					out, err := st.Call(t, "secp256k1_recover", append(append(h[:], sig...), vb))
					if err == nil && bytes.Equal(out, unc) {
						hits++
					}
					if err != nil && core.CodeOf(err) != core.CodeNoResult {
						t.Errorf("%d: recover v=%d: %v", c.TcID, vb, err)
					}
				}
				if hits == 2 {
					found++
				} else if hits == 0 {
					// Only R.x = r + n, which v in {0, 1} cannot name, is
					// allowed to miss; that needs r + n < p.
					if new(big.Int).SetBytes(sig[:32]).Cmp(pMinusN) >= 0 {
						t.Errorf("%d %s: not recovered", c.TcID, c.Comment)
					}
				} else {
					t.Errorf("%d: recovered by %d of the v encodings", c.TcID, hits)
				}
				if new(big.Int).SetBytes(sig[32:]).Cmp(halfN) > 0 {
					highS++
					in := bytes.Join([][]byte{unc, sig, h[:]}, nil)
					st.Verdict(t, "high s", "secp256k1_ecdsa_verify_lows", in, false)
					st.Verdict(t, "high s", "secp256k1_ecdsa_verify", in, true)
				}
			}
		}
		t.Logf("%d valid vectors recovered, %d high-s", found, highS)
		if found < 150 || highS == 0 {
			t.Fatalf("recovered %d keys, %d high-s vectors", found, highS)
		}
	})
}

// TestRecoverGeth runs go-ethereum's ECRECOVER vectors: input hash || v (32-
// byte word) || r || s, output the 20-byte address keccak256(x || y)[12:]
// left-padded to 32 bytes, or empty. A v word that is not one byte cannot be
// expressed in our layout; geth rejects all of those.
func TestRecoverGeth(t *testing.T) {
	var vs []struct{ Input, Expected, Name string }
	JSON(t, vectors.Path(t, "go-ethereum-precompiles/ecRecover.json"), &vs)
	ran := 0
	for _, c := range vs {
		in := Hex(t, c.Input)
		in = append(in, make([]byte, 128)...)[:128]
		vWord := in[32:64]
		if !bytes.Equal(vWord[:31], make([]byte, 31)) {
			if c.Expected != "" {
				t.Errorf("%s: geth accepts a wide v", c.Name)
			}
			continue
		}
		ours := append(append(bytes.Clone(in[:32]), in[64:128]...), vWord[31])
		out, err := st.Call(t, "secp256k1_recover", ours)
		if c.Expected == "" {
			if err == nil {
				t.Errorf("%s: recovered %x, geth finds none", c.Name, out)
			}
		} else {
			if err != nil {
				t.Fatalf("%s: %v", c.Name, err)
			}
			k := sha3.NewLegacyKeccak256()
			k.Write(out[1:])
			addr := k.Sum(nil)[12:]
			if want := Hex(t, c.Expected)[12:]; !bytes.Equal(addr, want) {
				t.Errorf("%s: address %x, want %x", c.Name, addr, want)
			}
		}
		ran++
	}
	if ran < 2 {
		t.Fatalf("ran %d vectors", ran)
	}
}

func TestBIP340(t *testing.T) {
	f, err := os.Open(vectors.Path(t, "bip340/test-vectors.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	dispatchtest.ForEach(t, PrimitiveSchnorr, func(t *testing.T) {
		n := 0
		for _, row := range rows[1:] {
			pk, msg, sig := Hex(t, row[2]), Hex(t, row[4]), Hex(t, row[5])
			want := row[6] == "TRUE"
			st.Verdict(t, "bip340 #"+row[0]+" "+row[7], "schnorr_bip340_verify", bytes.Join([][]byte{pk, sig, msg}, nil), want)
			n++
		}
		if n != 19 {
			t.Fatalf("ran %d vectors", n)
		}
	})
}

// TestEncodingErrors checks the error codes of malformed inputs.
func TestEncodingErrors(t *testing.T) {
	g := "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798" // the generator, compressed
	sig := bytes.Repeat([]byte{1}, 64)
	h := make([]byte, 32)
	cases := []struct {
		name string
		fn   string
		in   []byte
		code core.Code
	}{
		{"short", "secp256k1_ecdsa_verify", Hex(t, g)[:32], core.CodeMalformed},
		{"hybrid prefix", "secp256k1_ecdsa_verify", bytes.Join([][]byte{{6}, make([]byte, 64), sig, h}, nil), core.CodeMalformed},
		{"x >= p", "secp256k1_ecdsa_verify", bytes.Join([][]byte{{2}, bytes.Repeat([]byte{0xff}, 32), sig, h}, nil), core.CodeNonCanonical},
		{"x off curve", "secp256k1_ecdsa_verify", bytes.Join([][]byte{{2}, make([]byte, 31), {5}, sig, h}, nil), core.CodeInvalidPoint},
		{"s >= n", "secp256k1_ecdsa_verify", bytes.Join([][]byte{Hex(t, g), sig[:32], bytes.Repeat([]byte{0xff}, 32), h}, nil), core.CodeNonCanonical},
		{"bad v", "secp256k1_recover", bytes.Join([][]byte{h, sig, {2}}, nil), core.CodeMalformed},
		{"zero r", "secp256k1_recover", bytes.Join([][]byte{h, make([]byte, 32), sig[:32], {0}}, nil), core.CodeNoResult},
		{"r not an x", "secp256k1_recover", bytes.Join([][]byte{h, make([]byte, 31), {5}, sig[:32], {0}}, nil), core.CodeNoResult},
		{"schnorr short", "schnorr_bip340_verify", sig, core.CodeMalformed},
	}
	schnorrPK := Hex(t, "DFF1D77F2A671C5F36183726DB2341BE58FEAE1DA2DECED843240F7B502BA659")
	cases = append(cases, []struct {
		name string
		fn   string
		in   []byte
		code core.Code
	}{
		{"schnorr pk >= p", "schnorr_bip340_verify", bytes.Join([][]byte{bytes.Repeat([]byte{0xff}, 32), sig}, nil), core.CodeNonCanonical},
		{"schnorr pk off curve", "schnorr_bip340_verify", bytes.Join([][]byte{make([]byte, 31), {5}, sig}, nil), core.CodeInvalidPoint},
		{"schnorr r >= p", "schnorr_bip340_verify", bytes.Join([][]byte{schnorrPK, bytes.Repeat([]byte{0xff}, 32), sig[:32]}, nil), core.CodeNonCanonical},
		{"schnorr s >= n", "schnorr_bip340_verify", bytes.Join([][]byte{schnorrPK, sig[:32], bytes.Repeat([]byte{0xff}, 32)}, nil), core.CodeNonCanonical},
	}...)
	dispatchtest.Backends(t, func(t *testing.T, backend string) {
		for _, c := range cases {
			if _, err := st.Call(t, c.fn, c.in); core.CodeOf(err) != c.code {
				t.Errorf("%s: got %v, want %v", c.name, err, c.code)
			}
		}
		// r = 0 is well-formed and invalid.
		in := bytes.Join([][]byte{Hex(t, g), make([]byte, 32), sig[:32], h}, nil)
		if out, err := st.Call(t, "secp256k1_ecdsa_verify", in); err != nil || out[0] != 0 {
			t.Errorf("zero r: %x %v", out, err)
		}
	})
}

// FuzzRecoverVerifies: any key recovered from (hash, r, s, v) verifies
// (hash, r, s) under both ECDSA functions' rules (the low-s one only when
// s <= n/2), in both key encodings; no input yields an internal error.
func FuzzRecoverVerifies(f *testing.F) {
	f.Add(bytes.Repeat([]byte{0xab}, 32), bytes.Repeat([]byte{0x11}, 64), byte(0))
	f.Add(make([]byte, 32), append(make([]byte, 63), 1), byte(28))
	f.Fuzz(func(t *testing.T, hash, rs []byte, v byte) {
		if len(hash) != 32 || len(rs) != 64 {
			return
		}
		out, err := st.Call(t, "secp256k1_recover", bytes.Join([][]byte{hash, rs, {v}}, nil))
		if err != nil {
			if c := core.CodeOf(err); c == core.CodeInternal {
				t.Fatal(err)
			}
			return
		}
		comp := append([]byte{2 | out[64]&1}, out[1:33]...)
		for _, pk := range [][]byte{out, comp} {
			in := bytes.Join([][]byte{pk, rs, hash}, nil)
			if got, err := st.Call(t, "secp256k1_ecdsa_verify", in); err != nil || got[0] != 1 {
				t.Fatalf("recovered key does not verify: %x %v", got, err)
			}
			lowS := new(big.Int).SetBytes(rs[32:]).Cmp(halfN) <= 0
			if got, err := st.Call(t, "secp256k1_ecdsa_verify_lows", in); err != nil || (got[0] == 1) != lowS {
				t.Fatalf("low-s verify %x %v, s low: %v", got, err, lowS)
			}
		}
	})
}

// FuzzImplsAgree: both implementations give the same bytes and code on any
// verify, recover or BIP-340 input.
func FuzzImplsAgree(f *testing.F) {
	f.Add(uint8(0), bytes.Join([][]byte{Hex(f, "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"), bytes.Repeat([]byte{1}, 96)}, nil))
	f.Add(uint8(1), append(bytes.Repeat([]byte{0xab}, 96), 1))
	f.Add(uint8(3), Hex(f, "DFF1D77F2A671C5F36183726DB2341BE58FEAE1DA2DECED843240F7B502BA6596896BD60EEAE296DB48A229FF71DFE071BDE413E6D43F917DC8DCF8C78DE33418906D11AC976ABCCB20B091292BFF4EA897EFCB639EA871CFA95F6DE339E4B0A243F6A8885A308D313198A2E03707344A4093822299F31D0082EFA98EC4E6C89"))
	names := []string{"secp256k1_ecdsa_verify", "secp256k1_recover", "secp256k1_ecdsa_verify_lows", "schnorr_bip340_verify"}
	f.Fuzz(func(t *testing.T, which uint8, in []byte) {
		name := names[int(which)%len(names)]
		var first *string
		dispatchtest.Backends(t, func(t *testing.T, _ string) {
			out, err := st.Call(t, name, in)
			if core.CodeOf(err) == core.CodeInternal {
				t.Fatal(err)
			}
			r := string(out) + "|" + core.CodeOf(err).String()
			if first == nil {
				first = &r
			} else if *first != r {
				t.Fatalf("%s: implementations disagree: %q vs %q", name, *first, r)
			}
		})
	})
}
