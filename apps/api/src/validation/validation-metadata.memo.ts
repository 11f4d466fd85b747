import { getMetadataStorage, type MetadataStorage } from 'class-validator';

type ValidationMetadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];
type Grouped = Record<string, ValidationMetadata[]>;

const memoized = new WeakSet<MetadataStorage>();

/**
 * class-validator recomputes a DTO's rules on every validation, for each nested object, by scanning
 * every decorated class of the app (for inherited rules) and regrouping them by property; Nest's
 * ValidationPipe asks again before validating. The rules only change when decorators register
 * more, so the answers are kept per class until then: the same rules, computed once.
 */
export function memoizeValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  if (memoized.has(storage)) return;
  memoized.add(storage);
  let targets = new Map<unknown, Map<string, ValidationMetadata[]>>();
  let groups = new WeakMap<ValidationMetadata[], Grouped>();

  const add = storage.addValidationMetadata.bind(storage);
  storage.addValidationMetadata = (metadata) => {
    targets = new Map();
    groups = new WeakMap();
    add(metadata);
  };

  const compute = storage.getTargetValidationMetadatas.bind(storage);
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groupNames) => {
    const key = JSON.stringify([schema, always, strictGroups, groupNames]);
    const forTarget = targets.get(target) ?? new Map<string, ValidationMetadata[]>();
    targets.set(target, forTarget);
    const found = forTarget.get(key) ?? compute(target, schema, always, strictGroups, groupNames);
    forTarget.set(key, found);
    return found;
  };

  const group = storage.groupByPropertyName.bind(storage);
  storage.groupByPropertyName = (metadata) => {
    const found = groups.get(metadata) ?? group(metadata);
    groups.set(metadata, found);
    return found;
  };
}
