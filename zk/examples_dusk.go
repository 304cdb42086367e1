package zk

import (
	"crypto/sha256"
	"encoding/binary"
	"math/big"
	"strconv"

	blsecc "github.com/consensys/gnark-crypto/ecc/bls12-381"
	blsfr "github.com/consensys/gnark-crypto/ecc/bls12-381/fr"

	"github.com/hostcrypto/hostcrypto/core"
)

// duskPlonkExamples are inputs of plonk_bls12381_dusk_verify made by code:
// a verifier for a circuit of 2^k gates with n public inputs (every
// commitment and the opening key's points are multiples of the generators
// by hashed scalars) and a proof of well-formed points and canonical
// scalars, under PlonkVersion V3. The verifier has no early exit: it
// decodes and subgroup-checks every point, replays the transcript, builds
// the whole MSM and runs the final pairing check, which then fails (0x00).
// So each costs what a valid proof of that shape costs; a valid proof would
// need dusk-plonk's prover.
func duskPlonkExamples() []core.Example {
	var ex []core.Example
	for _, s := range []struct{ logSize, nPI int }{{3, 1}, {7, 64}} {
		ex = append(ex, core.Example{
			Name:  "synthetic-v3/" + strconv.Itoa(s.nPI) + "pi",
			Input: duskPlonkInput(s.logSize, s.nPI),
			Worst: true,
		})
	}
	return ex
}

func duskPlonkInput(logSize, nPI int) []byte {
	r := blsfr.Modulus()
	sc := func(label string, i int) *big.Int {
		return exScalar("dusk-plonk "+label+" "+strconv.Itoa(logSize), i, r)
	}
	_, _, g1, g2 := blsecc.Generators()
	g1At := func(k *big.Int) []byte {
		var p blsecc.G1Affine
		p.ScalarMultiplication(&g1, k)
		b := p.Bytes()
		return b[:]
	}
	g2At := func(k *big.Int) []byte {
		var p blsecc.G2Affine
		p.ScalarMultiplication(&g2, k)
		b := p.Bytes()
		return b[:]
	}
	scalarLE := func(k *big.Int) []byte {
		var be [32]byte
		k.FillBytes(be[:])
		for i, j := 0, 31; i < j; i, j = i+1, j-1 {
			be[i], be[j] = be[j], be[i]
		}
		return be[:]
	}
	size := uint64(1) << logSize
	label := []byte("hostcrypto synthetic")

	var vk []byte
	vk = binary.LittleEndian.AppendUint64(vk, size)
	for i := 0; i < 15; i++ { // q_m .. q_variable_group_add, s_sigma_1..4
		vk = append(vk, g1At(sc("vk", i))...)
	}
	vk = append(vk, make([]byte, 240)...)
	var ok []byte
	gb, hb := g1.Bytes(), g2.Bytes()
	ok = append(ok, gb[:]...)
	ok = append(ok, hb[:]...)
	ok = append(ok, g2At(sc("x", 0))...)

	var vd []byte
	for _, v := range []uint64{uint64(len(label)), uint64(len(vk)), uint64(len(ok)), uint64(nPI), size, size} {
		vd = binary.BigEndian.AppendUint64(vd, v)
	}
	vd = append(append(append(vd, label...), vk...), ok...)
	for i := 0; i < nPI; i++ {
		vd = binary.BigEndian.AppendUint64(vd, uint64(i))
	}

	var proof []byte
	for i := 0; i < 11; i++ { // a b c d z t_low t_mid t_high t_fourth w_z w_zw
		proof = append(proof, g1At(sc("proof", i))...)
	}
	for i := 0; i < 15; i++ { // the evaluations
		proof = append(proof, scalarLE(sc("eval", i))...)
	}

	in := []byte{3}
	in = binary.BigEndian.AppendUint32(in, uint32(len(vd)))
	in = append(in, vd...)
	in = binary.BigEndian.AppendUint32(in, uint32(len(proof)))
	in = append(in, proof...)
	for i := 0; i < nPI; i++ {
		h := sha256.Sum256([]byte("dusk-plonk public input " + strconv.Itoa(i)))
		in = append(in, scalarLE(new(big.Int).Mod(new(big.Int).SetBytes(h[:]), r))...)
	}
	return in
}
