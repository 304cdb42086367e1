// Command gengroth16 writes the gnark Groth16 verifier of each curve
// (zk/gnark_groth16_bn254.go, zk/gnark_groth16_bls12381.go) from one
// template, so that the two differ only in the curve: run by
// `go generate ./zk` (from zk/, the working directory of go generate).
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

//go:embed groth16.go.tmpl
var tmpl string

// curve holds the names a file differs by.
type curve struct {
	File       string // output file
	P          string // gnark-crypto package alias and lower-case prefix: bn, bls
	C          string // the prefix capitalised: Bn, Bls
	Path       string // gnark-crypto ecc/ sub-path
	Name       string // catalogue name part: bn254, bls12381
	Human      string // in error messages: bn254, bls12-381
	Title      string // in comments: BN254, BLS12-381
	G1C, G1U   int    // G1 sizes, compressed and uncompressed
	G2C, G2U   int
	Raw        int    // G1 RawBytes size (x || y)
	G1Check    string // what G1Affine.SetBytes checks besides the curve
	Compressed string // which first bytes mean a compressed point
}

var curves = []curve{
	{File: "gnark_groth16_bn254.go", P: "bn", C: "Bn", Path: "bn254", Name: "bn254", Human: "bn254", Title: "BN254",
		G1C: 32, G1U: 64, G2C: 64, G2U: 128, Raw: 64,
		Compressed: "A point is compressed unless the two most significant bits\n// of its first byte are 00."},
	{File: "gnark_groth16_bls12381.go", P: "bls", C: "Bls", Path: "bls12-381", Name: "bls12381", Human: "bls12-381",
		Title: "BLS12-381", G1C: 48, G1U: 96, G2C: 96, G2U: 192, Raw: 96, G1Check: " and in the subgroup",
		Compressed: "A point is compressed unless the three most significant\n// bits of its first byte are 000 or 010."},
}

func main() {
	dir := flag.String("dir", ".", "directory to write the files to (a staleness check compares them with zk/)")
	flag.Parse()
	t := template.Must(template.New("groth16").Parse(tmpl))
	for _, c := range curves {
		var b bytes.Buffer
		if err := t.Execute(&b, c); err != nil {
			log.Fatal(err)
		}
		src, err := format.Source(b.Bytes())
		if err != nil {
			log.Fatalf("%s: %v", c.File, err)
		}
		if err := os.WriteFile(filepath.Join(*dir, c.File), src, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
