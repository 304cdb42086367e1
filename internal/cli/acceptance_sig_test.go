package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"

	"github.com/hostcrypto/hostcrypto"
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dispatch"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
)

// sigCase is one signature vector as a catalogue call and its verdict.
type sigCase struct {
	src   string
	fn    string
	in    []byte
	valid bool
}

func mustHex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.TrimPrefix(s, "0x"))
	if err != nil {
		t.Fatalf("bad hex %q", s)
	}
	return b
}

func u32(b []byte, n int) []byte { return binary.BigEndian.AppendUint32(b, uint32(n)) }

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(vectors.Path(t, path))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// ethBLSCases reads the Ethereum consensus BLS tests (verify,
// fast_aggregate_verify, aggregate_verify, batch_verify).
func ethBLSCases(t *testing.T) []sigCase {
	var out []sigCase
	type input struct {
		Pubkey, Message, Signature string
		Pubkeys, Messages          []string
		Signatures                 []string
	}
	for _, handler := range []string{"verify", "fast_aggregate_verify", "aggregate_verify", "batch_verify"} {
		files, _ := filepath.Glob(filepath.Join(vectors.Dir(t, "eth-bls12-381-tests/"+handler), "*.json"))
		if len(files) == 0 {
			t.Fatalf("no %s vectors", handler)
		}
		for _, f := range files {
			var c struct {
				Input  input
				Output bool
			}
			readJSON(t, filepath.Join("eth-bls12-381-tests", handler, filepath.Base(f)), &c)
			var in []byte
			var fn string
			switch handler {
			case "verify":
				fn = "bls12381_verify"
				in = bytes.Join([][]byte{mustHex(t, c.Input.Pubkey), mustHex(t, c.Input.Signature), mustHex(t, c.Input.Message)}, nil)
			case "fast_aggregate_verify":
				fn = "bls12381_fast_aggregate_verify"
				in = u32(nil, len(c.Input.Pubkeys))
				for _, pk := range c.Input.Pubkeys {
					in = append(in, mustHex(t, pk)...)
				}
				in = append(append(in, mustHex(t, c.Input.Signature)...), mustHex(t, c.Input.Message)...)
			case "aggregate_verify":
				fn = "bls12381_aggregate_verify"
				in = u32(nil, len(c.Input.Pubkeys))
				for _, pk := range c.Input.Pubkeys {
					in = append(in, mustHex(t, pk)...)
				}
				in = append(in, mustHex(t, c.Input.Signature)...)
				for _, m := range c.Input.Messages {
					b := mustHex(t, m)
					in = append(u32(in, len(b)), b...)
				}
			case "batch_verify":
				fn = "bls12381_batch_verify"
				in = u32(nil, len(c.Input.Pubkeys))
				for i := range c.Input.Pubkeys {
					m := mustHex(t, c.Input.Messages[i])
					in = append(append(in, mustHex(t, c.Input.Pubkeys[i])...), mustHex(t, c.Input.Signatures[i])...)
					in = append(u32(in, len(m)), m...)
				}
			}
			out = append(out, sigCase{"eth-bls12-381-tests/" + handler + "/" + filepath.Base(f), fn, in, c.Output})
		}
	}
	return out
}

type wpFile struct {
	TestGroups []struct {
		Ciphersuite string
		PublicKey   json.RawMessage
		Tests       []struct {
			TcID     int
			Msg, Sig string
			Messages []string
			Pubkeys  []string
			Result   string
		}
	}
}

func wpDST(suite string) []byte { return append([]byte{byte(len(suite))}, suite...) }

// wycheproofCases reads the Wycheproof BLS, Ed25519, secp256k1 and P-256
// files. "acceptable" cases are skipped (either verdict is allowed).
func wycheproofCases(t *testing.T) []sigCase {
	var out []sigCase
	add := func(file string, tc int, fn string, in []byte, result string) {
		if result == "acceptable" {
			return
		}
		out = append(out, sigCase{file + " #" + itoa(tc), fn, in, result == "valid"})
	}
	dir := "wycheproof/testvectors_v1/"
	for _, file := range []string{"bls_sig_g2_pop_verify_test.json", "bls_sig_g2_basic_verify_test.json"} {
		var v wpFile
		readJSON(t, dir+file, &v)
		for _, g := range v.TestGroups {
			var pk struct{ Pk string }
			json.Unmarshal(g.PublicKey, &pk)
			for _, c := range g.Tests {
				body := bytes.Join([][]byte{mustHex(t, pk.Pk), mustHex(t, c.Sig), mustHex(t, c.Msg)}, nil)
				add(file, c.TcID, "bls12381_verify_dst", append(wpDST(g.Ciphersuite), body...), c.Result)
			}
		}
	}
	{
		file := "bls_sig_g2_aggregate_verify_test.json"
		var v wpFile
		readJSON(t, dir+file, &v)
		for _, g := range v.TestGroups {
			for _, c := range g.Tests {
				body := u32(nil, len(c.Pubkeys))
				for _, pk := range c.Pubkeys {
					body = append(body, mustHex(t, pk)...)
				}
				body = append(body, mustHex(t, c.Sig)...)
				for _, m := range c.Messages {
					b := mustHex(t, m)
					body = append(u32(body, len(b)), b...)
				}
				add(file, c.TcID, "bls12381_aggregate_verify_dst", append(wpDST(g.Ciphersuite), body...), c.Result)
			}
		}
	}
	{
		file := "ed25519_test.json"
		var v wpFile
		readJSON(t, dir+file, &v)
		for _, g := range v.TestGroups {
			var pk struct{ Pk string }
			json.Unmarshal(g.PublicKey, &pk)
			for _, c := range g.Tests {
				in := bytes.Join([][]byte{mustHex(t, pk.Pk), mustHex(t, c.Sig), mustHex(t, c.Msg)}, nil)
				if len(mustHex(t, c.Sig)) != 64 {
					if c.Result == "valid" {
						t.Fatalf("%s #%d: valid with a %d-byte signature", file, c.TcID, len(c.Sig)/2)
					}
					continue // the layout cannot carry it: the pk||sig||msg split would differ
				}
				add(file, c.TcID, "ed25519_verify", in, c.Result)
			}
		}
	}
	ecdsa := func(file, fn string, der, eip7951 bool) {
		var v wpFile
		readJSON(t, dir+file, &v)
		for _, g := range v.TestGroups {
			var pk struct{ Uncompressed, Wx, Wy string }
			json.Unmarshal(g.PublicKey, &pk)
			for _, c := range g.Tests {
				h := sha256.Sum256(mustHex(t, c.Msg))
				rs := mustHex(t, c.Sig)
				if der {
					var ok bool
					if rs, ok = parseStrictDER(rs); !ok {
						if c.Result == "valid" {
							t.Fatalf("%s #%d: valid but not strict DER", file, c.TcID)
						}
						continue // not expressible as r || s: rejected before any call
					}
				}
				if len(rs) != 64 {
					if c.Result == "valid" {
						t.Fatalf("%s #%d: valid with %d-byte r||s", file, c.TcID, len(rs))
					}
					continue
				}
				var in []byte
				if eip7951 {
					unc := mustHex(t, pk.Uncompressed)
					in = bytes.Join([][]byte{h[:], rs, unc[1:]}, nil)
				} else {
					in = bytes.Join([][]byte{mustHex(t, pk.Uncompressed), rs, h[:]}, nil)
				}
				add(file, c.TcID, fn, in, c.Result)
			}
		}
	}
	ecdsa("ecdsa_secp256k1_sha256_p1363_test.json", "secp256k1_ecdsa_verify", false, false)
	ecdsa("ecdsa_secp256k1_sha256_test.json", "secp256k1_ecdsa_verify", true, false)
	ecdsa("ecdsa_secp256k1_sha256_bitcoin_test.json", "secp256k1_ecdsa_verify_lows", true, false)
	ecdsa("ecdsa_secp256r1_sha256_p1363_test.json", "p256_verify", false, true)
	return out
}

// parseStrictDER decodes a DER ECDSA-Sig-Value into r || s (32 bytes each);
// cryptobyte enforces minimal lengths and minimal non-negative integers.
func parseStrictDER(sig []byte) ([]byte, bool) {
	var seq cryptobyte.String
	in := cryptobyte.String(sig)
	r, s := new(big.Int), new(big.Int)
	if !in.ReadASN1(&seq, cbasn1.SEQUENCE) || !in.Empty() ||
		!seq.ReadASN1Integer(r) || !seq.ReadASN1Integer(s) || !seq.Empty() ||
		r.Sign() < 0 || s.Sign() < 0 || r.BitLen() > 256 || s.BitLen() > 256 {
		return nil, false
	}
	return append(r.FillBytes(make([]byte, 32)), s.FillBytes(make([]byte, 32))...), true
}

// bip340Cases reads bitcoin/bips' BIP-340 test-vectors.csv.
func bip340Cases(t *testing.T) []sigCase {
	f, err := os.Open(vectors.Path(t, "bip340/test-vectors.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []sigCase
	for _, r := range rows[1:] {
		in := bytes.Join([][]byte{mustHex(t, r[2]), mustHex(t, r[5]), mustHex(t, r[4])}, nil)
		out = append(out, sigCase{"bip340 #" + r[0], "schnorr_bip340_verify", in, r[6] == "TRUE"})
	}
	return out
}

// TestAcceptanceSignatureVectorsJSONL is issue 4's acceptance check: every
// Ethereum BLS, Wycheproof and BIP-340 vector through `call --jsonl` under
// the functions' names and encodings, on the default selection and on each
// backend that can serve the function (gnark and blst for BLS): a valid
// vector answers 01; an invalid one 00 or an error code (never
// internal_error).
func TestAcceptanceSignatureVectorsJSONL(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every signature vector on every backend")
	}
	prev := dispatch.Current()
	defer dispatch.Force(prev)
	var cases []sigCase
	cases = append(cases, ethBLSCases(t)...)
	cases = append(cases, wycheproofCases(t)...)
	cases = append(cases, bip340Cases(t)...)

	serves := map[string]map[string]bool{} // backend -> functions
	for _, c := range cases {
		f, ok := hostcrypto.Lookup(c.fn)
		if !ok {
			t.Fatalf("%s is not in the catalogue", c.fn)
		}
		for _, b := range append([]string{"default"}, f.Backends()...) {
			if serves[b] == nil {
				serves[b] = map[string]bool{}
			}
			serves[b][c.fn] = true
		}
	}
	backends := make([]string, 0, len(serves))
	for b := range serves {
		backends = append(backends, b)
	}
	sort.Strings(backends)
	for _, b := range backends {
		t.Run(b, func(t *testing.T) {
			var sel []sigCase
			var reqs []Request
			for _, c := range cases {
				if serves[b][c.fn] {
					sel = append(sel, c)
					reqs = append(reqs, Request{Fn: c.fn, Input: hex.EncodeToString(c.in)})
				}
			}
			res := runJSONL(t, b, reqs)
			bad := 0
			for i, c := range sel {
				r := res[i]
				ok := false
				switch {
				case c.valid:
					ok = r.Error == "" && r.Output == "01"
				default:
					ok = (r.Error == "" && r.Output == "00") || (r.Error != "" && r.Error != core.CodeInternal.String())
				}
				if !ok {
					bad++
					if bad <= 10 {
						t.Errorf("%s: %s valid=%v: output %q error %q", c.src, c.fn, c.valid, r.Output, r.Error)
					}
				}
			}
			t.Logf("backend %s: %d vectors, %d wrong", b, len(sel), bad)
		})
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
