// Command gen writes the four field packages (bn254fp, bn254fr, bls12381fp,
// bls12381fr) from the templates in this directory. Every constant is derived
// here from the modulus with math/big, so the packages differ only in data.
//
// Run it from the field directory: go generate ./field (or go run ./internal/gen).
// -root DIR writes them under DIR/field instead of the current directory's
// parent (the freshness test, internal/gencheck, generates into a temporary
// directory).
package main

import (
	"bytes"
	"embed"
	"flag"
	"fmt"
	"go/format"
	"log"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"text/template"
)

//go:embed *.tmpl
var templates embed.FS

// field describes one prime field to generate.
type field struct {
	Pkg      string // package name and directory
	Title    string // human name, e.g. "BN254 base field"
	ModHex   string // modulus, hexadecimal
	GnarkPkg string // gnark-crypto's package for the same field (benchmarks)
}

var fields = []field{
	{Pkg: "bn254fp", GnarkPkg: "github.com/consensys/gnark-crypto/ecc/bn254/fp", Title: "the BN254 base field Fp", ModHex: "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47"},
	{Pkg: "bn254fr", GnarkPkg: "github.com/consensys/gnark-crypto/ecc/bn254/fr", Title: "the BN254 scalar field Fr", ModHex: "30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001"},
	{Pkg: "bls12381fp", GnarkPkg: "github.com/consensys/gnark-crypto/ecc/bls12-381/fp", Title: "the BLS12-381 base field Fp", ModHex: "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab"},
	{Pkg: "bls12381fr", GnarkPkg: "github.com/consensys/gnark-crypto/ecc/bls12-381/fr", Title: "the BLS12-381 scalar field Fr", ModHex: "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001"},
}

// data is what the templates see.
type data struct {
	field
	N, Bits, Bytes int
	Modulus        string // decimal
	Q              []string
	QInvNeg        string
	One, RSquare   []string
	QMinus2        []string // exponent for Inverse
	QMinus1Half    []string // exponent for Legendre
	Sqrt3Mod4      bool
	SqrtExp        []string // (q+1)/4 when q = 3 mod 4
	TwoAdicity     int      // s with q-1 = 2^s * t, t odd
	TMinus1Half    []string // (t-1)/2
	NonResidue     int      // smallest quadratic non-residue
	RootOfUnity    []string // nonResidue^t in Montgomery form
	R52            bool     // the IFMA batch kernel exists
	AMD64, ARM64   bool     // assembly kernels exist for these architectures
}

// Which architectures have assembly kernels (asm_amd64/, asm_arm64/).
const (
	haveAMD64 = true
	haveARM64 = true
	haveIFMA  = true
)

func limbs(v *big.Int, n int) []string {
	out := make([]string, n)
	w := new(big.Int).Set(v)
	mask := new(big.Int).SetUint64(^uint64(0))
	for i := range out {
		out[i] = fmt.Sprintf("%#016x", new(big.Int).And(w, mask).Uint64())
		w.Rsh(w, 64)
	}
	if w.Sign() != 0 {
		log.Fatalf("value does not fit in %d limbs", n)
	}
	return out
}

func build(f field) data {
	q, ok := new(big.Int).SetString(f.ModHex, 16)
	if !ok || !q.ProbablyPrime(32) {
		log.Fatalf("%s: bad modulus", f.Pkg)
	}
	n := (q.BitLen() + 63) / 64
	// The no-carry CIOS variant needs the top limb below (2^64-1)/2 - 1.
	top := new(big.Int).Rsh(q, uint(64*(n-1))).Uint64()
	if top >= (^uint64(0))/2-1 {
		log.Fatalf("%s: top limb too large for the no-carry CIOS", f.Pkg)
	}
	d := data{field: f, N: n, Bits: q.BitLen(), Bytes: 8 * n, Modulus: q.String()}
	d.Q = limbs(q, n)
	// qInvNeg = -q^-1 mod 2^64.
	w := new(big.Int).Lsh(big.NewInt(1), 64)
	inv := new(big.Int).ModInverse(new(big.Int).Mod(q, w), w)
	inv.Sub(w, inv)
	d.QInvNeg = fmt.Sprintf("%d", inv.Uint64())
	r := new(big.Int).Lsh(big.NewInt(1), uint(64*n))
	d.One = limbs(new(big.Int).Mod(r, q), n)
	d.RSquare = limbs(new(big.Int).Mod(new(big.Int).Mul(r, r), q), n)
	one := big.NewInt(1)
	d.QMinus2 = limbs(new(big.Int).Sub(q, big.NewInt(2)), n)
	qm1 := new(big.Int).Sub(q, one)
	d.QMinus1Half = limbs(new(big.Int).Rsh(qm1, 1), n)
	if new(big.Int).And(q, big.NewInt(3)).Int64() == 3 {
		d.Sqrt3Mod4 = true
		d.SqrtExp = limbs(new(big.Int).Rsh(new(big.Int).Add(q, one), 2), n)
	} else {
		t := new(big.Int).Set(qm1)
		for t.Bit(0) == 0 {
			t.Rsh(t, 1)
			d.TwoAdicity++
		}
		d.TMinus1Half = limbs(new(big.Int).Rsh(new(big.Int).Sub(t, one), 1), n)
		for g := int64(2); ; g++ {
			if big.Jacobi(big.NewInt(g), q) == -1 {
				d.NonResidue = int(g)
				z := new(big.Int).Exp(big.NewInt(g), t, q)
				d.RootOfUnity = limbs(z.Mod(z.Mul(z, r), q), n)
				break
			}
		}
	}
	d.R52 = haveIFMA
	d.AMD64, d.ARM64 = haveAMD64, haveARM64
	return d
}

func main() {
	root := flag.String("root", "..", "repository root to write field/<pkg>/ under")
	flag.Parse()
	tmpl := template.Must(template.New("").Funcs(template.FuncMap{
		"iterate": func(n int) []int {
			s := make([]int, n)
			for i := range s {
				s[i] = i
			}
			return s
		},
		"sub":   func(a, b int) int { return a - b },
		"add":   func(a, b int) int { return a + b },
		"join":  strings.Join,
		"upper": strings.ToUpper,
		"mul64": func(n int) int { return 64 * n },
		"noasmTag": func(d data) string {
			switch {
			case d.AMD64 && d.ARM64:
				return "//go:build !(amd64 || arm64) || purego"
			case d.AMD64:
				return "//go:build !amd64 || purego"
			case d.ARM64:
				return "//go:build !arm64 || purego"
			}
			return ""
		},
	}).ParseFS(templates, "*.tmpl"))
	for _, f := range fields {
		d := build(f)
		if err := os.MkdirAll(filepath.Join(*root, "field", f.Pkg), 0o755); err != nil {
			log.Fatal(err)
		}
		for _, out := range []struct {
			tmpl, file string
			when       bool
		}{
			{"element.go.tmpl", "element.go", true},
			{"mul.go.tmpl", "mul.go", true},
			{"mul_amd64.go.tmpl", "mul_amd64.go", d.AMD64},
			{"mul_arm64.go.tmpl", "mul_arm64.go", d.ARM64},
			{"mul_noasm.go.tmpl", "mul_noasm.go", true},
			{"element_test.go.tmpl", "element_test.go", true},
			{"kernels_amd64_test.go.tmpl", "kernels_amd64_test.go", d.AMD64},
			{"kernels_arm64_test.go.tmpl", "kernels_arm64_test.go", d.ARM64},
			{"kernels_noasm_test.go.tmpl", "kernels_noasm_test.go", true},
			{"bench_test.go.tmpl", "bench_test.go", true},
			{"cputime_linux_test.go.tmpl", "cputime_linux_test.go", true},
			{"cputime_other_test.go.tmpl", "cputime_other_test.go", true},
		} {
			path := filepath.Join(*root, "field", f.Pkg, out.file)
			if !out.when {
				os.Remove(path)
				continue
			}
			var buf bytes.Buffer
			buf.WriteString("// Code generated by go run ./internal/gen. DO NOT EDIT.\n\n")
			if err := tmpl.ExecuteTemplate(&buf, out.tmpl, d); err != nil {
				log.Fatalf("%s/%s: %v", f.Pkg, out.file, err)
			}
			src, err := format.Source(buf.Bytes())
			if err != nil {
				os.WriteFile(path, buf.Bytes(), 0o644)
				log.Fatalf("%s/%s: gofmt: %v", f.Pkg, out.file, err)
			}
			if err := os.WriteFile(path, src, 0o644); err != nil {
				log.Fatal(err)
			}
		}
	}
}
