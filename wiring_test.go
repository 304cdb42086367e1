package hostcrypto_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/hostcrypto/hostcrypto"
	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/cosmwasm"
	"github.com/hostcrypto/hostcrypto/curves"
	"github.com/hostcrypto/hostcrypto/curves/ops"
	"github.com/hostcrypto/hostcrypto/dusk"
	"github.com/hostcrypto/hostcrypto/dusk/dplonk"
	"github.com/hostcrypto/hostcrypto/evm"
	"github.com/hostcrypto/hostcrypto/hash"
	"github.com/hostcrypto/hostcrypto/near"
	"github.com/hostcrypto/hostcrypto/pairing"
	"github.com/hostcrypto/hostcrypto/sig/bls"
	"github.com/hostcrypto/hostcrypto/sig/eddsa"
	"github.com/hostcrypto/hostcrypto/sig/p256"
	"github.com/hostcrypto/hostcrypto/sig/secp256k1"
	"github.com/hostcrypto/hostcrypto/soroban"
	"github.com/hostcrypto/hostcrypto/zk"
)

// viaProfile: chain profiles whose descriptors are all built by
// internal/profile (no core.Func literal of their own).
var viaProfile = map[string]bool{"near": true, "soroban": true}

// declaring lists, by directory, the packages that declare host functions
// and their Funcs.
var declaring = map[string]func() []*core.Func{
	"hash": hash.Funcs, "curves": curves.Funcs, "pairing": pairing.Funcs, "curves/ops": ops.Funcs, "sig/bls": bls.Funcs, "sig/eddsa": eddsa.Funcs,
	"sig/p256": p256.Funcs, "sig/secp256k1": secp256k1.Funcs, "zk": zk.Funcs, "dusk/dplonk": dplonk.Funcs,
	"evm": evm.Funcs, "dusk": dusk.Funcs, "cosmwasm": cosmwasm.Funcs,
	"near": near.Funcs, "soroban": soroban.Funcs,
}

// TestEveryDeclaringPackageIsInTheCatalogue: the packages of this module
// whose (non-test) sources write a core.Func literal are exactly those of
// the table above, and the full catalogue is exactly the union of their
// Funcs, every function by value (the descriptor the package exports), with
// every target of a profile function in it too.
func TestEveryDeclaringPackageIsInTheCatalogue(t *testing.T) {
	found := map[string]bool{}
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != "." {
				if _, err := os.Stat(filepath.Join(p, "go.mod")); err == nil {
					return filepath.SkipDir // a nested module
				}
			}
			if n := d.Name(); n == "testdata" || (strings.HasPrefix(n, ".") && n != ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if cl, ok := n.(*ast.CompositeLit); ok {
				if sel, ok := cl.Type.(*ast.SelectorExpr); ok && sel.Sel.Name == "Func" {
					if x, ok := sel.X.(*ast.Ident); ok && x.Name == "core" {
						found[filepath.ToSlash(filepath.Dir(p))] = true
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var missing []string
	for dir := range found {
		if strings.HasPrefix(dir, "internal") {
			continue // test helpers and tools
		}
		if declaring[dir] == nil {
			missing = append(missing, dir)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("packages declaring host functions without an entry here (and maybe not in hostcrypto.Funcs): %v", missing)
	}
	for dir := range declaring {
		if !found[dir] && !viaProfile[dir] {
			t.Errorf("%s declares no core.Func literal any more", dir)
		}
	}

	full := hostcrypto.Catalogue()
	n := 0
	for dir, funcs := range declaring {
		for _, f := range funcs() {
			n++
			if g, ok := full.Lookup(f.Name); !ok || g != f {
				t.Errorf("%s: %s is not the catalogue's %s", dir, f.Name, f.Name)
			}
		}
	}
	if n != full.Len() {
		t.Errorf("the packages declare %d functions, the catalogue has %d", n, full.Len())
	}
	for _, f := range full.Funcs() {
		for _, tg := range f.Targets {
			if g, ok := full.Lookup(tg.Name); !ok || g != tg {
				t.Errorf("%s forwards to %s, which is not the catalogue's", f.Name, tg.Name)
			}
		}
	}
}

// TestProfilesAreWhole: each profile's Funcs is its complete set, and
// every function it forwards to is held by value, runnable without any
// other package's help.
func TestProfilesAreWhole(t *testing.T) {
	for name, fs := range map[string][]*core.Func{"evm": evm.Funcs(), "dusk": dusk.Funcs(), "cosmwasm": cosmwasm.Funcs(), "near": near.Funcs(), "soroban": soroban.Funcs()} {
		c, err := core.NewCatalogue(fs...)
		if err != nil {
			t.Fatal(err)
		}
		prefix := name + ":"
		n := 0
		for _, f := range c.Funcs() {
			if strings.HasPrefix(f.Name, prefix) {
				n++
			}
			for _, tg := range f.Targets {
				if tg == nil || tg.Run == nil {
					t.Errorf("%s: nil target", f.Name)
				}
			}
		}
		if want := map[string]int{"evm": 18, "dusk": 11, "cosmwasm": 11, "near": 18, "soroban": 35}[name]; n != want {
			t.Errorf("%s profile: %d functions, want %d", name, n, want)
		}
	}
}
