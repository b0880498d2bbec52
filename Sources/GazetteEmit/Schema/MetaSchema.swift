// gazette's own meta-schema for the JSON Schema 2020-12 dialect.
//
// Written for this project from the keyword definitions of the 2020-12 Core and
// Validation specifications; it is not the official meta-schema (which splits the
// dialect into per-vocabulary documents joined by allOf). It is one document, registered
// under the dialect URI https://json-schema.org/draft/2020-12/schema, and checks:
//   - a schema is an object or a Boolean;
//   - core keywords: $id (URI reference without a non-empty fragment), $schema, $ref,
//     $dynamicRef, $anchor / $dynamicAnchor (the plain-name syntax), $defs, $comment, $vocabulary;
//   - every applicator holds schemas of the right shape (single schema, non-empty array
//     of schemas, or object of schemas), checked recursively through "$dynamicRef": "#meta"
//     so that a dialect extending this one can re-point the recursion;
//   - validation keywords: the "type" names, numbers, non-negative integers, a positive
//     multipleOf, unique string arrays for "required", dependentRequired's shape;
//   - annotation keywords: title/description/$comment strings, deprecated/readOnly/writeOnly
//     Booleans, examples an array, format/contentEncoding/contentMediaType strings,
//     contentSchema a schema.
// Unknown keywords are allowed by the meta-schema (as the specification requires);
// it is the compiler that refuses them.

enum MetaSchema {
    static let uri = "https://json-schema.org/draft/2020-12/schema"

    static let text = #"""
    {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://json-schema.org/draft/2020-12/schema",
        "$dynamicAnchor": "meta",
        "title": "JSON Schema 2020-12 dialect, as understood by gazette",
        "type": ["object", "boolean"],
        "properties": {
            "$id": {
                "type": "string",
                "format": "uri-reference",
                "$comment": "A non-empty fragment is not allowed in $id.",
                "pattern": "^[^#]*#?$"
            },
            "$schema": { "type": "string", "format": "uri" },
            "$ref": { "type": "string", "format": "uri-reference" },
            "$dynamicRef": { "type": "string", "format": "uri-reference" },
            "$anchor": { "$ref": "#/$defs/anchorName" },
            "$dynamicAnchor": { "$ref": "#/$defs/anchorName" },
            "$vocabulary": {
                "type": "object",
                "propertyNames": { "type": "string", "format": "uri" },
                "additionalProperties": { "type": "boolean" }
            },
            "$comment": { "type": "string" },
            "$defs": { "$ref": "#/$defs/schemaMap" },

            "allOf": { "$ref": "#/$defs/schemaList" },
            "anyOf": { "$ref": "#/$defs/schemaList" },
            "oneOf": { "$ref": "#/$defs/schemaList" },
            "not": { "$dynamicRef": "#meta" },
            "if": { "$dynamicRef": "#meta" },
            "then": { "$dynamicRef": "#meta" },
            "else": { "$dynamicRef": "#meta" },
            "dependentSchemas": { "$ref": "#/$defs/schemaMap" },
            "prefixItems": { "$ref": "#/$defs/schemaList" },
            "items": { "$dynamicRef": "#meta" },
            "contains": { "$dynamicRef": "#meta" },
            "properties": { "$ref": "#/$defs/schemaMap" },
            "patternProperties": {
                "$ref": "#/$defs/schemaMap",
                "propertyNames": { "format": "regex" }
            },
            "additionalProperties": { "$dynamicRef": "#meta" },
            "propertyNames": { "$dynamicRef": "#meta" },
            "unevaluatedItems": { "$dynamicRef": "#meta" },
            "unevaluatedProperties": { "$dynamicRef": "#meta" },

            "type": {
                "anyOf": [
                    { "$ref": "#/$defs/typeName" },
                    {
                        "type": "array",
                        "items": { "$ref": "#/$defs/typeName" },
                        "minItems": 1,
                        "uniqueItems": true
                    }
                ]
            },
            "enum": { "type": "array" },
            "const": true,
            "multipleOf": { "type": "number", "exclusiveMinimum": 0 },
            "maximum": { "type": "number" },
            "exclusiveMaximum": { "type": "number" },
            "minimum": { "type": "number" },
            "exclusiveMinimum": { "type": "number" },
            "maxLength": { "$ref": "#/$defs/count" },
            "minLength": { "$ref": "#/$defs/count" },
            "pattern": { "type": "string", "format": "regex" },
            "maxItems": { "$ref": "#/$defs/count" },
            "minItems": { "$ref": "#/$defs/count" },
            "uniqueItems": { "type": "boolean" },
            "maxContains": { "$ref": "#/$defs/count" },
            "minContains": { "$ref": "#/$defs/count" },
            "maxProperties": { "$ref": "#/$defs/count" },
            "minProperties": { "$ref": "#/$defs/count" },
            "required": { "$ref": "#/$defs/uniqueStrings" },
            "dependentRequired": {
                "type": "object",
                "additionalProperties": { "$ref": "#/$defs/uniqueStrings" }
            },

            "title": { "type": "string" },
            "description": { "type": "string" },
            "default": true,
            "deprecated": { "type": "boolean" },
            "readOnly": { "type": "boolean" },
            "writeOnly": { "type": "boolean" },
            "examples": { "type": "array" },
            "format": { "type": "string" },
            "contentEncoding": { "type": "string" },
            "contentMediaType": { "type": "string" },
            "contentSchema": { "$dynamicRef": "#meta" }
        },
        "$defs": {
            "anchorName": { "type": "string", "pattern": "^[A-Za-z_][-A-Za-z0-9._]*$" },
            "schemaList": { "type": "array", "minItems": 1, "items": { "$dynamicRef": "#meta" } },
            "schemaMap": { "type": "object", "additionalProperties": { "$dynamicRef": "#meta" } },
            "typeName": { "enum": ["array", "boolean", "integer", "null", "number", "object", "string"] },
            "count": { "type": "integer", "minimum": 0 },
            "uniqueStrings": { "type": "array", "items": { "type": "string" }, "uniqueItems": true }
        }
    }
    """#
}
