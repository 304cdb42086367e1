package guestgen

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"text/template"
	"unicode"

	"github.com/hostcrypto/hostcrypto/core"
	"github.com/hostcrypto/hostcrypto/dusk"
)

// The C, Rust and AssemblyScript SDKs cover two import modules:
//
//   - "hostcrypto": every catalogue function whose name is a plain
//     identifier, under its own name (as package guest does);
//   - "dusk": rusk's host queries under rusk's names (dusk.Exports), each
//     with the encoding of the catalogue function it aliases.
//
// Catalogue names with a profile prefix ("dusk:hash", "evm:0x01") are not
// identifiers in any of the three languages and are left out of module
// "hostcrypto": the dusk:* aliases are reached through module "dusk" under
// rusk's names, and the evm:* precompile addresses are an EVM embedder's
// view of functions the SDKs already name (sha256, secp256k1_recover,
// bn254_pairing_check, ...). Any other catalogue name that is not a valid
// identifier fails the generator, so a new name is never silently dropped.

// sdkFunc is one import of one module.
type sdkFunc struct {
	Module  string // import module: "hostcrypto" or "dusk"
	Import  string // import name
	Catalog string // catalogue name ("sha256", "dusk:sha256")
	Target  string // catalogue function whose encoding applies
	Input   string
	Output  string
	Out     int  // fixed output size, 0 if variable
	Verdict bool // one-byte 0x01/0x00 verification result
}

// Ident is the import name as an identifier of the target languages.
func (f sdkFunc) Ident() string { return f.Import }

// C is the C function name: hostcrypto_<name> or dusk_<rusk name>.
func (f sdkFunc) C() string { return f.Module + "_" + f.Import }

// Upper is the upper-case stem of size constants: SHA256, DUSK_SHA256.
func (f sdkFunc) Upper() string {
	if f.Module == "hostcrypto" {
		return strings.ToUpper(f.Import)
	}
	return strings.ToUpper(f.Module + "_" + f.Import)
}

// CUpper is the stem of C size macros: HOSTCRYPTO_SHA256, DUSK_SHA256.
func (f sdkFunc) CUpper() string { return strings.ToUpper(f.Module + "_" + f.Import) }

// Camel is the AssemblyScript wrapper name: sha256, bls12381Verify,
// duskVerifyBls.
func (f sdkFunc) Camel() string {
	n := GoName(f.Import)
	if f.Module != "hostcrypto" {
		n = GoName(f.Module + "_" + f.Import)
	}
	r := []rune(n)
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

// Raw is the AssemblyScript name of the raw import: sha256, dusk_sha256.
func (f sdkFunc) Raw() string {
	if f.Module == "hostcrypto" {
		return f.Import
	}
	return f.Module + "_" + f.Import
}

// Fixed reports a fixed output larger than a verdict.
func (f sdkFunc) Fixed() bool { return f.Out > 0 && !f.Verdict }

type sdkCode struct {
	Code  int32
	Name  string // "malformed_input"
	Camel string // "MalformedInput"
	Upper string // "MALFORMED_INPUT"
}

type sdkData struct {
	Hostcrypto, Dusk []sdkFunc
	Codes            []sdkCode
}

var identRE = regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)

// sdkModel builds the SDKs' view of the catalogue.
func sdkModel() (*sdkData, error) {
	funcs := catalogue()
	byName := make(map[string]*core.Func, len(funcs))
	for _, f := range funcs {
		byName[f.Name] = f
	}
	d := &sdkData{}
	describe := func(module, imp string, f, target *core.Func) (sdkFunc, error) {
		if !identRE.MatchString(imp) {
			return sdkFunc{}, fmt.Errorf("guestgen: %s import %q is not an identifier in C, Rust and AssemblyScript", module, imp)
		}
		s := sdkFunc{Module: module, Import: imp, Catalog: f.Name, Target: target.Name,
			Input: oneLine(target.Input), Output: oneLine(target.Output)}
		if target.OutLen == nil {
			s.Out = target.FixedOut
			s.Verdict = s.Out == 1 && strings.Contains(s.Output, "0x01")
		}
		for _, t := range []string{s.Input, s.Output} {
			if strings.Contains(t, "*/") {
				return sdkFunc{}, fmt.Errorf("guestgen: %s: description contains */", f.Name)
			}
		}
		return s, nil
	}
	for _, f := range funcs {
		if strings.Contains(f.Name, ":") {
			continue
		}
		s, err := describe("hostcrypto", f.Name, f, f)
		if err != nil {
			return nil, err
		}
		d.Hostcrypto = append(d.Hostcrypto, s)
	}
	exports := dusk.Exports()
	rusk := make([]string, 0, len(exports))
	for r := range exports {
		rusk = append(rusk, r)
	}
	sort.Strings(rusk)
	for _, r := range rusk {
		f, ok := byName[exports[r]]
		if !ok {
			return nil, fmt.Errorf("guestgen: dusk export %q: no catalogue function %q", r, exports[r])
		}
		// An alias holds its target as its one Target (dusk/aliases.go).
		if len(f.Targets) != 1 || f.Targets[0] == nil {
			return nil, fmt.Errorf("guestgen: %s: cannot find the function it aliases", f.Name)
		}
		target := f.Targets[0]
		if f.OutputSize(nil) != target.OutputSize(nil) {
			return nil, fmt.Errorf("guestgen: %s and %s disagree on the output size", f.Name, target.Name)
		}
		s, err := describe("dusk", r, f, target)
		if err != nil {
			return nil, err
		}
		d.Dusk = append(d.Dusk, s)
	}
	for _, c := range core.Codes() {
		n := c.String()
		d.Codes = append(d.Codes, sdkCode{Code: int32(c), Name: n, Camel: GoName(n), Upper: strings.ToUpper(n)})
	}
	// The wrappers' own failures use these two.
	for _, c := range []core.Code{core.CodeInternal, core.CodeTooLarge} {
		if c.String() != map[core.Code]string{core.CodeInternal: "internal_error", core.CodeTooLarge: "input_too_large"}[c] {
			return nil, fmt.Errorf("guestgen: code %d is now %q: update the SDK templates", c, c)
		}
	}
	return d, nil
}

// renderSDKs returns the C, Rust and AssemblyScript files by path relative
// to guest/.
func renderSDKs() (map[string][]byte, error) {
	d, err := sdkModel()
	if err != nil {
		return nil, err
	}
	return renderSDKFiles(d)
}

func renderSDKFiles(d *sdkData) (map[string][]byte, error) {
	out := map[string][]byte{}
	for name, t := range map[string]*template.Template{
		"c/hostcrypto.h":                     cTmpl,
		"rust/src/lib.rs":                    rustTmpl,
		"assemblyscript/assembly/imports.ts": asImportsTmpl,
		"assemblyscript/assembly/index.ts":   asIndexTmpl,
	} {
		var b bytes.Buffer
		if err := t.Execute(&b, d); err != nil {
			return nil, err
		}
		out[name] = b.Bytes()
	}
	return out, nil
}

var sdkFuncs = template.FuncMap{
	"all":     func(d *sdkData) []sdkFunc { return append(append([]sdkFunc(nil), d.Hostcrypto...), d.Dusk...) },
	"wrapper": func(sdkFunc) (string, error) { return "", nil }, // set in init
}

// rustWrapper renders one safe Rust wrapper, indented inside its module.
func rustWrapper(f sdkFunc) (string, error) {
	var b strings.Builder
	if err := rustTmpl.ExecuteTemplate(&b, "wrapper", f); err != nil {
		return "", err
	}
	if f.Module == "hostcrypto" {
		return b.String(), nil
	}
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = "    " + l
		}
	}
	return strings.Join(lines, "\n"), nil
}

func init() { rustTmpl.Funcs(template.FuncMap{"wrapper": rustWrapper}) }

var cTmpl = template.Must(template.New("c").Funcs(sdkFuncs).Parse(`/* Code generated by go run ./internal/cmd/genguest. DO NOT EDIT. */

/*
 * hostcrypto.h: the hostcrypto host functions for C contracts compiled to
 * WebAssembly (clang --target=wasm32; no libc needed).
 *
 * Every function has one shape:
 *
 *     int32_t f(const uint8_t *in, uint32_t in_len, uint8_t *out, uint32_t out_cap);
 *
 * A non-negative result is the number of bytes written at out; a negative
 * one is a status code HOSTCRYPTO_ERR_*. A failed verification is not an
 * error: verification functions write one byte, 0x01 valid or 0x00 invalid.
 * Running out of gas and pointers outside the contract's memory trap: the
 * contract does not see them.
 *
 * hostcrypto_<name> imports <name> from module "hostcrypto";
 * dusk_<name> imports rusk's host query <name> from module "dusk".
 * HOSTCRYPTO_<NAME>_OUT and DUSK_<NAME>_OUT are the output sizes of the
 * functions whose output size is fixed.
 */
#ifndef HOSTCRYPTO_H
#define HOSTCRYPTO_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Status codes. */
{{- range .Codes}}
#define HOSTCRYPTO_ERR_{{.Upper}} ({{.Code}}) /* {{.Name}} */
{{- end}}

/* Output sizes in bytes. */
{{- range all .}}{{if .Out}}
#define {{.CUpper}}_OUT {{.Out}}{{end}}{{end}}

/* Module "hostcrypto". */
{{range .Hostcrypto}}
/* {{.Import}}
 * Input: {{.Input}}
 * Output: {{.Output}} */
__attribute__((import_module("hostcrypto"), import_name("{{.Import}}")))
int32_t {{.C}}(const uint8_t *in, uint32_t in_len, uint8_t *out, uint32_t out_cap);
{{end}}
/* Module "dusk": rusk's host queries, each as the catalogue function named. */
{{range .Dusk}}
/* {{.Import}}: as {{.Target}}
 * Input: {{.Input}}
 * Output: {{.Output}} */
__attribute__((import_module("dusk"), import_name("{{.Import}}")))
int32_t {{.C}}(const uint8_t *in, uint32_t in_len, uint8_t *out, uint32_t out_cap);
{{end}}
#ifdef __cplusplus
}
#endif

#endif /* HOSTCRYPTO_H */
`))

var rustTmpl = template.Must(template.New("rust").Funcs(sdkFuncs).Parse(`// Code generated by go run ./internal/cmd/genguest. DO NOT EDIT.

//! Contract-side bindings to the hostcrypto host functions, for Rust
//! contracts compiled to ` + "`wasm32-unknown-unknown`" + `. ` + "`no_std`" + `, no dependencies,
//! Rust 1.63 or newer.
//!
//! [` + "`raw`" + `] holds the imports exactly as the host defines them:
//!
//! ` + "```text" + `
//! fn(in_ptr: *const u8, in_len: u32, out_ptr: *mut u8, out_cap: u32) -> i32
//! ` + "```" + `
//!
//! returning the number of bytes written or a negative status code. The
//! safe wrappers at the crate root (module "hostcrypto") and in [` + "`dusk`" + `]
//! (module "dusk", rusk's names) return:
//!
//! - ` + "`Result<[u8; N], Error>`" + ` for a fixed-size output,
//! - ` + "`Result<bool, Error>`" + ` for a verification (a failed verification is
//!   ` + "`Ok(false)`" + `, not an error),
//! - ` + "`Result<usize, Error>`" + ` (bytes written into ` + "`out`" + `) for a variable output.
//!
//! Running out of gas and pointers outside the contract's memory trap: the
//! contract does not see them.
#![no_std]

/// A status code returned by a host function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(i32)]
pub enum Error {
{{- range .Codes}}
    /// ` + "`{{.Name}}`" + `
    {{.Camel}} = {{.Code}},
{{- end}}
}

impl Error {
    /// The error of a negative host result, None for any other value.
    pub fn from_code(code: i32) -> Option<Error> {
        match code {
{{- range .Codes}}
            {{.Code}} => Some(Error::{{.Camel}}),
{{- end}}
            _ => None,
        }
    }

    /// The numeric status code.
    pub fn code(self) -> i32 {
        self as i32
    }

    /// The code's stable name, as the host reports it.
    pub fn name(self) -> &'static str {
        match self {
{{- range .Codes}}
            Error::{{.Camel}} => "{{.Name}}",
{{- end}}
        }
    }
}

impl core::fmt::Display for Error {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("hostcrypto: ")?;
        f.write_str(self.name())
    }
}

/// Output sizes in bytes of the functions whose output size is fixed.
pub mod sizes {
{{- range all .}}{{if .Out}}
    pub const {{.Upper}}: usize = {{.Out}};{{end}}{{end}}
}

fn len32(b: &[u8]) -> Result<u32, Error> {
    if b.len() > u32::MAX as usize {
        Err(Error::InputTooLarge)
    } else {
        Ok(b.len() as u32)
    }
}

fn written(r: i32) -> Result<usize, Error> {
    if r < 0 {
        Err(Error::from_code(r).unwrap_or(Error::InternalError))
    } else {
        Ok(r as usize)
    }
}

fn exact(r: i32, n: usize) -> Result<(), Error> {
    if written(r)? != n {
        return Err(Error::InternalError);
    }
    Ok(())
}

fn verdict(r: i32, b: u8) -> Result<bool, Error> {
    exact(r, 1)?;
    match b {
        1 => Ok(true),
        0 => Ok(false),
        _ => Err(Error::InternalError),
    }
}

/// The host imports, unwrapped.
pub mod raw {
    #[link(wasm_import_module = "hostcrypto")]
    extern "C" {
{{- range .Hostcrypto}}
        /// ` + "`{{.Import}}`" + `: see [` + "`crate::{{.Ident}}`" + `].
        #[link_name = "{{.Import}}"]
        pub fn {{.Ident}}(in_ptr: *const u8, in_len: u32, out_ptr: *mut u8, out_cap: u32) -> i32;
{{- end}}
    }

    /// Module "dusk": rusk's host queries.
    pub mod dusk {
        #[link(wasm_import_module = "dusk")]
        extern "C" {
{{- range .Dusk}}
            /// ` + "`{{.Import}}`" + `: see [` + "`crate::dusk::{{.Ident}}`" + `].
            #[link_name = "{{.Import}}"]
            pub fn {{.Ident}}(in_ptr: *const u8, in_len: u32, out_ptr: *mut u8, out_cap: u32) -> i32;
{{- end}}
        }
    }
}
{{range .Hostcrypto}}{{wrapper .}}{{end}}
/// Module "dusk": rusk's host queries under rusk's names, each with the
/// encoding of the catalogue function it aliases.
pub mod dusk {
    #[allow(unused_imports)]
    use super::{exact, len32, raw, verdict, written, Error};
{{range .Dusk}}{{wrapper .}}{{end}}}
{{define "wrapper"}}
/// ` + "`{{.Import}}`" + `{{if ne .Target .Import}} (as ` + "`{{.Target}}`" + `){{end}}.
///
/// Input: {{.Input}}
///
/// Output: {{.Output}}
{{- if .Verdict}}
pub fn {{.Ident}}(input: &[u8]) -> Result<bool, Error> {
    let mut out = [0u8; 1];
    let r = unsafe { raw::{{if ne .Module "hostcrypto"}}{{.Module}}::{{end}}{{.Ident}}(input.as_ptr(), len32(input)?, out.as_mut_ptr(), 1) };
    verdict(r, out[0])
}
{{- else if .Out}}
pub fn {{.Ident}}(input: &[u8]) -> Result<[u8; {{.Out}}], Error> {
    let mut out = [0u8; {{.Out}}];
    let r = unsafe { raw::{{if ne .Module "hostcrypto"}}{{.Module}}::{{end}}{{.Ident}}(input.as_ptr(), len32(input)?, out.as_mut_ptr(), {{.Out}}) };
    exact(r, {{.Out}})?;
    Ok(out)
}
{{- else}}
pub fn {{.Ident}}(input: &[u8], out: &mut [u8]) -> Result<usize, Error> {
    let r = unsafe { raw::{{if ne .Module "hostcrypto"}}{{.Module}}::{{end}}{{.Ident}}(input.as_ptr(), len32(input)?, out.as_mut_ptr(), len32(out)?) };
    written(r)
}
{{- end}}
{{end}}`))

var asImportsTmpl = template.Must(template.New("asi").Funcs(sdkFuncs).Parse(`// Code generated by go run ./internal/cmd/genguest. DO NOT EDIT.

// The hostcrypto host imports, unwrapped: each returns the number of bytes
// written at out_ptr or a negative status code (index.ts has the codes and
// the wrappers).
{{range .Hostcrypto}}
// {{.Import}}
@external("hostcrypto", "{{.Import}}")
export declare function {{.Raw}}(in_ptr: usize, in_len: u32, out_ptr: usize, out_cap: u32): i32;
{{end}}
// Module "dusk": rusk's host queries.
{{range .Dusk}}
// {{.Import}}: as {{.Target}}
@external("dusk", "{{.Import}}")
export declare function {{.Raw}}(in_ptr: usize, in_len: u32, out_ptr: usize, out_cap: u32): i32;
{{end}}`))

var asIndexTmpl = template.Must(template.New("asx").Funcs(sdkFuncs).Parse(`// Code generated by go run ./internal/cmd/genguest. DO NOT EDIT.

// Wrappers over the hostcrypto host imports (imports.ts) for AssemblyScript
// contracts:
//
//   - a fixed-size output: (input) => Uint8Array | null, null on error;
//   - a verification: (input) => bool; false when the signature or proof is
//     invalid and when the call failed: lastError() tells them apart (0 for
//     a clean "invalid");
//   - a variable output: (input, out) => i32, the bytes written into out or
//     a negative status code.
//
// lastError() is the status of the last wrapper call: 0 or an ERR_* code.
// Running out of gas and pointers outside the contract's memory trap.

import * as raw from "./imports";

// Status codes.
{{- range .Codes}}
export const ERR_{{.Upper}}: i32 = {{.Code}}; // {{.Name}}
{{- end}}

// Output sizes in bytes.
{{- range all .}}{{if .Out}}
export const {{.Upper}}_OUT: i32 = {{.Out}};{{end}}{{end}}

let status: i32 = 0;

// lastError returns the status of the last wrapper call: 0 or an ERR_* code.
export function lastError(): i32 {
  return status;
}

// errorName returns the stable name of a status code.
export function errorName(code: i32): string {
  switch (code) {
{{- range .Codes}}
    case {{.Code}}: return "{{.Name}}";
{{- end}}
  }
  return "unknown";
}

function fixed(r: i32, out: Uint8Array): Uint8Array | null {
  if (r < 0) {
    status = r;
    return null;
  }
  if (r != out.length) {
    status = ERR_INTERNAL_ERROR;
    return null;
  }
  status = 0;
  return out;
}

function verdict(r: i32, out: Uint8Array): bool {
  if (r < 0) {
    status = r;
    return false;
  }
  if (r != 1 || out[0] > 1) {
    status = ERR_INTERNAL_ERROR;
    return false;
  }
  status = 0;
  return out[0] == 1;
}

function written(r: i32): i32 {
  status = r < 0 ? r : 0;
  return r;
}
{{range all .}}
// {{.Camel}}: {{if ne .Module "hostcrypto"}}module {{.Module}}, {{end}}{{.Import}}{{if ne .Target .Import}} (as {{.Target}}){{end}}.
// Input: {{.Input}}
// Output: {{.Output}}
{{- if .Verdict}}
export function {{.Camel}}(input: Uint8Array): bool {
  const out = new Uint8Array(1);
  return verdict(raw.{{.Raw}}(input.dataStart, <u32>input.length, out.dataStart, 1), out);
}
{{- else if .Out}}
export function {{.Camel}}(input: Uint8Array): Uint8Array | null {
  const out = new Uint8Array({{.Out}});
  return fixed(raw.{{.Raw}}(input.dataStart, <u32>input.length, out.dataStart, {{.Out}}), out);
}
{{- else}}
export function {{.Camel}}(input: Uint8Array, out: Uint8Array): i32 {
  return written(raw.{{.Raw}}(input.dataStart, <u32>input.length, out.dataStart, <u32>out.length));
}
{{- end}}
{{end}}`))
