import type { Type } from '@nestjs/common';
import { ApiProperty, getSchemaPath } from '@nestjs/swagger';

/**
 * A property holding an object of `type`, or null. OpenAPI 3.0 cannot say this with `nullable` beside
 * a `$ref` (nor beside an `allOf` of one, which @nestjs/swagger writes): the referenced schema still
 * refuses null, and so does any validator (Prism). This is the form OpenAPI's nullable clarification
 * gives for it: one of the reference or null. Register `type` with ApiExtraModels on the controllers
 * that answer the DTO.
 */
export function ApiNullableRefProperty(type: Type<unknown>, description: string): PropertyDecorator {
  return ApiProperty({
    description,
    oneOf: [{ $ref: getSchemaPath(type) }, { type: 'object', nullable: true, enum: [null] }],
  });
}
