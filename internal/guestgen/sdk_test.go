package guestgen

import (
	"strings"
	"testing"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dusk"
)

// TestSDKCoverage: every plain catalogue name is declared in each SDK under
// module "hostcrypto", every rusk name under module "dusk", with the
// catalogue's output size.
func TestSDKCoverage(t *testing.T) {
	files, err := Render()
	if err != nil {
		t.Fatal(err)
	}
	h, rs, as := string(files["c/hostcrypto.h"]), string(files["rust/src/lib.rs"]), string(files["assemblyscript/assembly/imports.ts"])
	n := 0
	for _, f := range catalogue() {
		if strings.Contains(f.Name, ":") {
			continue
		}
		n++
		attr := `__attribute__((import_module("hostcrypto"), import_name("` + f.Name + `")))` + "\nint32_t hostcrypto_" + f.Name + "(const uint8_t *in, uint32_t in_len, uint8_t *out, uint32_t out_cap);"
		if !strings.Contains(h, attr) {
			t.Errorf("hostcrypto.h lacks %s", f.Name)
		}
		if f.OutLen == nil && !strings.Contains(h, "#define HOSTCRYPTO_"+strings.ToUpper(f.Name)+"_OUT "+itoa(f.FixedOut)+"\n") {
			t.Errorf("hostcrypto.h lacks the size of %s", f.Name)
		}
		if !strings.Contains(rs, `#[link_name = "`+f.Name+`"]`) || !strings.Contains(rs, "\npub fn "+f.Name+"(input: &[u8]") {
			t.Errorf("lib.rs lacks %s", f.Name)
		}
		if !strings.Contains(as, `@external("hostcrypto", "`+f.Name+`")`) {
			t.Errorf("imports.ts lacks %s", f.Name)
		}
	}
	if n < 40 {
		t.Fatalf("only %d functions", n)
	}
	for rusk := range dusk.Exports() {
		if !strings.Contains(h, `import_module("dusk"), import_name("`+rusk+`")))`+"\nint32_t dusk_"+rusk+"(") {
			t.Errorf("hostcrypto.h lacks dusk %s", rusk)
		}
		if !strings.Contains(rs, "    pub fn "+rusk+"(input: &[u8]") {
			t.Errorf("lib.rs lacks dusk::%s", rusk)
		}
		if !strings.Contains(as, `@external("dusk", "`+rusk+`")`) {
			t.Errorf("imports.ts lacks dusk %s", rusk)
		}
	}
	for _, c := range core.Codes() {
		if !strings.Contains(h, "#define HOSTCRYPTO_ERR_"+strings.ToUpper(c.String())+" ("+itoa(int(c))+")") {
			t.Errorf("hostcrypto.h lacks code %s", c)
		}
	}
}

// TestSDKShapes renders a made-up catalogue with each output shape.
func TestSDKShapes(t *testing.T) {
	d := &sdkData{
		Hostcrypto: []sdkFunc{
			{Module: "hostcrypto", Import: "h", Catalog: "h", Target: "h", Out: 32},
			{Module: "hostcrypto", Import: "v", Catalog: "v", Target: "v", Out: 1, Verdict: true},
			{Module: "hostcrypto", Import: "x", Catalog: "x", Target: "x"},
		},
		Dusk: []sdkFunc{{Module: "dusk", Import: "q", Catalog: "dusk:q", Target: "v", Out: 1, Verdict: true}},
	}
	files, err := renderSDKFiles(d)
	if err != nil {
		t.Fatal(err)
	}
	for file, wants := range map[string][]string{
		"rust/src/lib.rs": {
			"pub fn h(input: &[u8]) -> Result<[u8; 32], Error>",
			"pub fn v(input: &[u8]) -> Result<bool, Error>",
			"pub fn x(input: &[u8], out: &mut [u8]) -> Result<usize, Error>",
			"    pub fn q(input: &[u8]) -> Result<bool, Error>",
			"raw::dusk::q(",
		},
		"c/hostcrypto.h": {"#define HOSTCRYPTO_H_OUT 32\n", "#define DUSK_Q_OUT 1\n", "int32_t dusk_q(const uint8_t *in"},
		"assemblyscript/assembly/index.ts": {
			"export function h(input: Uint8Array): Uint8Array | null",
			"export function v(input: Uint8Array): bool",
			"export function x(input: Uint8Array, out: Uint8Array): i32",
			"export function duskQ(input: Uint8Array): bool",
		},
	} {
		for _, w := range wants {
			if !strings.Contains(string(files[file]), w) {
				t.Errorf("%s lacks %q", file, w)
			}
		}
	}
	if strings.Contains(string(files["c/hostcrypto.h"]), "HOSTCRYPTO_X_OUT") {
		t.Error("a variable output has a size macro")
	}
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
