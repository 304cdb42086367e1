import * as snarkjs from "snarkjs";
import fs from "fs";
const r = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;
const rd = (f) => JSON.parse(fs.readFileSync(f, "utf8"));
for (const sys of ["g16", "plonk"]) {
  const vk = rd(`${sys}_vk.json`);
  const p1 = rd(`${sys}_proof_1.json`), s1 = rd(`${sys}_public_1.json`);
  const p3 = rd(`${sys}_proof_3.json`), s3 = rd(`${sys}_public_3.json`);
  const bump = (s, i, d) => s.map((x, j) => j === i ? (BigInt(x) + d).toString() : x);
  const cases = [
    ["public6_plus_one", bump(s1, 6, 1n), p1],
    ["public3_plus_one", bump(s1, 3, 1n), p1],
    ["public0_plus_one", bump(s1, 0, 1n), p1],
    ["public1_public2_swapped", [s1[0], s1[2], s1[1], ...s1.slice(3)], p1],
    ["proof1_with_public3", s3, p1],
    ["public6_plus_r_noncanonical", bump(s1, 6, r), p1],
  ];
  const out = [];
  for (const [name, pub, proof] of cases) {
    const v = sys === "g16" ? await snarkjs.groth16.verify(vk, pub, proof) : await snarkjs.plonk.verify(vk, pub, proof);
    out.push({ name, publicSignals: pub, proof, snarkjs_0_7_6_verdict: v, expected: false });
  }
  fs.writeFileSync(`${sys}_invalid_cases.json`, JSON.stringify({ verification_key: "verification_key.json", derived_from: "proof_1.json/public_1.json (and proof_3/public_3)", cases: out }, null, 1));
  console.log(sys, out.map(c => `${c.name}=${c.snarkjs_0_7_6_verdict}`).join(" "));
}
process.exit(0);
