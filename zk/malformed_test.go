package zk

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend/groth16"
	groth16bls "github.com/consensys/gnark/backend/groth16/bls12-381"
	groth16bn "github.com/consensys/gnark/backend/groth16/bn254"
	plonkbls "github.com/consensys/gnark/backend/plonk/bls12-381"
	plonkbn "github.com/consensys/gnark/backend/plonk/bn254"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/gas"
	"github.com/hostcrypto/hostcrypto/internal/vectors"
	"github.com/hostcrypto/hostcrypto/internal/vkcache"
	"github.com/hostcrypto/hostcrypto/zk/convert"
)

// validInputs returns one valid input per zk function, from the vectors.
func validInputs(t testing.TB) map[string][]byte {
	out := map[string][]byte{}
	for _, c := range loadGnarkCases(t) {
		if !c.Valid {
			continue
		}
		if c.EIPInput != "" {
			out[map[string]string{"bn254": "groth16_bn254_verify", "bls12_381": "groth16_bls12381_verify"}[c.Curve]] = unhex(t, c.EIPInput)
		}
		fn := gnarkFn[c.Curve+"/"+c.Scheme]
		if _, ok := out[fn]; !ok || c.Circuit == "committed" {
			out[fn] = threeSections(unhex(t, c.VKRaw), unhex(t, c.ProofRaw), unhex(t, c.PublicWitness))
		}
	}
	dir := vectors.Dir(t, "snarkjs/generated/plonk_circuit2_upstream_zkey")
	in, err := convert.SnarkjsPlonk(readFile(t, dir, "verification_key.json"), readFile(t, dir, "proof_1.json"), readFile(t, dir, "public_1.json"))
	if err != nil {
		t.Fatal(err)
	}
	out["plonk_bn254_snarkjs_verify"] = in
	if len(out) != 7 {
		t.Fatalf("%d functions have inputs", len(out))
	}
	return out
}

// strictLayout lists the functions whose every input byte is used by the
// verification, so that any change must make the proof fail. (gnark's
// verifying keys carry fields the verifier ignores, e.g. [β]₁.)
var strictLayout = map[string]bool{
	"groth16_bn254_verify": true, "groth16_bls12381_verify": true, "plonk_bn254_snarkjs_verify": true,
}

func run1(f *core.Func, in []byte) ([]byte, error) {
	return core.Execute(f, nil, in)
}

func noInternal(t *testing.T, fn, what string, out []byte, err error) {
	t.Helper()
	if core.CodeOf(err) == core.CodeInternal {
		t.Fatalf("%s %s: internal error (panic?): %v", fn, what, err)
	}
	if err == nil && (len(out) != 1 || out[0] > 1) {
		t.Fatalf("%s %s: output %x", fn, what, out)
	}
}

// TestMalformed: truncations, extensions, byte changes and absurd length
// headers return an error or 0x00, never a panic, never 0x01.
func TestMalformed(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for fn, in := range validInputs(t) {
		f := mustLookup(t, fn)
		out, err := run1(f, in)
		if err != nil || out[0] != 1 {
			t.Fatalf("%s: valid input gives %x %v", fn, out, err)
		}
		// Truncations: every length up to 200, then a sample.
		for n := 0; n < len(in); n++ {
			if n > 200 && rng.IntN(40) != 0 {
				continue
			}
			out, err := run1(f, in[:n])
			noInternal(t, fn, "truncated", out, err)
			if err == nil {
				t.Fatalf("%s: truncated to %d bytes accepted as %x", fn, n, out)
			}
		}
		out, err = run1(f, append(bytes.Clone(in), 0))
		noInternal(t, fn, "extended", out, err)
		if err == nil {
			t.Fatalf("%s: extended input gives %x", fn, out)
		}
		// Byte changes.
		for range 60 {
			m := bytes.Clone(in)
			i := rng.IntN(len(m))
			m[i] ^= byte(1 + rng.IntN(255))
			out, err := run1(f, m)
			noInternal(t, fn, "mutated", out, err)
			if strictLayout[fn] && err == nil && out[0] == 1 {
				t.Fatalf("%s: byte %d changed, still 0x01", fn, i)
			}
		}
		// Length headers (counts, section and slice lengths) set to large
		// values at the known header offsets and at sampled offsets.
		offs := []int{0, 4, 8, 448, 900}
		for range 60 {
			offs = append(offs, rng.IntN(min(len(in), 2048)))
		}
		for _, off := range offs {
			if off+4 > len(in) {
				continue
			}
			for _, v := range []uint32{0xFFFFFFFF, 1 << 20, uint32(len(in))} {
				m := bytes.Clone(in)
				binary.BigEndian.PutUint32(m[off:], v)
				out, err := run1(f, m)
				noInternal(t, fn, "length header", out, err)
			}
		}
	}
}

// TestCacheHitMissSame: a warm and a cold call give the same output, error
// and gas; the LRU stays bounded.
func TestCacheHitMissSame(t *testing.T) {
	purgeAll := func() {
		bnEIPCache.purge()
		blsEIPCache.purge()
		gnarkBnG16Cache.purge()
		gnarkBlsG16Cache.purge()
		gnarkBnPlonkCache.purge()
		gnarkBlsPlonkCache.purge()
		sjCache.purge()
	}
	for fn, in := range validInputs(t) {
		f := mustLookup(t, fn)
		bad := bytes.Clone(in)
		bad[len(bad)-1] ^= 1 // last public input byte: a wrong statement
		for _, x := range [][]byte{in, bad} {
			purgeAll()
			o1, g1, e1 := core.Invoke(f, gas.Default, nil, nil, x)
			o2, g2, e2 := core.Invoke(f, gas.Default, nil, nil, x)
			if !bytes.Equal(o1, o2) || g1 != g2 || core.CodeOf(e1) != core.CodeOf(e2) {
				t.Fatalf("%s: cold %x/%d/%v, warm %x/%d/%v", fn, o1, g1, e1, o2, g2, e2)
			}
		}
	}
	// A failing call never grows the cache; a verifying one adds one entry.
	vkcache.Purge()
	defer vkcache.Purge()
	for fn, in := range validInputs(t) {
		f := mustLookup(t, fn)
		bad := bytes.Clone(in)
		bad[len(bad)-1] ^= 1
		n0, _ := vkcache.Used()
		if out, _, err := core.Invoke(f, gas.Default, nil, nil, bad); err != nil || out[0] != 0 {
			t.Fatalf("%s: wrong statement: %x %v", fn, out, err)
		}
		if n, _ := vkcache.Used(); n != n0 {
			t.Fatalf("%s: a failing call grew the cache from %d to %d entries", fn, n0, n)
		}
		if out, _, err := core.Invoke(f, gas.Default, nil, nil, in); err != nil || out[0] != 1 {
			t.Fatalf("%s: %x %v", fn, out, err)
		}
		if n, _ := vkcache.Used(); n != n0+1 {
			t.Fatalf("%s: a verifying call left %d entries, want %d", fn, n, n0+1)
		}
	}
}

// FuzzZK feeds arbitrary bytes to every zk function: no panic, a verdict
// byte or a core error. Seeds are the vectors' valid inputs.
func FuzzZK(f *testing.F) {
	ins := validInputs(f)
	for _, in := range ins {
		f.Add(in)
	}
	var fns []*core.Func
	for fn := range ins {
		fns = append(fns, mustLookup(f, fn))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		for _, fn := range fns {
			out, err := run1(fn, in)
			noInternal(t, fn.Name, "fuzz", out, err)
			_ = fn.ItemCount(in)
		}
	})
}

// TestItems checks the gas item counts of the vectors against the counts
// gnark's own decoders find in the same keys and proofs.
func TestItems(t *testing.T) {
	for _, c := range loadGnarkCases(t) {
		fn := gnarkFn[c.Curve+"/"+c.Scheme]
		f := mustLookup(t, fn)
		vkb, prb := unhex(t, c.VKRaw), unhex(t, c.ProofRaw)
		in := threeSections(vkb, prb, unhex(t, c.PublicWitness))
		nPub := uint64(len(c.PublicInputs))
		var want uint64
		switch fn {
		case "groth16_bn254_verify_gnark", "groth16_bls12381_verify_gnark":
			curve := map[string]ecc.ID{"bn254": ecc.BN254, "bls12_381": ecc.BLS12_381}[c.Curve]
			vk := groth16.NewVerifyingKey(curve)
			if _, err := vk.ReadFrom(bytes.NewReader(vkb)); err != nil {
				t.Fatal(err)
			}
			pr := groth16.NewProof(curve)
			if _, err := pr.ReadFrom(bytes.NewReader(prb)); err != nil {
				t.Fatal(err)
			}
			var nK, nKeys, nIdx, nCm int
			switch v := vk.(type) {
			case *groth16bn.VerifyingKey:
				nK, nKeys = len(v.G1.K), len(v.CommitmentKeys)
				for _, l := range v.PublicAndCommitmentCommitted {
					nIdx += len(l)
				}
				nCm = len(pr.(*groth16bn.Proof).Commitments)
			case *groth16bls.VerifyingKey:
				nK, nKeys = len(v.G1.K), len(v.CommitmentKeys)
				for _, l := range v.PublicAndCommitmentCommitted {
					nIdx += len(l)
				}
				nCm = len(pr.(*groth16bls.Proof).Commitments)
			}
			w := map[string]*itemWeights{"bn254": &bnWeights, "bls12_381": &blsWeights}[c.Curve]
			want = w.k*uint64(nK) + w.key*uint64(nKeys) + w.commit*uint64(nCm) + w.index*uint64(nIdx)
		default:
			var nQcp, nIdx int
			if c.Curve == "bn254" {
				var vk plonkbn.VerifyingKey
				if _, err := vk.ReadFrom(bytes.NewReader(vkb)); err != nil {
					t.Fatal(err)
				}
				nQcp, nIdx = len(vk.Qcp), len(vk.CommitmentConstraintIndexes)
			} else {
				var vk plonkbls.VerifyingKey
				if _, err := vk.ReadFrom(bytes.NewReader(vkb)); err != nil {
					t.Fatal(err)
				}
				nQcp, nIdx = len(vk.Qcp), len(vk.CommitmentConstraintIndexes)
			}
			if c.Circuit == "committed" && (nQcp == 0 || nIdx != nQcp) {
				t.Errorf("%s: gnark finds %d Qcp, %d indexes", c.Name, nQcp, nIdx)
			}
			w := map[string]*itemWeights{"bn254": &bnWeights, "bls12_381": &blsWeights}[c.Curve]
			want = w.plonkPub*nPub + w.plonkCommit*uint64(nQcp)
		}
		if got := f.ItemCount(in); got != want {
			t.Errorf("%s: %d items, want %d", c.Name, got, want)
		}
		if c.EIPInput != "" {
			fn := map[string]string{"bn254": "groth16_bn254_verify", "bls12_381": "groth16_bls12381_verify"}[c.Curve]
			if got := mustLookup(t, fn).ItemCount(unhex(t, c.EIPInput)); got != uint64(len(c.PublicInputs)) {
				t.Errorf("%s eip: %d items", c.Name, got)
			}
		}
	}
	if got := mustLookup(t, "plonk_bn254_snarkjs_verify").ItemCount(validInputs(t)["plonk_bn254_snarkjs_verify"]); got != 4 {
		t.Errorf("snarkjs plonk circuit2: %d items, want 4", got)
	}
}

// TestConcurrent verifies with shared cached keys from several goroutines
// (run with -race): prepared keys are read-only.
func TestConcurrent(t *testing.T) {
	ins := validInputs(t)
	done := make(chan error)
	for g := range 4 {
		go func() {
			var err error
			for fn, in := range ins {
				out, e := run1(mustLookup(t, fn), in)
				if e != nil || out[0] != 1 {
					err = core.Errorf(core.CodeInternal, "goroutine %d: %s: %x %v", g, fn, out, e)
				}
			}
			done <- err
		}()
	}
	for range 4 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
