// Package dusktest turns the public Dusk vectors into cases of rusk's host
// queries, in the canonical encodings of the dusk:* functions, so that
// tests can serve every query the way an embedder does: through a
// catalogue, through the wasm bridge. Each case says what the answer must
// be; the answers come from Dusk's (and arkworks', c-kzg's) own outputs in
// the vector files, or, where no such output exists, from other libraries:
// crypto/sha256 for sha256, decred's signer for secp256k1_recover (rusk's
// own test), and for the multisignature a signature made with gnark-crypto
// from the vectors' secret keys and Dusk's H1 coefficients.
package dusktest

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"golang.org/x/crypto/sha3"
	"math/big"
	"os"
	"path/filepath"
	"strings"

	bls "github.com/consensys/gnark-crypto/ecc/bls12-381"
	fr381 "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"
	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/decred/dcrd/dcrec/secp256k1/v4/ecdsa"

	"github.com/hostcrypto/hostcrypto/core"
)

// Queries are rusk's eleven host-query names.
var Queries = []string{"hash", "poseidon_hash", "verify_plonk", "verify_groth16_bn254", "verify_schnorr",
	"verify_bls", "verify_bls_multisig", "keccak256", "sha256", "verify_kzg_proof", "secp256k1_recover"}

// Expect is what a case's answer must be.
type Expect int

const (
	// Exact: the output is Want, without error.
	Exact Expect = iota
	// Error: a status code other than internal_error (the input does not
	// decode, where Dusk's crate reports a decoding error).
	Error
)

// Case is one call of a rusk host query.
type Case struct {
	Query  string // rusk name, e.g. "verify_plonk"
	Name   string // source and case within it
	Input  []byte
	Expect Expect
	Want   []byte // for Exact
}

// Check returns nil when (out, err) is the answer the case expects.
func (c *Case) Check(out []byte, err error) error {
	switch c.Expect {
	case Exact:
		if err != nil || !bytes.Equal(out, c.Want) {
			return fmt.Errorf("%s %s: got %x, %v; want %x", c.Query, c.Name, out, err, c.Want)
		}
	case Error:
		if err == nil || core.CodeOf(err) == core.CodeInternal {
			return fmt.Errorf("%s %s: got %x, %v; want a decoding error", c.Query, c.Name, out, err)
		}
	}
	return nil
}

// Cases returns the cases of every query from the vectors under dir
// (../shared/vectors layout: dusk/, c-kzg-4844/, rusk/), with
// verify_plonk judged under PlonkVersion plonkVersion (1, 2 or 3). A
// missing file is an error wrapping os.ErrNotExist.
func Cases(dir string, plonkVersion byte) ([]Case, error) {
	var all []Case
	for _, f := range []func(string) ([]Case, error){
		ruskCases, sha256Cases, keccakCases,
		func(d string) ([]Case, error) { return plonkCases(d, plonkVersion) },
		groth16Cases, schnorrCases, blsCases, multisigCases, kzgCases, secpCases,
	} {
		cs, err := f(dir)
		if err != nil {
			return nil, err
		}
		all = append(all, cs...)
	}
	return all, nil
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("dusktest: %s: %w", path, err)
	}
	return nil
}

func unhex(s string) []byte {
	b, err := hex.DecodeString(strings.TrimPrefix(s, "0x"))
	if err != nil {
		panic("dusktest: bad hex in a vector file: " + err.Error())
	}
	return b
}

func reverse(b []byte) []byte {
	out := make([]byte, len(b))
	for i := range b {
		out[len(b)-1-i] = b[i]
	}
	return out
}

func sections(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = binary.BigEndian.AppendUint32(out, uint32(len(p)))
		out = append(out, p...)
	}
	return out
}

// RuskValuesMissing names the rusk values file when it was not found
// beside the vectors (its cases are then left out), for tests to report.
var RuskValuesMissing string

// ruskCases: the fixed values of rusk's vm/tests (hash, poseidon_hash,
// keccak256), rusk/host_queries.json.
func ruskCases(dir string) ([]Case, error) {
	var v struct {
		Cases []struct {
			Query         string   `json:"query"`
			Inputs        []string `json:"inputs"`
			ExpectedDebug string   `json:"expected_debug"`
			InputHex      string   `json:"input_hex"`
			ExpectedHex   string   `json:"expected_hex"`
		} `json:"cases"`
	}
	// rusk's values (vm/tests, transcribed) are public data: they are read
	// beside the other vectors only, never from the repository. Without
	// them the other queries' cases still run (RuskValuesMissing says so).
	p := filepath.Join(dir, "rusk", "host_queries.json")
	if _, err := os.Stat(p); err != nil {
		RuskValuesMissing = p
		return nil, nil
	}
	if err := readJSON(p, &v); err != nil {
		return nil, err
	}
	var out []Case
	for i, c := range v.Cases {
		var in, want []byte
		if c.InputHex != "" {
			in, want = unhex(c.InputHex), unhex(c.ExpectedHex)
		} else {
			for _, s := range c.Inputs {
				in = append(in, unhex(s)...)
			}
			// Debug prints the scalar big-endian; the function answers
			// its little-endian bytes.
			want = reverse(unhex(c.ExpectedDebug))
		}
		out = append(out, Case{Query: c.Query, Name: fmt.Sprintf("rusk vm/tests #%d", i), Input: in, Want: want})
	}
	return out, nil
}

// keccakCases: rusk's keccak256 test shape, answered by x/crypto's legacy
// Keccak-256.
func keccakCases(string) ([]Case, error) {
	var out []Case
	for _, m := range []string{"rusk-host-keccak256", "", strings.Repeat("dusk", 100)} {
		h := sha3.NewLegacyKeccak256()
		h.Write([]byte(m))
		out = append(out, Case{Query: "keccak256", Name: fmt.Sprintf("x/crypto keccak256 %d bytes", len(m)), Input: []byte(m), Want: h.Sum(nil)})
	}
	return out, nil
}

// OnlyFromRusk reports whether query q's cases come from rusk's values
// file alone and that file was not found (RuskValuesMissing): tests then
// log the gap instead of failing.
func OnlyFromRusk(q string) bool {
	return RuskValuesMissing != "" && (q == "hash" || q == "poseidon_hash")
}

// sha256Cases: rusk's sha256 test input, answered by crypto/sha256.
func sha256Cases(string) ([]Case, error) {
	var out []Case
	for _, m := range []string{"rusk-host-sha256", "", strings.Repeat("dusk", 100)} {
		d := sha256.Sum256([]byte(m))
		out = append(out, Case{Query: "sha256", Name: fmt.Sprintf("crypto/sha256 %d bytes", len(m)), Input: []byte(m), Want: d[:]})
	}
	return out, nil
}

// plonkCases: dusk-plonk's own proofs and tampered proofs
// (dusk/dusk-plonk.json) with Dusk's verdict under the given version, as
// rusk's arguments: verifier data, proof, public inputs, no version byte.
func plonkCases(dir string, version byte) ([]Case, error) {
	type plonkCase struct {
		Proof        string            `json:"proof"`
		PublicInputs []string          `json:"public_inputs"`
		Verdicts     map[string]string `json:"verdicts"`
	}
	var v struct {
		Circuits []struct {
			Name     string      `json:"name"`
			Verifier string      `json:"verifier"`
			Proofs   []plonkCase `json:"proofs"`
			Tampered []plonkCase `json:"tampered"`
		} `json:"circuits"`
	}
	if err := readJSON(filepath.Join(dir, "dusk", "dusk-plonk.json"), &v); err != nil {
		return nil, err
	}
	key := fmt.Sprintf("V%d", version)
	var out []Case
	for _, c := range v.Circuits {
		for i, pc := range append(append([]plonkCase{}, c.Proofs...), c.Tampered...) {
			var pis []byte
			for _, pi := range pc.PublicInputs {
				pis = append(pis, unhex(pi)...)
			}
			cs := Case{Query: "verify_plonk", Name: fmt.Sprintf("dusk-plonk %s #%d under %s", c.Name, i, key),
				Input: append(sections(unhex(c.Verifier), unhex(pc.Proof)), pis...)}
			switch verdict := pc.Verdicts[key]; {
			case verdict == "ok":
				cs.Want = []byte{1}
			case verdict == "err:ProofVerificationError":
				cs.Want = []byte{0}
			case verdict == "":
				return nil, fmt.Errorf("dusktest: dusk-plonk %s #%d: no verdict under %s", c.Name, i, key)
			default: // decoding errors, InconsistentPublicInputsLen
				cs.Expect = Error
			}
			out = append(out, cs)
		}
	}
	return out, nil
}

// groth16Cases: the cases arkworks 0.4 produced (dusk/
// groth16_bn254_arkworks.json): a decode error must be an error, a panic
// (no verdict) 0x00.
func groth16Cases(dir string) ([]Case, error) {
	var v struct {
		Circuits []struct {
			Name            string `json:"name"`
			PVKUncompressed string `json:"pvk_uncompressed"`
			Cases           []struct {
				Name    string  `json:"name"`
				PVK     *string `json:"pvk"`
				Proof   string  `json:"proof"`
				Inputs  string  `json:"inputs"`
				Verdict *bool   `json:"verdict"`
				Outcome string  `json:"outcome"`
			} `json:"cases"`
		} `json:"circuits"`
	}
	if err := readJSON(filepath.Join(dir, "dusk", "groth16_bn254_arkworks.json"), &v); err != nil {
		return nil, err
	}
	var out []Case
	for _, c := range v.Circuits {
		for _, tc := range c.Cases {
			pvk := c.PVKUncompressed
			if tc.PVK != nil {
				pvk = *tc.PVK
			}
			cs := Case{Query: "verify_groth16_bn254", Name: "arkworks " + c.Name + "/" + tc.Name,
				Input: sections(unhex(pvk), unhex(tc.Proof), unhex(tc.Inputs))}
			switch {
			case strings.HasPrefix(tc.Outcome, "decode_err:"):
				cs.Expect = Error
			case tc.Verdict != nil && *tc.Verdict:
				cs.Want = []byte{1}
			default:
				cs.Want = []byte{0}
			}
			out = append(out, cs)
		}
	}
	return out, nil
}

// duskVerdict maps a Dusk signature verdict: "ok" -> 0x01,
// "err:InvalidSignature" -> 0x00, an identity that decoded
// ("err:InvalidPoint") or a decoding error -> an error.
func duskVerdict(cs Case, verdict string) Case {
	switch verdict {
	case "ok":
		cs.Want = []byte{1}
	case "err:InvalidSignature":
		cs.Want = []byte{0}
	default:
		cs.Expect = Error
	}
	return cs
}

// schnorrCases: dusk/jubjub-schnorr.json, pk || sig || msg.
func schnorrCases(dir string) ([]Case, error) {
	var v struct {
		Signatures []struct{ PK, Msg, Sig, Verdict string }       `json:"signatures"`
		Tampered   []struct{ Case, PK, Msg, Sig, Verdict string } `json:"tampered"`
	}
	if err := readJSON(filepath.Join(dir, "dusk", "jubjub-schnorr.json"), &v); err != nil {
		return nil, err
	}
	var out []Case
	for i, c := range v.Signatures {
		in := append(append(unhex(c.PK), unhex(c.Sig)...), unhex(c.Msg)...)
		out = append(out, duskVerdict(Case{Query: "verify_schnorr", Name: fmt.Sprintf("jubjub-schnorr #%d", i), Input: in}, c.Verdict))
	}
	for _, c := range v.Tampered {
		in := append(append(unhex(c.PK), unhex(c.Sig)...), unhex(c.Msg)...)
		out = append(out, duskVerdict(Case{Query: "verify_schnorr", Name: "jubjub-schnorr " + c.Case, Input: in}, c.Verdict))
	}
	return out, nil
}

type blsFile struct {
	Single []struct {
		SK, PK, Msg, Sig, Verdict string
		H1PK                      string `json:"h1_pk"`
	} `json:"single"`
	Tampered []struct{ Case, PK, Msg, Sig, Verdict string } `json:"single_tampered"`
}

// blsCases: dusk/bls12_381-bls.json single signatures, pk || sig || msg.
func blsCases(dir string) ([]Case, error) {
	var v blsFile
	if err := readJSON(filepath.Join(dir, "dusk", "bls12_381-bls.json"), &v); err != nil {
		return nil, err
	}
	var out []Case
	for i, c := range v.Single {
		in := append(append(unhex(c.PK), unhex(c.Sig)...), unhex(c.Msg)...)
		out = append(out, duskVerdict(Case{Query: "verify_bls", Name: fmt.Sprintf("bls12_381-bls #%d", i), Input: in}, c.Verdict))
	}
	for _, c := range v.Tampered {
		in := append(append(unhex(c.PK), unhex(c.Sig)...), unhex(c.Msg)...)
		out = append(out, duskVerdict(Case{Query: "verify_bls", Name: "bls12_381-bls " + c.Case, Input: in}, c.Verdict))
	}
	return out, nil
}

// blsH0DST is Dusk's H0 ciphersuite (bls12_381-bls V2).
const blsH0DST = "BLS_SIG_BLS12381G1_XMD:SHA-256_DUSK_V2"

// multisigCases: no multisignature made by Dusk's crate exists, so these
// are signed here with gnark-crypto from the vectors' secret keys and
// Dusk's own H1(pk) coefficients: sig = (Σ H1(pk_i)·sk_i)·H0(msg). A valid
// one must verify; another message, a dropped key must not.
func multisigCases(dir string) ([]Case, error) {
	var v blsFile
	if err := readJSON(filepath.Join(dir, "dusk", "bls12_381-bls.json"), &v); err != nil {
		return nil, err
	}
	var s, ti fr381.Element
	var pks [][]byte
	for _, c := range v.Single {
		if len(pks) == 3 {
			break
		}
		t, err := fr381.LittleEndian.Element((*[32]byte)(unhex(c.H1PK)))
		if err != nil {
			return nil, fmt.Errorf("dusktest: h1_pk: %w", err)
		}
		sk, err := fr381.LittleEndian.Element((*[32]byte)(unhex(c.SK)))
		if err != nil {
			return nil, fmt.Errorf("dusktest: sk: %w", err)
		}
		ti.Mul(&t, &sk)
		s.Add(&s, &ti)
		pks = append(pks, unhex(c.PK))
	}
	if len(pks) != 3 {
		return nil, fmt.Errorf("dusktest: %d single-signature keys, want 3", len(pks))
	}
	msg := []byte("dusk multisig message")
	h, err := bls.HashToG1(msg, []byte(blsH0DST))
	if err != nil {
		return nil, err
	}
	var sb big.Int
	s.BigInt(&sb)
	var sig bls.G1Affine
	sig.ScalarMultiplication(&h, &sb)
	sigB := sig.Bytes()
	mk := func(keys [][]byte, m []byte) []byte {
		in := binary.BigEndian.AppendUint32(nil, uint32(len(keys)))
		for _, k := range keys {
			in = append(in, k...)
		}
		return append(append(in, sigB[:]...), m...)
	}
	return []Case{
		{Query: "verify_bls_multisig", Name: "3 keys", Input: mk(pks, msg), Want: []byte{1}},
		{Query: "verify_bls_multisig", Name: "3 keys, other message", Input: mk(pks, []byte("other")), Want: []byte{0}},
		{Query: "verify_bls_multisig", Name: "a key dropped", Input: mk(pks[:2], msg), Want: []byte{0}},
	}, nil
}

// kzgCases: c-kzg-4844's verify_kzg_proof cases (consensus-specs
// kzg-mainnet), commitment || z || y || proof: output true -> 0x01, false
// -> 0x00, null -> an error.
func kzgCases(dir string) ([]Case, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "c-kzg-4844", "verify_kzg_proof", "kzg-mainnet", "*", "data.yaml"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("dusktest: no c-kzg-4844 verify_kzg_proof cases under %s: %w", dir, os.ErrNotExist)
	}
	var out []Case
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		fields := map[string]string{}
		for _, line := range strings.Split(string(data), "\n") {
			if k, v, ok := strings.Cut(strings.TrimSpace(line), ":"); ok {
				fields[k] = strings.Trim(strings.TrimSpace(v), "'\"")
			}
		}
		var in []byte
		for _, k := range []string{"commitment", "z", "y", "proof"} {
			b, err := hex.DecodeString(strings.TrimPrefix(fields[k], "0x"))
			if err != nil {
				return nil, fmt.Errorf("dusktest: %s: %s: %w", p, k, err)
			}
			in = append(in, b...)
		}
		cs := Case{Query: "verify_kzg_proof", Name: "c-kzg " + filepath.Base(filepath.Dir(p)), Input: in}
		switch fields["output"] {
		case "true":
			cs.Want = []byte{1}
		case "false":
			cs.Want = []byte{0}
		case "null":
			cs.Expect = Error
		default:
			return nil, fmt.Errorf("dusktest: %s: output %q", p, fields["output"])
		}
		out = append(out, cs)
	}
	return out, nil
}

// secpCases replays rusk's vm/tests secp256k1_recover_host: hash =
// SHA-256("rusk-host-secp256k1"), sk = 32 bytes of 0x01, hash || r || s ||
// v with v = recid + 27 (and recid itself) recovers sk's uncompressed
// public key (decred signs and serializes); v = 2 does not.
func secpCases(string) ([]Case, error) {
	h := sha256.Sum256([]byte("rusk-host-secp256k1"))
	sk := secp256k1.PrivKeyFromBytes(bytes.Repeat([]byte{1}, 32))
	compact := ecdsa.SignCompact(sk, h[:], false) // recid+27 || r || s
	in := func(v byte) []byte {
		return append(append(append([]byte(nil), h[:]...), compact[1:]...), v)
	}
	pk := sk.PubKey().SerializeUncompressed()
	return []Case{
		{Query: "secp256k1_recover", Name: "rusk v = recid+27", Input: in(compact[0]), Want: pk},
		{Query: "secp256k1_recover", Name: "rusk v = recid", Input: in(compact[0] - 27), Want: pk},
		{Query: "secp256k1_recover", Name: "rusk v = 2", Input: in(2), Expect: Error},
	}, nil
}
