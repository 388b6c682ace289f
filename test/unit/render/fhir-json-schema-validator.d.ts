/** Types for @asymmetrik/fhir-json-schema-validator (the package ships none). */
declare module '@asymmetrik/fhir-json-schema-validator' {
  /** Validates FHIR resources against the official R4 JSON schema (ajv 6 inside). */
  export default class JSONSchemaValidator {
    constructor(schema?: object, ajvSettings?: object);
    /** The errors for one resource; verbose gives ajv's full list. */
    validate(resource: object, verbose?: boolean): unknown[];
  }
}
