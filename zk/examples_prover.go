package zk

import (
	"bytes"
	"encoding/binary"
	"io"
	"sync"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/backend/plonk"
	"github.com/consensys/gnark/backend/witness"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/frontend/cs/scs"
	"github.com/consensys/gnark/test/unsafekzg"

	"github.com/hostcrypto/hostcrypto/core"
)

// committedCircuit is the costliest proof shape of gnark's formats: one
// public input and a BSB22 commitment (api.Commit), which in Groth16 adds a
// Pedersen commitment and its proof of knowledge to the proof and a
// commitment key to the verifying key (zkVM wrappers emit such proofs).
// Asserted: Z = X·W and the commitment to (X, W) is non-zero.
type committedCircuit struct {
	X, W frontend.Variable
	Z    frontend.Variable `gnark:",public"`
}

func (c *committedCircuit) Define(api frontend.API) error {
	api.AssertIsEqual(c.Z, api.Mul(c.X, c.W))
	cm, err := api.(frontend.Committer).Commit(c.X, c.W)
	if err != nil {
		return err
	}
	api.AssertIsDifferent(cm, 0)
	return nil
}

// gnarkProverExample makes one valid input of a *_gnark verifier with
// gnark's own prover (setup, SRS and proof are fresh, random each run; only
// the shape matters for benchmarks and calibration): vk (WriteRawTo) ||
// proof (WriteRawTo) || public witness (MarshalBinary), each behind a 4-byte
// big-endian length.
func gnarkProverExample(curve ecc.ID, isPlonk bool) ([]byte, error) {
	var circuit committedCircuit
	assignment := committedCircuit{X: 3, W: 5, Z: 15}
	var builder frontend.NewBuilder = r1cs.NewBuilder[constraint.U64]
	if isPlonk {
		builder = scs.NewBuilder[constraint.U64]
	}
	ccs, err := frontend.Compile(curve.ScalarField(), builder, &circuit)
	if err != nil {
		return nil, err
	}
	full, err := frontend.NewWitness(&assignment, curve.ScalarField())
	if err != nil {
		return nil, err
	}
	public, err := full.Public()
	if err != nil {
		return nil, err
	}
	var vk, proof io.WriterTo
	if isPlonk {
		vk, proof, err = plonkProve(ccs, full)
	} else {
		vk, proof, err = groth16Prove(ccs, full)
	}
	if err != nil {
		return nil, err
	}
	var in []byte
	for _, part := range []any{vk, proof, public} {
		var b bytes.Buffer
		switch p := part.(type) {
		case interface {
			WriteRawTo(io.Writer) (int64, error)
		}:
			_, err = p.WriteRawTo(&b)
		case interface{ MarshalBinary() ([]byte, error) }:
			var m []byte
			m, err = p.MarshalBinary()
			b.Write(m)
		}
		if err != nil {
			return nil, err
		}
		in = binary.BigEndian.AppendUint32(in, uint32(b.Len()))
		in = append(in, b.Bytes()...)
	}
	return in, nil
}

func groth16Prove(ccs constraint.ConstraintSystem, w witness.Witness) (io.WriterTo, io.WriterTo, error) {
	pk, vk, err := groth16.Setup(ccs)
	if err != nil {
		return nil, nil, err
	}
	proof, err := groth16.Prove(ccs, pk, w)
	if err != nil {
		return nil, nil, err
	}
	return vk, proof, nil
}

func plonkProve(ccs constraint.ConstraintSystem, w witness.Witness) (io.WriterTo, io.WriterTo, error) {
	srs, srsLagrange, err := unsafekzg.NewSRS(ccs)
	if err != nil {
		return nil, nil, err
	}
	pk, vk, err := plonk.Setup(ccs, srs, srsLagrange)
	if err != nil {
		return nil, nil, err
	}
	proof, err := plonk.Prove(ccs, pk, w)
	if err != nil {
		return nil, nil, err
	}
	return vk, proof, nil
}

// gnarkExamples returns the example of one *_gnark verifier, made once.
func gnarkExamples(curve ecc.ID, isPlonk bool) func() []core.Example {
	made := sync.OnceValues(func() ([]byte, error) { return gnarkProverExample(curve, isPlonk) })
	return func() []core.Example {
		in, err := made()
		if err != nil {
			panic("zk: internal error: gnark example: " + err.Error())
		}
		return []core.Example{{Name: "committed", Input: in, Worst: true}}
	}
}
