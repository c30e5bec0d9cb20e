import { type KeyObject, createPrivateKey, generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type Value, objectGet } from "../../../src/rego/value.js";
import { repoRoot } from "../../helpers/shared.js";
import { call, ctx, failure } from "./helpers.js";

const fixture = (name: string) => readFileSync(path.join(repoRoot, "fixtures", "x509", name), "utf8");
const get = (v: Value | undefined, ...keys: string[]): Value | undefined =>
  keys.reduce<Value | undefined>((o, k) => (o && typeof o === "object" ? objectGet(o as never, k) : undefined), v);
const hsKey = { kty: "oct", k: Buffer.from("s3cret").toString("base64url") };

describe("io.jwt", () => {
  it("encodes as OPA does (sorted JSON, unpadded base64url) and decodes", () => {
    const token = call("io.jwt.encode_sign", [
      { typ: "JWT", alg: "HS256" },
      { sub: "ci", iss: "planguard" },
      hsKey,
    ]) as string;
    // Header and payload are Go's json.Marshal output: keys sorted.
    expect(token.split(".").slice(0, 2)).toEqual([
      Buffer.from('{"alg":"HS256","typ":"JWT"}').toString("base64url"),
      Buffer.from('{"iss":"planguard","sub":"ci"}').toString("base64url"),
    ]);
    const [header, payload, sig] = call("io.jwt.decode", [token]) as Value[];
    expect(header).toEqual({ alg: "HS256", typ: "JWT" });
    expect(payload).toEqual({ sub: "ci", iss: "planguard" });
    expect(sig).toMatch(/^[0-9a-f]{64}$/);
    expect(call("io.jwt.verify_hs256", [token, "s3cret"])).toBe(true);
    expect(call("io.jwt.verify_hs256", [token, "other"])).toBe(false);
    expect(call("io.jwt.verify_hs512", [token, "s3cret"])).toBe(false);
  });

  it("verifies RSA, RSA-PSS, ECDSA and EdDSA signatures with PEM keys and JWK sets", () => {
    const cases = [
      ["rsa", "RS256", { modulusLength: 1024 }],
      ["rsa", "PS512", { modulusLength: 2048 }],
      ["ec", "ES384", { namedCurve: "P-384" }],
      ["ed25519", "EdDSA", {}],
    ] as const;
    for (const [type, alg, options] of cases) {
      const { publicKey, privateKey } = generateKeyPairSync(type as "rsa", options as never) as unknown as {
        publicKey: KeyObject;
        privateKey: KeyObject;
      };
      const token = call("io.jwt.encode_sign", [
        { alg },
        { n: 1 },
        privateKey.export({ format: "jwk" }) as Value,
      ]) as string;
      const verifyName = `io.jwt.verify_${alg.toLowerCase()}`;
      const pem = publicKey.export({ format: "pem", type: "spki" }) as string;
      expect(call(verifyName, [token, pem]), alg).toBe(true);
      expect(call(verifyName, [token, JSON.stringify({ keys: [publicKey.export({ format: "jwk" })] })]), alg).toBe(
        true,
      );
      // A JWK whose alg is another algorithm is skipped.
      expect(
        call(verifyName, [token, JSON.stringify({ keys: [{ ...publicKey.export({ format: "jwk" }), alg: "HS256" }] })]),
        alg,
      ).toBe(false);
      expect(
        call(verifyName === "io.jwt.verify_rs256" ? "io.jwt.verify_es256" : "io.jwt.verify_rs256", [token, pem]),
        alg,
      ).toBe(false);
    }
  });

  it("verifies against the public key of a certificate", () => {
    const key = readFileSync(path.join(repoRoot, "fixtures", "x509", "leaf.key"), "utf8");
    const jwk = createPrivateKey(key).export({ format: "jwk" }) as Value;
    const token = call("io.jwt.encode_sign", [{ alg: "ES256" }, { aud: ["api"], iss: "ci" }, jwk]) as string;
    expect(call("io.jwt.verify_es256", [token, fixture("leaf.pem")])).toBe(true);
    expect(call("io.jwt.verify_es256", [token, fixture("root.pem")])).toBe(false);
    const [ok, , payload] = call("io.jwt.decode_verify", [
      token,
      { cert: fixture("leaf.pem"), aud: "api", iss: "ci" },
    ]) as Value[];
    expect(ok).toBe(true);
    expect(payload).toEqual({ aud: ["api"], iss: "ci" });
    expect(call("io.jwt.decode_verify", [token, { cert: fixture("leaf.pem") }])).toEqual([false, {}, {}]); // aud in the token, none asked
  });

  it("decode_verify checks alg, iss, exp and nbf against the constraints' time", () => {
    const token = call("io.jwt.encode_sign", [{ alg: "HS256" }, { iss: "a", exp: 2000, nbf: 1000 }, hsKey]) as string;
    const at = (seconds: number) =>
      call("io.jwt.decode_verify", [token, { secret: "s3cret", time: seconds * 1e9 }]) as Value[];
    expect(at(1500)[0]).toBe(true);
    expect(at(2000)[0]).toBe(false); // expired at exp
    expect(at(999)[0]).toBe(false); // not yet valid
    expect(call("io.jwt.decode_verify", [token, { secret: "s3cret", time: 1500e9, alg: "HS512" }])).toEqual([
      false,
      {},
      {},
    ]);
    expect(call("io.jwt.decode_verify", [token, { secret: "s3cret", time: 1500e9, iss: "b" }])).toEqual([
      false,
      {},
      {},
    ]);
    expect(call("io.jwt.decode_verify", [token, { secret: "wrong", time: 1500e9 }])).toEqual([false, {}, {}]);
  });

  it("fails on malformed tokens and constraints, with OPA's messages", () => {
    const bad = call("io.jwt.encode_sign", [{ alg: "HS256" }, { exp: null }, hsKey]) as string;
    expect(failure("io.jwt.decode_verify", [bad, { secret: "s3cret" }]).message).toBe(
      "io.jwt.decode_verify: exp value must be a number",
    );
    expect(failure("io.jwt.decode", ["abc"]).message).toBe("io.jwt.decode: encoded JWT had no period separators");
    expect(failure("io.jwt.decode", ["a.b"]).message).toBe("io.jwt.decode: encoded JWT must have 3 sections, found 2");
    expect(failure("io.jwt.decode_verify", [bad, {}]).message).toBe("io.jwt.decode_verify: no key constraint");
    expect(failure("io.jwt.decode_verify", [bad, { secret: "x", cert: fixture("leaf.pem") }]).message).toBe(
      "io.jwt.decode_verify: duplicate key constraints",
    );
    expect(failure("io.jwt.decode_verify", [bad, { secret: "x", nope: 1 }]).message).toBe(
      "io.jwt.decode_verify: unknown token validation constraint: nope",
    );
    expect(failure("io.jwt.encode_sign", [{ alg: "none" }, {}, hsKey]).message).toBe(
      "io.jwt.encode_sign: unknown JWS algorithm: none",
    );
    expect(failure("io.jwt.encode_sign_raw", ['{"alg":"HS256"}', "not json", JSON.stringify(hsKey)]).message).toBe(
      "io.jwt.encode_sign_raw: type is JWT but payload is not JSON",
    );
  });
});

describe("crypto.x509", () => {
  it("parses PEM, base64 PEM and base64 DER certificates into Go's field names", () => {
    const [leaf] = call("crypto.x509.parse_certificates", [fixture("leaf.pem")]) as Value[];
    expect(get(leaf, "Subject", "CommonName")).toBe("leaf.example.test");
    expect(get(leaf, "Subject", "Organization")).toEqual(["planguard test"]);
    expect(get(leaf, "Subject", "Country")).toBeNull();
    expect(get(leaf, "Issuer", "CommonName")).toBe("planguard test root");
    expect(get(leaf, "DNSNames")).toEqual(["leaf.example.test", "www.example.test"]);
    expect(get(leaf, "IPAddresses")).toEqual(["10.0.0.1"]);
    expect(get(leaf, "EmailAddresses")).toEqual(["ops@example.test"]);
    expect(get(leaf, "URIs", ...[])).toEqual([
      expect.objectContaining({ Scheme: "spiffe", Host: "example.test", Path: "/leaf" }),
    ]);
    expect(get(leaf, "IsCA")).toBe(false);
    expect(get(leaf, "ExtKeyUsage")).toEqual([1]); // ServerAuth
    expect([get(leaf, "PublicKeyAlgorithm"), get(leaf, "SignatureAlgorithm")]).toEqual([3, 10]); // ECDSA, ECDSAWithSHA256
    expect(get(leaf, "NotAfter")).toMatch(/^2126-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const base64Pem = Buffer.from(fixture("leaf.pem")).toString("base64");
    expect((call("crypto.x509.parse_certificates", [base64Pem]) as Value[]).length).toBe(1);
    const der = get(leaf, "Raw") as string;
    const root = get((call("crypto.x509.parse_certificates", [fixture("root.pem")]) as Value[])[0], "Raw") as string;
    const both = Buffer.concat([Buffer.from(root, "base64"), Buffer.from(der, "base64")]).toString("base64");
    expect(
      (call("crypto.x509.parse_certificates", [both]) as Value[]).map((c) => get(c, "Subject", "CommonName")),
    ).toEqual(["planguard test root", "leaf.example.test"]);
    expect(failure("crypto.x509.parse_certificates", ["not base64!"]).code).toBe("eval_builtin_error");
  });

  it("verifies a chain given root first, leaf last", () => {
    const chain = fixture("root.pem") + fixture("leaf.pem");
    const now = { ...ctx(), nowNs: BigInt(Date.now()) * 1_000_000n };
    const [ok, certs] = call("crypto.x509.parse_and_verify_certificates", [chain], now) as Value[];
    expect(ok).toBe(true);
    expect((certs as Value[]).length).toBe(2);
    expect(call("crypto.x509.parse_and_verify_certificates", [fixture("leaf.pem") + fixture("root.pem")], now)).toEqual(
      [false, []],
    );
    // Before the certificates' validity.
    expect(
      call("crypto.x509.parse_and_verify_certificates", [chain], { ...ctx(), nowNs: 1_000_000_000_000_000_000n }),
    ).toEqual([false, []]);
  });

  it("reads private keys as JWKs", () => {
    expect(Object.keys(call("crypto.x509.parse_rsa_private_key", [fixture("rsa.key")]) as object).sort()).toEqual([
      "d",
      "dp",
      "dq",
      "e",
      "kty",
      "n",
      "p",
      "q",
      "qi",
    ]);
    expect(failure("crypto.x509.parse_rsa_private_key", [fixture("leaf.key")]).message).toContain(
      "not an RSA private key",
    );
    expect(
      (call("crypto.parse_private_keys", [fixture("leaf.key") + fixture("rsa.key")]) as Value[]).map((k) =>
        get(k, "kty"),
      ),
    ).toEqual(["EC", "RSA"]);
    expect(call("crypto.parse_private_keys", [""])).toEqual([]);
  });
});
