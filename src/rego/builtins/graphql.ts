/**
 * graphql.is_valid(query, schema) and graphql.schema_is_valid(schema),
 * with the graphql package (graphql-js, the reference implementation).
 *
 * OPA uses gqlparser, which is lenient where graphql-js is strict in one
 * way that real schemas (federation subgraphs) rely on: `extend type X`
 * without a `type X` defines X. Such extensions are turned into
 * definitions before the schema is built. gqlparser also takes a schema
 * without a Query type, and an empty query document (no operations) as
 * valid. Queries are validated with the specification's rules, as
 * gqlparser does.
 *
 * Not here: graphql.parse, graphql.parse_and_verify, graphql.parse_query
 * and graphql.parse_schema, which return gqlparser's Go AST as JSON, a
 * shape graphql-js does not produce; and operands given as such ASTs.
 * Calls to the missing builtins fail to compile ("undefined function").
 */
import { createRequire } from "node:module";
import type * as GraphQL from "graphql";
import type { Value } from "../value.js";
import { builtinError, def, typeError } from "./args.js";
import type { BuiltinDef } from "./types.js";

/**
 * graphql's module, loaded on first use. The GitHub Action's bundle
 * defines `require` and bundles this literal `require("graphql")`; the ES
 * modules of dist/ make one.
 */
function loadGraphQL(): typeof GraphQL {
  if (typeof require === "function") return require("graphql") as typeof GraphQL;
  return createRequire(import.meta.url)("graphql") as typeof GraphQL;
}

let graphql: typeof GraphQL | undefined;
const gql = (): typeof GraphQL => (graphql ??= loadGraphQL());

const EXTENSION_TO_DEFINITION: Record<string, string> = {
  ObjectTypeExtension: "ObjectTypeDefinition",
  InterfaceTypeExtension: "InterfaceTypeDefinition",
  UnionTypeExtension: "UnionTypeDefinition",
  EnumTypeExtension: "EnumTypeDefinition",
  InputObjectTypeExtension: "InputObjectTypeDefinition",
  ScalarTypeExtension: "ScalarTypeDefinition",
};

/** The SDL document with each extension of an undefined type made that type's definition (gqlparser's leniency). */
function lenient(doc: GraphQL.DocumentNode): GraphQL.DocumentNode {
  const defined = new Set<string>();
  for (const d of doc.definitions)
    if ("name" in d && d.name && !d.kind.endsWith("Extension")) defined.add(d.name.value);
  const definitions = doc.definitions.map((d) => {
    const kind = EXTENSION_TO_DEFINITION[d.kind];
    if (kind === undefined || !("name" in d) || !d.name || defined.has(d.name.value)) return d;
    defined.add(d.name.value);
    return { ...d, kind } as unknown as GraphQL.DefinitionNode;
  });
  return { ...doc, definitions };
}

function textOperand(name: string, args: Value[], i: number): string {
  const v = args[i] as Value;
  if (typeof v === "string") return v;
  if (v !== null && typeof v === "object" && !Array.isArray(v))
    throw builtinError(name, "GraphQL ASTs as operands are not supported by planguard; pass the text");
  throw typeError(name, i + 1, v, "object", "string");
}

/** The schema, or undefined when it does not parse or build. */
function buildSchema(text: string): GraphQL.GraphQLSchema | undefined {
  const g = gql();
  try {
    const schema = g.buildASTSchema(lenient(g.parse(text)));
    const problems = g.validateSchema(schema).filter((e) => !e.message.startsWith("Query root type must be provided"));
    return problems.length === 0 ? schema : undefined;
  } catch {
    return undefined;
  }
}

function isValid(args: Value[]): boolean {
  const name = "graphql.is_valid";
  const query = textOperand(name, args, 0);
  const schema = buildSchema(textOperand(name, args, 1));
  if (schema === undefined) return false;
  const g = gql();
  // A document of nothing but whitespace and comments has no operations to check.
  if (query.replace(/#[^\n\r]*/g, "").trim() === "") return true;
  try {
    return g.validate(schema, g.parse(query)).length === 0;
  } catch {
    return false;
  }
}

export const graphqlBuiltins: readonly BuiltinDef[] = [
  def("graphql.is_valid", 2, isValid),
  def(
    "graphql.schema_is_valid",
    1,
    (args) => buildSchema(textOperand("graphql.schema_is_valid", args, 0)) !== undefined,
  ),
];
