package hash

import (
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/hash/h2c"
)

func h2cFunc(name, group string, outLen int, run func(out, msg, dst []byte) ([]byte, error)) *core.Func {
	return &core.Func{
		Name:   name,
		Family: "hash",
		Input: "1-byte DST length L (1..255) || DST (L bytes) || msg: RFC 9380 hash_to_curve " +
			"BLS12381" + group + "_XMD:SHA-256_SSWU_RO_ with the caller's DST (L = 0 or a truncated DST is malformed)",
		Output:     "the point in EIP-2537 encoding (" + map[int]string{128: "128 bytes: x || y", 256: "256 bytes: x.c0 || x.c1 || y.c0 || y.c1"}[outLen] + ", each 64-byte big-endian)",
		FixedOut:   outLen,
		Primitives: []string{h2c.Primitive},
		Examples:   h2cExamples,
		Run: func(out, in []byte) ([]byte, error) {
			dst, msg, err := h2c.SplitInput(in)
			if err != nil {
				return out, core.Errorf(core.CodeMalformed, "%v", err)
			}
			res, err := run(out, msg, dst)
			if err != nil {
				return out, core.Errorf(core.CodeMalformed, "%v", err)
			}
			return res, nil
		},
	}
}

// RFC 9380 hash_to_curve onto BLS12-381 G1 and G2.
var (
	BLS12381HashToG1 = h2cFunc("bls12381_hash_to_g1", "G1", h2c.G1Len, h2c.AppendHashToG1)
	BLS12381HashToG2 = h2cFunc("bls12381_hash_to_g2", "G2", h2c.G2Len, h2c.AppendHashToG2)
)
