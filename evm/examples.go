package evm

import (
	"encoding/binary"
	"encoding/hex"
	"strconv"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/sig/secp256k1"
)

// Examples of the precompiles implemented here (benchmarks and fuzz seeds;
// their gas is go-ethereum's, so they do not serve calibration). The
// forwarding precompiles take their target's examples.

// ecrecoverExamples re-encodes secp256k1_recover's examples as
// hash || v (32-byte word, 27 or 28) || r || s.
func ecrecoverExamples() []core.Example {
	var ex []core.Example
	for _, e := range secp256k1.Secp256k1Recover.Examples() {
		in := append([]byte(nil), e.Input[:32]...)
		var v [32]byte
		v[31] = 27 + e.Input[96]%27
		in = append(append(in, v[:]...), e.Input[32:96]...)
		ex = append(ex, core.Example{Name: e.Name, Input: in, Worst: e.Worst})
	}
	return ex
}

// modexpExamples: EIP-198 inputs with dense operands; the costliest shapes
// are long exponents with long moduli.
func modexpExamples() []core.Example {
	mk := func(bl, el, ml int) core.Example {
		in := make([]byte, 96)
		binary.BigEndian.PutUint64(in[24:], uint64(bl))
		binary.BigEndian.PutUint64(in[56:], uint64(el))
		binary.BigEndian.PutUint64(in[88:], uint64(ml))
		for i := 0; i < bl+el+ml; i++ {
			in = append(in, byte(i*97+13)|1)
		}
		return core.Example{Name: strconv.Itoa(bl) + "/" + strconv.Itoa(el) + "/" + strconv.Itoa(ml), Input: in, Worst: true}
	}
	return []core.Example{mk(32, 32, 32), mk(64, 64, 64), mk(256, 32, 256), mk(512, 512, 512), mk(1024, 1024, 1024)}
}

// pointEvalInput is the input of go-ethereum's pointEvaluation1 test
// vector (go-ethereum-precompiles/pointEvaluation.json): a valid EIP-4844
// opening, the only shape that runs the whole pairing check.
const pointEvalInput = "01e798154708fe7789429634053cbf9f99b619f9f084048927333fce637f549b564c0a11a0f704f4fc3e8acfe0f8245f0ad1347b378fbf96e206da11a5d3630624d25032e67a7e6a4910df5834b8fe70e6bcfeeac0352434196bdf4b2485d5a18f59a8d2a1a625a17f3fea0fe5eb8c896db3764f3185481bc22f91b4aaffcca25f26936857bc3a7c2539ea8ec3a952b7873033e038326e87ed3e1276fd140253fa08e9fc25fb2d9a98527fc22a2c9612fbeafdad446cbc7bcdbdcd780af2c16a"

func pointEvalExamples() []core.Example {
	in, err := hex.DecodeString(pointEvalInput)
	if err != nil {
		panic("evm: internal error: " + err.Error())
	}
	return []core.Example{{Name: "valid", Input: in, Worst: true}}
}
