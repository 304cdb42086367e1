package geth

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/hostcrypto/hostcrypto"
	"github.com/hostcrypto/hostcrypto/dispatch"
)

// interleaved times one call of ours and one of ref per iteration and
// reports the median of the per-iteration ratios (ours / ref), which load
// on a shared machine changes much less than either time.
func interleaved(b *testing.B, ours, ref func()) {
	var ratios []float64
	var to, tr time.Duration
	for b.Loop() {
		t0 := time.Now()
		ours()
		t1 := time.Now()
		ref()
		t2 := time.Now()
		to += t1.Sub(t0)
		tr += t2.Sub(t1)
		if d := t2.Sub(t1); d > 0 {
			ratios = append(ratios, float64(t1.Sub(t0))/float64(d))
		}
	}
	sort.Float64s(ratios)
	b.ReportMetric(ratios[len(ratios)/2], "x_ref")
	b.ReportMetric(float64(to.Nanoseconds())/float64(b.N), "ours-ns/op")
	b.ReportMetric(float64(tr.Nanoseconds())/float64(b.N), "ref-ns/op")
}

// BenchmarkSecp256k1 compares, in one run and one binary (built with
// -tags gethsecp256k1: hostcrypto's libsecp256k1 backend calls the copy go-ethereum
// links):
//   - ecrecover: evm:0x01 against go-ethereum's 0x01 precompile on the same
//     input, per backend of evm.ecrecover (target: default <= 1.0x);
//   - bip340-vs-ecdsa: schnorr_bip340_verify (BIP-340 vector 1) against
//     go-ethereum's crypto.VerifySignature, libsecp256k1's ECDSA verification
//     (target: default <= 1.2x), per backend of secp256k1.schnorr.
func BenchmarkSecp256k1(b *testing.B) {
	key, err := crypto.HexToECDSA("3c00000000000000000000000000000000000000000000000000000000000007")
	if err != nil {
		b.Fatal(err)
	}
	hash := sha256.Sum256([]byte("hostcrypto bench/geth secp256k1"))
	sig, err := crypto.Sign(hash[:], key) // r || s || v (0/1), low s
	if err != nil {
		b.Fatal(err)
	}
	pub := crypto.FromECDSAPub(&key.PublicKey)
	ecrecIn := make([]byte, 128)
	copy(ecrecIn, hash[:])
	ecrecIn[63] = 27 + sig[64]
	copy(ecrecIn[64:], sig[:64])

	ecrec, _ := hostcrypto.Lookup("evm:0x01")
	p := precompile(0x01)
	want, err := p.Run(ecrecIn)
	if err != nil || len(want) != 32 {
		b.Fatalf("geth ecrecover: %x %v", want, err)
	}
	for _, impl := range []string{"default", "libsecp256k1", "gnark", "decred"} {
		b.Run("ecrecover/"+impl, func(b *testing.B) {
			force(b, "evm.ecrecover", impl)
			if got, err := ecrec.Run(nil, ecrecIn); err != nil || !bytes.Equal(got, want) {
				b.Fatalf("hostcrypto %x %v, geth %x", got, err, want)
			}
			interleaved(b, func() { ecrec.Run(nil, ecrecIn) }, func() { p.Run(ecrecIn) })
		})
	}

	schnorr, _ := hostcrypto.Lookup("schnorr_bip340_verify")
	schnorrIn := bytes.Join([][]byte{
		unhex(b, "DFF1D77F2A671C5F36183726DB2341BE58FEAE1DA2DECED843240F7B502BA659"),
		unhex(b, "6896BD60EEAE296DB48A229FF71DFE071BDE413E6D43F917DC8DCF8C78DE33418906D11AC976ABCCB20B091292BFF4EA897EFCB639EA871CFA95F6DE339E4B0A"),
		unhex(b, "243F6A8885A308D313198A2E03707344A4093822299F31D0082EFA98EC4E6C89"),
	}, nil)
	if !crypto.VerifySignature(pub, hash[:], sig[:64]) {
		b.Fatal("geth does not verify its own signature")
	}
	for _, impl := range []string{"default", "libsecp256k1", "gnark", "decred"} {
		b.Run("bip340-vs-ecdsa/"+impl, func(b *testing.B) {
			force(b, "secp256k1.schnorr", impl)
			if got, err := schnorr.Run(nil, schnorrIn); err != nil || !bytes.Equal(got, []byte{1}) {
				b.Fatalf("BIP-340 vector 1: %x %v", got, err)
			}
			interleaved(b, func() { schnorr.Run(nil, schnorrIn) }, func() { crypto.VerifySignature(pub, hash[:], sig[:64]) })
		})
	}
}

// force selects impl of prim ("default": the registry's choice) for the rest
// of the benchmark; an implementation missing from this build is skipped.
func force(b *testing.B, prim, impl string) {
	spec := ""
	if impl != "default" {
		spec = prim + "=" + impl
	}
	if err := dispatch.Force(spec); err != nil {
		b.Skip(err)
	}
	if p, _ := dispatch.Lookup(prim); p.Selected == "" || (impl != "default" && p.Selected != impl) {
		b.Skipf("%s=%s not in this build", prim, impl)
	}
	b.Cleanup(func() { dispatch.Force("") })
}

func unhex(b *testing.B, s string) []byte {
	v, err := hex.DecodeString(s)
	if err != nil {
		b.Fatal(err)
	}
	return v
}
