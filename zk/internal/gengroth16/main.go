// Command gengroth16 writes the Groth16 code of each curve from two
// templates, so that the two curves' files differ only in the curve:
// verify.go.tmpl (the prepared key, the proof, the verification equation:
// zk/groth16_bn254.go, zk/groth16_bls12381.go) and groth16.go.tmpl (gnark's
// formats: zk/gnark_groth16_bn254.go, zk/gnark_groth16_bls12381.go). Run by
// `go generate ./zk` (from zk/, the working directory of go generate);
// -root DIR writes under DIR/zk instead (internal/gencheck's freshness test).
package main

import (
	"bytes"
	_ "embed"
	"flag"
	"go/format"
	"log"
	"os"
	"path/filepath"
	"text/template"
)

var (
	//go:embed groth16.go.tmpl
	gnarkTmpl string
	//go:embed verify.go.tmpl
	verifyTmpl string
)

// curve holds the names a file differs by.
type curve struct {
	P          string // gnark-crypto package alias and lower-case prefix: bn, bls
	C          string // the prefix capitalised: Bn, Bls
	Path       string // gnark-crypto ecc/ sub-path
	Name       string // catalogue name part: bn254, bls12381
	Human      string // in error messages: bn254, bls12-381
	Title      string // in comments: BN254, BLS12-381
	G1C, G1U   int    // G1 sizes, compressed and uncompressed
	G2C, G2U   int
	Raw        int    // G1 RawBytes size (x || y)
	Lines      string // the length of a line-evaluation array
	G1Check    string // what G1Affine.SetBytes checks besides the curve
	Compressed string // which first bytes mean a compressed point
}

var curves = []curve{
	{P: "bn", C: "Bn", Path: "bn254", Name: "bn254", Lines: "len(bn.LoopCounter)", Human: "bn254", Title: "BN254",
		G1C: 32, G1U: 64, G2C: 64, G2U: 128, Raw: 64,
		Compressed: "A point is compressed unless the two most significant bits\n// of its first byte are 00."},
	{P: "bls", C: "Bls", Path: "bls12-381", Name: "bls12381", Lines: "len(bls.LoopCounter) - 1", Human: "bls12-381",
		Title: "BLS12-381", G1C: 48, G1U: 96, G2C: 96, G2U: 192, Raw: 96, G1Check: " and in the subgroup",
		Compressed: "A point is compressed unless the three most significant\n// bits of its first byte are 000 or 010."},
}

func main() {
	root := flag.String("root", "", "repository root to write the zk/ files under (default: this repository; go generate runs in zk/)")
	flag.Parse()
	dir := "."
	if *root != "" {
		dir = filepath.Join(*root, "zk")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			log.Fatal(err)
		}
	}
	for _, t := range []struct{ prefix, text string }{{"gnark_groth16_", gnarkTmpl}, {"groth16_", verifyTmpl}} {
		tmpl := template.Must(template.New(t.prefix).Parse(t.text))
		for _, c := range curves {
			file := t.prefix + c.Name + ".go"
			var b bytes.Buffer
			if err := tmpl.Execute(&b, c); err != nil {
				log.Fatal(err)
			}
			src, err := format.Source(b.Bytes())
			if err != nil {
				log.Fatalf("%s: %v", file, err)
			}
			if err := os.WriteFile(filepath.Join(dir, file), src, 0o644); err != nil {
				log.Fatal(err)
			}
		}
	}
}
