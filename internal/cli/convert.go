package cli

import (
	"encoding/hex"
	"fmt"
	"os"

	"github.com/hostcrypto/hostcrypto/zk/convert"
)

func init() {
	Register(&Command{
		Name:    "convert",
		Usage:   "convert groth16|plonk --from snarkjs VK.json PROOF.json PUBLIC.json",
		Summary: "encode prover output as the hex input of groth16_bn254_verify / plonk_bn254_snarkjs_verify",
		Run:     cmdConvert,
	})
}

// cmdConvert prints the hex input of the matching verification function as
// the last token on stdout; a malformed file exits 1, bad usage 2.
func cmdConvert(env *Env, args []string) int {
	fs := newFlags(env, "convert")
	from := fs.String("from", "snarkjs", "prover format: snarkjs")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 4 {
		fmt.Fprintln(env.Stderr, "usage: hostcrypto convert groth16|plonk --from snarkjs VK.json PROOF.json PUBLIC.json")
		return 2
	}
	if *from != "snarkjs" {
		fmt.Fprintf(env.Stderr, "hostcrypto: convert: unsupported --from %q (supported: snarkjs)\n", *from)
		return 2
	}
	var conv func(vk, proof, public []byte) ([]byte, error)
	var fn string
	switch pos[0] {
	case "groth16":
		conv, fn = convert.SnarkjsGroth16, "groth16_bn254_verify"
	case "plonk":
		conv, fn = convert.SnarkjsPlonk, "plonk_bn254_snarkjs_verify"
	default:
		fmt.Fprintf(env.Stderr, "hostcrypto: convert: unknown proof system %q (groth16, plonk)\n", pos[0])
		return 2
	}
	var files [3][]byte
	for i, p := range pos[1:] {
		if files[i], err = os.ReadFile(p); err != nil {
			fmt.Fprintln(env.Stderr, "hostcrypto: convert:", err)
			return 1
		}
	}
	in, err := conv(files[0], files[1], files[2])
	if err != nil {
		fmt.Fprintln(env.Stderr, "hostcrypto:", err)
		return 1
	}
	fmt.Fprintf(env.Stdout, "%s %s\n", fn, hex.EncodeToString(in))
	return 0
}
