// The search attributes operators filter on in the Temporal Web UI. One list, used to register
// them (dev server flags, or the operator service of a cluster) and to set them in workflows.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

// The family's account number, never its e-mail: Temporal's visibility store keeps attributes
// in clear until the namespace's retention, out of reach of an erasure.
export const AccountAttribute = defineSearchAttributeKey('AccountId', SearchAttributeType.INT);
export const CommuneAttribute = defineSearchAttributeKey('Commune', SearchAttributeType.KEYWORD);
export const OrderNumberAttribute = defineSearchAttributeKey('OrderNumber', SearchAttributeType.KEYWORD);
export const ProcessStateAttribute = defineSearchAttributeKey('ProcessState', SearchAttributeType.KEYWORD);
export const TotalCentsAttribute = defineSearchAttributeKey('TotalCents', SearchAttributeType.INT);

export const searchAttributes = [AccountAttribute, CommuneAttribute, OrderNumberAttribute, ProcessStateAttribute, TotalCentsAttribute];

const cliTypeNames: Record<string, string> = {
  [SearchAttributeType.KEYWORD]: 'Keyword',
  [SearchAttributeType.INT]: 'Int',
};

/** `Name=Type` pairs for `temporal server start-dev --search-attribute`. */
export function searchAttributeFlags(): string[] {
  return searchAttributes.map((key) => `${key.name}=${cliTypeNames[key.type]}`);
}
