// An example AssemblyScript contract calling one hostcrypto function of each
// family, and one of module "dusk", and checking the results against values
// published in the specifications (not computed by hostcrypto).
//
// Build (in guest/assemblyscript, after npm ci): npm run build:example
// Run: hostcrypto run build/contract.wasm run --gas 100000000
//
// The export run returns 0 when every check passes, otherwise a bit mask of
// the failed checks (the FAIL_* constants).

import * as hc from "../assembly/index";

const FAIL_SHA256: i32 = 1 << 0; // hash: SHA-256("abc")
const FAIL_PAIRING_VALID: i32 = 1 << 1; // curve: e(G1, G2) * e(-G1, G2) == 1
const FAIL_PAIRING_INVALID: i32 = 1 << 2; // curve: e(G1, G2) * e(G1, G2) != 1
const FAIL_ED25519_VALID: i32 = 1 << 3; // signature: RFC 8032 test 1
const FAIL_ED25519_INVALID: i32 = 1 << 4; // signature: test 1 with a message byte added
const FAIL_ED25519_SHORT: i32 = 1 << 5; // signature: truncated input is malformed
const FAIL_GROTH16_VALID: i32 = 1 << 6; // zk: Groth16 proof that satisfies its key
const FAIL_GROTH16_INVALID: i32 = 1 << 7; // zk: the same proof with C replaced
const FAIL_DUSK_SHA256: i32 = 1 << 8; // module dusk: rusk's sha256("abc")

// FIPS 180-2, appendix B.1: SHA-256("abc").
const SHA256_ABC: StaticArray<u8> = [
  0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40, 0xde, 0x5d, 0xae, 0x22, 0x23,
  0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad,
];

// RFC 8032 section 7.1, TEST 1: public key || signature of the empty message.
const ED25519_TEST1: StaticArray<u8> = [
  0xd7, 0x5a, 0x98, 0x01, 0x82, 0xb1, 0x0a, 0xb7, 0xd5, 0x4b, 0xfe, 0xd3, 0xc9, 0x64, 0x07, 0x3a,
  0x0e, 0xe1, 0x72, 0xf3, 0xda, 0xa6, 0x23, 0x25, 0xaf, 0x02, 0x1a, 0x68, 0xf7, 0x07, 0x51, 0x1a,
  0xe5, 0x56, 0x43, 0x00, 0xc3, 0x60, 0xac, 0x72, 0x90, 0x86, 0xe2, 0xcc, 0x80, 0x6e, 0x82, 0x8a,
  0x84, 0x87, 0x7f, 0x1e, 0xb8, 0xe5, 0xd9, 0x74, 0xd8, 0x73, 0xe0, 0x65, 0x22, 0x49, 0x01, 0x55,
  0x5f, 0xb8, 0x82, 0x15, 0x90, 0xa3, 0x3b, 0xac, 0xc6, 0x1e, 0x39, 0x70, 0x1c, 0xf9, 0xb4, 0x6b,
  0xd2, 0x5b, 0xf5, 0xf0, 0x59, 0x5b, 0xbe, 0x24, 0x65, 0x51, 0x41, 0x43, 0x8e, 0x7a, 0x10, 0x0b,
];

// The BN254 (alt_bn128) G2 generator as EIP-197 lists it, encoded
// x.c1 || x.c0 || y.c1 || y.c0. G1 is (1, 2) and -G1 = (1, p - 2).
const BN254_G2: StaticArray<u8> = [
  0x19, 0x8e, 0x93, 0x93, 0x92, 0x0d, 0x48, 0x3a, 0x72, 0x60, 0xbf, 0xb7, 0x31, 0xfb, 0x5d, 0x25,
  0xf1, 0xaa, 0x49, 0x33, 0x35, 0xa9, 0xe7, 0x12, 0x97, 0xe4, 0x85, 0xb7, 0xae, 0xf3, 0x12, 0xc2,
  0x18, 0x00, 0xde, 0xef, 0x12, 0x1f, 0x1e, 0x76, 0x42, 0x6a, 0x00, 0x66, 0x5e, 0x5c, 0x44, 0x79,
  0x67, 0x43, 0x22, 0xd4, 0xf7, 0x5e, 0xda, 0xdd, 0x46, 0xde, 0xbd, 0x5c, 0xd9, 0x92, 0xf6, 0xed,
  0x09, 0x06, 0x89, 0xd0, 0x58, 0x5f, 0xf0, 0x75, 0xec, 0x9e, 0x99, 0xad, 0x69, 0x0c, 0x33, 0x95,
  0xbc, 0x4b, 0x31, 0x33, 0x70, 0xb3, 0x8e, 0xf3, 0x55, 0xac, 0xda, 0xdc, 0xd1, 0x22, 0x97, 0x5b,
  0x12, 0xc8, 0x5e, 0xa5, 0xdb, 0x8c, 0x6d, 0xeb, 0x4a, 0xab, 0x71, 0x80, 0x8d, 0xcb, 0x40, 0x8f,
  0xe3, 0xd1, 0xe7, 0x69, 0x0c, 0x43, 0xd3, 0x7b, 0x4c, 0xe6, 0xcc, 0x01, 0x66, 0xfa, 0x7d, 0xaa,
];

// p - 2, p the BN254 base field modulus.
const BN254_P_MINUS_2: StaticArray<u8> = [
  0x30, 0x64, 0x4e, 0x72, 0xe1, 0x31, 0xa0, 0x29, 0xb8, 0x50, 0x45, 0xb6, 0x81, 0x81, 0x58, 0x5d,
  0x97, 0x81, 0x6a, 0x91, 0x68, 0x71, 0xca, 0x8d, 0x3c, 0x20, 0x8c, 0x16, 0xd8, 0x7c, 0xfd, 0x45,
];

// A byte buffer filled front to back.
class Buf {
  b: Uint8Array = new Uint8Array(1024);
  n: i32 = 0;

  put(s: StaticArray<u8>): Buf {
    for (let i = 0; i < s.length; i++) this.b[this.n + i] = s[i];
    this.n += s.length;
    return this;
  }

  // G1 = (1, 2), or -G1 = (1, p - 2).
  g1(negate: bool): Buf {
    for (let i = 0; i < 64; i++) this.b[this.n + i] = 0;
    this.b[this.n + 31] = 1;
    if (negate) {
      for (let i = 0; i < 32; i++) this.b[this.n + 32 + i] = BN254_P_MINUS_2[i];
    } else {
      this.b[this.n + 63] = 2;
    }
    this.n += 64;
    return this;
  }

  bytes(): Uint8Array {
    return this.b.subarray(0, this.n);
  }
}

function u8s(s: StaticArray<u8>): Uint8Array {
  return new Buf().put(s).bytes();
}

function equal(a: Uint8Array | null, b: StaticArray<u8>): bool {
  if (a == null || a.length != b.length) return false;
  let d: u8 = 0;
  for (let i = 0; i < b.length; i++) d |= a[i] ^ b[i];
  return d == 0;
}

// e(G1, G2) * e(±G1, G2): 1 with -G1.
function pairing(valid: bool): Uint8Array {
  return new Buf().g1(false).put(BN254_G2).g1(valid).put(BN254_G2).bytes();
}

// A Groth16 BN254 input: a verifying key with alpha = IC_0 = G1 and
// beta = gamma = delta = G2, no public inputs, and the proof A = G1, B = G2,
// C = -G1 (valid: e(G1,G2) = e(G1,G2) e(G1,G2) e(-G1,G2)) or C = G1.
function groth16(valid: bool): Uint8Array {
  const one: StaticArray<u8> = [0, 0, 0, 1];
  return new Buf()
    .g1(false).put(BN254_G2).put(BN254_G2).put(BN254_G2).put(one).g1(false)
    .g1(false).put(BN254_G2).g1(valid)
    .bytes();
}

// A verification that returned a verdict, not an error.
function is(v: bool, want: bool): bool {
  return hc.lastError() == 0 && v == want;
}

export function run(): i32 {
  const abc = Uint8Array.wrap(String.UTF8.encode("abc"));
  let fail: i32 = 0;
  if (!equal(hc.sha256(abc), SHA256_ABC)) fail |= FAIL_SHA256;
  if (!is(hc.bn254PairingCheck(pairing(true)), true)) fail |= FAIL_PAIRING_VALID;
  if (!is(hc.bn254PairingCheck(pairing(false)), false)) fail |= FAIL_PAIRING_INVALID;
  const sig = new Buf().put(ED25519_TEST1);
  if (!is(hc.ed25519Verify(sig.bytes()), true)) fail |= FAIL_ED25519_VALID;
  const x: StaticArray<u8> = [0x78];
  if (!is(hc.ed25519Verify(sig.put(x).bytes()), false)) fail |= FAIL_ED25519_INVALID;
  hc.ed25519Verify(u8s(ED25519_TEST1).subarray(0, 95));
  if (hc.lastError() != hc.ERR_MALFORMED_INPUT) fail |= FAIL_ED25519_SHORT;
  if (!is(hc.groth16Bn254Verify(groth16(true)), true)) fail |= FAIL_GROTH16_VALID;
  if (!is(hc.groth16Bn254Verify(groth16(false)), false)) fail |= FAIL_GROTH16_INVALID;
  if (!equal(hc.duskSha256(abc), SHA256_ABC)) fail |= FAIL_DUSK_SHA256;
  return fail;
}
