import { getMetadataStorage, IsInt, IsString, MetadataStorage, validate } from 'class-validator';
import { memoizeValidationMetadata } from './validation-metadata.memo';

class BaseDto {
  @IsString()
  name!: unknown;
}

class ChildDto extends BaseDto {
  @IsInt()
  age!: unknown;
}

const constraintsOf = async (dto: object) =>
  (await validate(dto)).map((error) => [error.property, Object.keys(error.constraints ?? {})]);

const child = (fields: Record<string, unknown>) => Object.assign(new ChildDto(), fields);

describe('memoizeValidationMetadata', () => {
  beforeAll(() => memoizeValidationMetadata());

  it('keeps the same rules, inherited ones included', async () => {
    expect(await constraintsOf(child({ name: 1, age: 'x' }))).toEqual([
      ['age', ['isInt']],
      ['name', ['isString']],
    ]);
    expect(await constraintsOf(child({ name: 'a', age: 1 }))).toEqual([]);
  });

  it("computes a class's rules and their grouping once", () => {
    const storage = getMetadataStorage();
    const rules = storage.getTargetValidationMetadatas(ChildDto, '', false, false);
    expect(storage.getTargetValidationMetadatas(ChildDto, '', false, false)).toBe(rules);
    expect(storage.groupByPropertyName(rules)).toBe(storage.groupByPropertyName(rules));
    expect(storage.getTargetValidationMetadatas(ChildDto, '', false, true, ['g'])).not.toBe(rules);
  });

  it('applies a rule registered after a validation', async () => {
    class LateDto {
      @IsString()
      name!: unknown;

      nickname?: unknown;
    }
    const late = Object.assign(new LateDto(), { name: 'a', nickname: 2 });
    expect(await constraintsOf(late)).toEqual([]);
    IsString()(LateDto.prototype, 'nickname');
    expect(await constraintsOf(late)).toEqual([['nickname', ['isString']]]);
  });

  it('patches a storage once', () => {
    const storage = new MetadataStorage();
    memoizeValidationMetadata(storage);
    const patched = storage.getTargetValidationMetadatas;
    memoizeValidationMetadata(storage);
    expect(storage.getTargetValidationMetadatas).toBe(patched);
  });
});
