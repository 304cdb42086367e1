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
		Usage:   "convert groth16|plonk --from snarkjs VK.json PROOF.json PUBLIC.json | convert groth16|plonk --from gnark [--curve bn254|bls12381] VK PROOF WITNESS",
		Summary: "encode prover output (snarkjs JSON, gnark binaries) as the hex input of the zk verification functions",
		Run:     cmdConvert,
		Args: "SYSTEM  groth16 or plonk\n" +
			"VK      verification key (snarkjs verification_key.json, gnark vk binary or hex)\n" +
			"PROOF   proof (snarkjs proof.json, gnark proof binary or hex)\n" +
			"PUBLIC  public inputs (snarkjs public.json, gnark public witness binary or hex)\n" +
			"Prints the function's name and its hex input (the last token) on stdout.",
	})
}

// cmdConvert prints the hex input of the matching verification function as
// the last token on stdout; a malformed file exits 1, bad usage 2.
func cmdConvert(env *Env, args []string) int {
	fs := newFlags(env, "convert")
	from := fs.String("from", "snarkjs", "prover format: snarkjs or gnark")
	curve := fs.String("curve", "bn254", "curve of gnark files: bn254 or bls12381")
	pos, err := fs.parse(args)
	if err != nil {
		return exitCode(err)
	}
	if len(pos) != 4 {
		fmt.Fprintf(env.Stderr, "hostcrypto: convert takes SYSTEM and three files, got %d arguments\n", len(pos))
		fs.usage()
		return 2
	}
	fns := map[string]string{
		"snarkjs/groth16/bn254": "groth16_bn254_verify", "snarkjs/plonk/bn254": "plonk_bn254_snarkjs_verify",
		"gnark/groth16/bn254": "groth16_bn254_verify_gnark", "gnark/groth16/bls12381": "groth16_bls12381_verify_gnark",
		"gnark/plonk/bn254": "plonk_bn254_gnark_verify", "gnark/plonk/bls12381": "plonk_bls12381_gnark_verify",
	}
	fn, ok := fns[*from+"/"+pos[0]+"/"+*curve]
	if !ok {
		fmt.Fprintf(env.Stderr, "hostcrypto: convert: unsupported combination %s %s --curve %s (snarkjs: bn254 only)\n", pos[0], *from, *curve)
		return 2
	}
	conv := convert.GnarkSections
	switch fn {
	case "groth16_bn254_verify":
		conv = convert.SnarkjsGroth16
	case "plonk_bn254_snarkjs_verify":
		conv = convert.SnarkjsPlonk
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
