// Package convert turns what provers emit into the inputs of the zk host
// functions:
//
//   - SnarkjsGroth16: snarkjs's verification_key.json, proof.json and
//     public.json (Groth16, curve bn128) into the input of
//     groth16_bn254_verify (EIP-197 encodings);
//   - SnarkjsPlonk: the same three snarkjs files (PLONK, bn128) into the
//     input of plonk_bn254_snarkjs_verify;
//   - GnarkSections: gnark's verifying key, proof and public witness into
//     the three-section input of the *_gnark functions.
//
// The converters only re-encode: every number must be a decimal (or 0x hex)
// integer below 2^256, points must be affine (z = 1) or the point at
// infinity (z = 0), and counts must agree. Range and curve checks (a
// coordinate >= p, a scalar >= r, a point off the curve) are left to the
// host function, so a tampered proof converts and is then rejected there.
// docs/zk.md describes the layouts.
package convert

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
)

// ErrMalformed wraps every conversion error.
var ErrMalformed = errors.New("convert: malformed input")

func errf(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrMalformed}, args...)...)
}

var two256 = new(big.Int).Lsh(big.NewInt(1), 256)

// num parses a snarkjs number: a JSON string (or number) holding a
// non-negative decimal or 0x-hex integer below 2^256.
func num(raw json.RawMessage, what string) (*big.Int, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		// a bare JSON number
		s = strings.TrimSpace(string(raw))
	}
	s = strings.TrimSpace(s)
	v := new(big.Int)
	ok := false
	switch {
	case strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X"):
		_, ok = v.SetString(s[2:], 16)
	case s != "" && strings.Trim(s, "0123456789") == "":
		_, ok = v.SetString(s, 10)
	}
	if !ok {
		return nil, errf("%s: %q is not a decimal or 0x-hex integer", what, s)
	}
	if v.Cmp(two256) >= 0 {
		return nil, errf("%s: %s does not fit in 32 bytes", what, s)
	}
	return v, nil
}

func put32(dst []byte, v *big.Int) []byte {
	var b [32]byte
	v.FillBytes(b[:])
	return append(dst, b[:]...)
}

// g1 appends an affine snarkjs G1 point [x, y, z] (z = 1, or z = 0 for
// infinity) as 64 bytes x || y; infinity is all zero.
func g1(dst []byte, raw json.RawMessage, what string) ([]byte, error) {
	var c []json.RawMessage
	if err := json.Unmarshal(raw, &c); err != nil || (len(c) != 3 && len(c) != 2) {
		return nil, errf("%s: not a G1 point [x, y, z]", what)
	}
	var v [3]*big.Int
	for i := range c {
		var err error
		if v[i], err = num(c[i], what); err != nil {
			return nil, err
		}
	}
	if len(c) == 2 {
		v[2] = big.NewInt(1)
	}
	switch {
	case v[2].Sign() == 0:
		return append(dst, make([]byte, 64)...), nil
	case v[2].Cmp(big.NewInt(1)) != 0:
		return nil, errf("%s: projective z = %s (only affine points, z = 1, are accepted)", what, v[2])
	}
	return put32(put32(dst, v[0]), v[1]), nil
}

// g2 appends an affine snarkjs G2 point [[x.c0, x.c1], [y.c0, y.c1], [z.c0,
// z.c1]] in EIP-197 order x.c1 || x.c0 || y.c1 || y.c0 (128 bytes).
func g2(dst []byte, raw json.RawMessage, what string) ([]byte, error) {
	var c [][]json.RawMessage
	if err := json.Unmarshal(raw, &c); err != nil || (len(c) != 3 && len(c) != 2) {
		return nil, errf("%s: not a G2 point [[x0,x1],[y0,y1],[z0,z1]]", what)
	}
	var v [3][2]*big.Int
	for i := range c {
		if len(c[i]) != 2 {
			return nil, errf("%s: coordinate %d is not a pair", what, i)
		}
		for j := range 2 {
			var err error
			if v[i][j], err = num(c[i][j], what); err != nil {
				return nil, err
			}
		}
	}
	if len(c) == 2 {
		v[2] = [2]*big.Int{big.NewInt(1), big.NewInt(0)}
	}
	switch {
	case v[2][0].Sign() == 0 && v[2][1].Sign() == 0:
		return append(dst, make([]byte, 128)...), nil
	case v[2][0].Cmp(big.NewInt(1)) != 0 || v[2][1].Sign() != 0:
		return nil, errf("%s: projective z (only affine points, z = [1, 0], are accepted)", what)
	}
	return put32(put32(put32(put32(dst, v[0][1]), v[0][0]), v[1][1]), v[1][0]), nil
}

func publics(raw []byte, want int) ([]*big.Int, error) {
	var ps []json.RawMessage
	if err := json.Unmarshal(raw, &ps); err != nil {
		return nil, errf("public signals: not a JSON array: %v", err)
	}
	if want >= 0 && len(ps) != want {
		return nil, errf("%d public signals, the verification key expects %d", len(ps), want)
	}
	out := make([]*big.Int, len(ps))
	for i := range ps {
		var err error
		if out[i], err = num(ps[i], fmt.Sprintf("public signal %d", i)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func checkHeader(protocol, curve, wantProtocol, what string) error {
	if protocol != wantProtocol {
		return errf("%s: protocol %q, want %q", what, protocol, wantProtocol)
	}
	if curve != "" && curve != "bn128" && curve != "bn254" {
		return errf("%s: curve %q, want bn128", what, curve)
	}
	return nil
}

// SnarkjsGroth16 converts snarkjs Groth16 files (verification key, proof,
// public signals; JSON) into the input of groth16_bn254_verify.
func SnarkjsGroth16(vkJSON, proofJSON, publicJSON []byte) ([]byte, error) {
	var vk struct {
		Protocol string            `json:"protocol"`
		Curve    string            `json:"curve"`
		NPublic  *int              `json:"nPublic"`
		Alpha    json.RawMessage   `json:"vk_alpha_1"`
		Beta     json.RawMessage   `json:"vk_beta_2"`
		Gamma    json.RawMessage   `json:"vk_gamma_2"`
		Delta    json.RawMessage   `json:"vk_delta_2"`
		IC       []json.RawMessage `json:"IC"`
	}
	if err := json.Unmarshal(vkJSON, &vk); err != nil {
		return nil, errf("verification key: %v", err)
	}
	if err := checkHeader(vk.Protocol, vk.Curve, "groth16", "verification key"); err != nil {
		return nil, err
	}
	if len(vk.IC) == 0 || (vk.NPublic != nil && *vk.NPublic != len(vk.IC)-1) {
		return nil, errf("verification key: IC has %d points for nPublic %v", len(vk.IC), vk.NPublic)
	}
	var pr struct {
		Protocol string          `json:"protocol"`
		Curve    string          `json:"curve"`
		A        json.RawMessage `json:"pi_a"`
		B        json.RawMessage `json:"pi_b"`
		C        json.RawMessage `json:"pi_c"`
	}
	if err := json.Unmarshal(proofJSON, &pr); err != nil {
		return nil, errf("proof: %v", err)
	}
	if pr.Protocol != "" {
		if err := checkHeader(pr.Protocol, pr.Curve, "groth16", "proof"); err != nil {
			return nil, err
		}
	}
	pub, err := publics(publicJSON, len(vk.IC)-1)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, 64+3*128+4+64*len(vk.IC)+256+32*len(pub))
	if out, err = g1(out, vk.Alpha, "vk_alpha_1"); err != nil {
		return nil, err
	}
	for _, f := range []struct {
		raw  json.RawMessage
		name string
	}{{vk.Beta, "vk_beta_2"}, {vk.Gamma, "vk_gamma_2"}, {vk.Delta, "vk_delta_2"}} {
		if out, err = g2(out, f.raw, f.name); err != nil {
			return nil, err
		}
	}
	out = binary.BigEndian.AppendUint32(out, uint32(len(vk.IC)))
	for i := range vk.IC {
		if out, err = g1(out, vk.IC[i], fmt.Sprintf("IC[%d]", i)); err != nil {
			return nil, err
		}
	}
	if out, err = g1(out, pr.A, "pi_a"); err != nil {
		return nil, err
	}
	if out, err = g2(out, pr.B, "pi_b"); err != nil {
		return nil, err
	}
	if out, err = g1(out, pr.C, "pi_c"); err != nil {
		return nil, err
	}
	for _, p := range pub {
		out = put32(out, p)
	}
	return out, nil
}

// SnarkjsPlonk converts snarkjs PLONK files (verification key, proof,
// public signals; JSON) into the input of plonk_bn254_snarkjs_verify. The
// key's w must be the 2^power-th root of unity snarkjs uses.
func SnarkjsPlonk(vkJSON, proofJSON, publicJSON []byte) ([]byte, error) {
	var vk map[string]json.RawMessage
	if err := json.Unmarshal(vkJSON, &vk); err != nil {
		return nil, errf("verification key: %v", err)
	}
	var hdr struct {
		Protocol string `json:"protocol"`
		Curve    string `json:"curve"`
		NPublic  int    `json:"nPublic"`
		Power    int    `json:"power"`
	}
	if err := json.Unmarshal(vkJSON, &hdr); err != nil {
		return nil, errf("verification key: %v", err)
	}
	if err := checkHeader(hdr.Protocol, hdr.Curve, "plonk", "verification key"); err != nil {
		return nil, err
	}
	if hdr.Power < 1 || hdr.Power > 28 || hdr.NPublic < 0 {
		return nil, errf("verification key: power %d / nPublic %d out of range", hdr.Power, hdr.NPublic)
	}
	if raw, ok := vk["w"]; ok {
		w, err := num(raw, "w")
		if err != nil {
			return nil, err
		}
		if want := rootOfUnity(hdr.Power); w.Cmp(want) != 0 {
			return nil, errf("verification key: w = %s is not snarkjs's 2^%d-th root of unity %s", w, hdr.Power, want)
		}
	}
	var pr map[string]json.RawMessage
	if err := json.Unmarshal(proofJSON, &pr); err != nil {
		return nil, errf("proof: %v", err)
	}
	if raw, ok := pr["protocol"]; ok {
		var p string
		if json.Unmarshal(raw, &p) != nil || p != "plonk" {
			return nil, errf("proof: protocol %s, want \"plonk\"", raw)
		}
	}
	pub, err := publics(publicJSON, hdr.NPublic)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, 1480+32*len(pub))
	out = binary.BigEndian.AppendUint32(out, uint32(hdr.NPublic))
	out = binary.BigEndian.AppendUint32(out, uint32(hdr.Power))
	for _, k := range []string{"k1", "k2"} {
		v, err := num(vk[k], k)
		if err != nil {
			return nil, err
		}
		out = put32(out, v)
	}
	for _, k := range []string{"Qm", "Ql", "Qr", "Qo", "Qc", "S1", "S2", "S3"} {
		if out, err = g1(out, vk[k], k); err != nil {
			return nil, err
		}
	}
	if out, err = g2(out, vk["X_2"], "X_2"); err != nil {
		return nil, err
	}
	for _, k := range []string{"A", "B", "C", "Z", "T1", "T2", "T3", "Wxi", "Wxiw"} {
		if out, err = g1(out, pr[k], k); err != nil {
			return nil, err
		}
	}
	for _, k := range []string{"eval_a", "eval_b", "eval_c", "eval_s1", "eval_s2", "eval_zw"} {
		v, err := num(pr[k], k)
		if err != nil {
			return nil, err
		}
		out = put32(out, v)
	}
	for _, p := range pub {
		out = put32(out, p)
	}
	return out, nil
}

// rootOfUnity returns snarkjs's Fr.w[power] for BN254: the generator
// 5^((r-1)/2^28) of the order-2^28 subgroup, squared 28-power times.
func rootOfUnity(power int) *big.Int {
	var w fr.Element
	w.SetString("19103219067921713944291392827692070036145651957329286315305642004821462161904")
	for range 28 - power {
		w.Square(&w)
	}
	return w.BigInt(new(big.Int))
}
